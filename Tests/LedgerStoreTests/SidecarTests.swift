import Foundation
import LedgerStore
import Testing

/// Reading a ledger leaves its folder as it was found: SQLite's `-wal` and `-shm` files, which it
/// makes beside a WAL ledger even to read it, go when the last connection closes — unless a
/// connection is still open somewhere, or the `-wal` holds frames.
struct SidecarTests {
    /// A ledger of two entries (and two checkpoints) no connection has open, its `-wal` checkpointed into it.
    private func closedLedger(_ ledger: TestLedger, named name: String = "copy.fenhong") throws -> String {
        try ledger.register("00000001")
        #expect(try ledger.sqlite("PRAGMA wal_checkpoint(TRUNCATE)").status == 0)
        let copy = ledger.folder.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: ledger.path, toPath: copy)
        return copy
    }

    private func sidecars(_ path: String) -> [Bool] {
        ["-wal", "-shm"].map { FileManager.default.fileExists(atPath: path + $0) }
    }

    /// A ledger with two names (a hard link) is not opened to write: each name would keep a
    /// write-ahead log of its own and the ledger would fork. It still reads; with one name again,
    /// it writes. A new ledger has one name when it is first opened to write (its staging name gone).
    @Test func aLedgerWithTwoNamesIsNotWritten() throws {
        let ledger = try TestLedger()
        let path = try closedLedger(ledger)
        let other = ledger.folder.appendingPathComponent("other-name.fenhong").path
        #expect(link(path, other) == 0)
        for name in [path, other] {
            let error = #expect(throws: StoreError.self) { try LedgerStore.open(path: name) }
            guard case .otherNames(let named, let names)? = error else { Issue.record("\(String(describing: error))"); continue }
            #expect(named == name && names == 2)
        }
        #expect(try LedgerStore.open(path: other, readOnly: true).withReader { try $0.size() } == 2)
        #expect("\(StoreError.otherNames(path: path, names: 2))".contains("one file with 2 names (hard links)"))
        #expect(unlink(other) == 0)
        #expect(try LedgerStore.open(path: path).withReader { try $0.size() } == 2)
    }

    /// Two readers in this process: the first to close leaves them to the other, the last removes them.
    @Test func theLastReaderToCloseRemovesThem() throws {
        let ledger = try TestLedger()
        let path = try closedLedger(ledger)
        var first: LedgerStore? = try LedgerStore.open(path: path, readOnly: true)
        var second: LedgerStore? = try LedgerStore.open(path: path, readOnly: true)
        #expect(try first?.withReader { try $0.entry(seq: 1) } != nil)
        #expect(try second?.withReader { try $0.entry(seq: 0) } != nil)
        #expect(sidecars(path) == [true, true])  // SQLite made them to read
        second = nil
        #expect(sidecars(path) == [true, true])
        #expect(try first?.withReader { try $0.entry(seq: 1) } != nil)
        first = nil
        #expect(sidecars(path) == [false, false])
    }

    @Test func verifyingLeavesTheFolderAsFound() throws {
        let ledger = try TestLedger()
        let path = try closedLedger(ledger)
        #expect(try LedgerAudit.verify(path: path, trusted: nil).ok)
        #expect(sidecars(path) == [false, false])
        #expect(LedgerAudit.origin(of: path) == "fenhong/152223/baixin")
        #expect(LedgerAudit.checkpoint(of: path, size: 2) != nil)
        #expect(sidecars(path) == [false, false])
    }

    /// A reader closing while this process's writer has the ledger open leaves the files, and the
    /// writer its locks: a process's record locks on a file all go when it closes any descriptor of
    /// it, so the file is not even opened to test for other connections.
    @Test func aReaderClosingBesideThisProcesssWriterLeavesItsLocks() throws {
        let ledger = try TestLedger()
        try ledger.register("00000001")
        #expect(try ledger.sqlite("PRAGMA wal_checkpoint(TRUNCATE)").status == 0)  // the writer's -wal now empty
        do {
            let reader = try LedgerStore.open(path: ledger.path, readOnly: true)
            #expect(try reader.withReader { try $0.size() } == 2)
        }
        #expect(try LedgerAudit.verify(path: ledger.path, trusted: nil).ok)
        #expect(sidecars(ledger.path) == [true, true])
        try ledger.append(ledger.issue("00000001", 4))
        let report = try LedgerAudit.verify(path: ledger.path, trusted: nil)
        #expect(report.ok && report.entries == 3)
    }

    /// One file under two names (a hard link): SQLite makes its files beside the name it opens it
    /// by (in one process, the first); they go when the last connection to the file, by either
    /// name, closes — the last here by the other name.
    @Test func aFileOfTwoNamesKeepsThemUntilItsLastConnectionCloses() throws {
        let ledger = try TestLedger()
        let path = try closedLedger(ledger)
        let other = ledger.folder.appendingPathComponent("other-name.fenhong").path
        #expect(link(path, other) == 0)
        var first: LedgerStore? = try LedgerStore.open(path: path, readOnly: true)
        var second: LedgerStore? = try LedgerStore.open(path: other, readOnly: true)
        #expect(try first?.withReader { try $0.size() } == 2 && second?.withReader { try $0.size() } == 2)
        #expect(sidecars(path) == [true, true])
        first = nil
        #expect(sidecars(path) == [true, true])  // the second connection reads through them
        #expect(try second?.withReader { try $0.entry(seq: 1) } != nil)
        second = nil
        #expect(sidecars(path) == [false, false] && sidecars(other) == [false, false])
    }

    /// A writer closing holds the ledger a moment to move its `-wal` into it: a verification then
    /// waits for it rather than failing with "database is locked".
    @Test func verifyWaitsForALockHeldAMoment() throws {
        let ledger = try TestLedger()
        let path = try closedLedger(ledger)
        let holder = try SQLiteShell(path: path, readOnly: false)
        #expect(try holder.query("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; SELECT count(*) FROM entry;") == "exclusive")
        #expect(try holder.query("") == "2")  // the count: the lock is held
        let release = Thread { Thread.sleep(forTimeInterval: 0.5); holder.close() }
        release.start()
        let report = try LedgerAudit.verify(path: path, trusted: nil)
        #expect(report.ok && report.entries == 2)
    }

    /// Another process reading the ledger holds it open: its files stay, and it reads on.
    @Test func anotherProcessReadingKeepsThem() throws {
        let ledger = try TestLedger()
        let path = try closedLedger(ledger)
        let reader = try SQLiteShell(path: path)
        #expect(try reader.query("SELECT count(*) FROM entry;") == "2")
        #expect(try LedgerAudit.verify(path: path, trusted: nil).ok)
        #expect(sidecars(path) == [true, true])
        #expect(try reader.query("SELECT count(*) FROM checkpoint;") == "2")
        reader.close()
    }

    /// A `-wal` holding committed frames (a writer stopped before its checkpoint) is the ledger's
    /// newest entries: a reader reads them and leaves the file whole.
    @Test func aWalHoldingFramesStays() throws {
        let ledger = try TestLedger()
        let path = try closedLedger(ledger)
        try ledger.append(ledger.issue("00000001", 4))  // in the writer's -wal, not yet in the file
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: ledger.path, toPath: path)
        try FileManager.default.copyItem(atPath: ledger.path + "-wal", toPath: path + "-wal")
        let size = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
        #expect((size ?? 0) > 0)
        let report = try LedgerAudit.verify(path: path, trusted: nil)
        #expect(report.ok && report.entries == 3)
        #expect(try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int == size)
        #expect(try LedgerAudit.verify(path: path, trusted: nil).entries == 3)
    }
}

/// The sqlite3 shell kept running on a ledger, as another program reading it would.
private final class SQLiteShell: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe(), output = Pipe()

    init(path: String, readOnly: Bool = true) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3"] + (readOnly ? ["-readonly"] : []) + [path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    /// Runs `sql` and returns the next line of output: it has run when the line comes (empty
    /// `sql`: the line after).
    func query(_ sql: String) throws -> String {
        if !sql.isEmpty { input.fileHandleForWriting.write(Data((sql + "\n").utf8)) }
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }

    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
