import Foundation

/// The peak resident memory of a program run to its end.
public enum PeakMemory {
    /// Runs `arguments` (program first) with its output discarded, and returns its peak resident
    /// set size in bytes (`ru_maxrss` from `wait4`).
    public static func of(_ arguments: [String]) throws -> Int {
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid = pid_t()
        guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else {
            throw CocoaError(.executableNotLoadable, userInfo: [NSLocalizedDescriptionKey: "cannot start \(arguments[0])"])
        }
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "cannot wait for \(arguments[0])"])
        }
        return usage.ru_maxrss * 1024
    }
}
