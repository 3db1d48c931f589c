import LedgerCore
import MerkleLog

/// Checks a whole ledger from any ``LedgerSource``, in the order of DESIGN §3, and returns
/// every problem found: it never stops at the first. It throws only when the source cannot be
/// read at all (a missing file, not a ledger, an unreadable database page).
///
/// One pass over the entries, in bounded memory: each body is checked, hashed, chained and
/// applied to the business rules; the recomputed tree is compared with the stored nodes level by
/// level as it grows; each checkpoint is checked when the pass reaches its size. Checkpoint
/// signatures, which cost ~300 times a body's hash, are verified on a second core meanwhile.
public enum Verifier {
    /// How a verification reports its progress.
    public struct Options: Sendable {
        /// Calls ``progress`` after every this many entries.
        public var progressInterval: Int64
        /// Called with the number of entries checked so far (from the verifying thread).
        public var progress: (@Sendable (Int64) -> Void)?
        /// Sizes at which to note the recomputed root (``VerificationReport/rootsAt``): where
        /// another copy of the ledger ends, to see whether this one extends it.
        public var rootsAt: Set<Int64> = []

        public init(progressInterval: Int64 = 100_000, progress: (@Sendable (Int64) -> Void)? = nil) {
            self.progressInterval = progressInterval
            self.progress = progress
        }
    }

    /// A checkpoint kept from before, which the ledger must extend.
    public struct Trusted: Sendable {
        public let kept: SignedCheckpoint
        /// How the problems with it name it, besides its size ("the checkpoint kept in FILE"),
        /// when several are held to; nil for the one the report is held to.
        public let name: String?

        public init(_ kept: SignedCheckpoint, name: String? = nil) {
            self.kept = kept
            self.name = name
        }
    }

    /// Verifies `source`; with `trusted`, also that the ledger extends that checkpoint (a
    /// consistency proof from its size to the head), which catches truncation, a rewritten
    /// tail and a fork re-signed with the real key.
    public static func verify(_ source: some LedgerSource, trusted: SignedCheckpoint? = nil,
                              options: Options = Options()) throws -> VerificationReport {
        try verify(source, heldTo: trusted.map { [Trusted($0)] } ?? [], options: options)
    }

    /// Verifies `source`, held to every checkpoint of `kept` in the same pass: the first with a
    /// consistency proof to the head as ``verify(_:trusted:options:)`` does, each other by the
    /// root the entries give at its size (the same thing, the tree being recomputed from them),
    /// each with its signatures and the cosignatures it carries.
    public static func verify(_ source: some LedgerSource, heldTo kept: [Trusted],
                              options: Options = Options()) throws -> VerificationReport {
        try source.read { snapshot in
            var run = try VerificationRun(source: source.name, snapshot: snapshot, trusted: kept, options: options)
            return try run.execute()
        }
    }
}
