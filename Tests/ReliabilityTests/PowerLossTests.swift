import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import PowerLoss
import SeededRandom
import Testing

/// Power cut during an append, at every sync the append makes, through a SQLite VFS that keeps
/// each file as of its last sync plus a random part of the writes made since (`Tests/PowerLoss`).
///
/// What this proves beyond the SIGKILL test (which loses no write the process made): an append
/// is one durable transaction. After any cut the ledger verifies and holds the commands before
/// it, or those and the whole new one — never part of it; and an append that reported success
/// survives a cut right after it, even when no unsynced write reaches the disk (the WAL is
/// synced at commit: `synchronous=FULL`).
@Suite(.serialized)
struct PowerLossTests {
    /// Payments of one command: enough pages that the cut can fall between them.
    static let commandEntries = 40

    @Test func cutsLeaveWholeCommands() throws {
        #expect(powerloss_install() == 0)
        let folder = try Reliability.folder("power")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let base = folder + "/base.fenhong"
        let signer = try NoteSigner.generate(name: "accountant", algorithm: .ed25519)
        let time = LedgerTime("2024-12-20T08:00:00Z")!
        do {
            let open = LedgerOpen(origin: "fenhong/152223/baixin", org: "白辛嘎查股份经济合作社", village: "白辛嘎查",
                                  region: ["兴安盟"], key: signer.verifier.vkey)
            let store = try LedgerStore.create(path: base, opening: open, signer: signer, at: time).0
            try store.append(Self.households(1...Self.commandEntries), signer: signer, at: time)
        }
        let before = try Self.size(base)

        // The syncs one append makes, counted with the power on.
        let counting = folder + "/count.fenhong"
        try FileManager.default.copyItem(atPath: base, toPath: counting)
        powerloss_arm(folder + "/", Int32.max, 0, 100)
        try LedgerStore.open(path: counting).append(Self.households(1_001...1_000 + Self.commandEntries), signer: signer, at: time)
        let syncs = Int(powerloss_syncs())
        #expect(powerloss_restore() == 0)
        #expect(syncs >= 2, "an append that does not sync is not durable")

        var rng = SplitMix64(seed: Reliability.seed("power loss"))
        var outcomes: [String: Int] = [:]
        // Each sync of the append, and one after it (the append has returned), with none, some
        // or all of the unsynced writes reaching the disk.
        for cutAt in 1...(syncs + 1) {
            for keep in [0, 50, 100] {
                let path = folder + "/cut-\(cutAt)-\(keep).fenhong"
                try FileManager.default.copyItem(atPath: base, toPath: path)
                powerloss_arm(folder + "/", Int32(cutAt), UInt32(truncatingIfNeeded: rng.next()), Int32(keep))
                // How many entries the appends reported recorded: the command, then (when the cut
                // comes after it) one more entry, whose first sync the cut falls on.
                var reported: Int64 = 0
                do {
                    let store = try LedgerStore.open(path: path)
                    try store.append(Self.households(1_001...1_000 + Self.commandEntries), signer: signer, at: time)
                    reported = Int64(Self.commandEntries)
                    try store.append([Self.income], signer: signer, at: time)
                    reported += 1
                } catch {}
                #expect(powerloss_was_cut() == 1, "cut \(cutAt) of \(syncs)")
                #expect(powerloss_restore() == 0)

                let report = try LedgerAudit.verify(path: path, trusted: nil)
                #expect(report.problems.map(\.description) == [], "cut at sync \(cutAt), \(keep)% kept")
                let after = try Self.size(path)
                let whole = [before, before + Int64(Self.commandEntries), before + Int64(Self.commandEntries) + 1]
                #expect(whole.contains(after), "cut at sync \(cutAt), \(keep)% kept: \(after) entries")
                #expect(after >= before + reported, "an append reported done was lost (cut \(cutAt), \(keep)%)")
                outcomes[after == before ? "before" : "after", default: 0] += 1
                // And the ledger takes the next command.
                try LedgerStore.open(path: path).append([Self.income], signer: signer, at: time)
                #expect(try Self.size(path) == after + 1)
            }
        }
        print("power loss: \(syncs) syncs an append; outcomes \(outcomes.sorted { $0.key < $1.key })")
        #expect(outcomes["before", default: 0] > 0 && outcomes["after", default: 0] > 0, "\(outcomes)")
    }

    static func households(_ numbers: ClosedRange<Int>) -> [EntryPayload] {
        numbers.map { number in
            .householdRegister(HouseholdRegistration(
                household: String(format: "152223-%04d", number), head: "户主\(number)", members: 3, poor: false,
                idMasked: "152223********1234", account: "****5678", date: LedgerDate("2018-12-20")!))
        }
    }

    static let income = EntryPayload.incomeRecord(CashFlow(amount: Fen(1_234), category: "利息收入", counterparty: "银行", date: LedgerDate("2024-01-01")!))

    static func size(_ path: String) throws -> Int64 {
        try LedgerStore.open(path: path, readOnly: true).withReader { try $0.size() }
    }
}
