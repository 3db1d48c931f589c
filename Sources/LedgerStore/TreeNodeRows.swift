import GRDB
import GRDBSQLite
import LedgerVerifier

/// The rows of an audited `tree_node` table, read without a scan of the whole table beyond the
/// one the verification makes: its levels are found by seeking the primary key from one level
/// to the next, and rows whose level or index is not an integer are counted as the level
/// cursors pass them, or by seeking where they sort (NULL first, text and blobs last).
///
/// Two such scans, one for the levels and one to count odd rows, had taken 0.18 s of a 1.1 s
/// verification of a million entries, on one core, outside the pipeline. They remain for a table
/// that cannot be sought by level (rebuilt without its primary key) or that holds more distinct
/// levels than any tree has: seeking would then cost a scan a level, or a seek a row.
final class TreeNodeRows {
    private let db: Database
    /// Rows no level cursor reads (their level is NULL, a fraction, text or a blob, or a whole
    /// real number no integer row shares), counted when the levels were found.
    private var unread = 0
    /// Rows the level cursors read whose level or index is not an integer.
    fileprivate var oddRead = 0

    init(db: Database) { self.db = db }

    /// The most distinct levels sought one by one: a tree of 2^62 leaves has 63.
    static let seekMax = 256

    /// The levels that hold at least one row with an integer level, in increasing order.
    func levels() throws -> [Int] {
        guard try isIndexedByLevel(), let levels = try soughtLevels() else { return try scannedLevels() }
        return levels
    }

    /// The levels found by seeking from one to the next; nil after ``seekMax`` distinct values.
    private func soughtLevels() throws -> [Int]? {
        unread = try count("SELECT count(*) FROM tree_node WHERE level IS NULL", [])
        let next = try db.makeStatement(sql: "SELECT level FROM tree_node WHERE level > ? ORDER BY level LIMIT 1")
        var levels: [Int] = []
        var found = try DatabaseValue.fetchOne(db, sql: "SELECT level FROM tree_node WHERE level IS NOT NULL ORDER BY level LIMIT 1")
        var sought = 0
        while let value = found {
            sought += 1
            guard sought <= Self.seekMax else { return nil }
            switch value.storage {
            case .int64(let level):
                levels.append(Int(level))
            case .double(let real):
                // A real level equal to an integer level is read by that level's cursor, which
                // counts it; any other real level is read by none.
                if let level = Int64(exactly: real), try hasIntegerRow(level: level) {
                    levels.append(Int(level))
                } else {
                    unread += try count("SELECT count(*) FROM tree_node WHERE level = ?", [real])
                }
            default:
                // Text and blobs sort after every number: the rest of the table.
                unread += try count("SELECT count(*) FROM tree_node WHERE level >= ''", [])
                return levels
            }
            found = try DatabaseValue.fetchOne(next, arguments: [value])
        }
        return levels
    }

    /// The levels by two scans of the table: the integer levels, and the rows no level's cursor
    /// will read (a NULL level, or one equal to no integer level: `IN` compares numbers as numbers,
    /// as the cursors' `level = ?` does).
    private func scannedLevels() throws -> [Int] {
        unread = try count("""
            SELECT count(*) FROM tree_node WHERE level IS NULL
            OR NOT (level IN (SELECT level FROM tree_node WHERE typeof(level) = 'integer'))
            """, [])
        return try Int.fetchAll(db, sql: "SELECT DISTINCT level FROM tree_node WHERE typeof(level) = 'integer' ORDER BY level")
    }

    /// Whether a full index (the primary key, as the schema makes it) starts with `level`.
    private func isIndexedByLevel() throws -> Bool {
        try count("""
            SELECT count(*) FROM pragma_index_list('tree_node') AS l JOIN pragma_index_info(l.name) AS i
            WHERE l.partial = 0 AND i.seqno = 0 AND i.name = 'level'
            """, []) > 0
    }

    /// The rows of `level` in index order; rows whose index is not an integer are skipped and
    /// counted.
    func cursor(level: Int) throws -> any TreeNodeCursor {
        let statement = try db.makeStatement(sql: "SELECT idx, hash, level FROM tree_node WHERE level = ? ORDER BY idx")
        try statement.setArguments([level])
        return NodeCursor(rows: RawRows(statement), tally: self)
    }

    /// Rows whose level or index is not an integer: complete once every level's cursor has
    /// been read to its end (the verifier reads them all).
    var oddRows: Int { unread + oddRead }

    private func hasIntegerRow(level: Int64) throws -> Bool {
        try count("SELECT count(*) FROM (SELECT 1 FROM tree_node WHERE level = ? AND typeof(level) = 'integer' LIMIT 1)", [level]) > 0
    }

    private func count(_ sql: String, _ arguments: StatementArguments) throws -> Int {
        try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }
}

private struct NodeCursor: TreeNodeCursor {
    let rows: RawRows
    let tally: TreeNodeRows

    mutating func next() throws -> StoredNode? {
        while try rows.step() {
            let index = rows.integer(0)
            if index == nil || rows.type(2) != SQLITE_INTEGER { tally.oddRead += 1 }
            guard let index else { continue }
            return StoredNode(index: index, hash: SQLiteAuditSnapshot.storedHash(rows, 1))
        }
        return nil
    }
}
