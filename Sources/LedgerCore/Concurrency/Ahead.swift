import Dispatch

/// Work started on another core now, whose result is waited for later: the two-stage pipelines
/// of verification (decode ahead of the ordered checks) and of appending (encode ahead of the
/// chain), which keep both cores of the machine busy.
public final class Ahead<Value>: @unchecked Sendable {
    private static var queue: DispatchQueue { DispatchQueue.global(qos: .userInitiated) }
    private let group = DispatchGroup()
    private var value: Value?

    /// Starts `work` on another thread.
    public init(_ work: @escaping @Sendable () -> Value) {
        Self.queue.async(group: group) { [self] in value = work() }
    }

    /// The result, once the other thread has finished it.
    public func wait() -> Value {
        group.wait()
        return value!
    }
}
