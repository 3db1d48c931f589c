import LedgerCore
import Testing

/// Art. 44 as the verifier holds a farmers' cooperative to it: at least 60% of the distributable
/// surplus — what is left after 公积金, whatever else was drawn before the pool — returned by
/// members' transactions; no distribution by another basis while its members' transactions of
/// the period stand; and a member's accounts (in fen) never weighed as shares.
struct Article44Tests {
    private let cooperative = LedgerOpen(origin: "fenhong/152223/lvyuan", org: "扎赉特旗绿源肉牛养殖专业合作社", village: "白辛嘎查",
                                         region: ["兴安盟"], key: EntrySamples.accountant.verifier.vkey)
    private let members: [HouseholdRegistration] = [("C001", "巴特尔"), ("C002", "乌云")].map {
        HouseholdRegistration(household: $0.0, head: $0.1, members: 3, poor: false, idMasked: "152223********1010", account: "****0011",
                              date: LedgerDate("2024-01-05")!)
    }

    /// Violations of `declaration` (its allocations aside) after C001 and C002 traded 50,000 and
    /// 150,000 and hold capital of 20,000 and 10,000, in an organisation named `org`.
    private func violations(_ declaration: DividendDeclaration, open: LedgerOpen) -> [RuleViolation] {
        func issue(_ holder: String, _ shareClass: String, _ fen: Int64) -> EntryPayload {
            .sharesIssue(SharesChange(holder: holder, shareClass: shareClass, units: fen, date: LedgerDate("2024-06-01")!, reason: "交售"))
        }
        let payloads: [EntryPayload] = [.ledgerOpen(open)] + members.map { .householdRegister($0) } + [
            issue("C001", "capital", 2_000_000), issue("C002", "capital", 1_000_000), issue("C001", "trade", 5_000_000), issue("C002", "trade", 15_000_000),
            .incomeRecord(CashFlow(amount: Fen(10_000_000), category: "经营收入", counterparty: "肉联厂", date: LedgerDate("2024-11-01")!)),
            .dividendDeclare(declaration),
        ]
        var state = LedgerState(keepingHouseholdRecords: false, replayingEverything: true)
        return EntrySamples.chain(payloads).flatMap { state.apply($0) }.filter { $0.code == .cooperativeRebate || $0.code == .allocationUnits }
    }

    /// An Art. 44 distribution's rule as fenhong writes it, returning `rebate` fen by transactions.
    private func rule(rebate: Int64) -> [String: JSONValue] {
        ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(rebate), "method": .string("largest-remainder"),
         "transactionClass": .string("trade"), "capitalClasses": .array(["capital", "reserve", "subsidy"].map(JSONValue.string))]
    }

    private func declaration(_ rule: [String: JSONValue], appropriations: [AppropriationLine], pool: Int64) -> DividendDeclaration {
        DividendDeclaration(id: "2024", recordDate: LedgerDate("2024-12-31")!, distributable: Fen(10_000_000), appropriations: appropriations,
                            pool: Fen(pool), rule: rule, allocated: Fen(pool), residual: .zero)
    }

    @Test func theReturnIsReckonedOnTheSurplusAfterTheReserveFund() {
        // 100,000.00 less 公积金, 公益金 and 风险金 of 10% each: a pool of 70,000.00, a surplus of 90,000.00.
        let drawn = ["公积金", "公益金", "风险金"].map { AppropriationLine(name: $0, bp: 1_000, amount: Fen(1_000_000)) }
        let short = violations(declaration(rule(rebate: 4_200_000), appropriations: drawn, pool: 7_000_000), open: cooperative)
        #expect(short.map(\.detail) == ["distribution 2024 returns 42,000.00 by transactions; at 60.00% of its distributable surplus 90,000.00 "
            + "(its pool 70,000.00 and what was drawn before it but 公积金) it must return at least 54,000.00 (rounded up to the fen) and at most the pool (Art. 44)"])
        #expect(violations(declaration(rule(rebate: 5_400_000), appropriations: drawn, pool: 7_000_000), open: cooperative).isEmpty)
        // With 公积金 alone drawn, the pool is the surplus.
        let reserve = [AppropriationLine(name: "公积金", bp: 1_000, amount: Fen(1_000_000))]
        #expect(violations(declaration(rule(rebate: 5_399_999), appropriations: reserve, pool: 9_000_000), open: cooperative).map(\.detail)
                == ["distribution 2024 returns 53,999.99 by transactions; at 60.00% of its pool 90,000.00 it must return at least 54,000.00 (rounded up to the fen) and at most the pool (Art. 44)"])
    }

    @Test func aCooperativeReturnsByTransactionsFirst() {
        let household: [String: JSONValue] = ["basis": .string("household"), "method": .string("largest-remainder")]
        let found = violations(declaration(household, appropriations: [], pool: 9_000_000), open: cooperative)
        #expect(found.map(\.detail) == ["distribution 2024 is by \"household\" in 扎赉特旗绿源肉牛养殖专业合作社, a farmers' cooperative whose 2 members "
            + "recorded transactions (交易额) of 200,000.00 in its period: Art. 44 returns at least 60% of its distributable surplus by them (declare it --basis cooperative)"])
        // A village's collective (股份经济合作社) is no farmers' cooperative.
        #expect(violations(declaration(household, appropriations: [], pool: 9_000_000), open: EntrySamples.open).isEmpty)
    }

    /// Even beside a standing cooperative distribution of its record date, a distribution by
    /// another basis passes over Art. 44: a token one of 900.00 by transactions beside 90,000.00
    /// by households had returned under 1% of the year's surplus by them.
    @Test func besideACooperativeDistributionAnotherBasisIsNoWayAround() {
        let household: [String: JSONValue] = ["basis": .string("household"), "method": .string("largest-remainder")]
        var state = LedgerState(keepingHouseholdRecords: false, replayingEverything: true)
        func issue(_ holder: String, _ shareClass: String, _ fen: Int64) -> EntryPayload {
            .sharesIssue(SharesChange(holder: holder, shareClass: shareClass, units: fen, date: LedgerDate("2024-06-01")!, reason: "交售"))
        }
        let rule = rule(rebate: 5_400_000)
        let cooperativeDeclaration = DividendDeclaration(id: "2024", recordDate: LedgerDate("2024-12-31")!, distributable: Fen(9_000_000), appropriations: [],
                                                         pool: Fen(9_000_000), rule: rule, allocated: Fen(9_000_000), residual: .zero)
        let subsidy = DividendDeclaration(id: "2024-补贴", recordDate: LedgerDate("2024-12-31")!, distributable: Fen(100_000), appropriations: [],
                                          pool: Fen(100_000), rule: household, allocated: Fen(100_000), residual: .zero)
        let payloads: [EntryPayload] = [.ledgerOpen(cooperative)] + members.map { .householdRegister($0) }
            + [issue("C001", "capital", 2_000_000), issue("C002", "capital", 1_000_000), issue("C001", "trade", 5_000_000), issue("C002", "trade", 15_000_000),
               .dividendDeclare(cooperativeDeclaration), .dividendDeclare(subsidy)]
        let found = EntrySamples.chain(payloads).flatMap { state.apply($0) }.filter { $0.code == .cooperativeRebate }
        #expect(found.map(\.seq) == [8] && found.first?.detail.hasPrefix("distribution 2024-补贴 is by \"household\"") == true, "\(found)")
    }

    /// The verifier holds another basis after an Art. 44 distribution to what was earned since.
    @Test func anotherBasisAfterATokenOneIsHeldToWhatWasEarnedSince() {
        let rule = rule(rebate: 60_000)
        let token = DividendDeclaration(id: "2024", recordDate: LedgerDate("2024-12-31")!, distributable: Fen(100_000), appropriations: [],
                                        pool: Fen(100_000), rule: rule, allocated: Fen(100_000), residual: .zero)
        let household: [String: JSONValue] = ["basis": .string("household"), "method": .string("largest-remainder")]
        let next = DividendDeclaration(id: "2025", recordDate: LedgerDate("2025-01-01")!, distributable: Fen(9_000_000), appropriations: [],
                                       pool: Fen(9_000_000), rule: household, allocated: Fen(9_000_000), residual: .zero)
        var state = LedgerState(keepingHouseholdRecords: false, replayingEverything: true)
        let payloads: [EntryPayload] = [.ledgerOpen(cooperative)] + members.map { .householdRegister($0) } + [
            .sharesIssue(SharesChange(holder: "C001", shareClass: "trade", units: 5_000_000, date: LedgerDate("2024-06-01")!, reason: "交售")),
            .incomeRecord(CashFlow(amount: Fen(10_000_000), category: "经营收入", counterparty: "肉联厂", date: LedgerDate("2024-11-01")!)),
            .dividendDeclare(token), .dividendDeclare(next),
        ]
        let found = EntrySamples.chain(payloads).flatMap { state.apply($0) }.filter { $0.code == .cooperativeRebate }
        #expect(found.map(\.detail) == ["distribution 2025 is by \"household\" in 扎赉特旗绿源肉牛养殖专业合作社, a farmers' cooperative, and takes 90,000.00, "
            + "but only 0.00 is left of the income recorded after 2024-12-31, the record date of its last distribution by Art. 44, by its record date "
            + "2025-01-01 and by the record dates of distributions after it: what was earned by an Art. 44 distribution is returned by it "
            + "(declare it --basis cooperative)"], "\(found)")
    }

    /// Of one income, what one distribution by another basis took, another dated before it cannot
    /// take again; nor may one take income dated after its record date.
    @Test func incomeAfterTheLastArticle44DistributionIsTakenOnce() {
        let income: [(date: LedgerDate, fen: Int64)] = [(LedgerDate("2021-03-01")!, 1_000_000)]
        let taken: [(recordDate: LedgerDate, fen: Int64)] = [(LedgerDate("2021-03-09")!, 1_000_000)]
        let after = LedgerDate("2020-12-31")!
        #expect(CooperativeSurplus.leftForAnotherBasis(on: LedgerDate("2021-03-08")!, after: after, before: nil, income: income, takenBy: taken) == 0)
        #expect(CooperativeSurplus.leftForAnotherBasis(on: LedgerDate("2021-03-10")!, after: after, before: nil, income: income, takenBy: taken) == 0)
        #expect(CooperativeSurplus.leftForAnotherBasis(on: LedgerDate("2021-03-10")!, after: after, before: nil, income: income, takenBy: []) == 1_000_000)
        #expect(CooperativeSurplus.leftForAnotherBasis(on: LedgerDate("2021-02-28")!, after: after, before: nil, income: income, takenBy: []) == 0)
        // Taken by one after the next Art. 44 distribution, it is that period's.
        #expect(CooperativeSurplus.leftForAnotherBasis(on: LedgerDate("2021-03-08")!, after: after, before: LedgerDate("2021-03-09")!,
                                                       income: income, takenBy: taken) == 1_000_000)
    }

    /// A distribution by another basis in a cooperative stands on there being no transactions in
    /// its period, and on the income since the last Art. 44 distribution before it: neither may be
    /// changed after it (a review had declared by capital first, then dated the year's trade and a
    /// token Art. 44 distribution back before it, and `verify` said intact).
    @Test func whatADistributionByAnotherBasisStoodOnCannotBeDatedBack() {
        let household: [String: JSONValue] = ["basis": .string("household"), "method": .string("largest-remainder")]
        let rule = rule(rebate: 60_000)
        let byHousehold = DividendDeclaration(id: "2024-按户", recordDate: LedgerDate("2024-12-31")!, distributable: Fen(9_000_000), appropriations: [],
                                              pool: Fen(9_000_000), rule: household, allocated: Fen(9_000_000), residual: .zero)
        let token = DividendDeclaration(id: "2024-返还", recordDate: LedgerDate("2024-06-30")!, distributable: Fen(100_000), appropriations: [],
                                        pool: Fen(100_000), rule: rule, allocated: Fen(100_000), residual: .zero)
        let trade = EntryPayload.sharesIssue(SharesChange(holder: "C001", shareClass: "trade", units: 5_000_000, date: LedgerDate("2024-06-01")!, reason: "交售"))
        let opening: [EntryPayload] = [.ledgerOpen(cooperative)] + members.map { .householdRegister($0) } + [
            .incomeRecord(CashFlow(amount: Fen(10_000_000), category: "经营收入", counterparty: "肉联厂", date: LedgerDate("2024-11-01")!)),
        ]
        func settled(_ payloads: [EntryPayload]) -> [RuleViolation] {
            var state = LedgerState(keepingHouseholdRecords: false, replayingEverything: true)
            return EntrySamples.chain(opening + payloads).flatMap { state.apply($0) }.filter { $0.code == .settledDate || $0.code == .cooperativeRebate }
        }
        // Declared by household, with no transactions yet: it stands.
        #expect(settled([.dividendDeclare(byHousehold)]).isEmpty)
        // The year's trade dated back into its period.
        let backdatedTrade = settled([.dividendDeclare(byHousehold), trade])
        #expect(backdatedTrade.map(\.seq) == [5] && backdatedTrade.map(\.code) == [.settledDate], "\(backdatedTrade)")
        #expect(backdatedTrade.first?.detail == "distribution 2024-按户 was declared by another basis than Art. 44's, in a farmers' cooperative whose members "
            + "had recorded no transactions (交易额) in its period up to its record date 2024-12-31; a share change dated 2024-06-01 would change the "
            + "transactions of that period, which it stood on having none (date it after 2024-12-31; if transactions were left out, reverse the "
            + "distribution's payments and its declaration, and declare it again --basis cooperative)")
        // A token Art. 44 distribution dated back before it.
        let backdatedToken = settled([.dividendDeclare(byHousehold), .dividendDeclare(token)])
        #expect(backdatedToken.map(\.seq) == [5] && backdatedToken.first?.detail.hasPrefix("distribution 2024-按户, by another basis, took the income earned after "
            + "the last Art. 44 distribution before its record date 2024-12-31; one by Art. 44 with the record date 2024-06-30 would have left it less") == true, "\(backdatedToken)")
        // In record-date order both stand; the Art. 44 one is then withdrawn only after the other.
        let inOrder: [EntryPayload] = [trade, .dividendDeclare(token), .dividendDeclare(byHousehold)]
        #expect(settled(inOrder).isEmpty)
        let withdrawn = settled(inOrder + [.entryReverse(Reversal(target: 5, reason: "误报"))])
        #expect(withdrawn.map(\.seq) == [7] && withdrawn.first?.detail == "distribution 2024-按户, by another basis, took the income earned after 2024-返还's "
            + "record date 2024-06-30; withdrawing 2024-返还 would give it the transactions Art. 44 returns (withdraw 2024-按户 first)", "\(withdrawn)")
        // Nor is another basis dated into a standing Art. 44 distribution's period, or on its record date.
        for day in ["2024-06-29", "2024-06-30"] {
            var early = byHousehold
            early.recordDate = LedgerDate(day)!
            let found = settled([trade, .dividendDeclare(token), .dividendDeclare(early)])
            #expect(found.map(\.code) == [.cooperativeRebate] && found.first?.detail == "distribution 2024-按户 is by \"household\" in 扎赉特旗绿源肉牛养殖专业合作社, "
                + "a farmers' cooperative, and its record date \(day) is on or before 2024-06-30, that of its Art. 44 distribution 2024-返还: what was earned by "
                + "then is returned by Art. 44 (date another basis after 2024-06-30, or declare it --basis cooperative)", "\(found)")
        }
        // A village's collective is bound by none of it.
        var village = LedgerState(keepingHouseholdRecords: false, replayingEverything: true)
        let villageFound = EntrySamples.chain([.ledgerOpen(EntrySamples.open)] + Array(opening.dropFirst()) + [.dividendDeclare(byHousehold), trade])
            .flatMap { village.apply($0) }.filter { $0.code == .settledDate }
        #expect(villageFound.isEmpty, "\(villageFound)")
    }

    /// Only the reserve fund, named as it, stays drawn: 公积公益金 (a village's fund, 公益金 in it)
    /// and a name that merely holds 公积 are put back.
    @Test func onlyTheReserveFundNamedSoStaysDrawn() {
        #expect(CooperativeSurplus.isReserveFund("公积金") && CooperativeSurplus.isReserveFund("法定公积金"))
        #expect(!CooperativeSurplus.isReserveFund("公积公益金") && !CooperativeSurplus.isReserveFund("风险金（非公积金）"))
        let drawn: [(name: String, amount: Fen)] = [("公积金", Fen(1_000_000)), ("风险金（非公积金）", Fen(3_000_000))]
        #expect(CooperativeSurplus.of(pool: Fen(6_000_000), drawn: drawn) == Fen(9_000_000))
    }
}
