import Demo
import Foundation
import LedgerCore
import LedgerStore
import Testing
import TestScratch

/// The seed village's ledger: the article's facts, and the same bytes on every run.
struct DemoLedgerTests {
    private func build() throws -> (LedgerStore, URL) {
        let folder = try Scratch.folder("demo")
        return (try DemoLedger.build(at: folder.appendingPathComponent("baixin.fenhong").path), folder)
    }

    /// Chen Mei receives 2,880.00 a year from the poverty shares (3,600.00 in 2022 when one household
    /// had exited), plus 158.49 of lease income in 2021, all paid to her card.
    @Test func chenMeiIsPaidCloseToThreeThousandAYear() throws {
        let (store, folder) = try build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let entries = try store.withReader { try $0.entries(household: DemoVillage.chenMei) }
        var paidByYear = [String: Int64]()
        for entry in entries {
            if case .dividendPay(let p) = entry.payload {
                paidByYear[String(p.id.prefix(4)), default: 0] += p.amount.value
                #expect(p.channel == .card)
            }
        }
        #expect(paidByYear == ["2019": 288_000, "2020": 288_000, "2021": 288_000 + 15_849, "2022": 360_000, "2023": 288_000, "2024": 288_000])
    }

    /// The ledger holds the fund, the investment at 8%, one reversal, an exit from poverty and its replacement,
    /// and every distribution is fully paid.
    @Test func articleFactsAreRecorded() throws {
        let (store, folder) = try build()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = try store.withReader { try $0.fullState() }
        let entries = try store.withReader { try $0.allEntries() }
        #expect(entries.contains { if case .fundReceive(let f) = $0.payload { f.amount == Fen(yuan: 200_000) } else { false } })
        #expect(entries.contains { if case .investmentMake(let i) = $0.payload { i.returnBp == 800 } else { false } })
        #expect(entries.filter { $0.kind == .entryReverse }.count == 1)
        #expect(state.households.count == 30)
        #expect(state.households["152223-003"]?.isPoor(on: LedgerDate("2022-12-31")!) == false)
        #expect(state.households["152223-028"]?.isPoor(on: LedgerDate("2023-12-31")!) == true)
        #expect(state.units(of: "152223-028", shareClass: ShareClass.poverty) == 10)
        #expect(state.distributions.count == 8)
        for (id, record) in state.distributions {
            #expect(record.paid == record.declaration.allocated.value, "\(id) not fully paid")
        }
        #expect(state.distributions["2021-coop"]?.declaration.pool == Fen(yuan: 45_000))
    }

    /// Two builds give byte-identical ledgers: fixed clock, fixed demo keys, deterministic signatures.
    @Test func buildIsDeterministic() throws {
        let (a, folderA) = try build()
        let (b, folderB) = try build()
        defer { try? FileManager.default.removeItem(at: folderA); try? FileManager.default.removeItem(at: folderB) }
        let bodiesA = try a.withReader { try $0.allEntries().map { $0.canonicalBody() } }
        let bodiesB = try b.withReader { try $0.allEntries().map { $0.canonicalBody() } }
        #expect(bodiesA == bodiesB)
        #expect(try a.withReader { try $0.latestCheckpoint() } == (try b.withReader { try $0.latestCheckpoint() }))
    }
}
