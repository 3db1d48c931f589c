@testable import Demo
import Foundation
import LedgerCore
import LedgerReports
import LedgerStore
@testable import Statements
import Testing
import TestScratch

/// Chen Mei's statement as she hears it: who it is for first, the totals, then each year's own
/// amount, how it was reckoned and what was paid, and only then the rules, each said once.
struct ListeningScriptTests {
    @Test func chenMeiHearsHerOwnAmountsBeforeTheRules() throws {
        let folder = try Scratch.folder("listening")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DemoLedger.build(at: folder.appendingPathComponent("baixin.fenhong").path)
        let (statement, _) = try DemoRun.chenMeiStatement(store)
        let script = SpeechRenderer().render(statement.listeningDocument())
        let lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(5)) == ["这是陈梅户的分红明细单，户号一五二二二三，零零七。", "白辛嘎查股份经济合作社。",
                                           "全部年度，截至二零二四年十二月三十一日。", "先说合计。", "应分合计一万八千一百五十八元四角九分。"])
        #expect(SpeechRenderer.isScript(script))
        // Each year: its record date, the reckoning a listener can follow (2,000 + 880), the payment.
        let first = try #require(lines.firstIndex(of: "分配编号二零一九，扶贫，登记日二零一九年十二月十五日。"))
        #expect(lines[first + 1] == "本户十份，保底两千元，另按份额分得八百八十元，共应分两千八百八十元。")
        #expect(lines[first + 2] == "二零一九年十二月二十八日，支付两千八百八十元，通过一卡通，尾号二三一八，凭证号一卡通，二零一九，零零七。")
        #expect(lines.filter { $0 == "本户十份，保底两千元，另按份额分得八百八十元，共应分两千八百八十元。" }.count == 5)
        #expect(lines.contains("本户十份，保底两千元，另按份额分得一千六百元，共应分三千六百元。"))  // 2022: one household had exited
        // The rules after every amount, the five alike said once.
        let rules = try #require(lines.firstIndex(of: "各次分配的规则。"))
        #expect(first < rules && lines[rules + 1] == "分配编号二零一九，扶贫；二零二零，扶贫；二零二一，扶贫；二零二三，扶贫；二零二四，扶贫，这五次规则相同。")
        #expect(lines.filter { $0 == "按股份分配；权重：扶贫股每股计一份；建档立卡户保底每户两千元。" }.count == 2)
        #expect(lines.filter { $0.hasPrefix("余下四千四百元按五十股分") }.count == 1)
        // A pause (an empty line) before each section, each rule's its own; the audio holds each
        // one (SpeechSynthesizer.ssml).
        #expect(lines.filter(\.isEmpty).count == 16 + 1)  // 16 sections and the footer; the last line ends the script
        #expect(SpeechSynthesizer.ssml(script).components(separatedBy: "<break time=").count == 16 + 1)
        let member = try #require(lines.firstIndex(of: "分配编号二零二一，成员。"))
        #expect(lines[member - 1].isEmpty && lines[member + 4] == "各户应分算到分，余下的分按尾数大小补给各户，所以份额相同的户可能相差一分。")

        // A cash payment's voucher and its witness, typed after a space, are heard apart.
        let cash = try store.withReader { reader in
            try HouseholdStatement.build(facts: try StatementSource.facts(reader, household: "152223-012"), year: nil,
                                         date: LedgerDate("2024-12-31")!, checkpoint: try StatementSource.footer(reader, try reader.latestCheckpoint()))
        }
        #expect(SpeechRenderer().render(cash.listeningDocument()).contains("凭证号现金，二零一九，零一二，见证人：村务监督委员会。"))

        // Shares that left a household are said, with where and why (递补), and where they came from.
        func heard(_ household: String) throws -> String {
            let statement = try store.withReader { reader in
                try HouseholdStatement.build(facts: try StatementSource.facts(reader, household: household), year: nil,
                                             date: LedgerDate("2024-12-31")!, checkpoint: try StatementSource.footer(reader, try reader.latestCheckpoint()))
            }
            return SpeechRenderer().render(statement.listeningDocument())
        }
        #expect(try heard("152223-003").contains("\n持股变动。\n") && heard("152223-003").contains("二零二三年三月一日，扶贫股十股转给户号一五二二二三，零二八，事由：递补"))
        #expect(try heard("152223-028").contains("二零二三年三月一日，由户号一五二二二三，零零三转入扶贫股十股，事由：递补"))
        #expect(!lines.contains("持股变动。"))  // Chen Mei's came once, and stayed
    }
}
