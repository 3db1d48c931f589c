import LedgerCore

/// One thing wrong with a ledger: where, which rule, and the expected and found values.
public struct Problem: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The entry at fault, as stored (its line number in a bundle). Tree nodes and checkpoints
    /// are reported at the last entry they cover. Nil when the problem belongs to no entry.
    public let seq: Int64?
    /// A stable code: a ``ProblemCode`` raw value or a business ``RuleCode`` raw value.
    public let code: String
    /// One sentence with the expected and found values.
    public let detail: String

    public init(seq: Int64?, code: String, detail: String) {
        self.seq = seq
        self.code = code
        self.detail = MessageText.oneLine(detail)
    }

    public init(seq: Int64?, _ code: ProblemCode, _ detail: String) {
        self.init(seq: seq, code: code.rawValue, detail: detail)
    }

    /// "entry 12: prev-mismatch: expected … found …", or without the entry when there is none.
    public var description: String {
        if let seq { "entry \(seq): \(code): \(detail)" } else { "\(code): \(detail)" }
    }
}

/// The codes of the format and signature checks, in the order the verifier applies them
/// (DESIGN §3). Business rules use the codes of `RuleCode` (`overpayment`, `allocation-sum`, …).
public enum ProblemCode: String, Sendable, CaseIterable {
    /// The body is not the canonical JCS form of a valid v1 entry (or is not JSON at all).
    case notCanonical = "not-canonical"
    /// The body's `v` is not a format version this verifier knows.
    case unknownVersion = "unknown-version"
    /// The stored seq or the body's seq does not continue the previous entry's by one.
    case seqGap = "seq-gap"
    /// `prev` is not the hash of the entry before.
    case prevMismatch = "prev-mismatch"
    /// The stored hash is not SHA-256(0x00 ‖ body).
    case hashMismatch = "hash-mismatch"
    /// A stored tree node differs from the recomputed one.
    case nodeMismatch = "node-mismatch"
    /// A tree node of the recomputed tree is not stored.
    case nodeMissing = "node-missing"
    /// A stored tree node is not part of the recomputed tree.
    case nodeExtra = "node-extra"
    /// A checkpoint cannot be read as a C2SP signed checkpoint note.
    case malformedCheckpoint = "malformed-checkpoint"
    /// A checkpoint names another origin than the ledger's `ledger.open`.
    case checkpointOrigin = "checkpoint-origin"
    /// A checkpoint's root is not the root of the recomputed tree at its size.
    case rootMismatch = "root-mismatch"
    /// Checkpoints contradict each other (two for one size, or filed under another size).
    case inconsistentCheckpoints = "inconsistent-checkpoints"
    /// A checkpoint signature by an accountant key of the ledger does not verify.
    case badSignature = "bad-signature"
    /// A checkpoint is signed by a key the ledger never added (before that point).
    case unknownKey = "unknown-key"
    /// A checkpoint is signed by a key retired before it.
    case retiredKey = "retired-key"
    /// An entry is not covered by the first checkpoint at or after it with a valid signature by
    /// the key that recorded it.
    case uncoveredEntry = "uncovered-entry"
    /// An inspector's cosignature line does not verify.
    case badCosignature = "bad-cosignature"
    /// The ledger is not an extension of the checkpoint the inspector trusts.
    case inconsistentWithTrusted = "inconsistent-with-trusted"
    /// A bundle's `keys.txt` is not the list of keys its entries add (a reader checking by hand
    /// takes keys from it).
    case keysFile = "keys-file"
}
