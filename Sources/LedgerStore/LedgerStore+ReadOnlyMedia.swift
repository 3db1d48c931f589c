import Foundation
import GRDB
import LedgerCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a ledger where SQLite cannot write beside it, and telling a full disk from a
/// read-only one.
///
/// A WAL database is read through a `-shm` index file that SQLite creates and grows beside the
/// ledger. On read-only media (a read-only mount or folder, a CD) it cannot be created, and on a
/// full disk it cannot be grown: SQLite then refuses to read at all. When no `-wal` file holds
/// committed frames, the main file holds every committed transaction, and opening it as
/// immutable reads exactly that: this is how an inspector verifies a ledger on read-only media.
/// Immutable means unlocked, so a writer that appears meanwhile could race the read; it cannot
/// make a damaged ledger pass (every entry, node and checkpoint is still checked), only make an
/// intact one report problems, and a writer cannot work where SQLite cannot write its `-shm`.
extension LedgerStore {
    /// Below this many free bytes, a failed write is taken to be the disk being full.
    static let freeBytesFull: UInt64 = 256 * 1024

    /// A read-only queue on `path`, falling back to an immutable open when SQLite cannot make or
    /// grow the `-shm` file and no `-wal` frames exist. When it throws, no connection is open.
    static func readOnlyQueue(path: String, configuration: Configuration) throws -> DatabaseQueue {
        precondition(configuration.readonly, "only read-only connections fall back to immutable")
        // Read unrolled, a hot journal's pages would be passed over: the ledger as SQLite (and
        // the next writer) will take it is not the file as it lies (a verify could pass a file
        // whose next write restores a tampered page).
        if hasHotJournal(path) { throw StoreError.hotJournal(path: path) }
        do {
            return try openReading(path: path, configuration: configuration)
        } catch let error as DatabaseError where cannotIndex(error) && walIsEmpty(path) {
            return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
        }
    }

    /// A read-only queue on `path` that has read its schema; when it cannot, closed before the
    /// error is thrown, so that the caller may tidy the folder (``Sidecars``).
    private static func openReading(path: String, configuration: Configuration) throws -> DatabaseQueue {
        var queue: DatabaseQueue?
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue?.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            return queue!
        } catch {
            try? queue?.close()
            throw error
        }
    }

    /// The failures of a reader that cannot create, open or grow the `-shm` file.
    private static func cannotIndex(_ error: DatabaseError) -> Bool {
        switch error.resultCode {
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_FULL: true
        default: false
        }
    }

    /// True when there is no `-wal` file beside `path`, or an empty one.
    private static func walIsEmpty(_ path: String) -> Bool {
        fileSize(FileIdentity.realPath(path) + "-wal").map { $0 == 0 } ?? true  // beside the file, where SQLite puts it
    }

    /// True when a rollback journal that SQLite would play back lies beside the file `path`
    /// names — beside the file itself when `path` is a link, as SQLite looks for it: one that
    /// begins with the journal's magic number (a finished journal kept by PERSIST mode has its
    /// header zeroed, and is none).
    static func hasHotJournal(_ path: String) -> Bool {
        let real = FileIdentity.realPath(path)
        guard let handle = InputFile.openRegular(real + "-journal") else { return false }
        defer { try? handle.close() }
        let magic: [UInt8] = [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7]
        return (try? handle.read(upToCount: 8)).map { [UInt8]($0) == magic } ?? false
    }

    /// The size of the file at `path`, nil when there is none (or it cannot be read).
    private static func fileSize(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    /// `file:<path>?immutable=1`, the path percent-encoded as an SQLite URI requires.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// True when the file system holding `path` has (almost) no room left: SQLite reports a full
    /// disk as SQLITE_FULL when a write comes up short, but as an I/O error or "cannot open"
    /// when it is the `-shm` or `-wal` file that cannot be created or grown.
    static func volumeIsFull(_ path: String) -> Bool {
        var stats = statvfs()
        guard statvfs(OutputFile.folder(of: path), &stats) == 0 else { return false }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize) < freeBytesFull
    }
}
