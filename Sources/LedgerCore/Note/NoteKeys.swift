import FenhongCrypto
import Foundation

/// A key ID: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖ public key) (C2SP signed-note).
/// Entries name their writer by it (`by`), as 8 hex digits.
public struct KeyID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 4 bytes, big-endian.
    public let value: UInt32

    public init(value: UInt32) { self.value = value }

    /// From exactly 4 bytes.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 4 else { return nil }
        value = bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// From exactly 8 hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 8, let bytes = Hex.decode(hex) else { return nil }
        self.init(bytes: bytes)
    }

    /// From exactly 8 lowercase hex digits, as an entry's `by` is written.
    public init?(lowercaseHex digits: UnsafeRawBufferPointer) {
        guard digits.count == 8 else { return nil }
        var bigEndian: UInt32 = 0
        guard withUnsafeMutableBytes(of: &bigEndian, { Hex.decode(digits, into: $0, lowercaseOnly: true) }) else { return nil }
        self.init(value: UInt32(bigEndian: bigEndian))
    }

    /// The 4 bytes.
    public var bytes: [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)] }

    /// 8 lowercase hex digits, as in `by`.
    public var hex: String {
        withUnsafeBytes(of: value.bigEndian) { Hex.encode($0) }
    }

    public var description: String { hex }

    public static func < (a: KeyID, b: KeyID) -> Bool { a.value < b.value }
}

/// The signature algorithms of C2SP signed notes that the ledger uses.
public enum NoteAlgorithm: UInt8, Sendable {
    /// Ed25519 note signatures (type 0x01): the accountant's checkpoint signatures.
    case ed25519 = 0x01
    /// Timestamped Ed25519 cosignatures (type 0x04, C2SP tlog-cosignature): the inspector's.
    case cosignature = 0x04
}

/// Why a key or note text could not be read.
public enum NoteError: Error, Equatable, CustomStringConvertible {
    case malformedKey(String)
    case malformedNote(String)
    case malformedCheckpoint(String)

    public var description: String { MessageText.oneLine(sentence) }

    /// The message before untrusted values in it are kept to one line.
    private var sentence: String {
        switch self {
        case .malformedKey(let why): "malformed key: \(why)"
        case .malformedNote(let why): "malformed signed note: \(why)"
        case .malformedCheckpoint(let why): "malformed checkpoint: \(why)"
        }
    }
}

/// A public key as signed notes name it: `name+hexID+base64(type ‖ key)` (a "vkey").
public struct NoteVerifierKey: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public let id: KeyID
    public let algorithm: NoteAlgorithm
    public let key: VerifyingKey

    /// The key ID that `name`, `algorithm` and `key` determine.
    public static func keyID(name: String, algorithm: NoteAlgorithm, key: VerifyingKey) -> KeyID {
        let digest = SHA256Digest.hash(Array(name.utf8) + [0x0A, algorithm.rawValue] + key.bytes)
        return KeyID(bytes: digest.bytes.prefix(4))!
    }

    /// A key whose ID is computed.
    public init(name: String, algorithm: NoteAlgorithm, key: VerifyingKey) throws(NoteError) {
        try Self.checkName(name)
        self.name = name
        self.algorithm = algorithm
        self.key = key
        self.id = Self.keyID(name: name, algorithm: algorithm, key: key)
    }

    /// Parses a vkey, checking that its ID matches its name and key.
    public init(vkey: String) throws(NoteError) {
        let parts = vkey.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformedKey("a vkey has three parts joined by +: name+id+key") }
        guard let id = KeyID(hex: String(parts[1])) else { throw .malformedKey("the key ID \(MessageText.quoted(parts[1])) is not 8 hex digits") }
        guard let raw = Data(base64Encoded: String(parts[2])), raw.count == 33 else {
            throw .malformedKey("the key part is not base64 of 33 bytes")
        }
        guard let algorithm = NoteAlgorithm(rawValue: raw[raw.startIndex]) else {
            throw .malformedKey("key type \(raw[raw.startIndex]) is not Ed25519 (1) or cosignature (4)")
        }
        let key: VerifyingKey
        do { key = try VerifyingKey(bytes: Array(raw.dropFirst())) } catch { throw .malformedKey("\(error)") }
        try self.init(name: String(parts[0]), algorithm: algorithm, key: key)
        guard self.id == id else {
            throw .malformedKey("the key ID \(id) does not match its name and key (expected \(self.id))")
        }
    }

    /// The vkey text.
    public var vkey: String {
        "\(name)+\(id.hex)+\(Data([algorithm.rawValue] + key.bytes).base64EncodedString())"
    }

    public var description: String { vkey }

    static func checkName(_ name: String) throws(NoteError) {
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0 == "+" || $0.properties.isWhitespace }) else {
            throw .malformedKey("a key name is non-empty, without spaces or +: \(MessageText.quoted(name))")
        }
    }
}

/// A private key as signed notes store it: `PRIVATE+KEY+name+hexID+base64(type ‖ seed)`.
public struct NoteSigner: Sendable {
    public let verifier: NoteVerifierKey
    public let key: SigningKey

    public var name: String { verifier.name }
    public var id: KeyID { verifier.id }

    /// A signer for `name` with `key`.
    public init(name: String, algorithm: NoteAlgorithm, key: SigningKey) throws(NoteError) {
        verifier = try NoteVerifierKey(name: name, algorithm: algorithm, key: key.verifyingKey)
        self.key = key
    }

    /// A new random key.
    public static func generate(name: String, algorithm: NoteAlgorithm) throws -> NoteSigner {
        try NoteSigner(name: name, algorithm: algorithm, key: SigningKey.generate())
    }

    /// Parses an skey line, checking its ID.
    public init(skey: String) throws(NoteError) {
        let text = skey.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY" else {
            throw .malformedKey("a private key reads PRIVATE+KEY+name+id+key")
        }
        guard let id = KeyID(hex: String(parts[3])) else { throw .malformedKey("the key ID is not 8 hex digits") }
        guard let raw = Data(base64Encoded: String(parts[4])), raw.count == 33,
              let algorithm = NoteAlgorithm(rawValue: raw[raw.startIndex])
        else { throw .malformedKey("the key part is not base64 of a type byte and a 32-byte seed") }
        let key: SigningKey
        do { key = try SigningKey(seed: Array(raw.dropFirst())) } catch { throw .malformedKey("\(error)") }
        try self.init(name: String(parts[2]), algorithm: algorithm, key: key)
        guard self.id == id else { throw .malformedKey("the key ID \(id) does not match the key (expected \(self.id))") }
    }

    /// The skey text (secret!).
    public var skey: String {
        "PRIVATE+KEY+\(name)+\(id.hex)+\(Data([verifier.algorithm.rawValue] + key.seed).base64EncodedString())"
    }
}
