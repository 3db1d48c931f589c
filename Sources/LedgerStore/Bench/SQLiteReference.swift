import Foundation
import GRDB
import LedgerCore
import MerkleLog

/// The references benchmarks compare against, measured with the same SQLite settings as a
/// ledger (WAL, `synchronous=FULL`): what SQLite alone costs for the same rows. They live in the
/// store because it is the only code that touches SQLite.
public enum SQLiteReference {
    /// Every body of the ledger at `path`, in order (for the bare-insert reference).
    public static func bodies(ofLedgerAt path: String) throws -> [[UInt8]] {
        try LedgerStore.open(path: path, readOnly: true).withReader { reader in
            var out = [[UInt8]]()
            try reader.forEachBody { _, body in out.append(Array(body)) }
            return out
        }
    }

    /// Seconds to insert `bodies` as `(seq, body)` rows into a fresh table of a new file,
    /// committing every `batch` rows: the bare cost of storing the same rows durably.
    public static func bareInsertSeconds(_ bodies: [[UInt8]], batch: Int, path: String) throws -> Double {
        let queue = try DatabaseQueue(path: path, configuration: LedgerStore.configuration(readOnly: false))
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)") }
        return try secondsInBatches(bodies.count, batch: batch, queue: queue) { db, rows in
            let insert = try db.cachedStatement(sql: "INSERT INTO t (seq, body) VALUES (?, ?)")
            for i in rows {
                insert.setUncheckedArguments([i, String(decoding: bodies[i], as: UTF8.self)])
                try insert.execute()
            }
        }
    }

    /// Seconds to run `insert` over rows 0..<count, `batch` rows to a committed transaction.
    private static func secondsInBatches(_ count: Int, batch: Int, queue: DatabaseQueue,
                                         _ insert: (Database, Range<Int>) throws -> Void) throws -> Double {
        let start = DispatchTime.now()
        var index = 0
        while index < count {
            let rows = index..<min(index + batch, count)
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try insert(db, rows)
                    return .commit
                }
            }
            index = rows.upperBound
        }
        return seconds(since: start)
    }

    /// Seconds to insert the rows a ledger keeps for `bodies` — each entry with its hash, and
    /// the tree nodes it completes — with SQLite alone, committing every `batch` entries, at
    /// `path`: a new file with the ledger's own schema, or, when the file exists, a copy of a
    /// ledger (``copyLedger(_:to:)``) after its last entry, so that SQLite finds the indexes the
    /// real command found. Hashes and nodes are computed before the clock starts. What the
    /// format's indexes on body-generated columns and its tree nodes cost before any of
    /// Fenhong's own work.
    public static func schemaInsertSeconds(_ bodies: [[UInt8]], batch: Int, path: String) throws -> Double {
        let exists = FileManager.default.fileExists(atPath: path)
        let queue = try DatabaseQueue(path: path, configuration: LedgerStore.configuration(readOnly: false))
        if !exists { try Schema.migrator().migrate(queue) }
        var frontier = try queue.read { db in
            let reader = LedgerReader(db: db, path: path)
            return try TreeFrontier(size: Int(reader.size()), reader: reader.subtreeReader)
        }
        let firstSeq = Int64(frontier.size)
        let hashes = bodies.map { RFC9162.leafHash($0) }
        let nodes = hashes.map { frontier.append($0) }
        return try secondsInBatches(bodies.count, batch: batch, queue: queue) { db, rows in
            let insert = try RowInsert(db)
            for i in rows {
                try insert.entry(seq: firstSeq + Int64(i), body: bodies[i], hash: hashes[i])
                for node in nodes[i] { try insert.node(node) }
            }
        }
    }

    /// Latencies (seconds) of `count` durable one-row commits of a 300-byte row.
    public static func durableCommitLatencies(count: Int, path: String) throws -> [Double] {
        let queue = try DatabaseQueue(path: path, configuration: LedgerStore.configuration(readOnly: false))
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (seq INTEGER PRIMARY KEY, body TEXT NOT NULL)") }
        let body = String(repeating: "x", count: 300)
        return try (0..<count).map { i in
            let start = DispatchTime.now()
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "INSERT INTO t (seq, body) VALUES (?, ?)", arguments: [i, body])
                    return .commit
                }
            }
            return seconds(since: start)
        }
    }

    /// The verify floor: read every body of the ledger at `path` and SHA-256 it once (as its
    /// leaf hash). Returns the entries read and the seconds taken.
    public static func readAndHash(ledgerAt path: String) throws -> (entries: Int64, seconds: Double, check: TreeHash) {
        let start = DispatchTime.now()
        var count: Int64 = 0
        var fold = TreeHash.zero
        try LedgerStore.open(path: path, readOnly: true).withReader { reader in
            try reader.forEachBody { _, body in
                let hash = RFC9162.leafHash(body)
                if count & 0xFFFF == 0 { fold = hash }  // keep the work observable
                count += 1
            }
        }
        return (count, seconds(since: start), fold)
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}

extension SQLiteReference {
    /// Copies the ledger file at `path` to `copy` with SQLite's backup API (WAL included).
    public static func copyLedger(_ path: String, to copy: String) throws {
        try DatabaseQueue(path: path).backup(to: DatabaseQueue(path: copy))
    }
}
