import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import MerkleLog
import Testing

struct IntactLedgerTests {
    let fixture = Fixture.shared

    /// A ledger written by the store verifies with no problem, and reports the cosigning inspector.
    @Test func intactLedgerVerifies() throws {
        let report = try Verifier.verify(LedgerStore.auditSource(path: fixture.ledger))
        expectExactly(report, [])
        #expect(report.entries == 19)
        #expect(report.size == 19)
        #expect(report.checkpoints == 12)
        #expect(report.root == fixture.head.checkpoint.root)
        #expect(report.cosigned == [.init(inspector: "zalaite-inspector", keyID: fixture.inspector.id, size: 19)])
    }

    /// The bundle `fenhong export` writes verifies like the ledger it came from.
    @Test func exportedBundleVerifies() throws {
        let bundle = try fixture.bundle()
        defer { Fixture.discard(bundle) }
        let report = try Verifier.verify(BundleSource(folder: bundle))
        expectExactly(report, [])
        #expect(report.entries == 19)
        #expect(report.root == fixture.head.checkpoint.root)
        #expect(report.cosigned.map(\.size) == [19])
    }

    /// A trusted checkpoint the ledger extends (every earlier size, and the head itself) passes.
    @Test(arguments: [1, 4, 7, 8, 14, 16, 19] as [Int64])
    func ledgerExtendsEveryEarlierCheckpoint(size: Int64) throws {
        let trusted = try fixture.checkpoint(size: size)
        expectExactly(try Verifier.verify(LedgerStore.auditSource(path: fixture.ledger), trusted: trusted), [])
        let bundle = try fixture.bundle()
        defer { Fixture.discard(bundle) }
        expectExactly(try Verifier.verify(BundleSource(folder: bundle), trusted: trusted), [])
    }

    /// Progress is reported at the interval asked for.
    @Test func progressIsReported() throws {
        let seen = Counter()
        _ = try Verifier.verify(LedgerStore.auditSource(path: fixture.ledger),
                                options: .init(progressInterval: 5) { seen.add($0) })
        #expect(seen.values == [5, 10, 15])
    }

    /// A missing file, a file that is not SQLite and a SQLite file that is not a ledger cannot be
    /// verified: they throw one sentence (exit 2), they do not report problems.
    @Test func unreadableSourcesThrow() throws {
        let folder = try Fixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: SourceError.self) { try LedgerStore.auditSource(path: folder + "/none.fenhong") }
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: folder + "/text.fenhong"))
        #expect(throws: SourceError.self) { try Verifier.verify(LedgerStore.auditSource(path: folder + "/text.fenhong")) }
        #expect(throws: SourceError.self) { try BundleSource(folder: folder) }
        #expect(throws: SourceError.self) {
            _ = try fixture.tampered { db in try db.execute(sql: "DROP TABLE entry") }
        }
    }
}

/// Collects values from a `@Sendable` callback.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int64] = []
    func add(_ value: Int64) { lock.withLock { storage.append(value) } }
    var values: [Int64] { lock.withLock { storage } }
}
