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

        public init(progressInterval: Int64 = 100_000, progress: (@Sendable (Int64) -> Void)? = nil) {
            self.progressInterval = progressInterval
            self.progress = progress
        }
    }

    /// Verifies `source`; with `trusted`, also that the ledger extends that checkpoint (a
    /// consistency proof from its size to the head), which catches truncation, a rewritten
    /// tail and a fork re-signed with the real key.
    public static func verify(_ source: some LedgerSource, trusted: SignedCheckpoint? = nil,
                              options: Options = Options()) throws -> VerificationReport {
        try source.read { snapshot in
            var run = try VerificationRun(source: source.name, snapshot: snapshot, trusted: trusted, options: options)
            return try run.execute()
        }
    }
}
