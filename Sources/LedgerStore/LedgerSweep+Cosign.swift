import LedgerCore
import LedgerVerifier

/// `fenhong cosign` of many villages in one run: each ledger verified as `verify` of a folder
/// verifies it (held to its village's kept checkpoints), then cosigned when intact.
extension LedgerSweep {
    /// What cosigning one ledger came to.
    public struct Cosigning {
        /// The verification, as `verify` reports it.
        public let outcome: Outcome
        /// The cosigning, once verified: what was done, or why the ledger was not cosigned
        /// (a key not enrolled in it, a ledger that changed meanwhile).
        public let cosigning: Result<LedgerAudit.CosignOutcome, any Error>?

        /// The checkpoint cosigned (or cosigned before by this inspector), to keep.
        public var cosigned: SignedNote? {
            switch cosigning {
            case .success(.cosigned(let note, _))?, .success(.cosignedCopy(let note, _))?, .success(.alreadyCosigned(let note, _))?: note
            default: nil
            }
        }
    }

    /// Verifies the ledger at `path` held to its village's kept checkpoints and, when intact,
    /// cosigns its head with `signer` (a copy's cosigned head is returned, not written).
    public func cosign(_ path: String, with signer: NoteSigner, time: UInt64, progress: (@Sendable (Int64) -> Void)? = nil) -> Cosigning {
        let outcome = verify(path, progress: progress)
        guard case .verified(let report, _) = outcome else { return Cosigning(outcome: outcome, cosigning: nil) }
        return Cosigning(outcome: outcome, cosigning: Result { try LedgerAudit.cosign(path: path, verified: report, with: signer, time: time) })
    }
}
