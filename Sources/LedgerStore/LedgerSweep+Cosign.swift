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
        guard case .verified(let report, let trusted) = outcome else { return Cosigning(outcome: outcome, cosigning: nil) }
        if report.ok, trusted == nil, isNewVillage(report.origin) {
            return Cosigning(outcome: outcome, cosigning: .failure(SourceError("no checkpoint of \(report.origin ?? "its village") is kept (a village new to the round, "
                + "or a ledger under a new name): nothing was cosigned; " + LedgerSweep.newVillageAdvice(report.origin))))
        }
        return Cosigning(outcome: outcome, cosigning: Result { try LedgerAudit.cosign(path: path, verified: report, with: signer, time: time) })
    }

    /// The ledgers of a verified run that are not to be cosigned although intact, each with why:
    /// those of a village in trouble (a copy unreadable or with problems, or two histories), and
    /// of a village's other copies all but its longest (its live ledger before a bundle of it).
    public func notToCosign(_ outcomes: [(path: String, outcome: Outcome)], summary: Summary) -> [String: PassedOver] {
        var skipped = [String: PassedOver]()
        for village in villages(outcomes, summary: summary) {
            let chosen = village.trouble == nil ? village.longest.first?.path : nil
            for copy in village.copies where copy.report.ok && copy.path != chosen {
                skipped[copy.path] = village.isNew ? .newVillage(village.trouble ?? village.origin)
                    : village.trouble.map(PassedOver.villageInTrouble) ?? .anotherCopyCosigned(origin: village.origin, copy: chosen ?? "?")
            }
        }
        return skipped
    }

    /// Why an intact ledger is not cosigned.
    public enum PassedOver: Sendable, CustomStringConvertible {
        /// A copy of its village could not be read, has problems, or disagrees (the sentence).
        case villageInTrouble(String)
        /// Another copy of its village is cosigned instead.
        case anotherCopyCosigned(origin: String, copy: String)
        /// No checkpoint of its village is kept while others' are (the sentence).
        case newVillage(String)

        public var description: String {
            switch self {
            case .villageInTrouble(let trouble), .newVillage(let trouble): "\(trouble): nothing of this village is cosigned"
            case .anotherCopyCosigned(let origin, let copy): "a copy of \(origin), whose \(copy) is cosigned"
            }
        }
    }

    /// One ledger's part in a run of many: cosigned (or tried), or passed over with why.
    public enum CosignStep {
        case tried(Cosigning)
        case passedOver(PassedOver)
    }

    /// What a run of many came to, besides each ledger's step.
    public struct CosignRun {
        public let summary: Summary
        public let keeping: Keeping
        /// Villages cosigned on a copy: the kept file its accountant adds, the village, the copy.
        public let handOver: [(file: String, origin: String, copy: String)]
        /// Copies cosigned whose checkpoint could not be kept: only this carries it now.
        public let unkept: [(copy: String, note: SignedNote)]
    }

    /// Verifies every ledger (two at a time), then of each village whose copies are all intact
    /// and agree cosigns one copy (``notToCosign(_:summary:)``), handing each ledger's step to
    /// `each` in order as it is done; then keeps in `keep` the checkpoint of each village, the
    /// cosigned one where there is one.
    public func cosignAll(with signer: NoteSigner, time: UInt64, keep: String,
                          progress: (@Sendable (_ path: String, _ entries: Int64) -> Void)? = nil,
                          each: (_ path: String, _ outcome: Outcome, _ step: CosignStep) -> Void) -> CosignRun {
        var outcomes: [(path: String, outcome: Outcome)] = []
        verifyAll(progress: progress) { outcomes.append(($0, $1)) }
        let summary = summary(outcomes)
        let passedOver = notToCosign(outcomes, summary: summary)
        var heads: [String: String] = [:]
        // Copies cosigned (or cosigned before), whose cosigned checkpoint only the kept file carries.
        var copies: [(path: String, origin: String?, note: SignedNote)] = []
        for (path, outcome) in outcomes {
            if let reason = passedOver[path] {
                each(path, outcome, .passedOver(reason))
                continue
            }
            let done = cosign(path, verified: outcome, with: signer, time: time)
            if let note = done.cosigned { heads[path] = note.serialized }
            switch done.cosigning {
            case .success(.cosignedCopy(let note, let report))?: copies.append((path, report.origin, note))
            case .success(.alreadyCosigned(let note, let report))? where Self.isFolder(path): copies.append((path, report.origin, note))
            default: break
            }
            each(path, outcome, .tried(done))
        }
        let keeping = self.keep(outcomes, summary: summary, in: keep, heads: heads)
        let kept = Set(keeping.written + keeping.unchanged)
        var handOver: [(file: String, origin: String, copy: String)] = [], unkept: [(copy: String, note: SignedNote)] = []
        for (path, origin, note) in copies {
            if let origin, case let file = Self.keptFile(origin: origin, in: keep), kept.contains(file) {
                handOver.append((file, origin, path))
            } else {
                unkept.append((path, note))
            }
        }
        return CosignRun(summary: summary, keeping: keeping, handOver: handOver, unkept: unkept)
    }
}
