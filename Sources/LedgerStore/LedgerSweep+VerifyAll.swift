import Foundation

extension LedgerSweep {
    /// The largest ledger file verified beside another: about 80,000 entries (some 400 bytes an
    /// entry with its indexes and tree nodes), a large village's decades. Below the 100,000
    /// entries at which a verification reports progress, so no two ledgers' progress lines mix.
    static let besideAnotherBytesMax = 32 << 20
    /// The same for a bundle's `entries.jsonl`, whose lines are bodies alone (some 290 bytes).
    static let besideAnotherBundleBytesMax = 20 << 20

    /// Verifies every ledger of ``ledgers`` and hands each outcome to `deliver` in that order, as
    /// soon as it and all before it are verified (`deliver` is called one at a time, but not
    /// always on the caller's thread).
    ///
    /// When every ledger is a village's size, two are verified at a time: a small ledger's time
    /// goes mostly to its checkpoints' signatures, which one verification checks on one thread,
    /// leaving the second core half idle (a league's 850 villages, three runs each in turns:
    /// 5.7–6.2 s one at a time, 4.6–5.0 s two at a time). A larger ledger already keeps both cores busy; a folder holding one
    /// is verified a ledger at a time, its memory that of one verification.
    public func verifyAll(progress: (@Sendable (_ path: String, _ entries: Int64) -> Void)? = nil,
                          deliver: (_ path: String, _ outcome: Outcome) -> Void) {
        let progressOf: @Sendable (String) -> (@Sendable (Int64) -> Void)? = { path in
            guard let progress else { return nil }
            return { count in progress(path, count) }
        }
        guard ledgers.count > 1, !repeatsAFile, ledgers.allSatisfy(Self.isSmall) else {
            for path in ledgers { deliver(path, verify(path, progress: progressOf(path))) }
            return
        }
        withoutActuallyEscaping(deliver) { deliver in
            let turns = Turns(count: ledgers.count, deliver: deliver)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                while let index = turns.take() {
                    turns.finish(index, path: ledgers[index], verify(ledgers[index], progress: progressOf(ledgers[index])))
                }
            }
        }
    }

    /// True when the ledger file or bundle at `path` may be verified beside another.
    private static func isSmall(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return true }  // it cannot run: no work
        let file = isDirectory.boolValue ? path + "/entries.jsonl" : path
        guard let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber else { return true }
        return size.intValue <= (isDirectory.boolValue ? besideAnotherBundleBytesMax : besideAnotherBytesMax)
    }
}

/// The ledgers handed out to the verifying threads, and their outcomes handed on in order.
private final class Turns: @unchecked Sendable {
    private let lock = NSLock()
    private let deliver: (String, LedgerSweep.Outcome) -> Void
    private var outcomes: [(path: String, outcome: LedgerSweep.Outcome)?]
    private var nextTaken = 0, nextDelivered = 0

    init(count: Int, deliver: @escaping (String, LedgerSweep.Outcome) -> Void) {
        outcomes = Array(repeating: nil, count: count)
        self.deliver = deliver
    }

    /// The index of the next ledger to verify, nil when every one is taken.
    func take() -> Int? {
        lock.withLock {
            guard nextTaken < outcomes.count else { return nil }
            defer { nextTaken += 1 }
            return nextTaken
        }
    }

    /// Files the outcome of ledger `index`, and delivers every outcome now due in order.
    func finish(_ index: Int, path: String, _ outcome: LedgerSweep.Outcome) {
        lock.withLock {
            outcomes[index] = (path, outcome)
            while nextDelivered < outcomes.count, let due = outcomes[nextDelivered] {
                outcomes[nextDelivered] = nil
                nextDelivered += 1
                deliver(due.path, due.outcome)
            }
        }
    }
}
