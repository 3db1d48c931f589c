import Demo
import Foundation
import LedgerCore
import LedgerReports
import LedgerStore
import Statements
import Testing
import TestScratch

/// 乌力吉 (152223-003) left the register on 2022-06-30 holding 10 扶贫股, passed on in 2023: the
/// 2022 distribution by 扶贫股 gave him nothing, and his statement says why — whichever way its
/// facts are gathered (by the ledger's indexes for one statement, in one pass for a batch or a check).
struct ExitedHouseholdStatementTests {
    @Test func theStatementSaysWhy2022PassedHimOver() throws {
        let folder = try Scratch.folder("exited")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DemoLedger.build(at: folder.appendingPathComponent("baixin.fenhong").path)
        let texts = try store.withReader { reader in
            let signed = try StatementSource.checkpoint(reader, size: nil)
            let footer = try StatementSource.footer(reader, signed)
            let records = try reader.allHashedEntries().map { RecordedEntry(entry: $0.entry, hash: $0.hash) }
            let collected = try #require(HouseholdFacts.collect(from: records)?.facts["152223-003"])
            return try [StatementSource.facts(reader, household: "152223-003"), collected].map { facts in
                TextRenderer().render(try HouseholdStatement.build(facts: facts, year: 2022, date: LedgerDate("2022-12-31")!, checkpoint: footer).document())
            }
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0].contains("2022-poverty  登记日2022-12-15，所持扶贫股10股不参与分配（动态调整）\n              本户已于2022年6月30日退出建档立卡"), "\(texts[0])")
    }
}
