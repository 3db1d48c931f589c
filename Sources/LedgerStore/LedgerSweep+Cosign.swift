import LedgerCore
import LedgerVerifier

/// `fenhong cosign` of many villages in one run: every ledger verified first as `verify` of a
/// folder verifies it (held to its village's kept checkpoints), then of each village whose copies
/// are all intact and agree, one copy cosigned — never two histories of one village.
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
        cosign(path, verified: verify(path, progress: progress), with: signer, time: time)
    }

    /// Cosigns the ledger at `path` that `outcome` verified, when it is intact (the ledger read
    /// again is refused if it changed since).
    public func cosign(_ path: String, verified outcome: Outcome, with signer: NoteSigner, time: UInt64) -> Cosigning {
        guard case .verified(let report, _) = outcome else { return Cosigning(outcome: outcome, cosigning: nil) }
        return Cosigning(outcome: outcome, cosigning: Result { try LedgerAudit.cosign(path: path, verified: report, with: signer, time: time) })
    }

    /// The ledgers of a verified run that are not to be cosigned although intact, each with why:
    /// those of a village in trouble (a copy unreadable or with problems, or two histories), and
    /// of a village's other copies all but its longest (its live ledger before a bundle of it).
    public func notToCosign(_ outcomes: [(path: String, outcome: Outcome)], summary: Summary) -> [String: String] {
        var skipped = [String: String]()
        for village in villages(outcomes, summary: summary) {
            let chosen = village.trouble == nil ? village.longest.first?.path : nil
            for copy in village.copies where copy.report.ok && copy.path != chosen {
                skipped[copy.path] = village.trouble.map { "\($0): nothing of this village is cosigned" }
                    ?? "a copy of \(village.origin), whose \(chosen ?? "?") is cosigned"
            }
        }
        return skipped
    }
}
