import Foundation
import GRDB
import LedgerCore
import LedgerStore
import LedgerVerifier
import Testing

/// Files a forger shaped to make the verifier stop, hang or spend minutes, rather than to pass:
/// each is reported as problems (exit 1) or refused in one sentence (exit 2), and quickly.
struct AdversarialStorageTests {
    let fixture = Fixture.shared

    /// An entry whose seq is text is skipped and counted, and every other entry still checked:
    /// the report names the gap it leaves, instead of stopping at the row.
    @Test func entryWithoutAnIntegerSeqIsCountedNotFatal() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: """
                CREATE TABLE kept AS SELECT seq, body, hash FROM entry; DROP TABLE entry;
                CREATE TABLE entry (seq, body, hash); INSERT INTO entry SELECT * FROM kept; DROP TABLE kept;
                UPDATE entry SET seq = 'x' WHERE seq = 5;
                """)
        }
        #expect(report.entries == 18)
        #expect(report.problems.contains { $0.code == ProblemCode.seqGap.rawValue && $0.seq == 6 })
        #expect(report.problems.contains { $0.detail == "1 entry rows have a seq that is not an integer; they were not read" })
    }

    /// Hundreds of junk levels in a `tree_node` without its key are reported in one line, from
    /// one query, not read by a scan of the table each.
    @Test func junkLevelsAreReportedInBulk() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: """
                CREATE TABLE kept AS SELECT level, idx, hash FROM tree_node; DROP TABLE tree_node;
                CREATE TABLE tree_node (level, idx, hash); INSERT INTO tree_node SELECT * FROM kept; DROP TABLE kept;
                """)
            for level in 100..<400 { try db.execute(sql: "INSERT INTO tree_node VALUES (?, 0, zeroblob(32))", arguments: [level]) }
            try db.execute(sql: "INSERT INTO tree_node VALUES (0, 3, zeroblob(32))")
        }
        #expect(report.problems.map(\.detail) == ["301 tree nodes are stored at levels 0…399, which no tree has"])
    }

    /// A note that repeats its signature line many times is checked once per distinct line, and
    /// is no problem in itself.
    @Test func repeatedSignatureLinesAreCheckedOnce() throws {
        let report = try fixture.tampered { db in
            let note = try String.fetchOne(db, sql: "SELECT note FROM checkpoint WHERE size = 19")!
            let line = note.split(separator: "\n").last!
            try db.execute(sql: "UPDATE checkpoint SET note = ? WHERE size = 19",
                           arguments: [note + String(repeating: line + "\n", count: 500)])
        }
        #expect(report.problems.map(\.description) == [])
    }

    /// A view without end in place of the cosignature table: verify reports the table missing,
    /// and fenhong's other readers (cosign, checkpoint, statement check) refuse the file at once
    /// rather than spin on it.
    @Test func viewInPlaceOfTheCosignatureTable() throws {
        let path = try fixture.copy()
        defer { Fixture.discard(path) }
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: """
                ALTER TABLE cosignature RENAME TO c0;
                CREATE VIEW cosignature AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT size, key_id, line FROM c0, r;
                """)
        }
        let report = try Verifier.verify(LedgerStore.auditSource(path: path))
        #expect(report.problems.map(\.description) == ["bad-cosignature: the cosignature table is missing: a view named cosignature is in its place, "
                                                        + "whose rows are not stored (it is not read)"])
        #expect(throws: StoreError.self) { try LedgerStore.open(path: path, readOnly: true) }
        do {
            _ = try LedgerStore.open(path: path, readOnly: true)
        } catch {
            #expect("\(error)" == "\(path) is not a Fenhong ledger: it has no cosignature table (verify it: `fenhong verify \(path)`)")
        }
    }

    /// A rollback journal left beside the ledger holds pages SQLite puts back before anything
    /// reads it: the file as it lies is not the ledger, so a reader refuses it rather than
    /// verify what the next write would undo.
    @Test func hotJournalIsRefused() throws {
        let path = try fixture.copy()
        defer { Fixture.discard(path) }
        // A finished journal kept with its header zeroed (PERSIST mode) is no hot journal.
        try Data(repeating: 0, count: 512).write(to: URL(fileURLWithPath: path + "-journal"))
        _ = try LedgerStore.auditSource(path: path)
        let magic: [UInt8] = [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7]
        try Data(magic + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: path + "-journal"))
        // Beside the file itself, not beside a link to it, as SQLite looks for it.
        let link = (path as NSString).deletingLastPathComponent + "/link/copy.fenhong"
        try FileManager.default.createDirectory(atPath: (link as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        #expect(throws: StoreError.self) { try LedgerStore.auditSource(path: link) }
        #expect(throws: StoreError.self) { try LedgerStore.auditSource(path: path) }
        do {
            _ = try LedgerStore.auditSource(path: path)
        } catch {
            #expect("\(error)".hasPrefix("\(path)-journal holds a write that did not finish"))
        }
        #expect(throws: StoreError.self) { try LedgerStore.open(path: path, readOnly: true) }
    }

    /// A view named `entry` (here one without end) is no ledger table: refused at once.
    @Test func viewInPlaceOfATableIsRefused() throws {
        #expect(throws: SourceError.self) {
            try fixture.tampered { db in
                try db.execute(sql: """
                    ALTER TABLE entry RENAME TO e;
                    CREATE VIEW entry AS WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c) SELECT x AS seq, 'x' AS body, x'00' AS hash FROM c;
                    """)
            }
        }
    }
}
