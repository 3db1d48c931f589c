import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `-wal` and `-shm` files SQLite makes beside a WAL ledger whenever it opens one, even
/// read-only. A connection that writes removes them when it is the last to close; one that only
/// reads cannot, and left them behind every ledger an inspector verified (two files for each of
/// a league's 850 villages). Fenhong removes them after its last connection to a ledger closes,
/// by SQLite's own rule: only when no connection at all has the ledger open — the ledger's lock
/// bytes can be locked exclusively — and the `-wal` holds nothing, so that nothing is lost.
///
/// Every connection fenhong opens to a ledger is counted here, by file, from just before it
/// opens to just after it closes: a process's record locks on a file all go when it closes any
/// descriptor of that file, so the file is opened for the lock only when this process has no
/// connection to it (which would lose its locks), and no connection opens meanwhile.
enum Sidecars {
    /// A connection counted, from ``opening(_:)`` to ``closed(_:tidying:)``.
    struct Ticket: Sendable {
        fileprivate let file: FileIdentity
    }

    /// This process's connections to one file, and the names they opened it by: SQLite puts its
    /// files beside the name, so a file opened by two names (hard links) has two pairs.
    private struct Connections {
        var count = 0
        var names: Set<String> = []
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var connections: [FileIdentity: Connections] = [:]

    /// Counts a connection about to open the ledger at `path`; nil when there is no file there
    /// (nothing to count, nothing to tidy).
    static func opening(_ path: String) -> Ticket? {
        let real = FileIdentity.realPath(path)
        guard let file = FileIdentity(path: real) else { return nil }
        lock.withLock {
            connections[file, default: Connections()].count += 1
            connections[file]!.names.insert(real)
        }
        return Ticket(file: file)
    }

    /// Counts the connection of `ticket` closed; when it was this process's last to the ledger
    /// and `tidying`, removes SQLite's files beside each name it was opened by (see ``tidy(_:)``).
    /// Call it only once the connection is closed: until then, a lock taken here would make it
    /// lose its own.
    static func closed(_ ticket: Ticket?, tidying: Bool) {
        guard let ticket else { return }
        lock.withLock {
            guard var open = connections[ticket.file] else { return }
            open.count -= 1
            connections[ticket.file] = open.count > 0 ? open : nil
            // Under the count's lock: no connection of this process opens while the file is.
            if open.count == 0 && tidying { for name in open.names.sorted() { tidy(name) } }
        }
    }

    /// The lock bytes SQLite's unix VFS takes on a database file: the pending byte, the reserved
    /// byte and the 510 shared bytes. Every connection holds a shared lock on them for as long as
    /// it has a WAL database open, idle or not; a new one must lock them before it reads.
    private static let lockStart: off_t = 0x4000_0000, lockLength: off_t = 512

    /// Removes the `-wal` and `-shm` files beside the ledger at `path` when the `-wal` is empty
    /// or absent and no other process has the ledger open. Best effort: a file that cannot be
    /// opened for locking (read-only media, a read-only file) keeps whatever lies beside it.
    private static func tidy(_ path: String) {
        #if os(Linux)
        let wal = path + "-wal", shm = path + "-shm"
        guard FileManager.default.fileExists(atPath: wal) || FileManager.default.fileExists(atPath: shm), isEmptyOrAbsent(wal) else { return }
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }  // which releases the lock
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = lockStart
        lock.l_len = lockLength
        guard fcntl(descriptor, fileDescriptionSetLock, &lock) == 0 else { return }
        // Under the lock no connection can begin, so nothing can be written meanwhile.
        guard isEmptyOrAbsent(wal) else { return }
        unlink(wal)
        unlink(shm)
        #endif
    }

    /// `F_OFD_SETLK` (Linux 3.15), which the Glibc module does not export: the same on every
    /// Linux architecture. An open-file-description lock, so that it also conflicts with the
    /// record locks of a connection to the ledger this process did not open through here.
    private static let fileDescriptionSetLock: Int32 = 37

    /// True when there is no file at `path`, or an empty one.
    private static func isEmptyOrAbsent(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 ? errno == ENOENT : info.st_size == 0
    }
}
