import LedgerCore
import Payouts
import Testing

struct DistributionPlanTests {
    /// `count` households `1`…`count`, each with one unit of `class`.
    private func poorHouseholds(_ count: Int, shareClass: String = "扶贫股") -> [PayoutHolder] {
        (1...count).map { PayoutHolder(id: String($0), units: [shareClass: 1], members: 1) }
    }

    /// DOMAIN §9.1: the fixed return 200,000.00 × 8% = 16,000.00 (6% → 12,000.00, 10% → 20,000.00).
    @Test func fixedReturnOnTheGuidanceFund() {
        let fund = yuan("200,000.00")
        #expect(fund.basisPoints(800, rounding: .halfUp) == yuan("16,000.00"))
        #expect(fund.basisPoints(600, rounding: .halfUp) == yuan("12,000.00"))
        #expect(fund.basisPoints(1000, rounding: .halfUp) == yuan("20,000.00"))
    }

    /// DOMAIN §9.1 (Qingshen): 8% of 900,000.00 shared by 100 households is 720.00 each, 72,000.00 in all.
    @Test func qingshenSevenHundredTwentyEach() throws {
        let pool = yuan("900,000.00").basisPoints(800, rounding: .halfUp)
        let plan = try DistributionPlan(DistributionRequest(amount: .pool(pool), basis: .equalPerHousehold, holders: poorHouseholds(100)))
        #expect(plan.lines.allSatisfy { $0.amount == yuan("720.00") && $0.exactShare.description == "720.0000" })
        #expect(plan.allocated == yuan("72,000.00"))
        #expect(plan.residual == .zero)
    }

    /// DOMAIN §9.2 (Heyang): 27% and 10% of 75,584.10 are 20,407.71 and 7,558.41, leaving a pool of 47,617.98.
    @Test func heyangAppropriations() throws {
        let request = DistributionRequest(
            amount: .distributable(yuan("75,584.10")),
            appropriations: [Appropriation(name: "公积金", bp: 2700), Appropriation(name: "公益金", bp: 1000)],
            basis: .perMember, method: .ratePerUnit(nil), holders: heyangHouseholds())
        let plan = try DistributionPlan(request)
        #expect(plan.appropriations.map(\.amount) == [yuan("20,407.71"), yuan("7,558.41")])
        #expect(plan.pool == yuan("47,617.98"))
        // The largest whole-fen rate the pool covers is 57.99 per person, not 58.00.
        #expect(plan.rate == yuan("57.99"))
        #expect(plan.residual == yuan("8.19"))
        #expect(plan.allChecksPass)
    }

    /// DOMAIN §9.2: paying 58.00 per person × 821 needs 47,618.00, 0.02 more than the pool, so it is rejected.
    @Test func heyangRateOfFiftyEightExceedsPool() {
        let request = DistributionRequest(
            amount: .distributable(yuan("75,584.10")),
            appropriations: [Appropriation(name: "公积金", bp: 2700), Appropriation(name: "公益金", bp: 1000)],
            basis: .perMember, method: .ratePerUnit(yuan("58.00")), holders: heyangHouseholds())
        #expect(throws: PayoutError.rateExceedsPool(rate: yuan("58.00"), units: 821, required: yuan("47,618.00"), pool: yuan("47,617.98"))) {
            try DistributionPlan(request)
        }
    }

    /// DOMAIN §9.2: Heyang paid 58.00 per person, "presumably covered from 未分配收益": the 0.02 the
    /// pool lacks is carried in from earlier years, after the appropriations, which stay those of 75,584.10.
    @Test func heyangRateOfFiftyEightWithTwoFenCarriedIn() throws {
        let request = DistributionRequest(
            amount: .distributable(yuan("75,584.10")),
            appropriations: [Appropriation(name: "公积金", bp: 2700), Appropriation(name: "公益金", bp: 1000)],
            carriedIn: yuan("0.02"), basis: .perMember, method: .ratePerUnit(yuan("58.00")), holders: heyangHouseholds())
        let plan = try DistributionPlan(request)
        #expect(plan.appropriations.map(\.amount) == [yuan("20,407.71"), yuan("7,558.41")])
        #expect(plan.pool == yuan("47,618.00"))
        #expect(plan.allocated == yuan("47,618.00"))
        #expect(plan.residual == .zero)
        #expect(plan.lines.filter { $0.amount == yuan("232.00") }.count == 205)
        #expect(plan.lines.last?.amount == yuan("58.00"))
        #expect(plan.declaredDistributable == yuan("75,584.12"))
        guard case .dividendDeclare(let declaration) = plan.declarationEntries(id: "2019", recordDate: LedgerDate("2019-12-15")!)[0] else {
            Issue.record("the first entry declares"); return
        }
        // The entry's own rule holds: Σ appropriations + pool = distributable.
        #expect(declaration.distributable == yuan("75,584.12"))
        #expect(declaration.pool == yuan("47,618.00"))
        #expect(declaration.rule["carriedIn"] == .integer(2))
        // A negative carry-in is refused.
        var negative = request
        negative.carriedIn = Fen(-2)
        #expect(throws: PayoutError.negativeAmount(field: "amount carried in", amount: Fen(-2))) { try DistributionPlan(negative) }
    }

    /// 205 households of four and one of one: 821 people.
    private func heyangHouseholds() -> [PayoutHolder] {
        (1...205).map { PayoutHolder(id: String($0), members: 4) } + [PayoutHolder(id: "206", members: 1)]
    }

    /// DOMAIN §9.3 through a plan: lines in holder order with exact shares to four decimals.
    @Test func exactSharesToFourDecimals() throws {
        let holders = zip(["6", "5", "4", "3", "2", "1"], [3, 1, 5, 2, 3, 4] as [Int64]).map {
            PayoutHolder(id: $0.0, units: ["人口股": $0.1, "扶贫股": 7])
        }
        let plan = try DistributionPlan(DistributionRequest(amount: .pool(yuan("16,000.00")), basis: .units(classWeights: ["人口股": 1]), holders: holders))
        #expect(plan.lines.map(\.holder) == ["1", "2", "3", "4", "5", "6"])
        #expect(plan.lines.map(\.weight) == [4, 3, 2, 5, 1, 3])
        #expect(plan.lines.map(\.exactShare.description) == ["3555.5556", "2666.6667", "1777.7778", "4444.4444", "888.8889", "2666.6667"])
        #expect(plan.lines.map(\.amount.formatted) == ["3,555.55", "2,666.67", "1,777.78", "4,444.44", "888.89", "2,666.67"])
        #expect(plan.checks == [PlanCheck(rule: .linesPlusResidualEqualPool, expected: yuan("16,000.00"), found: yuan("16,000.00"), passed: true)])
    }

    /// DOMAIN §9.5: a 16,000.00 return less 10% reserve is 14,400.00; five poor households get 2,880.00 each.
    @Test func poorHouseholdPoolOfFive() throws {
        let plan = try DistributionPlan(poorPoolRequest(poorHouseholds(5)))
        #expect(plan.appropriations == [AppropriationAmount(name: "公积公益金", bp: 1000, amount: yuan("1,600.00"))])
        #expect(plan.pool == yuan("14,400.00"))
        #expect(plan.lines.allSatisfy { $0.amount == yuan("2,880.00") })
        #expect(plan.lines.first?.amount.capitalNumerals == "贰仟捌佰捌拾元整")
    }

    /// DOMAIN §9.5: when one household exits with no replacement, the other four get 3,600.00; a replacement restores 2,880.00.
    @Test func poorHouseholdExitsAndIsReplaced() throws {
        var holders = poorHouseholds(5)
        // The ledger passes the exited household with its 扶贫股 already withdrawn.
        holders[2] = PayoutHolder(id: "3", units: [:], members: 1, exitedPoverty: true)
        let exited = try DistributionPlan(poorPoolRequest(holders))
        #expect(exited.lines.map(\.amount) == [yuan("3,600.00"), yuan("3,600.00"), .zero, yuan("3,600.00"), yuan("3,600.00")])
        holders.append(PayoutHolder(id: "6", units: ["扶贫股": 1], members: 1))
        let replaced = try DistributionPlan(poorPoolRequest(holders))
        #expect(replaced.lines.filter { $0.amount == yuan("2,880.00") }.count == 5)
    }

    private func poorPoolRequest(_ holders: [PayoutHolder], minimum: Fen? = nil) -> DistributionRequest {
        DistributionRequest(
            amount: .distributable(yuan("16,000.00")), appropriations: [Appropriation(name: "公积公益金", bp: 1000)],
            basis: .units(classWeights: ["扶贫股": 1]), guaranteedMinimum: minimum, holders: holders)
    }

    /// A guaranteed minimum is funded first, then the rest is shared by all holders, eligible ones included.
    @Test func guaranteedMinimumFundedFirst() throws {
        var holders = poorHouseholds(5)
        holders[0] = PayoutHolder(id: "1", units: ["扶贫股": 1], members: 1, eligibleForMinimum: true)
        holders[1] = PayoutHolder(id: "2", units: ["扶贫股": 1], members: 1, eligibleForMinimum: true)
        let plan = try DistributionPlan(poorPoolRequest(holders, minimum: yuan("1,000.00")))
        #expect(plan.minimumTotal == yuan("2,000.00"))
        // 12,400.00 over five is 2,480.00.
        #expect(plan.lines.map(\.amount) == [yuan("3,480.00"), yuan("3,480.00"), yuan("2,480.00"), yuan("2,480.00"), yuan("2,480.00")])
        #expect(plan.lines[0].minimum == yuan("1,000.00") && plan.lines[0].basisAmount == yuan("2,480.00"))
        #expect(plan.lines[0].exactShare.description == "3480.0000")
        #expect(plan.allocated == plan.pool)
    }

    /// Minimums the pool cannot cover are rejected with the shortfall in fen.
    @Test func minimumShortfallIsNamed() {
        let holders = (1...5).map { PayoutHolder(id: String($0), units: ["扶贫股": 1], eligibleForMinimum: true) }
        #expect(throws: PayoutError.minimumsExceedPool(required: yuan("15,000.00"), pool: yuan("14,400.00"), shortfall: yuan("600.00"))) {
            try DistributionPlan(poorPoolRequest(holders, minimum: yuan("3,000.00")))
        }
    }

    /// A household that exited poverty cannot also be eligible for the poverty minimum.
    @Test func exitedHouseholdIsNotEligible() {
        let holders = [PayoutHolder(id: "1", eligibleForMinimum: true, exitedPoverty: true)]
        #expect(throws: PayoutError.exitedHouseholdEligibleForMinimum(holder: "1")) {
            try DistributionPlan(poorPoolRequest(holders, minimum: yuan("1.00")))
        }
    }

    /// DOMAIN §9.6: 90,000.00 after the reserve; 54,000.00 rebated by transactions, 36,000.00 by capital accounts.
    @Test func cooperativeArticle44() throws {
        let holders = [
            PayoutHolder(id: "1", units: ["交易额": 300_000, "出资额": 15_000, "公积金份额": 3_000, "补助份额": 2_000]),
            PayoutHolder(id: "2", units: ["交易额": 150_000, "出资额": 8_000, "公积金份额": 2_000]),
            PayoutHolder(id: "3", units: ["交易额": 50_000, "出资额": 20_000, "补助份额": 10_000]),
        ]
        let plan = try DistributionPlan(DistributionRequest(
            amount: .distributable(yuan("100,000.00")), appropriations: [Appropriation(name: "公积金", bp: 1000)],
            basis: .cooperative(CooperativeRule()), holders: holders))
        #expect(plan.pool == yuan("90,000.00"))
        #expect(plan.rebate == yuan("54,000.00"))
        #expect(plan.lines.map(\.basisAmount) == [yuan("32,400.00"), yuan("16,200.00"), yuan("5,400.00")])
        #expect(plan.lines.map(\.capitalWeight) == [20_000, 10_000, 30_000])
        #expect(plan.lines.map(\.capitalAmount) == [yuan("12,000.00"), yuan("6,000.00"), yuan("18,000.00")])
        #expect(plan.lines.map(\.amount) == [yuan("44,400.00"), yuan("22,200.00"), yuan("23,400.00")])
        #expect(plan.allocated == yuan("90,000.00"))
        #expect(plan.checks.contains(PlanCheck(rule: .cooperativeRebateAtLeastMinimum, expected: yuan("54,000.00"), found: yuan("54,000.00"), passed: true)))
        #expect(plan.allChecksPass)
    }

    /// DOMAIN §9.6 boundary: on 12,345.67 the minimum rebate is 7,407.41 (rounded up); 7,407.40 is rejected.
    @Test func cooperativeRebateBoundary() throws {
        let holders = [PayoutHolder(id: "1", units: ["交易额": 3, "出资额": 1]), PayoutHolder(id: "2", units: ["交易额": 1, "出资额": 1])]
        func request(_ rebate: Fen) -> DistributionRequest {
            DistributionRequest(amount: .pool(yuan("12,345.67")), basis: .cooperative(CooperativeRule(declaredRebate: rebate)), holders: holders)
        }
        #expect(throws: PayoutError.rebateBelowMinimum(declared: yuan("7,407.40"), minimum: yuan("7,407.41"), distributable: yuan("12,345.67"))) {
            try DistributionPlan(request(yuan("7,407.40")))
        }
        let plan = try DistributionPlan(request(yuan("7,407.41")))
        #expect(plan.rebate == yuan("7,407.41"))
        #expect(plan.allocated == yuan("12,345.67"))
        #expect(CooperativeRule().minimumRebate(of: yuan("12,345.67")) == yuan("7,407.41"))
    }

    /// A charter may require more than 60% but never less; a rebate above the surplus is rejected.
    @Test func cooperativeRuleLimits() throws {
        #expect(throws: PayoutError.rebateRateOutOfRange(bp: 5999)) { try CooperativeRule(rebateBp: 5999).rebate(of: yuan("100.00")) }
        #expect(throws: PayoutError.rebateExceedsSurplus(declared: yuan("100.01"), distributable: yuan("100.00"))) {
            try CooperativeRule(declaredRebate: yuan("100.01")).rebate(of: yuan("100.00"))
        }
        #expect(try CooperativeRule(rebateBp: 7500).rebate(of: yuan("100.00")) == yuan("75.00"))
    }

    /// A cooperative with no capital accounts cannot divide what the rebate leaves, nor one with
    /// no transactions the rebate: each says which, and a rebate of the whole surplus needs no
    /// capital accounts.
    @Test func cooperativeWithoutVolumesOrCapital() throws {
        func plan(_ holders: [PayoutHolder], rebate: Fen? = nil) throws -> DistributionPlan {
            try DistributionPlan(DistributionRequest(amount: .pool(yuan("100.00")), basis: .cooperative(CooperativeRule(declaredRebate: rebate)), holders: holders))
        }
        let noCapital = [PayoutHolder(id: "1", units: ["交易额": 3]), PayoutHolder(id: "2", units: ["交易额": 1])]
        #expect(throws: PayoutError.noCapitalAccounts(remainder: yuan("40.00"), rebate: yuan("60.00"), surplus: yuan("100.00"))) { try plan(noCapital) }
        #expect(try plan(noCapital, rebate: yuan("100.00")).lines.map(\.amount) == [yuan("75.00"), yuan("25.00")])
        #expect(throws: PayoutError.noTransactionVolumes(rebate: yuan("60.00"))) { try plan([PayoutHolder(id: "1", units: ["出资额": 1])]) }
    }

    /// A rate the pool cannot pay once the guaranteed minimums are funded says what they left.
    @Test func rateAfterMinimums() {
        let holders = (1...2).map { PayoutHolder(id: String($0), units: ["扶贫股": 1], members: 1, eligibleForMinimum: true) }
        #expect(throws: PayoutError.rateExceedsPoolAfterMinimums(rate: yuan("500.00"), units: 2, required: yuan("1,000.00"), left: yuan("800.00"), minimums: yuan("200.00"))) {
            try DistributionPlan(DistributionRequest(amount: .pool(yuan("1,000.00")), basis: .equalPerHousehold, guaranteedMinimum: yuan("100.00"),
                                                     method: .ratePerUnit(yuan("500.00")), holders: holders))
        }
    }

    /// Appropriation rates above 100% and appropriations given with a pool are rejected.
    @Test func appropriationRules() {
        let holders = poorHouseholds(2)
        #expect(throws: PayoutError.appropriationRatesAbove100Percent(totalBp: 10_001)) {
            try DistributionPlan(DistributionRequest(
                amount: .distributable(yuan("1.00")),
                appropriations: [Appropriation(name: "a", bp: 5000), Appropriation(name: "b", bp: 5001)],
                basis: .equalPerHousehold, holders: holders))
        }
        #expect(throws: PayoutError.appropriationsExceedDistributable(total: Fen(2), distributable: Fen(1))) {
            try DistributionPlan(DistributionRequest(
                amount: .distributable(Fen(1)),
                appropriations: [Appropriation(name: "a", bp: 5000), Appropriation(name: "b", bp: 5000)],
                basis: .equalPerHousehold, holders: holders))
        }
        #expect(throws: PayoutError.appropriationsNeedDistributable) {
            try DistributionPlan(DistributionRequest(
                amount: .pool(yuan("1.00")), appropriations: [Appropriation(name: "a", bp: 1)],
                basis: .equalPerHousehold, holders: holders))
        }
    }

    /// Bad holder records are rejected by name.
    @Test func holderRecordRules() {
        func plan(_ holders: [PayoutHolder], basis: DistributionBasis = .units(classWeights: ["人口股": 1])) throws {
            _ = try DistributionPlan(DistributionRequest(amount: .pool(yuan("1.00")), basis: basis, holders: holders))
        }
        #expect(throws: PayoutError.duplicateHolder("1")) { try plan([PayoutHolder(id: "1"), PayoutHolder(id: "1")]) }
        #expect(throws: PayoutError.negativeUnits(holder: "1", shareClass: "人口股", units: -1)) { try plan([PayoutHolder(id: "1", units: ["人口股": -1])]) }
        #expect(throws: PayoutError.negativeMembers(holder: "1", members: -2)) { try plan([PayoutHolder(id: "1", members: -2)], basis: .perMember) }
        #expect(throws: PayoutError.noWeightedClassHeld(weighted: ["人口股"], held: ["扶贫股"])) { try plan([PayoutHolder(id: "1", units: ["扶贫股": 1])]) }
        #expect(PayoutError.noWeightedClassHeld(weighted: ["membr"], held: ["member", "poverty"]).description
                == "No holder holds the class given a weight (membr); the classes held at the record date are member, poverty.")
        #expect(throws: PayoutError.zeroTotalWeight(holders: 1)) {
            try plan([PayoutHolder(id: "1", units: ["人口股": 1])], basis: .units(classWeights: ["人口股": 0]))
        }
        #expect(throws: PayoutError.negativeClassWeight(shareClass: "人口股", weight: -1)) {
            try plan([PayoutHolder(id: "1", units: ["人口股": 1])], basis: .units(classWeights: ["人口股": -1]))
        }
        #expect(throws: PayoutError.weightOverflow(holder: "1")) {
            try plan([PayoutHolder(id: "1", units: ["人口股": .max])], basis: .units(classWeights: ["人口股": 2]))
        }
    }

    /// The plan is the same whatever order the holders come in.
    @Test func planIgnoresInputOrder() throws {
        let holders = (1...40).map { PayoutHolder(id: "H\($0)", units: ["人口股": Int64($0 % 7), "劳龄股": Int64($0 % 3)], members: $0 % 5) }
        let basis = DistributionBasis.units(classWeights: ["人口股": 2, "劳龄股": 1])
        let forward = try DistributionPlan(DistributionRequest(amount: .pool(yuan("10,000.01")), basis: basis, holders: holders))
        let backward = try DistributionPlan(DistributionRequest(amount: .pool(yuan("10,000.01")), basis: basis, holders: holders.reversed()))
        #expect(forward.lines == backward.lines)
        #expect(forward.allocated == yuan("10,000.01"))
    }
}
