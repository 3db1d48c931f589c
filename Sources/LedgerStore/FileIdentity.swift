import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which file a path names: its device and inode, the same for every name it has (a hard link, a
/// link to it, `a/../a`).
struct FileIdentity: Hashable, Sendable {
    let device: UInt64
    let inode: UInt64

    /// The file at `path`; nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(truncatingIfNeeded: info.st_dev)  // signed on Darwin
        inode = UInt64(truncatingIfNeeded: info.st_ino)
    }

    /// How many names (hard links) the file at `path` has; nil when there is none.
    static func names(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_nlink)
    }

    /// `path` as the kernel and SQLite walk it, links resolved before the `..` that follows them
    /// (`d/link/../x` with `link → ../real/sub` is `real/x`; Foundation's resolving makes it `d/x`,
    /// another file); as given, made absolute, when it cannot be resolved.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
