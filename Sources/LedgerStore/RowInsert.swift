import GRDB
import GRDBSQLite
import LedgerCore
import MerkleLog

/// Binds and steps the two insert statements of an append straight through the SQLite C API:
/// the hot loop of every append, where boxing each value for GRDB and copying each body into a
/// `String` and each hash into `Data` cost more than SQLite's own work. The statements are
/// GRDB's, prepared and cached by it; only binding and stepping happen here.
struct RowInsert {
    private let entry: Statement
    private let node: Statement

    init(_ db: Database) throws {
        entry = try db.cachedStatement(sql: "INSERT INTO entry (seq, body, hash) VALUES (?, ?, ?)")
        node = try db.cachedStatement(sql: "INSERT INTO tree_node (level, idx, hash) VALUES (?, ?, ?)")
    }

    /// SQLite copies what it is given before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func entry(seq: Int64, body: [UInt8], hash: EntryHash) throws {
        let statement = entry.sqliteStatement
        sqlite3_bind_int64(statement, 1, seq)
        body.withUnsafeBytes { raw in
            _ = sqlite3_bind_text(statement, 2, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), Self.transient)
        }
        hash.withUnsafeBytes { raw in _ = sqlite3_bind_blob(statement, 3, raw.baseAddress, 32, Self.transient) }
        try step(entry)
    }

    func node(_ subtree: SubtreeHash) throws {
        let statement = node.sqliteStatement
        sqlite3_bind_int64(statement, 1, Int64(subtree.level))
        sqlite3_bind_int64(statement, 2, Int64(subtree.index))
        subtree.hash.withUnsafeBytes { raw in _ = sqlite3_bind_blob(statement, 3, raw.baseAddress, 32, Self.transient) }
        try step(node)
    }

    private func step(_ statement: Statement) throws {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
