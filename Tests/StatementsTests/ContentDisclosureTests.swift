import Foundation
import LedgerCore
import Testing
@testable import Statements

/// The public posting of a distribution, and the grouping of a whole ledger into household facts.
struct ContentDisclosureTests {
    let ledger = ContentLedger.village()

    private func disclosure(days: Int = 7) throws -> DistributionDisclosure {
        try DistributionDisclosure.build(
            opening: ContentLedger.opening, id: "2024", entries: ledger.records.map(\.entry),
            heads: ["152223-001": "陈梅", "152223-002": "包金山"], postedFrom: LedgerDate("2024-12-20")!, days: days,
            checkpoint: StatementCheckpoint(checkpoint: ledger.signedCheckpoint().checkpoint, signer: "baixin-accountant",
                                            cosigners: [.init(name: "baixin-inspector", size: 17, time: 1_735_000_000)]))
    }

    /// The rule as a villager reads it, not as JSON: every basis named, weights by class in
    /// Chinese, amounts in yuan.
    @Test func ruleInWords() {
        #expect(DistributionDisclosure.ruleName(["basis": .string("member")]) == "按人口分配")
        #expect(DistributionDisclosure.ruleName(["basis": .string("household")]) == "按户平均分配")
        #expect(DistributionDisclosure.ruleName(["basis": .string("cooperative")]).hasPrefix("按交易量返还"))
        let rule: [String: JSONValue] = ["basis": .string("units"), "classes": .object(["poverty": .integer(2), "member": .integer(1)]),
                                         "method": .string("largest-remainder"), "minimum": .integer(200_000)]
        #expect(DistributionDisclosure.ruleDetails(rule) == "权重：人口股每股×1，扶贫股每股×2；最大余额法，精确到分；建档立卡户保底每户2,000.00元")
        let coop: [String: JSONValue] = ["basis": .string("cooperative"), "rebateBp": .integer(6000), "rebate": .integer(2_700_000)]
        #expect(DistributionDisclosure.ruleDetails(coop) == "按交易量返还不少于可分配盈余（提取公积金后的盈余）的60%；返还总额27,000.00元")
        // A statement printed in an earlier layout named the pool, as it was printed.
        #expect(DistributionDisclosure.ruleInWords(coop, layout: .fourth).hasSuffix("按交易量返还不少于可分配盈余（分配总额）的60%；返还总额27,000.00元"))
        #expect(DistributionDisclosure.ruleInWords(coop).hasSuffix("按交易量返还不少于可分配盈余（提取公积金后的盈余）的60%；返还总额27,000.00元"))
    }

    /// Lines, totals and the posting period: 7 days from 2024-12-20 end on 2024-12-26.
    @Test func linesTotalsAndPeriod() throws {
        let posting = try disclosure()
        #expect(posting.lines.map(\.household) == ["152223-001", "152223-002"])
        #expect(posting.totalUnits == 50)
        #expect(posting.totalAmount == Fen(yuan: 14_400))
        #expect(posting.postedTo == LedgerDate("2024-12-26")!)
        #expect(try disclosure(days: 14).postedTo == LedgerDate("2025-01-02")!)
        let text = TextRenderer().render(posting.document())
        #expect(text.contains("公示期：2024年12月20日至2024年12月26日（7天）"))
        #expect(text.contains("规则参数  {\"basis\":\"units\"}") || text.contains("{\"basis\":\"units\"}"))
        #expect(text.contains("结余（未分配收益）"))
        #expect(text.contains("监督小组联署 Cosigned：baixin-inspector，检查点 17（2024-12-24）"))
    }

    /// The posting is the organisation's kind: a village posts to its villagers (村务公开, its
    /// supervisory committee, the village committee's seal), a farmers' cooperative to its members
    /// (its 监事会, its 理事会's seal) — whatever the distribution's basis.
    @Test func thePostingIsTheOrganisations() throws {
        #expect(LedgerOpen.isCooperative("扎赉特旗绿源肉牛养殖专业合作社"))
        #expect(!LedgerOpen.isCooperative("白辛嘎查股份经济合作社"))
        let village = TextRenderer().render(try disclosure().document()).filter { !$0.isWhitespace }
        #expect(village.contains("白辛嘎查村务公开分红公示表") && village.contains("村务监督委员会反映") && village.contains("村民委员会（盖章）"))
        var opening = ContentLedger.opening
        opening.org = "扎赉特旗绿源肉牛养殖专业合作社"
        let cooperative = try DistributionDisclosure.build(
            opening: opening, id: "2024", entries: ledger.records.map(\.entry), heads: [:], postedFrom: LedgerDate("2024-12-20")!, days: 7,
            checkpoint: StatementCheckpoint(checkpoint: ledger.signedCheckpoint().checkpoint, signer: "baixin-accountant"))
        let text = TextRenderer().render(cooperative.document()).filter { !$0.isWhitespace }
        #expect(text.contains("扎赉特旗绿源肉牛养殖专业合作社分配公示表") && text.contains("本社监事会（执行监事）反映") && text.contains("理事会（盖章）"), "\(text)")
        #expect(!text.contains("村务公开") && !text.contains("村民委员会"))
    }

    /// The posting prints no ID, account or poverty status, though the ledger holds masked ones.
    @Test func postingHoldsNoPersonalData() throws {
        let document = try disclosure().document()
        for output in [TextRenderer().render(document), HTMLRenderer().render(document), SpeechRenderer().render(document)] {
            // A root's 64 hex digits may hold any run of digits: not looked in.
            let words = output.replacingOccurrences(of: "[0-9a-f]{64}", with: "", options: .regularExpression)
            for secret in ["****", "1234", "6217", "扶贫", "建档立卡", "身份证"] { #expect(!words.contains(secret), "leaks \(secret)") }
        }
    }

    /// An undeclared distribution is refused by name.
    @Test func undeclaredDistribution() {
        #expect(throws: DisclosureError.distributionNotDeclared(id: "1999")) {
            try DistributionDisclosure.build(
                opening: ContentLedger.opening, id: "1999", entries: ledger.records.map(\.entry), heads: [:],
                postedFrom: LedgerDate("2024-12-20")!, days: 7,
                checkpoint: StatementCheckpoint(checkpoint: ledger.signedCheckpoint().checkpoint, signer: "x"))
        }
    }

    /// Grouping the whole ledger gives each household the same facts as selecting them one by one.
    @Test func collectMatchesPerHouseholdFacts() throws {
        let grouped = try #require(HouseholdFacts.collect(from: ledger.records))
        #expect(grouped.households == ["152223-001", "152223-002"])
        for household in grouped.households {
            let byCollect = try HouseholdStatement.build(facts: grouped.facts[household]!, date: ContentLedger.statementDate,
                                                         checkpoint: ledger.statement(household).checkpoint)
            #expect(byCollect == (try ledger.statement(household)))
        }
        #expect(grouped.facts["152223-002"]!.entries.map(\.seq) == [2, 4, 5, 7, 9, 10, 12])
    }

    /// A second declaration of an id (beyond the checkpoint, or forged: the rules refuse one)
    /// never stands in for the first: the household's statement at the checkpoint is unchanged.
    @Test func laterDeclarationOfAnIdDoesNotReplaceTheFirst() throws {
        var forged = ContentLedger.village()
        let size = forged.records.count
        forged.append(.dividendDeclare(DividendDeclaration(
            id: "2024", recordDate: LedgerDate("2025-01-04")!, distributable: .zero, appropriations: [], pool: .zero,
            rule: ["basis": .string("units")], allocated: .zero, residual: .zero)), at: "2025-01-05T08:00:00Z")
        let grouped = try #require(HouseholdFacts.collect(from: forged.records))
        let checkpoint = try ledger.statement("152223-001").checkpoint
        #expect(checkpoint.checkpoint.size == Int64(size))
        let statement = try HouseholdStatement.build(facts: grouped.facts["152223-001"]!, date: ContentLedger.statementDate, checkpoint: checkpoint)
        #expect(statement == (try ledger.statement("152223-001")))
    }

    /// Dates add across months, years and leap days.
    @Test func dateArithmetic() {
        #expect(LedgerDate("2024-02-28")!.adding(days: 1).text == "2024-02-29")
        #expect(LedgerDate("2023-02-28")!.adding(days: 1).text == "2023-03-01")
        #expect(LedgerDate("2024-12-31")!.adding(days: 1).text == "2025-01-01")
        #expect(LedgerDate("2025-01-01")!.adding(days: -1).text == "2024-12-31")
    }
}
