import FenhongCrypto
import Foundation

/// One signature line of a note: `— <name> base64(keyID ‖ signature)`.
public struct NoteSignature: Hashable, Sendable {
    public let name: String
    public let id: KeyID
    /// The signature bytes after the key ID (64 for Ed25519; 8 + 64 for a cosignature).
    public let signature: [UInt8]

    public init(name: String, id: KeyID, signature: [UInt8]) {
        self.name = name
        self.id = id
        self.signature = signature
    }

    /// The line, without its final newline.
    public var line: String { "— \(name) \(Data(id.bytes + signature).base64EncodedString())" }

    /// For a cosignature: the POSIX time it claims.
    public var cosignatureTime: UInt64? {
        guard signature.count == 72 else { return nil }
        return signature.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }
}

/// A C2SP signed note: text ending in a newline, a blank line, one or more signature lines.
/// It keeps the exact text that was signed; verifying never re-serialises.
public struct SignedNote: Hashable, Sendable {
    /// The signed text, ending in exactly one newline.
    public let text: String
    public private(set) var signatures: [NoteSignature]

    /// Largest note accepted, in bytes.
    public static let sizeMax = 64 * 1024

    public init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Signs `text` with an Ed25519 note key.
    public static func sign(text: String, with signer: NoteSigner) throws -> SignedNote {
        precondition(signer.verifier.algorithm == .ed25519, "checkpoints are signed with Ed25519 note keys")
        let signature = try signer.key.sign(Array(text.utf8))
        return SignedNote(text: text, signatures: [NoteSignature(name: signer.name, id: signer.id, signature: signature)])
    }

    /// Parses the whole note.
    public init(parsing note: String) throws(NoteError) {
        guard note.utf8.count <= Self.sizeMax else { throw .malformedNote("larger than \(Self.sizeMax) bytes") }
        guard let split = note.range(of: "\n\n", options: .backwards) else {
            throw .malformedNote("no blank line before the signatures")
        }
        text = String(note[..<split.lowerBound]) + "\n"
        let block = note[split.upperBound...]
        guard !block.isEmpty else { throw .malformedNote("no signature lines after the blank line") }
        guard block.hasSuffix("\n") else { throw .malformedNote("the last signature line has no newline") }
        var signatures = [NoteSignature]()
        for line in block.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("— ") else {
                throw .malformedNote("\(MessageText.quoted(line)) after the blank line is no signature line, which starts with \"— \" (an em dash, U+2014, and a space)")
            }
            let fields = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty,
                  let raw = Data(base64Encoded: String(fields[1])), raw.count > 4
            else { throw .malformedNote("bad signature line \(MessageText.quoted(line))") }
            signatures.append(NoteSignature(name: String(fields[0]), id: KeyID(bytes: raw.prefix(4))!, signature: Array(raw.dropFirst(4))))
        }
        guard !signatures.isEmpty else { throw .malformedNote("no signature lines") }
        self.signatures = signatures
    }

    /// The whole note: text, blank line, signature lines.
    public var serialized: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    /// True when one of the signatures is a valid Ed25519 note signature by `key`.
    public func isSigned(by key: NoteVerifierKey) -> Bool {
        signatures.contains { signature in
            signature.name == key.name && signature.id == key.id && key.algorithm == .ed25519
                && key.key.isValidSignature(signature.signature, for: Array(text.utf8))
        }
    }

    /// The message a cosigner signs at `time` (C2SP tlog-cosignature, Ed25519).
    public static func cosignatureMessage(text: String, time: UInt64) -> [UInt8] {
        Array("cosignature/v1\ntime \(time)\n".utf8) + Array(text.utf8)
    }

    /// Adds a timestamped cosignature by `cosigner` (a type-0x04 key).
    public mutating func cosign(with cosigner: NoteSigner, time: UInt64) throws {
        precondition(cosigner.verifier.algorithm == .cosignature, "cosignatures use type-4 keys")
        let signature = try cosigner.key.sign(Self.cosignatureMessage(text: text, time: time))
        let timeBytes = (0..<8).map { UInt8(time >> (56 - 8 * UInt64($0)) & 0xff) }
        signatures.append(NoteSignature(name: cosigner.name, id: cosigner.id, signature: timeBytes + signature))
    }

    /// The time of a valid cosignature by `key`, or nil when there is none.
    public func cosignatureTime(by key: NoteVerifierKey) -> UInt64? {
        guard key.algorithm == .cosignature else { return nil }
        for signature in signatures where signature.name == key.name && signature.id == key.id {
            guard let time = signature.cosignatureTime else { continue }
            if key.key.isValidSignature(Array(signature.signature.dropFirst(8)), for: Self.cosignatureMessage(text: text, time: time)) {
                return time
            }
        }
        return nil
    }
}
