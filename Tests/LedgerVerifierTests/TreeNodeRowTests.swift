import Foundation
import GRDB
@testable import LedgerStore
import LedgerVerifier
import Testing

/// Rows of `tree_node` that are no node at all: a level or index that is not an integer, as a
/// forger who rebuilt the table without its types could leave. The verifier finds the levels by
/// seeking and counts such rows as it passes them; each test holds that count to a full scan of
/// the table (the query the verifier ran before) and to the number of rows put there.
struct TreeNodeRowTests {
    let fixture = Fixture.shared

    /// `tree_node` rebuilt without types, constraints or primary key (so that a level may even
    /// be NULL), its rows kept and the given ones added; returns the report and the full scan's count.
    func rebuilt(indexed: Bool, adding rows: [(level: DatabaseValue, idx: DatabaseValue)]) throws -> (VerificationReport, Int) {
        var scanned = -1
        let report = try fixture.tampered { db in
            try db.execute(sql: """
                CREATE TABLE kept AS SELECT level, idx, hash FROM tree_node;
                DROP TABLE tree_node;
                CREATE TABLE tree_node (level, idx, hash);
                INSERT INTO tree_node SELECT level, idx, hash FROM kept;
                DROP TABLE kept;
                """)
            if indexed { try db.execute(sql: "CREATE INDEX tree_node_by_level ON tree_node (level, idx)") }
            for row in rows {
                try db.execute(sql: "INSERT INTO tree_node (level, idx, hash) VALUES (?, ?, zeroblob(32))", arguments: [row.level, row.idx])
            }
            scanned = try Int.fetchOne(db, sql: "SELECT count(*) FROM tree_node WHERE typeof(level) != 'integer' OR typeof(idx) != 'integer'")!
        }
        return (report, scanned)
    }

    static let odd: [(level: DatabaseValue, idx: DatabaseValue)] = [
        (.null, 0.databaseValue),                    // no level
        (2.5.databaseValue, 0.databaseValue),        // a fraction between two levels
        (3.0.databaseValue, 1.databaseValue),        // a real equal to a level the tree has (and a node it has)
        (25.0.databaseValue, 0.databaseValue),       // a real equal to no stored integer level
        ("x".databaseValue, 0.databaseValue),        // text, sorted after every number
        (Data([1]).databaseValue, 0.databaseValue),  // a blob, sorted last
        (1.databaseValue, "a".databaseValue),        // an index that is text
        (1.databaseValue, 2.5.databaseValue),        // an index that is a fraction
        (2.5.databaseValue, "b".databaseValue),      // both
    ]

    @Test(arguments: [true, false])
    func oddRowsAreCountedAsAFullScanCountsThem(indexed: Bool) throws {
        let (report, scanned) = try rebuilt(indexed: indexed, adding: Self.odd)
        #expect(scanned == Self.odd.count)
        let counted = report.problems.filter { $0.detail.hasSuffix("tree_node rows have a level or index that is not an integer") }
        #expect(counted.map(\.detail) == ["\(scanned) tree_node rows have a level or index that is not an integer"])
        #expect(counted.map(\.code) == ["node-extra"])
        #expect(counted.map(\.seq) == [nil])
        // The real 3.0 at index 1 is read with level 3, as before: a second row for node (3, 1),
        // after the real one, is extra at entry 15, the last one that node covers.
        expectExactly(report, [("node-extra", 15), ("node-extra", nil)])
    }

    /// More distinct levels than any tree has are not sought one by one but counted by scanning,
    /// with the same result.
    @Test func manyDistinctLevelsAreCountedAlike() throws {
        let fractions = (0..<(TreeNodeRows.seekMax + 50)).map { (level: (Double($0) + 0.5).databaseValue, idx: 0.databaseValue) }
        let (report, scanned) = try rebuilt(indexed: true, adding: fractions)
        #expect(scanned == fractions.count)
        #expect(report.problems.map(\.detail) == ["\(fractions.count) tree_node rows have a level or index that is not an integer"])
    }

    /// A table rebuilt without types but holding only integers is intact: nothing is counted.
    @Test func rebuiltTableOfIntegersIsIntact() throws {
        let (report, scanned) = try rebuilt(indexed: true, adding: [])
        #expect(scanned == 0)
        #expect(report.problems.isEmpty)
    }
}
