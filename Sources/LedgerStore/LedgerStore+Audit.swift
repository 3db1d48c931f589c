import Foundation
import GRDB
import GRDBSQLite
import LedgerCore
import LedgerVerifier
import MerkleLog

extension LedgerStore {
    /// A ledger file as the verifier reads it: as an adversary may have left it. See
    /// ``SQLiteAuditSource``.
    public static func auditSource(path: String) throws -> SQLiteAuditSource {
        try SQLiteAuditSource(path: path)
    }
}

/// Feeds ``Verifier`` from a ledger file opened read-only, trusting nothing in it: not the
/// triggers, the CHECK constraints, the column types, nor any stored hash. Entries, tree nodes
/// and checkpoints are read with raw cursors over prepared statements, in one read transaction,
/// and bodies are handed over as their exact bytes even when they are not valid UTF-8. A file
/// SQLite cannot read (flipped bytes in a page header, not a database) is a ``SourceError``,
/// never a crash; damage SQLite can read past becomes problems in the report.
public final class SQLiteAuditSource: LedgerSource {
    public let name: String

    /// The size of the file `path` names, a link followed.
    private static func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The size the header of SQLite file `path` gives it and the size it has, when it has less
    /// and no write-ahead log beside it holds the rest (a checkpoint cut by a power loss leaves
    /// the header written and the pages that grow the file in the log, whole). Judged again a
    /// few times over half a second: a writer's checkpoint writes the header before those pages.
    private static func cutShort(_ path: String) -> (expected: Int, size: Int)? {
        let wal = URL(fileURLWithPath: path).resolvingSymlinksInPath().path + "-wal"
        guard fileSize(wal) == 0 else { return nil }
        for attempt in 0..<5 {
            guard let expected = sizeInHeader(path) else { return nil }
            let size = fileSize(path)
            guard size < expected else { return nil }
            if attempt == 4 { return (expected, size) }
            usleep(100_000)
        }
        return nil
    }

    /// The size a SQLite file's header gives it (pages × page size), when the header says it
    /// (its change counter and the counter that size is valid for agree); nil otherwise.
    static func sizeInHeader(_ path: String) -> Int? {
        guard let header = InputFile.head(of: path, count: 100).map([UInt8].init), header.count == 100,
              header.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
        func word(_ at: Int) -> Int { header[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        let pageSize = Int(header[16]) << 8 | Int(header[17])
        let pages = word(28)
        guard word(24) == word(92), pages > 0 else { return nil }
        return pages * (pageSize == 1 ? 65_536 : pageSize)
    }
    private let queue: DatabaseQueue

    init(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SourceError("\(path) does not exist")
        }
        guard !isDirectory.boolValue else { throw SourceError("\(path) is a folder without entries.jsonl, not a ledger file or bundle") }
        guard InputFile.isRegularFile(path) else { throw SourceError("\(path) is \(InputFile.notAFile(path) ?? "not a regular file"), not a ledger") }
        // SQLite takes an empty file for an empty database, and reads the pages a file cut short
        // lacks as zeros (rows of entry 0 without bodies): each said as what it is.
        if Self.fileSize(path) == 0 { throw SourceError("\(path) is empty (0 bytes), not a ledger") }
        if let (expected, size) = Self.cutShort(path) {
            throw SourceError("\(path) is cut short: its header says it holds \(expected) bytes, the file has \(size) (a copy that did not finish?); it cannot be verified")
        }
        var config = Configuration()
        config.readonly = true
        // A writer closing holds the ledger a moment to move its -wal into it: waited for, as
        // the other commands wait, rather than "database is locked" (exit 2).
        config.busyMode = .timeout(LedgerStore.busyTimeoutSeconds)
        // `PRAGMA trusted_schema = OFF` would refuse the generated columns (json_extract is not
        // marked innocuous in this SQLite); the audit never reads them, nor runs any trigger.
        name = path
        ticket = Sidecars.opening(path)
        do {
            queue = try Self.translating(path) { try LedgerStore.readOnlyQueue(path: path, configuration: config) }
        } catch {
            Sidecars.closed(ticket, tidying: true)  // no connection was left open
            throw error
        }
    }

    /// This connection as ``Sidecars`` counts it.
    private let ticket: Sidecars.Ticket?

    /// Leaves the ledger's folder as it found it (see ``Sidecars``).
    deinit {
        do { try queue.close() } catch { return }  // still open: it stays counted
        Sidecars.closed(ticket, tidying: true)
    }

    public func read<T>(_ body: (any LedgerSnapshot) throws -> T) throws -> T {
        try Self.translating(name) {
            try queue.read { db in try body(try SQLiteAuditSnapshot(db: db, path: name)) }
        }
    }

    /// Turns SQLite failures into one sentence naming the file.
    static func translating<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                throw SourceError("\(path) is not an intact SQLite database (\(error.message ?? "\(error.resultCode)")); it cannot be verified")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
                throw SourceError("\(path) cannot be opened for reading")
            default:
                throw SourceError("\(path) cannot be read as a Fenhong ledger: \(error.message ?? "\(error.resultCode)")")
            }
        }
    }
}

/// One read transaction over an audited file.
struct SQLiteAuditSnapshot: LedgerSnapshot {
    let db: Database
    let path: String
    let tables: Set<String>
    /// The names of views: one where a table should be is named as such.
    let views: Set<String>
    let nodeRows: TreeNodeRows
    /// What the cursors passed over, for ``storageProblems()``.
    private let tally = AuditTally()

    init(db: Database, path: String) throws {
        self.db = db
        self.path = path
        nodeRows = TreeNodeRows(db: db)
        // Tables only: a view named `entry` could yield rows without end.
        tables = try Schema.tableNames(db)
        views = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'view' AND typeof(name) = 'text'").map { $0.lowercased() })
        guard tables.contains("entry") else {
            throw SourceError("\(path) is not a Fenhong ledger: it has no entry table" + (views.contains("entry") ? " (a view named entry is in its place)" : ""))
        }
    }

    func forEachEntry(_ body: (Int64, UnsafeRawBufferPointer, StoredHash) throws -> Void) throws {
        let rows = RawRows(try db.makeStatement(sql: "SELECT seq, body, hash FROM entry ORDER BY seq"))
        while try rows.step() {
            // Skipped and counted: the seqs around it show the gap, and every other entry is
            // still checked.
            guard let seq = rows.integer(0) else {
                tally.entriesWithoutSeq += 1
                continue
            }
            try body(seq, rows.bytes(1), Self.storedHash(rows, 2))
        }
    }

    func treeNodeLevels() throws -> StoredTreeNodes {
        guard tables.contains("tree_node") else { return .unavailable(missing("tree_node")) }
        // Rows at levels no tree has are counted in one query and reported in bulk: a cursor for
        // each such level is a scan of the whole table when it has no index (2,401 junk levels
        // took 91 s on a million rows).
        let range = 1...StoredTreeNodes.levelMax
        let levels = try nodeRows.levels()
        if levels.contains(where: { !range.contains($0) }) {
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), min(level), max(level) FROM tree_node
                WHERE typeof(level) = 'integer' AND (level < 1 OR level > \(StoredTreeNodes.levelMax))
                """)
            tally.levelsOutside = (row?[0] as Int64?) ?? 0
            tally.levelsOutsideSpan = "\((row?[1] as Int64?) ?? 0)…\((row?[2] as Int64?) ?? 0)"
        }
        return .levels(levels.filter { range.contains($0) })
    }

    func treeNodes(level: Int) throws -> any TreeNodeCursor {
        // A row whose idx is not an integer is skipped by the cursor and counted for
        // `storageProblems`: filtering it in SQL with typeof() cost a string per row.
        try nodeRows.cursor(level: level)
    }

    func checkpoints() throws -> any CheckpointCursor {
        guard tables.contains("checkpoint") else { return CheckpointRows(rows: nil, cosignatures: nil) }
        let rows = try Row.fetchCursor(db.makeStatement(sql: "SELECT size, note FROM checkpoint ORDER BY size"))
        let cosignatures = tables.contains("cosignature")
            ? try db.makeStatement(sql: "SELECT key_id, line FROM cosignature WHERE size = ? ORDER BY key_id")
            : nil
        return CheckpointRows(rows: rows, cosignatures: cosignatures)
    }

    /// "the X table is missing", or a view in its place (never read: it stores no rows, and could
    /// yield rows without end).
    private func missing(_ table: String) -> String {
        views.contains(table) ? "the \(table) table is missing: a view named \(table) is in its place, whose rows are not stored (it is not read)"
            : "the \(table) table is missing"
    }

    func storageProblems() throws -> [Problem] {
        var problems: [Problem] = []
        if !tables.contains("checkpoint") {
            problems.append(Problem(seq: nil, .malformedCheckpoint, missing("checkpoint")))
        }
        if tables.contains("tree_node") {
            let odd = nodeRows.oddRows
            if odd > 0 {
                problems.append(Problem(seq: nil, .nodeExtra, "\(odd) tree_node rows have a level or index that is not an integer"))
            }
            if tally.levelsOutside > 0 {
                problems.append(Problem(seq: nil, .nodeExtra,
                                        "\(tally.levelsOutside) tree nodes are stored at levels \(tally.levelsOutsideSpan), which no tree has"))
            }
        }
        if tally.entriesWithoutSeq > 0 {
            problems.append(Problem(seq: nil, .seqGap, "\(tally.entriesWithoutSeq) entry rows have a seq that is not an integer; they were not read"))
        }
        if !tables.contains("cosignature") {
            // Missing, or something else in its place (a view is never read: it could yield rows
            // without end); cosignatures cannot be shown, and fenhong will not open the file.
            problems.append(Problem(seq: nil, .badCosignature, missing("cosignature")))
        } else {
            let sql = tables.contains("checkpoint")
                ? "SELECT size, key_id FROM cosignature WHERE size NOT IN (SELECT size FROM checkpoint) ORDER BY size"
                : "SELECT size, key_id FROM cosignature ORDER BY size"
            let cursor = try Row.fetchCursor(db, sql: sql)
            while let row = try cursor.next() {
                let size = (row[0] as DatabaseValue).storage
                var seq: Int64?
                if case .int64(let s) = size, s > 0 { seq = s - 1 }
                problems.append(Problem(seq: seq, .badCosignature, "a cosignature by key \(row[1] as DatabaseValue) is stored for checkpoint \(row[0] as DatabaseValue), which does not exist"))
            }
        }
        return problems
    }

    /// What a `hash` column holds, judged without trusting its CHECK constraint.
    static func storedHash(_ rows: RawRows, _ column: Int32) -> StoredHash {
        switch rows.type(column) {
        case SQLITE_BLOB:
            let bytes = rows.bytes(column)
            if let hash = EntryHash(bytes: bytes) { return .hash(hash) }
            return .malformed(.blob(bytes: bytes.count))
        case SQLITE_NULL: return .malformed(.null)
        case SQLITE_INTEGER: return .malformed(.integer)
        case SQLITE_FLOAT: return .malformed(.real)
        default: return .malformed(.text)
        }
    }
}

private struct CheckpointRows: CheckpointCursor {
    let rows: RowCursor?
    let cosignatures: Statement?

    mutating func next() throws -> StoredCheckpoint? {
        guard let row = try rows?.next() else { return nil }
        let sizeValue: DatabaseValue = row[0]
        guard case .int64(let size) = sizeValue.storage else { return StoredCheckpoint(size: 0, note: nil) }
        var lines = [StoredCosignature]()
        if let cosignatures {
            let rows = try Row.fetchCursor(cosignatures, arguments: [size])
            while let row = try rows.next() {
                lines.append(StoredCosignature(filedUnder: Self.text(row[0]) ?? "(not text)", line: Self.text(row[1])))
            }
        }
        return StoredCheckpoint(size: size, note: Self.text(row[1]), cosignatures: lines)
    }

    /// Text, or a blob of valid UTF-8; nil for anything else.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .string(let s): s
        case .blob(let data): String(data: data, encoding: .utf8)
        default: nil
        }
    }
}

/// Rows an audit passed over or counted in bulk, reported once all were read.
private final class AuditTally {
    var entriesWithoutSeq = 0
    var levelsOutside: Int64 = 0
    var levelsOutsideSpan = ""
}
