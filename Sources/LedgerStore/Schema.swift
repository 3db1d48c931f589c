import GRDB
import LedgerCore

/// The SQLite schema, as named migrations that are never edited once released.
enum Schema {
    /// The names of the file's tables (views and the rest left out), in lower case: SQLite
    /// names are, so a table `Cosignature` is the table `cosignature`.
    static func tableNames(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND typeof(name) = 'text'").map { $0.lowercased() })
    }

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-append-only-ledger") { db in
            try db.execute(sql: v1)
            for table in ["entry", "tree_node", "checkpoint", "cosignature"] {
                try db.execute(sql: appendOnlyTriggers(table))
            }
        }
        // A command's rules read the allocation and payments of each (distribution, household)
        // it pays: one index on both finds them directly, where the household index alone made
        // SQLite parse every entry of each household (1,000 payments on a 1M-entry ledger:
        // 27 ms → 4 ms). Queries by household alone use its first column.
        migrator.registerMigration("v2-household-distribution-index") { db in
            try db.execute(sql: """
                DROP INDEX entry_by_household;
                CREATE INDEX entry_by_household_distribution ON entry(household, distribution) WHERE household IS NOT NULL;
                """)
        }
        return migrator
    }

    /// Refuses UPDATE and DELETE on `table`, from any client, the sqlite3 shell included.
    static func appendOnlyTriggers(_ table: String) -> String {
        """
        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
        BEGIN SELECT RAISE(ABORT, 'fenhong: the \(table) table is append-only; correct an entry with entry.reverse, never by editing'); END;
        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
        BEGIN SELECT RAISE(ABORT, 'fenhong: the \(table) table is append-only; nothing may be deleted'); END;
        """
    }

    /// The kinds every command's rules read in full (few in any ledger), indexed by a partial
    /// index so that the many allocations and payments do not pay for an index entry.
    static let rareKinds: [EntryKind] = [.ledgerOpen, .keyAdd, .keyRetire, .dividendDeclare, .entryReverse]
    /// `('ledger.open', 'key.add', …)`: the list as SQL, written the same in the index and the
    /// queries so that SQLite can use the partial index.
    static let rareKindList = "(" + rareKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    /// The WHERE condition that selects entries of `kind` (one `?` for the kind). For the rare
    /// kinds it repeats the partial index's list, so SQLite finds them by that index instead of
    /// reading every body in the ledger.
    static func kindCondition(_ kind: EntryKind) -> String {
        rareKinds.contains(kind) ? "kind IN \(rareKindList) AND kind = ?" : "kind = ?"
    }

    /// Bodies are the truth; every queryable column is generated from them.
    static let v1 = """
        CREATE TABLE entry (
            seq INTEGER PRIMARY KEY CHECK (seq >= 0),
            body TEXT NOT NULL CHECK (typeof(body) = 'text'),
            hash BLOB NOT NULL CHECK (typeof(hash) = 'blob' AND length(hash) = 32),
            kind TEXT GENERATED ALWAYS AS (json_extract(body, '$.kind')) VIRTUAL,
            household TEXT GENERATED ALWAYS AS (coalesce(json_extract(body, '$.household'), json_extract(body, '$.holder'), json_extract(body, '$.from'))) VIRTUAL,
            counterpart TEXT GENERATED ALWAYS AS (json_extract(body, '$.to')) VIRTUAL,
            distribution TEXT GENERATED ALWAYS AS (CASE WHEN json_extract(body, '$.kind') GLOB 'dividend.*' THEN json_extract(body, '$.id') END) VIRTUAL,
            target INTEGER GENERATED ALWAYS AS (json_extract(body, '$.target')) VIRTUAL
        );
        CREATE INDEX entry_by_household ON entry(household) WHERE household IS NOT NULL;
        CREATE INDEX entry_by_counterpart ON entry(counterpart) WHERE counterpart IS NOT NULL;
        CREATE INDEX entry_by_distribution ON entry(distribution) WHERE distribution IS NOT NULL;
        CREATE INDEX entry_by_rare_kind ON entry(kind) WHERE kind IN \(rareKindList);
        CREATE TABLE tree_node (
            level INTEGER NOT NULL CHECK (level >= 1),
            idx INTEGER NOT NULL CHECK (idx >= 0),
            hash BLOB NOT NULL CHECK (typeof(hash) = 'blob' AND length(hash) = 32),
            PRIMARY KEY (level, idx)
        ) WITHOUT ROWID;
        CREATE TABLE checkpoint (
            size INTEGER PRIMARY KEY CHECK (size >= 1),
            note TEXT NOT NULL
        );
        CREATE TABLE cosignature (
            size INTEGER NOT NULL REFERENCES checkpoint(size),
            key_id TEXT NOT NULL,
            line TEXT NOT NULL,
            PRIMARY KEY (size, key_id)
        ) WITHOUT ROWID;
        """
}
