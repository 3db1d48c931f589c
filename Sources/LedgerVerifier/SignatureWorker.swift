import Dispatch
import LedgerCore

/// A run of consecutive entries recorded by one key, which the next checkpoint must cover with a
/// valid signature by that key.
struct CoverageRun: Sendable {
    let first: Int64
    var last: Int64
    let by: KeyID
}

/// One signature line to check, with what the ledger says about its key at that point.
struct SignatureCheck: Sendable {
    let signature: NoteSignature
    let key: NoteVerifierKey
    let role: KeyRole
    /// True when the key may sign at the checkpoint's size (see ``Verifier``).
    let validAtSize: Bool
    /// Where the key was retired, for the message.
    let retiredAt: Int64?
}

/// The work of one checkpoint that can run beside the hashing: its signature checks and the
/// coverage of the entries it is the first checkpoint after.
struct CheckpointJob: Sendable {
    enum Purpose: Sendable {
        /// A stored checkpoint.
        case stored
        /// The checkpoint the inspector trusts: its problems are `inconsistent-with-trusted`.
        case trusted
        /// Signature lines whose keys were resolved only after the last entry.
        case deferred
    }

    let purpose: Purpose
    let size: Int64
    /// The entry its problems are reported at: the last one it covers.
    let seq: Int64?
    /// The signed text's bytes.
    let message: [UInt8]
    let text: String
    let checks: [SignatureCheck]
    let coverage: [CoverageRun]
    /// A kept checkpoint's name besides its size, when several are held to.
    var name: String? = nil

    /// How messages name the checkpoint.
    var label: String {
        purpose == .trusted ? "the trusted checkpoint \(size)" + (name.map { " (\($0))" } ?? "") : "checkpoint \(size)"
    }
}

/// Checks checkpoint signatures on a second core while the caller hashes entries: Ed25519
/// verification (~100–160 µs) dominates a full verification, hashing a body takes ~0.4 µs. At
/// most ``pendingMax`` jobs wait, so memory stays bounded however many checkpoints there are.
final class SignatureWorker: @unchecked Sendable {
    /// The most checkpoints queued before the producer waits.
    static let pendingMax = 1_024

    private let queue = DispatchQueue(label: "fenhong.verifier.signatures")
    private let slots = DispatchSemaphore(value: SignatureWorker.pendingMax)
    // Touched only on `queue`, then read once after draining it.
    private var problems = ProblemCollector()
    private var cosignedMax: [KeyID: Int64] = [:]

    /// Queues `job`; waits when ``pendingMax`` jobs are already queued.
    func submit(_ job: CheckpointJob) {
        slots.wait()
        queue.async {
            self.run(job)
            self.slots.signal()
        }
    }

    /// Waits for every queued job; returns their problems and the largest size each inspector
    /// key validly cosigned.
    func finish() -> (ProblemCollector, [KeyID: Int64]) {
        queue.sync { (problems, cosignedMax) }
    }

    private func run(_ job: CheckpointJob) {
        var signers = Set<KeyID>()
        for check in job.checks {
            let who = "\(check.key.name) (\(check.key.id))"
            switch check.role {
            case .accountant:
                let valid = check.signature.name == check.key.name && check.key.algorithm == .ed25519
                    && check.key.key.isValidSignature(check.signature.signature, for: job.message)
                if !valid {
                    report(job, .badSignature, "the signature of \(who) on \(job.label) does not verify")
                } else if !check.validAtSize {
                    let when = check.retiredAt.map { "was retired at entry \($0)" } ?? "was not in service"
                    report(job, .retiredKey, "\(job.label) is signed by \(who), which \(when)")
                } else {
                    signers.insert(check.key.id)
                }
            case .inspector:
                let note = SignedNote(text: job.text, signatures: [check.signature])
                if note.cosignatureTime(by: check.key) == nil {
                    report(job, .badCosignature, "the cosignature of inspector \(who) on \(job.label) does not verify")
                } else if !check.validAtSize {
                    let when = check.retiredAt.map { "was retired at entry \($0)" } ?? "was not in service"
                    report(job, .retiredKey, "\(job.label) is cosigned by inspector \(who), which \(when)")
                } else {
                    cosignedMax[check.key.id] = max(cosignedMax[check.key.id] ?? 0, job.size)
                }
            }
        }
        if job.purpose == .trusted && signers.isEmpty {
            problems.add(seq: nil, .inconsistentWithTrusted,
                         "\(job.label) carries no valid signature by an accountant key this ledger had in service at that size")
        }
        for run in job.coverage where !signers.contains(run.by) {
            let entries = run.first == run.last ? "entry \(run.first)" : "entries \(run.first)…\(run.last)"
            problems.add(seq: run.first, .uncoveredEntry,
                         "\(entries), recorded by key \(run.by), must be covered by checkpoint \(job.size) with a valid signature by that key; it has none")
        }
    }

    private func report(_ job: CheckpointJob, _ code: ProblemCode, _ detail: String) {
        if job.purpose == .trusted {
            problems.add(seq: nil, .inconsistentWithTrusted, detail)
        } else {
            problems.add(seq: job.seq, code, detail)
        }
    }
}
