import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDB
import LedgerCore
import MerkleLog

/// One ledger in one SQLite file: WAL, `synchronous=FULL`, append-only tables. The only code
/// that touches SQLite. Every write is one `BEGIN IMMEDIATE` transaction that appends entries,
/// their tree nodes and one signed checkpoint, or nothing.
public final class LedgerStore: @unchecked Sendable {
    /// The file.
    public let path: String
    let queue: DatabaseQueue
    /// How long a writer waits for another writer before giving up.
    public static let busyTimeoutSeconds: Double = 30

    /// This connection as ``Sidecars`` counts it; nil for the staging file of ``create(path:opening:signer:at:)``.
    private let ticket: Sidecars.Ticket?

    private init(path: String, queue: DatabaseQueue, ticket: Sidecars.Ticket?) {
        self.path = path
        self.queue = queue
        self.ticket = ticket
    }

    /// A reader leaves the ledger's folder as it found it (see ``Sidecars``); a writer's last
    /// connection removes SQLite's files itself.
    deinit {
        guard let ticket else { return }
        do { try queue.close() } catch { return }  // still open: it stays counted
        Sidecars.closed(ticket, tidying: queue.configuration.readonly)
    }

    /// Opens an existing ledger.
    public static func open(path: String, readOnly: Bool = false) throws -> LedgerStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        guard InputFile.isRegularFile(path) else { throw StoreError.notALedger(path: path, reason: "it is not a regular file") }
        // A writer writes through the one name the file has: SQLite puts its -wal beside the name.
        if !readOnly, let names = FileIdentity.names(path), names > 1 { throw StoreError.otherNames(path: path, names: names) }
        let ticket = Sidecars.opening(path)
        let store: LedgerStore
        do {
            store = try translating(path) {
                let configuration = configuration(readOnly: readOnly)
                let queue = readOnly ? try readOnlyQueue(path: path, configuration: configuration)
                    : try DatabaseQueue(path: path, configuration: configuration)
                return LedgerStore(path: path, queue: queue, ticket: ticket)
            }
        } catch {
            Sidecars.closed(ticket, tidying: readOnly)  // no connection was left open
            throw error
        }
        try store.checkSchema()
        return store
    }

    /// Creates a new ledger whose entry 0 is `opening`, recorded and checkpointed by `signer`.
    ///
    /// The ledger is built beside its final name and linked into place whole, so that a crash at
    /// any moment leaves either no ledger or one holding entry 0 and its checkpoint: never a file
    /// without them, which is not a ledger and which `init` would refuse to replace. A crash may
    /// leave the staging file (`<path>.creating-<pid>`) behind; it is never read.
    public static func create(path: String, opening: LedgerOpen, signer: NoteSigner, at time: LedgerTime) throws -> (LedgerStore, AppendResult) {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.exists(path: path) }
        // A folder missing or not one is said so, not taken for a read-only one.
        let why = OutputFile.whyNotCreatable(path)
        guard why == OutputFile.generic else { throw StoreError.cannotCreate(path: path, reason: why) }
        let staging = path + ".creating-\(ProcessInfo.processInfo.processIdentifier)"
        func removeStaging() {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: staging + suffix) }
        }
        removeStaging()
        defer { removeStaging() }
        let result = try translating(path) {
            let queue = try DatabaseQueue(path: staging, configuration: configuration(readOnly: false))
            try Schema.migrator().migrate(queue)
            // Named after `path`: messages name the file the user asked for.
            let result = try LedgerStore(path: path, queue: queue, ticket: nil).append(signer: signer, at: time) { _ in [.ledgerOpen(opening)] }
            // Move every committed page into the main file, which alone is linked into place.
            try queue.writeWithoutTransaction { db in
                let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                guard let row, row[0] as Int == 0 else { throw StoreError.busy(path: path, seconds: busyTimeoutSeconds) }
            }
            try queue.close()
            return result
        }
        // link(2) never replaces an existing file: a ledger created meanwhile by another process wins.
        guard link(staging, path) == 0 else {
            let error = errno
            if error == EEXIST { throw StoreError.exists(path: path) }
            if error == ENOSPC || error == EDQUOT { throw StoreError.diskFull(path: path) }
            throw StoreError.readOnly(path: path)
        }
        syncFolder(of: path)
        removeStaging()  // its name gone before the ledger is opened to write: it has one name
        return (try open(path: path), result)
    }

    /// Makes a new name in the folder of `path` durable (fsync of the folder); best effort.
    private static func syncFolder(of path: String) {
        let descriptor = Foundation.open(OutputFile.folder(of: path), O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        _ = close(descriptor)
    }

    static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = .timeout(busyTimeoutSeconds)
        config.prepareDatabase { db in
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
                // Writers look up index pages all over the file (by household, by distribution):
                // 32 MB of page cache instead of SQLite's 2 MB saves most of those reads.
                // Readers keep the default, so a full verify stays small.
                try db.execute(sql: "PRAGMA cache_size = -32768")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    private func checkSchema() throws {
        try read { db in
            // Tables only, each of them: a view in a table's place could yield rows without end
            // (a cosignature view made cosign, checkpoint and statement check spin).
            let tables = try Schema.tableNames(db)
            guard tables.contains("entry"), tables.contains("checkpoint") else {
                throw StoreError.notALedger(path: path, reason: "it has no entry and checkpoint tables")
            }
            for name in ["tree_node", "cosignature"] where !tables.contains(name) {
                throw StoreError.notALedger(path: path, reason: "it has no \(name) table (verify it: `fenhong verify \(path)`)")
            }
        }
        if !queue.configuration.readonly {
            try Self.translating(path) { try Schema.migrator().migrate(queue) }
        }
    }

    /// Runs `body` in a read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.translating(path) { try queue.read(body) }
    }

    /// Turns SQLite failures into one clear ``StoreError``.
    static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy(path: path, seconds: busyTimeoutSeconds)
            case .SQLITE_FULL: throw StoreError.diskFull(path: path)
            case .SQLITE_IOERR where volumeIsFull(path), .SQLITE_CANTOPEN where volumeIsFull(path): throw StoreError.diskFull(path: path)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: throw StoreError.readOnly(path: path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw StoreError.notALedger(path: path, reason: "the file is not an intact SQLite database")
            default: throw StoreError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
            }
        }
    }
}
