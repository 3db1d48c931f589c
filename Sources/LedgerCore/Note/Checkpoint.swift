import FenhongCrypto
import Foundation

/// A tree head as a C2SP tlog-checkpoint body: `<origin>\n<size>\n<base64 root>\n`.
public struct Checkpoint: Hashable, Sendable {
    public let origin: String
    /// The number of entries the tree covers.
    public let size: Int64
    /// The RFC 9162 root hash of the first `size` entries.
    public let root: SHA256Digest

    public init(origin: String, size: Int64, root: SHA256Digest) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    /// The note text that is signed.
    public var text: String { "\(origin)\n\(size)\n\(Data(root.bytes).base64EncodedString())\n" }

    /// Parses a checkpoint body; extension lines are not used by this ledger and are refused.
    public init(text: String) throws(NoteError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[3].isEmpty else {
            throw .malformedCheckpoint("a checkpoint is three lines: origin, size, base64 root")
        }
        guard !lines[0].isEmpty else { throw .malformedCheckpoint("the origin line is empty") }
        guard let size = Int64(lines[1]), size >= 0, String(size) == lines[1] else {
            throw .malformedCheckpoint("the size \(MessageText.quoted(lines[1])) is not a decimal number without leading zeros")
        }
        guard let raw = Data(base64Encoded: String(lines[2])), let root = SHA256Digest(bytes: raw) else {
            throw .malformedCheckpoint("the root is not base64 of 32 bytes")
        }
        self.init(origin: String(lines[0]), size: size, root: root)
    }
}

/// A checkpoint with its signatures, exactly as stored and exported.
public struct SignedCheckpoint: Hashable, Sendable {
    public let checkpoint: Checkpoint
    public let note: SignedNote

    /// Parses a signed note and its checkpoint body.
    public init(parsing text: String) throws(NoteError) {
        let note = try SignedNote(parsing: text)
        try self.init(note: note)
    }

    /// A signed note whose text must be a checkpoint.
    public init(note: SignedNote) throws(NoteError) {
        self.note = note
        checkpoint = try Checkpoint(text: note.text)
    }

    /// Signs `checkpoint` with an accountant's key.
    public static func sign(_ checkpoint: Checkpoint, with signer: NoteSigner) throws -> SignedCheckpoint {
        try SignedCheckpoint(note: SignedNote.sign(text: checkpoint.text, with: signer))
    }
}
