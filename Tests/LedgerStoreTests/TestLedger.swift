import Foundation
import LedgerCore
import LedgerStore
import TestScratch

/// A temporary ledger file with an accountant key, removed when the test ends.
final class TestLedger {
    let folder: URL
    let path: String
    let accountant: NoteSigner
    let store: LedgerStore
    static let time = LedgerTime("2024-12-20T08:00:00Z")!
    static let day = LedgerDate("2024-12-20")!

    init() throws {
        folder = try Scratch.folder("store")
        path = folder.appendingPathComponent("ledger.fenhong").path
        accountant = try NoteSigner.generate(name: "baixin-accountant", algorithm: .ed25519)
        let open = LedgerOpen(origin: "fenhong/152223/baixin", org: "白辛嘎查股份经济合作社", village: "白辛嘎查",
                              region: ["兴安盟", "扎赉特旗", "阿尔本格勒镇", "白辛嘎查"], key: accountant.verifier.vkey)
        store = try LedgerStore.create(path: path, opening: open, signer: accountant, at: Self.time).0
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @discardableResult
    func append(_ payloads: EntryPayload...) throws -> AppendResult {
        try store.append(payloads, signer: accountant, at: Self.time)
    }

    func register(_ household: String, head: String = "陈梅", poor: Bool = false) throws {
        try append(.householdRegister(HouseholdRegistration(household: household, head: head, members: 3, poor: poor,
                                                             idMasked: "152223********1234", account: "****5678", date: Self.day)))
    }

    func issue(_ holder: String, _ units: Int64, shareClass: String = "member") -> EntryPayload {
        .sharesIssue(SharesChange(holder: holder, shareClass: shareClass, units: units, date: Self.day, reason: "折股量化"))
    }

    /// Runs a statement through the sqlite3 shell, as someone editing the file by hand would.
    func sqlite(_ sql: String, file: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", file ?? path, sql]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }
}
