import LedgerCore
import Testing
@testable import Statements

/// Under each distribution's rule, since layout 3, how its pool was divided: the rate per share a
/// household multiplies by its 份额 (DOMAIN §5).
struct DivisionLinesTests {
    @Test func ratesPreciseEnoughForAHouseholdsCalculator() {
        #expect(Rate(440_000, per: 50).printed == "88.00")
        #expect(Rate(440_000, per: 50).spoken == "八十八元")
        // 8,400.00 by 106 shares: 79.245283… a share, to five decimals (106 has three digits):
        // two shares give 158.49056, paid 158.49 (79.25 had given 158.50).
        #expect(Rate(840_000, per: 106).printed == "约79.24528")
        #expect(Rate(840_000, per: 106).spoken == "约七十九点二四五二八元")
        // 10,000.00 by 3,007 shares: six decimals, so that 2,999 shares give 9,973.39 (3.3256 gave 9,973.47).
        #expect(Rate(1_000_000, per: 3_007).printed == "约3.325574")
        // Half a fen is exact at four decimals; a third is not.
        #expect(Rate(1, per: 2).printed == "0.0050")
        #expect(Rate(1, per: 2).spoken == "零点零零五元")
        #expect(Rate(1, per: 3).printed == "约0.0033")
        // 2 before 点 is 二 (两点 is two o'clock); zeros at the end are not said.
        #expect(Rate(10_000, per: 41).printed == "约2.4390")
        #expect(Rate(10_000, per: 41).spoken == "约二点四三九元")
        #expect(Rate(2, per: 3).printed == "约0.0067")
        #expect(Rate(123_456_789_000, per: 7).printed == "约176,366,841.4286")
        // Per 100 yuan of 506,200.00 of transactions (5,062 hundreds: six decimals), and of 95,000.00.
        #expect(Rate(2_700_000 * 10_000, per: 50_620_000, hundredsOfYuan: true).printed == "约5.333860")
        #expect(Rate(1_800_000 * 10_000, per: 9_500_000, hundredsOfYuan: true).printed == "约18.94737")
        // A rebate over transactions of a fen: beyond what Fen holds, said digit by digit, no crash.
        #expect(Rate(Int128(Int64.max) * 10_000, per: 3, hundredsOfYuan: true).printed == "约307445734561825860233.3333")
    }

    @Test func theContentLedgersDistributions() throws {
        // 2023 and 2024: 14,400.00 by 陈梅's 10 and 包金山's 40 shares, 288.00 a share.
        let ledger = ContentLedger.village()
        let statement = try ledger.statement("152223-001")
        #expect(statement.distributions.map(\.division?.part) == [.byUnits(divided: Fen(yuan: 14_400), units: 50, collectiveUnits: 0),
                                                               .byUnits(divided: Fen(yuan: 14_400), units: 50, collectiveUnits: 0)])
        let text = TextRenderer().render(statement.document())
        #expect(text.contains("2023  按股份分配\n      提取公积公益金（10%）1,600.00元\n      14,400.00元÷50股＝每股288.00元\n"), "\(text)")
        #expect(!TextRenderer().render(statement.document(layout: .second)).contains("每股"))
        #expect(SpeechRenderer().render(statement.listeningDocument()).contains("一万四千四百元按五十股分，每股二百八十八元。"))
    }

    @Test func notBeforeTheAllocationsEnd() throws {
        // A checkpoint of 7 entries cuts 2023's allocations (entries 6 and 7): no rate of it.
        let ledger = ContentLedger.village()
        let statement = try ledger.statement("152223-001", checkpoint: ledger.signedCheckpoint(size: 7))
        #expect(statement.distributions.map(\.declaration.id) == ["2023"])
        #expect(statement.distributions.first?.division == nil)
        let whole = try ledger.statement("152223-001", checkpoint: ledger.signedCheckpoint(size: 8))
        #expect(whole.distributions.first?.division?.end == 8)
    }

    /// The public posting gives the division under the pool; not one of another distribution, nor
    /// one the posting's checkpoint does not cover.
    @Test func thePostingGivesIt() throws {
        let ledger = ContentLedger.village()
        let divisions = HouseholdFacts.divisions(of: ledger.records.map(\.entry))
        func posting(_ division: DistributionDivision?, size: Int? = nil) throws -> String {
            let signed = ledger.signedCheckpoint(size: size)
            return TextRenderer().render(try DistributionDisclosure.build(
                opening: ContentLedger.opening, id: "2023", entries: ledger.records.map(\.entry), heads: [:], postedFrom: LedgerDate("2023-12-20")!,
                days: 7, checkpoint: StatementCheckpoint(checkpoint: signed.checkpoint, signer: "baixin-accountant"), division: division).document())
        }
        #expect(try posting(divisions["2023"]).contains("分配总额               14,400.00\n分配计算               14,400.00元÷50股＝每股288.00元\n"))
        #expect(try !posting(divisions["2024"]).contains("分配计算"))
        #expect(try !posting(divisions["2023"], size: 7).contains("分配计算"))
    }

    /// A declared rate is per 份 in layouts 1 and 2, per the distribution's unit since layout 3,
    /// as the line under it says (每份定额 over 每人 had read as two rates).
    @Test func aDeclaredRateIsPerTheDistributionsUnit() {
        let rate: [String: JSONValue] = ["basis": .string("member"), "method": .string("rate-per-unit"), "rate": .integer(5_800)]
        #expect(DistributionDisclosure.ruleInWords(rate) == "按人口分配；每人定额58.00元")
        #expect(DistributionDisclosure.ruleInWords(rate, layout: .second) == "按人口分配；每份定额58.00元")
        #expect(DistributionDisclosure.ruleInWords(rate.merging(["basis": .string("units"), "classes": .object(["member": .integer(1)])]) { $1 })
                == "按股份分配；权重：人口股每股×1；每股定额58.00元")
    }

    @Test func unitNouns() {
        #expect(DistributionDivision.unitNoun(["basis": .string("household")]) == "户")
        #expect(DistributionDivision.unitNoun(["basis": .string("member")]) == "人")
        #expect(DistributionDivision.unitNoun(["basis": .string("units"), "classes": .object(["poverty": .integer(1)])]) == "股")
        // Classes that weigh differently count 份, not shares.
        #expect(DistributionDivision.unitNoun(["basis": .string("units"), "classes": .object(["poverty": .integer(2), "member": .integer(1)])]) == "份")
    }

    /// Printed now and checked, the statement passes, and so does one printed in layout 2; a rate
    /// changed does not.
    @Test func theRateIsChecked() throws {
        let ledger = ContentLedger.village()
        let statement = try ledger.statement("152223-001")
        let proof = try ledger.proof(statement)
        func failures(_ text: String) -> [StatementProofFailure.Rule] {
            proof.check(against: ledger.trust(from: proof), statementText: text, printed: PrintedStatement(format: .text, bytes: Array(text.utf8))).map(\.rule)
        }
        let text = TextRenderer().render(statement.document())
        #expect(failures(text) == [])
        #expect(failures(TextRenderer().render(statement.document(layout: .second))) == [])
        #expect(failures(text.replacingOccurrences(of: "每股288.00元", with: "每股298.00元")) == [.notAsPrinted])
        // HTML, its marks kept whole since layout 3, and as layout 2 printed it.
        func htmlFailures(_ html: String) -> [StatementProofFailure.Rule] {
            proof.check(against: ledger.trust(from: proof), statementText: text, printed: PrintedStatement(format: .html, bytes: Array(html.utf8))).map(\.rule)
        }
        let html = HTMLRenderer().render(statement.document())
        #expect(html.contains("<span style=\"white-space:nowrap\">（10%）</span>"))
        #expect(htmlFailures(html) == [])
        #expect(htmlFailures(HTMLRenderer(paper: .a5, largePrint: true).render(statement.document(layout: .second))) == [])
        #expect(htmlFailures(html.replacingOccurrences(of: "每股288.00元", with: "每股298.00元")) == [.notAsPrinted])
    }
}
