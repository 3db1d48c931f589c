import Foundation
import LedgerCore
import LedgerStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Appending where nothing can be written, a read-only file or folder or a full disk, fails with
/// one clear error, writes nothing, and leaves the ledger verifiable where it lies.
///
/// What these tests really prove depends on who runs them. Root ignores permission bits, so as
/// root a read-only file is made immutable (`chattr +i`, which stops root too) and a read-only
/// folder is a read-only bind mount of it (EROFS, as on read-only media); otherwise the mode bits
/// do it (0444, 0555). A full disk is a 2 MiB tmpfs filled to the last page, which needs root;
/// without it that test is skipped and says so.
@Suite(.serialized)
struct DiskTests {
    static let isRoot = getuid() == 0

    /// True when this process may mount a tmpfs (root, in a sandbox that allows it).
    static let canMount: Bool = {
        guard isRoot, let folder = try? Reliability.folder("mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? Binary.run(["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder], in: "/", program: "/bin/mount"))?.status == 0 else { return false }
        return (try? Binary.run([folder], in: "/", program: "/bin/umount"))?.status == 0
    }()

    private static let income = ["income", "record", "--amount", "12.34", "--category", "利息收入", "--counterparty", "银行", "--date", "2024-01-01"]

    /// A ledger of two entries made with the binary (no handle stays open here), and its key.
    private func ledger(in folder: String) throws -> (path: String, key: String) {
        let path = folder + "/ledger.fenhong", key = folder + "/accountant.key"
        #expect(try Binary.run(["key", "generate", "--name", "accountant", "--out", key], in: folder).status == 0)
        #expect(try Binary.run(["init", "--ledger", path, "--key", key, "--origin", "fenhong/152223/baixin",
                                "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查"], in: folder).status == 0)
        #expect(try Binary.run(Self.income + ["--ledger", path, "--key", key], in: folder).status == 0)
        return (path, key)
    }

    private static func incomes(_ count: Int) -> [EntryPayload] {
        Array(repeating: .incomeRecord(CashFlow(amount: Fen(100), category: "利息收入", counterparty: "银行", date: LedgerDate("2024-01-02")!)),
              count: count)
    }

    private static let now = LedgerTime(secondsSinceEpoch: 1_800_000_000)

    /// Through the library and the binary, an append to `path` fails with `expected` and the ledger still verifies with `size` entries.
    private func expectRefused(_ path: String, key: String, size: Int64, message: String, in folder: String,
                               _ matches: (StoreError) -> Bool) throws {
        #expect {
            try LedgerStore.open(path: path).append(Self.incomes(1), signer: KeyFile.read(key), at: Self.now)
        } throws: { error in
            guard let error = error as? StoreError else { return false }
            return matches(error) && "\(error)" == message
        }
        let run = try Binary.run(Self.income + ["--ledger", path, "--key", key], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr == "fenhong: \(message)\n")
        let report = try LedgerAudit.verify(path: path, trusted: nil)
        #expect(report.problems.map(\.description) == [])
        #expect(report.size == size)
    }

    /// A ledger file that cannot be written (immutable as root, mode 0444 otherwise) refuses the append with StoreError.readOnly and verifies in place.
    @Test func readOnlyFileRefusesAppends() throws {
        let folder = try Reliability.folder("readonly-file")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (path, key) = try ledger(in: folder)
        if Self.isRoot {
            try #require(try Binary.run(["+i", path], in: folder, program: "/usr/bin/chattr").status == 0, "chattr +i is needed to stop root")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        }
        defer { if Self.isRoot { _ = try? Binary.run(["-i", path], in: folder, program: "/usr/bin/chattr") } }
        try expectRefused(path, key: key, size: 2, message: "\(path) cannot be written (read-only file or folder); nothing was recorded",
                          in: folder) { if case .readOnly = $0 { true } else { false } }
    }

    /// A ledger in a folder that cannot be written (a read-only bind mount as root, mode 0555 otherwise) refuses the append with StoreError.readOnly and still verifies there, though SQLite cannot create its -shm file.
    @Test func readOnlyFolderRefusesAppendsAndStillVerifies() throws {
        let folder = try Reliability.folder("readonly-folder")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let writable = folder + "/writable", view = folder + "/view"
        try FileManager.default.createDirectory(atPath: writable, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: view, withIntermediateDirectories: true)
        let (_, key) = try ledger(in: writable)
        let path: String
        if Self.canMount {
            try #require(try Binary.run(["--bind", writable, view], in: folder, program: "/bin/mount").status == 0)
            try #require(try Binary.run(["-o", "remount,ro,bind", view], in: folder, program: "/bin/mount").status == 0)
            path = view + "/ledger.fenhong"
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: writable)
            path = writable + "/ledger.fenhong"
        }
        defer {
            if Self.canMount { _ = try? Binary.run([view], in: folder, program: "/bin/umount") }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: writable)
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        try expectRefused(path, key: key, size: 2, message: "\(path) cannot be written (read-only file or folder); nothing was recorded",
                          in: folder) { if case .readOnly = $0 { true } else { false } }
        // Reading commands work too, not only verify.
        #expect(try LedgerStore.open(path: path, readOnly: true).withReader { try $0.size() } == 2)
    }

    /// On a 2 MiB tmpfs filled to the last page, appends fail with StoreError.diskFull (whether SQLite hits the full disk writing the WAL or creating its -shm), write nothing, the ledger verifies, and appends resume once there is room.
    @Test(.enabled(if: DiskTests.canMount, "mounting a tmpfs needs root")) func fullDiskRefusesAppendsAndRecovers() throws {
        let folder = try Reliability.folder("full")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = folder + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try #require(try Binary.run(["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk], in: folder, program: "/bin/mount").status == 0)
        defer { _ = try? Binary.run([disk], in: folder, program: "/bin/umount") }
        let (path, key) = try ledger(in: disk)
        let signer = try KeyFile.read(key)
        let message = "the disk holding \(path) is full; nothing was recorded"
        func isDiskFull(_ error: StoreError) -> Bool { if case .diskFull = error { true } else { false } }

        // Full to the last byte, with no -shm file: SQLite cannot even create its index.
        let filler = disk + "/filler"
        #expect(FileManager.default.createFile(atPath: filler, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: filler))
        let chunk = Data(count: 64 * 1024)
        while (try? handle.write(contentsOf: chunk)) != nil {}
        while (try? handle.write(contentsOf: Data(count: 512))) != nil {}
        let filled = try handle.offset()
        try expectRefused(path, key: key, size: 2, message: message, in: disk, isDiskFull)

        // Room for the index but not for a command of 3,000 entries: SQLite fails writing the WAL.
        try handle.truncate(atOffset: filled - 384 * 1024)
        let store = try LedgerStore.open(path: path)
        #expect { try store.append(Self.incomes(3_000), signer: signer, at: Self.now) } throws: { error in
            (error as? StoreError).map(isDiskFull) == true && "\(error)" == message
        }
        #expect(try store.withReader { (try $0.size(), try $0.latestCheckpoint().checkpoint.size) } == (2, 2))
        #expect(try LedgerAudit.verify(path: path, trusted: nil).problems.map(\.description) == [])

        // Room again: the same store appends the same command.
        try handle.truncate(atOffset: 0)
        try handle.close()
        let result = try store.append(Self.incomes(3_000), signer: signer, at: Self.now)
        #expect(result.checkpoint.checkpoint.size == 3_002)
        let report = try LedgerAudit.verify(path: path, trusted: nil)
        #expect(report.problems.map(\.description) == [])
        #expect(report.size == 3_002)
    }
}
