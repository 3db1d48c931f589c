import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Temporary folders for tests, every one inside a single folder of the test process that is
/// removed when the process exits.
///
/// swift-testing has no global teardown and runs tests in parallel in one process, so a test that
/// forgets its `defer`, or a shared fixture that lives as long as the process, would leave its
/// folder behind on every run. Here every folder lives under ``root``
/// (`$TMPDIR/fenhong-tests-<pid>`), which an `atexit` handler removes; tests still remove their
/// own folders as they end, to keep a long run's disk use small. A root left by a test process
/// that died (a crash, a kill) is removed by the next run.
public enum Scratch {
    /// The prefix of every root, followed by the process id.
    static let prefix = "fenhong-tests-"

    /// This process's folder of temporary folders, created (and its removal at exit arranged) on first use.
    public static let root: URL = {
        removeRootsOfDeadProcesses()
        let root = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent(prefix + String(ProcessInfo.processInfo.processIdentifier))
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// A new empty folder under ``root`` whose name starts with `name`.
    public static func folder(_ name: String) throws -> URL {
        let folder = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// ``folder(_:)`` as a path.
    public static func path(_ name: String) throws -> String {
        try folder(name).path
    }

    /// Removes the roots whose process no longer runs (`kill(pid, 0)` fails with ESRCH); a root of
    /// a process that runs, or that belongs to another user, is left alone.
    private static func removeRootsOfDeadProcesses() {
        let temporary = NSTemporaryDirectory()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: temporary) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid > 0,
                  pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) == -1, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (temporary as NSString).appendingPathComponent(name))
        }
    }
}
