import Foundation

/// `\r[#####     ] 120/847` on stderr, redrawn when the count changes visibly; safe to advance
/// from several threads. When stderr is not a terminal (a log file), a plain line at each tenth
/// instead of a stream of redrawn frames.
final class ProgressBarBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn = -1
    private var done = 0
    private var total = 0
    private let isTerminal = isatty(STDERR_FILENO) != 0
    static let width = 30

    /// Records that one more of `total` is finished. Counted here, under the lock: counts made
    /// by the threads themselves arrive out of order ("2 of 2 done" before "1 of 2").
    func oneDone(of total: Int) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        self.total = total
        // Redraw at most ~200 times a run: every call on small runs, every n-th on large ones.
        let step = max(1, total / (isTerminal ? 200 : 10))
        if done == total || done - lastDrawn >= step { draw(done) }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw(_ done: Int) {
        lastDrawn = done
        guard isTerminal else {
            FileHandle.standardError.write(Data("\(done) of \(total) done\n".utf8))
            return
        }
        let filled = total == 0 ? Self.width : done * Self.width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: Self.width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }
}
