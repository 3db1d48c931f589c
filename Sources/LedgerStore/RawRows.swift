import GRDB
import GRDBSQLite

/// Steps a prepared statement through the SQLite C API and reads its columns in place: the
/// audit's hot loops over every entry and tree node, where boxing each value for GRDB cost more
/// than SQLite's own work. Values are read as SQLite stored them, whatever the declared types.
struct RawRows {
    private let statement: Statement

    init(_ statement: Statement) {
        self.statement = statement
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Moves to the next row; false after the last one.
    func step() throws -> Bool {
        let handle = statement.sqliteStatement
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let message = String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// The column's integer, if SQLite stored an integer there.
    func integer(_ column: Int32) -> Int64? {
        let handle = statement.sqliteStatement
        return sqlite3_column_type(handle, column) == SQLITE_INTEGER ? sqlite3_column_int64(handle, column) : nil
    }

    /// The column's bytes as SQLite gives them (empty for NULL), valid until the next step.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let handle = statement.sqliteStatement
        let start = sqlite3_column_blob(handle, column)
        return UnsafeRawBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The column's storage class: `SQLITE_INTEGER`, `SQLITE_BLOB`, `SQLITE_NULL` …
    func type(_ column: Int32) -> Int32 { sqlite3_column_type(statement.sqliteStatement, column) }
}
