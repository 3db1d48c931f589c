@testable import Demo
import Foundation
import LedgerCore
import LedgerReports
import LedgerStore
@testable import Statements
import Testing
import TestScratch

/// Since layout 5 a statement prints how the household's holdings came and went, where they did
/// more than come once: household 003's ten 扶贫股 went to 028 in 2023 (递补), and its statement
/// of 2024 had shown only its 人口股, with no word of where they went.
struct ShareMovementsPrintedTests {
    @Test func theStatementPrintsWhereTheSharesWent() throws {
        let folder = try Scratch.folder("movements")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try DemoLedger.build(at: folder.appendingPathComponent("baixin.fenhong").path)
        func statement(_ household: String) throws -> (HouseholdStatement, StatementProof) {
            try store.withReader { reader in
                let head = try reader.latestCheckpoint()
                let statement = try HouseholdStatement.build(
                    facts: try StatementSource.facts(reader, household: household), year: nil, date: LedgerDate("2024-12-31")!,
                    checkpoint: try StatementSource.footer(reader, head))
                return (statement, try StatementSource.proof(reader, statement, head))
            }
        }
        let (away, awayProof) = try statement("152223-003")
        let text = TextRenderer().render(away.document())
        #expect(text.contains("""
            【持股变动】
            日期        股份类别  增减  说明                                  条目  哈希
            --------------------------------------------------------------------------------
            2018-12-20  人口股      +3  取得，折股量化 基准日2017-12-31         37  9641415f
            2018-12-20  扶贫股     +10  取得，扶贫资金折股量化到户              65  45bb1bf3
            2023-03-01  扶贫股     -10  转给户号152223-028，递补：脱贫户       216  c0762e73
                                        扶贫股转新识别贫困户
            """), "\(text)")
        // Layout 4 printed the holdings alone.
        #expect(!TextRenderer().render(away.document(layout: .fourth)).contains("持股变动"))
        // Its proof proves each change printed, beside the money lines a complete proof must hold.
        #expect(Set(away.citedEntries.map(\.seq)).isSubset(of: awayProof.inclusions.map(\.index)))
        #expect(awayProof.inclusions.map(\.index).filter { [37, 65, 216].contains($0) } == [37, 65, 216])
        #expect(awayProof.inclusions.count == away.citedEntries.count + 3)

        let (came, _) = try statement("152223-028")
        #expect(TextRenderer().render(came.document()).contains("由户号152223-003转入，递补"))
        // Chen Mei's came once, and stayed: her holdings say it all.
        let (kept, keptProof) = try statement("152223-007")
        #expect(!TextRenderer().render(kept.document()).contains("持股变动"))
        #expect(keptProof.inclusions.map(\.index) == kept.citedEntries.map(\.seq))
    }
}
