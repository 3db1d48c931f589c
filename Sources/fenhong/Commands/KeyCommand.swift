import ArgumentParser
import LedgerCore

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Make, enrol and retire keys.",
        subcommands: [KeyGenerate.self, KeyAdd.self, KeyRetire.self])
}

struct KeyGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Make a key pair; writes the private key (mode 0600) and prints the public key.")

    @Option(help: "The key's name, e.g. baixin-accountant or inspector.zalaite.") var name: String
    @Option(help: "Where to write the private key.") var out: String
    @Option(help: "accountant (signs checkpoints) or inspector (cosigns).") var role: String = "accountant"

    func run() throws {
        guard let role = KeyRole(rawValue: role) else { throw ValidationError("--role \(role) must be accountant or inspector") }
        guard !out.isEmpty else { throw ValidationError("--out is empty: give the file to write the private key to") }
        // A name the ledger would refuse when the key is enrolled is refused now, before a key is made.
        if let reason = JSONValue.string(name).lineBreakReason(field: "name") { throw ValidationError("--name \(reason)") }
        guard name.utf8.count <= Self.nameBytesMax else {
            throw ValidationError("--name has \(name.utf8.count) bytes; a key's name is printed on every checkpoint and statement: at most \(Self.nameBytesMax)")
        }
        let signer = try NoteSigner.generate(name: name, algorithm: role == .accountant ? .ed25519 : .cosignature)
        try KeyFile.write(signer, to: out)
        print(signer.verifier.vkey)
    }

    /// The longest key name, in bytes: a name is printed on every checkpoint and statement.
    static let nameBytesMax = 128
}

struct KeyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Enrol a public key (vkey) as an accountant or inspector key.")

    @OptionGroup var write: WriteOptions
    @Option(help: "The public key (vkey) to enrol.") var vkey: String
    @Option(help: "accountant or inspector.") var role: String

    func run() throws {
        guard let role = KeyRole(rawValue: role) else { throw ValidationError("--role \(role) must be accountant or inspector") }
        let key: NoteVerifierKey
        do { key = try NoteVerifierKey(vkey: vkey) } catch { throw ValidationError("--vkey: \(error)") }
        let expected: NoteAlgorithm = role == .accountant ? .ed25519 : .cosignature
        guard key.algorithm == expected else {
            let other = role == .accountant ? "an inspector's" : "an accountant's"
            throw ValidationError("--vkey \(key.name) is \(other) key; make an \(role.rawValue) key with `fenhong key generate --role \(role.rawValue)`")
        }
        try write.append([.keyAdd(KeyChange(key: vkey, role: role))])
    }
}

struct KeyRetire: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retire", abstract: "Retire a key: it signs nothing from this entry on.")

    @OptionGroup var write: WriteOptions
    @Option(help: "The public key (vkey) to retire.") var vkey: String
    @Option(help: "accountant or inspector.") var role: String

    func run() throws {
        guard let role = KeyRole(rawValue: role) else { throw ValidationError("--role \(role) must be accountant or inspector") }
        try write.append([.keyRetire(KeyChange(key: vkey, role: role))])
    }
}
