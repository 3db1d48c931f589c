import Foundation
import LedgerCore
@testable import LedgerStore
import MerkleLog
import Testing

/// The SQLite store: atomic appends, append-only tables, checkpoints, proofs.
struct LedgerStoreTests {
    /// Each append links prev to the previous entry's hash and ends with a checkpoint whose root is the tree's.
    @Test func appendsChainAndCheckpoint() throws {
        let ledger = try TestLedger()
        try ledger.register("152223-001")
        let result = try ledger.append(ledger.issue("152223-001", 4), ledger.issue("collective", 30, shareClass: "collective"))
        let entries = try ledger.store.withReader { try $0.allEntries() }
        #expect(entries.count == 4)
        for (a, b) in zip(entries, entries.dropFirst()) {
            #expect(b.prev == Entry.hash(body: a.canonicalBody()))
        }
        let hashes = entries.map { Entry.hash(body: $0.canonicalBody()) }
        #expect(result.checkpoint.checkpoint.size == 4)
        #expect(result.checkpoint.checkpoint.root == InMemorySubtreeHashes(leafHashes: hashes).root)
        #expect(result.checkpoint.note.isSigned(by: ledger.accountant.verifier))
        let checkpoints = try ledger.store.withReader { try $0.checkpoints() }
        #expect(checkpoints.map(\.size) == [1, 2, 4])
    }

    /// A command of several chunks (encoded ahead on another core, `prev` set afterwards) stores
    /// each body exactly as encoding its entry gives it, linked, with the stored hashes and the
    /// root of those bodies; a bad entry in a later chunk still writes nothing.
    @Test func largeCommandsStoreExactBodies() throws {
        let ledger = try TestLedger()
        let count = 2_500
        let payloads = (1...count).map { i in
            EntryPayload.householdRegister(HouseholdRegistration(household: "152223-\(i)", head: "户主\(i)", members: 1 + Int64(i % 6),
                                                                 poor: i % 7 == 0, idMasked: "152223********1234", account: "****5678", date: TestLedger.day))
        }
        let result = try ledger.store.append(payloads, signer: ledger.accountant, at: TestLedger.time)
        var bodies = [[UInt8]]()
        try ledger.store.withReader { reader in try reader.forEachBody { _, body in bodies.append(Array(body)) } }
        #expect(bodies.count == count + 1)
        var prev = Entry.hash(body: bodies[0])
        for (i, body) in bodies.enumerated().dropFirst() {
            let entry = try Entry.decode(body: body)
            #expect(entry == result.entries[i - 1])
            #expect(entry.canonicalBody() == body)
            #expect(entry.prev == prev)
            #expect(result.hashes[i - 1] == Entry.hash(body: body))
            prev = Entry.hash(body: body)
        }
        #expect(result.checkpoint.checkpoint.root == InMemorySubtreeHashes(leafHashes: bodies.map(Entry.hash(body:))).root)

        var bad = payloads.map { payload -> EntryPayload in
            guard case .householdRegister(var r) = payload else { return payload }
            r.household += "-2"
            return .householdRegister(r)
        }
        bad[2_100] = .householdRegister(HouseholdRegistration(household: "152223-x", head: "户主", members: 1, poor: false,
                                                              idMasked: "152223199001191234", account: "****5678", date: TestLedger.day))
        #expect(throws: StoreError.self) { try ledger.store.append(bad, signer: ledger.accountant, at: TestLedger.time) }
        #expect(try ledger.store.withReader { try $0.size() } == Int64(count + 1))
    }

    /// The benchmarks' schema reference stores, with SQLite alone, exactly the entry and tree
    /// node rows the append stored.
    @Test func schemaReferenceStoresTheSameRows() throws {
        let ledger = try TestLedger()
        try ledger.register("152223-001", poor: true)
        let copy = ledger.folder.appendingPathComponent("before.fenhong").path
        try SQLiteReference.copyLedger(ledger.path, to: copy)
        let result = try ledger.append(ledger.issue("152223-001", 4), ledger.issue("collective", 30, shareClass: "collective"),
                                       ledger.issue("152223-001", 2, shareClass: "poverty"))
        _ = try SQLiteReference.schemaInsertSeconds(result.entries.map { $0.canonicalBody() }, batch: 2, path: copy)
        let rows = "SELECT seq, body, hex(hash) FROM entry ORDER BY seq; SELECT level, idx, hex(hash) FROM tree_node ORDER BY level, idx"
        let (ours, reference) = (try ledger.sqlite(rows), try ledger.sqlite(rows, file: copy))
        #expect(ours.status == 0 && reference.status == 0)
        #expect(ours.output.split(separator: "\n").count == 5 + 3)
        #expect(reference.output == ours.output)
    }

    /// The registrations and the payment history of the households a command names are found
    /// through the (household, distribution) index, not by SQLite parsing every entry of each.
    @Test func payeeHistoryUsesTheCompositeIndex() throws {
        let ledger = try TestLedger()
        let indexes = try ledger.sqlite("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'entry_by_%' ORDER BY name")
        #expect(indexes.output == "entry_by_counterpart\nentry_by_distribution\nentry_by_household_distribution\nentry_by_rare_kind\n")
        for query in [LedgerReader.payeeHistory, LedgerReader.registeredAmong] {
            let plan = try ledger.sqlite("EXPLAIN QUERY PLAN " + query)
            #expect(plan.output.contains("USING INDEX entry_by_household_distribution (household=? AND distribution=?)"), "\(plan.output)")
        }
    }

    /// A command that breaks a rule writes nothing: not its valid entries, not a checkpoint.
    @Test func failedCommandWritesNothing() throws {
        let ledger = try TestLedger()
        try ledger.register("152223-001")
        #expect(throws: StoreError.self) {
            try ledger.append(ledger.issue("152223-001", 4), ledger.issue("152223-404", 1))
        }
        let (size, checkpoints) = try ledger.store.withReader { (try $0.size(), try $0.checkpoints().count) }
        #expect(size == 2)
        #expect(checkpoints == 2)
    }

    /// UPDATE and DELETE from the sqlite3 shell abort with the trigger's message.
    @Test func tablesAreAppendOnly() throws {
        let ledger = try TestLedger()
        try ledger.register("152223-001")
        for table in ["entry", "tree_node", "checkpoint"] {
            let update = try ledger.sqlite("UPDATE \(table) SET hash = hash")
            let delete = try ledger.sqlite("DELETE FROM \(table)")
            if table != "checkpoint" { #expect(update.output.contains("append-only"), "\(table): \(update.output)") }
            #expect(delete.status != 0)
            #expect(delete.output.contains("the \(table) table is append-only"))
        }
        #expect(try ledger.store.withReader { try $0.size() } == 2)
    }

    /// Read a batch ahead on another core, every entry still comes in order, and of several rows
    /// that cannot be read or were changed the first in order is the one said, whatever its kind.
    @Test func entriesReadAheadComeInOrderAndTheFirstFaultIsSaid() throws {
        let ledger = try TestLedger()
        let households = (1...2_500).map { String(format: "152223-%04d", $0) }
        try ledger.store.append(households.map { household in
            .householdRegister(HouseholdRegistration(household: household, head: "户主", members: 3, poor: false,
                                                     idMasked: "152223********1234", account: "****5678", date: TestLedger.day))
        }, signer: ledger.accountant, at: TestLedger.time)
        var seqs = [Int64]()
        try ledger.store.withReader { try $0.forEachHashedEntry { entry, _ in seqs.append(entry.seq) } }
        #expect(seqs == Array(0...2_500))
        // Entries 300, 1,200 and 1,900 changed, entry 2,300's stored hash zeroed: entry 300 is
        // named (its batch handed over while a later one is decoded: it had crashed the reader,
        // waiting again for the batch it had claimed); without it, 1,200; then 1,900; then 2,300.
        func first() -> String {
            do {
                try ledger.store.withReader { try $0.forEachHashedEntry { _, _ in } }
                return "none"
            } catch { return "\(error)" }
        }
        #expect(try ledger.sqlite("DROP TRIGGER entry_no_update; UPDATE entry SET body = replace(body, '户主', '户王') WHERE seq IN (300, 1200, 1900);"
                                  + " UPDATE entry SET hash = zeroblob(32) WHERE seq = 2300").status == 0)
        #expect(first().contains("entry 300 does not match its stored hash"), "\(first())")
        // And a body's own fault thrown while a batch is in flight: the reader goes on to the caller.
        var handed = 0
        #expect(throws: StoreError.self) { try ledger.store.withReader { try $0.forEachHashedEntry { _, _ in handed += 1 } } }
        #expect(handed == 300)
        #expect(throws: StoreError.self) {
            try ledger.store.withReader { try $0.forEachHashedEntry { entry, _ in if entry.seq == 100 { throw StoreError.missing(path: "x") } } }
        }
        #expect(try ledger.sqlite("UPDATE entry SET body = replace(body, '户王', '户主') WHERE seq = 300").status == 0)
        #expect(first().contains("entry 1200 does not match its stored hash"), "\(first())")
        #expect(try ledger.sqlite("UPDATE entry SET body = replace(body, '户王', '户主') WHERE seq = 1200").status == 0)
        #expect(first().contains("entry 1900 does not match its stored hash"), "\(first())")
        #expect(try ledger.sqlite("UPDATE entry SET body = replace(body, '户王', '户主') WHERE seq = 1900").status == 0)
        #expect(first().contains("entry 2300 does not match its stored hash"), "\(first())")
    }

    /// A body changed with the triggers dropped is refused wherever a command reads it: the
    /// share issue that would justify a retirement, and the household's statement lines; and
    /// by any write, which holds every body first (`fenhong verify` judges every entry).
    @Test func entriesChangedOutsideAreRefusedWhereRead() throws {
        let ledger = try TestLedger()
        try ledger.register("152223-001")
        try ledger.register("152223-002")
        try ledger.append(ledger.issue("152223-001", 10))
        let edit = try ledger.sqlite("DROP TRIGGER entry_no_update; UPDATE entry SET body = replace(body, '\"units\":10', '\"units\":99') WHERE seq = 3")
        #expect(edit.status == 0, "\(edit.output)")
        let message = "\(ledger.path) was changed outside fenhong: entry 3 does not match its stored hash; nothing was done (run `fenhong verify \(ledger.path)`)"
        do {
            try ledger.append(.sharesRetire(SharesChange(holder: "152223-001", shareClass: "member", units: 5, date: TestLedger.day, reason: "x")))
            Issue.record("a retirement built on a changed entry was recorded")
        } catch {
            #expect("\(error)" == message)
        }
        #expect(throws: StoreError.self) { try ledger.store.withReader { try $0.hashedEntries(household: "152223-001") } }
        // A bundle passes every entry on: it is not written from a changed ledger, and nothing is left.
        let bundle = ledger.path + "-bundle"
        do {
            _ = try BundleWriter.write(store: ledger.store, to: bundle)
            Issue.record("a bundle was written from a changed entry")
        } catch {
            #expect("\(error)" == message)
        }
        #expect(!FileManager.default.fileExists(atPath: bundle))
        #expect(try ledger.store.withReader { try $0.size() } == 4)
        // Nor is anything added, even what reads no changed entry: every body is held to its hash first.
        #expect { try ledger.append(ledger.issue("152223-002", 4)) } throws: { "\($0)" == message }
        #expect(try ledger.store.withReader { try $0.size() } == 4)
    }

    /// A table rebuilt with values of the wrong type (a NULL seq, a text hash, a checkpoint size
    /// as text) makes a command stop with one sentence, never trap in a typed column read.
    @Test func wrongTypesInTablesAreRefusedNotTrappedOn() throws {
        let ledger = try TestLedger()
        try ledger.register("152223-001")
        let edit = try ledger.sqlite("""
            CREATE TABLE e2 AS SELECT seq, body, hash FROM entry; DROP TABLE entry; ALTER TABLE e2 RENAME TO entry;
            UPDATE entry SET seq = NULL WHERE seq = 1;
            """)
        #expect(edit.status == 0, "\(edit.output)")
        do {
            _ = try ledger.store.withReader { try $0.allHashedEntries() }
            Issue.record("an entry without a seq was read")
        } catch {
            #expect("\(error)".hasSuffix("an entry's seq is not an integer (run fenhong verify)"), "\(error)")
        }
        #expect(try ledger.sqlite("UPDATE entry SET seq = 1 WHERE seq IS NULL; UPDATE entry SET hash = 'x' WHERE seq = 1").status == 0)
        #expect(throws: StoreError.self) { try ledger.store.withReader { try $0.allHashedEntries() } }
        let retyped = try ledger.sqlite("""
            CREATE TABLE c2 AS SELECT size, note FROM checkpoint; DROP TABLE checkpoint; ALTER TABLE c2 RENAME TO checkpoint;
            UPDATE checkpoint SET size = 'two' WHERE size = 2;
            """)
        #expect(retyped.status == 0, "\(retyped.output)")
        #expect(throws: StoreError.self) { try ledger.store.withReader { try $0.checkpoints() } }
        #expect(throws: StoreError.self) { try ledger.store.withReader { try $0.latestCheckpoint() } }
    }

    /// Inclusion and consistency proofs from the stored nodes verify against the checkpoints.
    @Test func proofsVerifyAgainstCheckpoints() throws {
        let ledger = try TestLedger()
        for i in 1...9 { try ledger.register(String(format: "152223-%03d", i)) }
        try ledger.store.withReader { reader in
            let tree = MerkleTree(reader: reader.subtreeReader)
            let head = try reader.latestCheckpoint().checkpoint
            #expect(head.size == 10)
            for seq in 0..<head.size {
                let proof = try tree.inclusionProof(index: Int(seq), size: Int(head.size))
                try ProofVerifier.verifyInclusion(leafHash: try reader.entryHash(seq: seq), index: Int(seq), size: Int(head.size), proof: proof, root: head.root)
            }
            for old in 1..<head.size {
                let oldHead = try #require(try reader.checkpoint(size: old)).checkpoint
                let proof = try tree.consistencyProof(from: Int(old), to: Int(head.size))
                try ProofVerifier.verifyConsistency(size1: Int(old), size2: Int(head.size), root1: oldHead.root, root2: head.root, proof: proof)
            }
        }
    }

    /// An entry that would not read back — here a full ID number where only a masked one may go,
    /// or a body over the size limit — is refused before anything is written.
    @Test func entriesThatWouldNotReadBackAreRefused() throws {
        let ledger = try TestLedger()
        let unmasked = EntryPayload.householdRegister(HouseholdRegistration(
            household: "152223-001", head: "陈梅", members: 2, poor: true, idMasked: "152223198001181234", account: "****5678", date: TestLedger.day))
        #expect(throws: StoreError.self) { try ledger.append(unmasked) }
        let huge = EntryPayload.incomeRecord(CashFlow(amount: Fen(1), category: String(repeating: "收", count: 30_000), counterparty: "x", date: TestLedger.day))
        #expect(throws: StoreError.self) { try ledger.append(huge) }
        #expect(try ledger.store.withReader { try $0.size() } == 1)
    }

    /// A key that is not an accountant of the ledger cannot write.
    @Test func strangerCannotWrite() throws {
        let ledger = try TestLedger()
        let stranger = try NoteSigner.generate(name: "stranger", algorithm: .ed25519)
        #expect(throws: StoreError.self) {
            try ledger.store.append([ledger.issue("collective", 1)], signer: stranger, at: TestLedger.time)
        }
    }

    /// A ledger written before migration v2 (its index on `household` alone) gets the
    /// (household, distribution) index when a command first opens it for writing, and goes on.
    @Test func ledgerOfV1IsMigrated() throws {
        let ledger = try TestLedger()
        try ledger.register("152223-001")
        let downgrade = try ledger.sqlite("""
            DROP INDEX entry_by_household_distribution;
            CREATE INDEX entry_by_household ON entry(household) WHERE household IS NOT NULL;
            DELETE FROM grdb_migrations WHERE identifier = 'v2-household-distribution-index';
            """)
        #expect(downgrade.status == 0, "\(downgrade.output)")
        let reopened = try LedgerStore.open(path: ledger.path)
        try reopened.append([ledger.issue("152223-001", 3)], signer: ledger.accountant, at: TestLedger.time)
        let indexes = try ledger.sqlite("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'entry_by_household%'")
        #expect(indexes.output == "entry_by_household_distribution\n")
        #expect(try reopened.withReader { try $0.entries(household: "152223-001").map(\.kind) } == [.householdRegister, .sharesIssue])
    }

    /// A ledger is created once; opening a missing or foreign file fails with a clear error.
    @Test func createAndOpenErrors() throws {
        let ledger = try TestLedger()
        let open = LedgerOpen(origin: "fenhong/152223/baixin", org: "o", village: "v", region: ["v"], key: ledger.accountant.verifier.vkey)
        #expect(throws: StoreError.self) { try LedgerStore.create(path: ledger.path, opening: open, signer: ledger.accountant, at: TestLedger.time) }
        #expect(throws: StoreError.self) { try LedgerStore.open(path: ledger.folder.appendingPathComponent("none").path) }
        let garbage = ledger.folder.appendingPathComponent("garbage.fenhong").path
        _ = FileManager.default.createFile(atPath: garbage, contents: Data(repeating: 0x41, count: 8192))
        #expect(throws: StoreError.self) { try LedgerStore.open(path: garbage, readOnly: true) }
    }

    /// Two writers in one process are serialised: every append lands, the chain stays unbroken.
    @Test func concurrentWritersAreSerialised() async throws {
        let ledger = try TestLedger()
        let path = ledger.path
        let signer = ledger.accountant
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = try LedgerStore.open(path: path)
                    for i in 0..<20 {
                        _ = try store.append([.incomeRecord(CashFlow(amount: Fen(Int64(writer * 100 + i)), category: "c", counterparty: "w\(writer)", date: TestLedger.day))],
                                             signer: signer, at: TestLedger.time)
                    }
                }
            }
            try await group.waitForAll()
        }
        let entries = try ledger.store.withReader { try $0.allEntries() }
        #expect(entries.count == 41)
        #expect(entries.map(\.seq) == Array(0..<41))
    }
}
