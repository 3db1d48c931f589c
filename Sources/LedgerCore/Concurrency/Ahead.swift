import Dispatch

/// Work started on another core now, whose result is waited for later: the two-stage pipelines
/// of verification (decode ahead of the ordered checks) and of appending (encode ahead of the
/// chain), which keep both cores of the machine busy.
///
/// All of it runs on one serial queue: work started while earlier work is still running waits
/// for it, so that a pipeline keeps one thread busy beside the caller's, never two taking turns
/// with the caller on a two-core machine.
public final class Ahead<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var value: Value?

    /// Starts `work` on another thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        aheadQueue.async(group: group) { [self] in value = work() }
    }

    /// Waits until all work started so far has finished, its results unclaimed: before a
    /// process exits on an error, so that no thread is still inside a library being shut down.
    public static func waitForAll() {
        aheadQueue.sync {}
    }

    /// The result, once the other thread has finished it (to be called once: it is handed over,
    /// not kept).
    public func wait() -> Value {
        group.wait()
        defer { value = nil }
        return value!
    }
}

/// The one serial queue of ``Ahead``.
private let aheadQueue = DispatchQueue(label: "fenhong.ahead", qos: .userInitiated)
