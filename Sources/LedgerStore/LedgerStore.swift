import Foundation
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

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens an existing ledger.
    public static func open(path: String, readOnly: Bool = false) throws -> LedgerStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        let store = try translating(path) {
            LedgerStore(path: path, queue: try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly)))
        }
        try store.checkSchema()
        return store
    }

    /// Creates a new ledger whose entry 0 is `opening`, recorded and checkpointed by `signer`.
    public static func create(path: String, opening: LedgerOpen, signer: NoteSigner, at time: LedgerTime) throws -> (LedgerStore, AppendResult) {
        guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.exists(path: path) }
        do {
            let store = try translating(path) {
                let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
                try Schema.migrator().migrate(queue)
                return LedgerStore(path: path, queue: queue)
            }
            let result = try store.append(signer: signer, at: time) { _ in [.ledgerOpen(opening)] }
            return (store, result)
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
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
            guard try db.tableExists("entry"), try db.tableExists("checkpoint") else {
                throw StoreError.notALedger(path: path, reason: "it has no entry and checkpoint tables")
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
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM: throw StoreError.readOnly(path: path)
            case .SQLITE_FULL: throw StoreError.diskFull(path: path)
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw StoreError.notALedger(path: path, reason: "the file is not an intact SQLite database")
            default: throw StoreError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
            }
        }
    }
}
