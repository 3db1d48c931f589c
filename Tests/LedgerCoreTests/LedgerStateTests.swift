import LedgerCore
import Testing

/// The business rules, applied entry by entry.
struct LedgerStateTests {
    /// The rules as a verifier applies them: every entry from entry 0.
    private func codes(_ payloads: [EntryPayload], base: [EntryPayload] = []) -> [RuleViolation] {
        var state = LedgerState(replayingEverything: true)
        let entries = EntrySamples.chain(base + payloads)
        var found = [RuleViolation]()
        for entry in entries { found += state.apply(entry) }
        return found + state.unfinishedDistributions()
    }

    /// The accounts a cooperative's rule names, as fenhong writes it.
    private let accounts: [String: JSONValue] = ["transactionClass": .string("trade"), "capitalClasses": .array(["capital", "reserve", "subsidy"].map(JSONValue.string))]

    private var opened: [EntryPayload] {
        [.ledgerOpen(EntrySamples.open), .householdRegister(EntrySamples.chenMei)]
    }

    /// Each household's units as a listing shows them: by class in class order, a class retired
    /// to nothing as 0, the collective's apart.
    @Test func sharesByHolder() {
        let second = HouseholdRegistration(household: "152223-002", head: "包金山", members: 4, poor: false,
                                           idMasked: "152223********3456", account: "****4321", date: EntrySamples.chenMei.date)
        func change(_ holder: String, _ shareClass: String, _ units: Int64) -> EntryPayload {
            let c = SharesChange(holder: holder, shareClass: shareClass, units: abs(units), date: EntrySamples.chenMei.date, reason: "折股")
            return units > 0 ? .sharesIssue(c) : .sharesRetire(c)
        }
        var state = LedgerState()
        for entry in EntrySamples.chain(opened + [.householdRegister(second), change("152223-001", "member", 2), change("152223-002", "poverty", 3),
                                                  change("152223-001", "capital", 5), change("152223-002", "member", 1), change("152223-002", "poverty", -3),
                                                  change(Holder.collective, "collective", 7)]) {
            #expect(state.apply(entry).isEmpty)
        }
        let shares = state.sharesByHolder()
        #expect(shares["152223-001"]?.map(\.shareClass) == ["capital", "member"] && shares["152223-001"]?.map(\.units) == [5, 2])
        #expect(shares["152223-002"]?.map(\.shareClass) == ["member", "poverty"] && shares["152223-002"]?.map(\.units) == [1, 0])
        #expect(shares[Holder.collective]?.map(\.units) == [7] && shares.count == 3)
    }

    /// Each allocation is what its declaration's rule gives from the units the allocations record
    /// (`allocation-split`): money moved from one household to another, the total kept, shows —
    /// by largest remainder, by a rate, and in a cooperative member's return by transactions.
    @Test func allocationsAreWhatTheRuleGives() {
        let second = HouseholdRegistration(household: "152223-002", head: "包金山", members: 4, poor: false,
                                           idMasked: "152223********3456", account: "****4321", date: EntrySamples.chenMei.date)
        func issue(_ household: String, _ units: Int64) -> EntryPayload {
            .sharesIssue(SharesChange(holder: household, shareClass: "member", units: units, date: EntrySamples.chenMei.date, reason: "折股"))
        }
        // 陈梅 (2 members) holds 1 member share, 包金山 (4 members) 2: the units the allocations record.
        let base = opened + [.householdRegister(second), issue("152223-001", 1), issue("152223-002", 2)]
        func declare(_ rule: [String: JSONValue], pool: Int64, residual: Int64 = 0, _ lines: [(String, Int64, Int64, Int64?)]) -> [EntryPayload] {
            [.dividendDeclare(DividendDeclaration(id: "A", recordDate: EntrySamples.day, distributable: Fen(pool), appropriations: [], pool: Fen(pool),
                                                  rule: rule, allocated: Fen(pool - residual), residual: Fen(residual)))]
                + lines.map { .dividendAllocate(DividendAllocation(id: "A", household: $0.0, units: $0.1, amount: Fen($0.2), rebate: $0.3.map { Fen($0) },
                                                                   capital: $0.3 == nil ? nil : 1)) }
        }
        // 1,000.00 over 1 and 2 units: 333.33 and 666.67; 100.00 moved to the first is caught at both.
        let split: [String: JSONValue] = ["basis": .string("units"), "classes": .object(["member": .integer(1)]), "method": .string("largest-remainder")]
        #expect(codes(declare(split, pool: 100_000, [("152223-001", 1, 33_333, nil), ("152223-002", 2, 66_667, nil)]), base: base).isEmpty)
        let moved = codes(declare(split, pool: 100_000, [("152223-001", 1, 43_333, nil), ("152223-002", 2, 56_667, nil)]), base: base)
        #expect(moved.map(\.code) == [.allocationSplit, .allocationSplit] && moved.map(\.seq) == [6, 7])
        #expect(moved.first?.detail == "household 152223-001's allocation in distribution A is 433.33, but its 1 of the 3 units divided by give 333.33 of the pool 1,000.00 (largest remainder)")
        // A rate of 58.00 a member: 116.00 and 232.00, the rest undistributed.
        let rate: [String: JSONValue] = ["basis": .string("member"), "method": .string("rate-per-unit"), "rate": .integer(5_800)]
        #expect(codes(declare(rate, pool: 35_000, residual: 200, [("152223-001", 2, 11_600, nil), ("152223-002", 4, 23_200, nil)]), base: base).isEmpty)
        #expect(codes(declare(rate, pool: 35_000, residual: 200, [("152223-001", 2, 11_700, nil), ("152223-002", 4, 23_100, nil)]), base: base)
                    .map(\.code) == [.allocationSplit, .allocationSplit])
        // A cooperative's rebate of 6.00 by transactions of 3 and 1: 4.50 and 1.50, whatever the capital parts.
        // (Its units — transactions and capital accounts the ledger does not hold — are another rule's.)
        let coop: [String: JSONValue] = ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(600), "method": .string("largest-remainder")]
            .merging(accounts) { $1 }
        func codes(_ payloads: [EntryPayload], base: [EntryPayload]) -> [RuleViolation] {
            self.codes(payloads, base: base).filter { $0.code != .allocationUnits || !payloads.contains { if case .dividendDeclare(let d) = $0 { d.rule["basis"] == .string("cooperative") } else { false } } }
        }
        #expect(codes(declare(coop, pool: 1_000, [("152223-001", 3, 650, 450), ("152223-002", 1, 350, 150)]), base: base).isEmpty)
        let rebated = codes(declare(coop, pool: 1_000, [("152223-001", 3, 650, 500), ("152223-002", 1, 350, 100)]), base: base)
        #expect(rebated.map(\.code) == [.allocationSplit, .allocationSplit, .allocationSplit, .allocationSplit])  // both parts, each member
        #expect(rebated.first?.detail == "household 152223-001's return by transactions in distribution A is 5.00, but its 0.03 of the 0.04 transactions give 4.50 of the rebate 6.00 (largest remainder)")
        // Where the allocations record the capital accounts, the rest (4.00) by capital too: 1 and 3 give 1.00 and 3.00.
        func coopWithCapital(_ lines: [(String, Int64, Int64, Int64, Int64)]) -> [EntryPayload] {
            declare(coop, pool: 1_000, []) + lines.map {
                .dividendAllocate(DividendAllocation(id: "A", household: $0.0, units: $0.1, amount: Fen($0.2), rebate: Fen($0.3), capital: $0.4))
            }
        }
        #expect(codes(coopWithCapital([("152223-001", 3, 550, 450, 1), ("152223-002", 1, 450, 150, 3)]), base: base).isEmpty)
        let byCapital = codes(coopWithCapital([("152223-001", 3, 650, 450, 1), ("152223-002", 1, 350, 150, 3)]), base: base)
        #expect(byCapital.map(\.code) == [.allocationSplit, .allocationSplit])
        #expect(byCapital.first?.detail == "household 152223-001's share by capital in distribution A is 2.00, but its 0.01 of the 0.04 capital accounts give 1.00 of the 4.00 left after the rebate (largest remainder)")
        // The collective's own shares take part in a split by shares: 0.02 over 1 and 4 member
        // shares and the collective's 1 gives 0.01, 0.01 and 0.00 (ties to the lower number).
        let collective: EntryPayload = .sharesIssue(SharesChange(holder: "collective", shareClass: "member", units: 1, date: EntrySamples.chenMei.date, reason: "集体股"))
        #expect(codes(declare(split, pool: 2, [("152223-001", 1, 1, nil), ("152223-002", 4, 1, nil)]), base: base + [collective, issue("152223-002", 2)]).isEmpty)
        // A fen kept "for the collective" where it holds nothing is money taken from the households.
        let keptFen = codes(declare(split, pool: 100_000, residual: 1, [("152223-001", 1, 33_333, nil), ("152223-002", 2, 66_666, nil)]), base: base)
        #expect(keptFen.map(\.code) == [.allocationSplit, .allocationSplit], "\(keptFen)")
        #expect(keptFen.contains { $0.detail == "distribution A keeps 0.01 undistributed, but the collective's own 0 of the 3 units give it 0.00 (largest remainder)" })
        // A rule without its method is split by largest remainder, as fenhong writes it; a minimum of 0 is none.
        #expect(codes(declare(["basis": .string("household")], pool: 100_000, [("152223-001", 1, 60_000, nil), ("152223-002", 1, 40_000, nil)]), base: base)
                    .map(\.code) == [.allocationSplit, .allocationSplit])
        #expect(codes(declare(split.merging(["minimum": .integer(0)]) { $1 }, pool: 100_000, [("152223-001", 1, 43_333, nil), ("152223-002", 2, 56_667, nil)]), base: base)
                    .map(\.code) == [.allocationSplit, .allocationSplit])
        // A rate with no rate, units of nothing, a cooperative return left off one allocation: said.
        #expect(codes(declare(["basis": .string("member"), "method": .string("rate-per-unit")], pool: 35_000, residual: 200,
                              [("152223-001", 2, 11_600, nil), ("152223-002", 4, 23_200, nil)]), base: base).map(\.detail)
                == ["distribution A is by a rate per unit but records no rate: its allocations cannot be split again"])
        #expect(codes(declare(split, pool: 100_000, [("152223-001", 0, 50_000, nil), ("152223-002", 0, 50_000, nil)]), base: base).map(\.code)
                == [.allocationSplit, .allocationUnits, .allocationUnits])
        #expect(codes(declare(coop, pool: 1_000, [("152223-001", 3, 650, 600), ("152223-002", 1, 350, nil)]), base: base).map(\.detail)
                .contains("household 152223-002's allocation in distribution A records no return by transactions: a cooperative's allocation records it"))
        // An allocation apart from its declaration, after other entries, is out of place.
        let apart = declare(split, pool: 100_000, [("152223-001", 1, 33_333, nil)])
            + [.incomeRecord(CashFlow(amount: Fen(1), category: "其他", counterparty: "x", date: EntrySamples.day))]
            + [.dividendAllocate(DividendAllocation(id: "A", household: "152223-002", units: 2, amount: Fen(66_667)))]
        #expect(codes(apart, base: base).map(\.detail).contains("the allocation of distribution A to household 152223-002 comes apart from its declaration: a distribution's allocations follow it, together"))
        // An allocation to a household registered after the record date: it took no part.
        let late = HouseholdRegistration(household: "152223-003", head: "晚", members: 1, poor: false, idMasked: "152223********0000", account: "****0000",
                                         date: EntrySamples.day.adding(days: 1))
        #expect(codes(declare(split, pool: 100_000, [("152223-001", 1, 33_333, nil), ("152223-002", 2, 66_667, nil), ("152223-003", 0, 0, nil)]),
                      base: base + [.householdRegister(late)]).map(\.code).contains(.datedBeforeRegistration))
        // A guaranteed minimum of 1.00 to 陈梅, registered-poor at the record date, then 999.00 by units: 334.00 and 666.00.
        let minimum = split.merging(["minimum": .integer(100)]) { $1 }
        #expect(codes(declare(minimum, pool: 100_000, [("152223-001", 1, 33_400, nil), ("152223-002", 2, 66_600, nil)]), base: base).isEmpty)
        let moreToThePoor = codes(declare(minimum, pool: 100_000, [("152223-001", 1, 33_500, nil), ("152223-002", 2, 66_500, nil)]), base: base)
        #expect(moreToThePoor.map(\.detail).first == "household 152223-001's allocation in distribution A is 335.00, but the minimum 1.00 to a household registered-poor at the record date and its 1 of the 3 units divided by give 334.00 of the 999.00 its guaranteed minimums leave of the pool (largest remainder)")
        // A minimum alone (a class no one holds): each line its minimum or nothing, and no registered-poor household left out.
        let minimumAlone: [String: JSONValue] = ["basis": .string("units"), "classes": .object(["labour": .integer(1)]), "minimum": .integer(100)]
        #expect(codes(declare(minimumAlone, pool: 100, [("152223-001", 0, 100, nil)]), base: base).isEmpty)
        #expect(codes(declare(minimumAlone, pool: 100, [("152223-001", 0, 0, nil), ("152223-002", 0, 100, nil)]), base: base).map(\.code)
                == [.allocationSplit, .allocationSplit])
        // 陈梅 left out: her minimum, and her share by units, went to the other household (said once).
        #expect(codes(declare(minimum, pool: 100_000, [("152223-002", 2, 100_000, nil)]), base: base).map(\.detail)
                == ["household 152223-001, registered-poor at the record date 2024-12-20, has no allocation in distribution A: its guaranteed minimum is owed to it"])  // once, not again as `allocation-units`
        // A collective share entry reversed never held anything; a rate may round down to 0.00.
        let undone: [EntryPayload] = [collective, .entryReverse(Reversal(target: 5, reason: "记错"))]
        #expect(codes(declare(split, pool: 100_000, [("152223-001", 1, 33_333, nil), ("152223-002", 2, 66_667, nil)]), base: base + undone).isEmpty)
        #expect(codes(declare(["basis": .string("member"), "method": .string("rate-per-unit"), "rate": .integer(0)], pool: 5, residual: 5,
                              [("152223-001", 2, 0, nil), ("152223-002", 4, 0, nil)]), base: base).isEmpty)
        // A cooperative's allocations without their returns by transactions hide how they were split.
        let bare = declare(coop, pool: 1_000, []) + [("152223-001", Int64(3), Int64(650)), ("152223-002", 1, 350)].map {
            EntryPayload.dividendAllocate(DividendAllocation(id: "A", household: $0.0, units: $0.1, amount: Fen($0.2)))
        }
        #expect(codes(bare, base: base).map(\.detail).contains("household 152223-001's allocation in distribution A records no return by transactions: a cooperative's allocation records it"))
        // A state for one command, which has not seen every registration, leaves the minimum to the verifier.
        var command = LedgerState()
        let applied = EntrySamples.chain(base + declare(minimum, pool: 100_000, [("152223-001", 1, 33_500, nil), ("152223-002", 2, 66_500, nil)]))
        #expect(applied.flatMap { command.apply($0) }.isEmpty && command.unfinishedDistributions().isEmpty)
    }

    /// Each allocation records what its household had at the record date, and every household
    /// that had some has one (`allocation-units`): units forged along with amounts that split
    /// consistently, or a household left out and its part split among the rest, show — by shares
    /// (after-dated and reversed issues, and poverty shares after an exit, counting for nothing),
    /// by members, by households, and a cooperative member's transactions and capital accounts.
    @Test func allocationUnitsAreWhatHouseholdsHadAtTheRecordDate() {
        let day = EntrySamples.day, founded = EntrySamples.chenMei.date
        let second = HouseholdRegistration(household: "152223-002", head: "包金山", members: 4, poor: false,
                                           idMasked: "152223********3456", account: "****4321", date: founded)
        func issue(_ household: String, _ shareClass: String, _ units: Int64, on date: LedgerDate = EntrySamples.chenMei.date) -> EntryPayload {
            .sharesIssue(SharesChange(holder: household, shareClass: shareClass, units: units, date: date, reason: "折股"))
        }
        // 陈梅: 2 members, registered-poor, 1 member share; 包金山: 4 members, 2 member shares.
        let base = opened + [.householdRegister(second), issue("152223-001", "member", 1), issue("152223-002", "member", 2)]
        typealias Line = (household: String, units: Int64, amount: Int64, rebate: Int64?, capital: Int64?)
        func declare(_ rule: [String: JSONValue], pool: Int64, residual: Int64 = 0, _ lines: [Line]) -> [EntryPayload] {
            [.dividendDeclare(DividendDeclaration(id: "A", recordDate: day, distributable: Fen(pool), appropriations: [], pool: Fen(pool),
                                                  rule: rule, allocated: Fen(pool - residual), residual: Fen(residual)))]
                + lines.map { .dividendAllocate(DividendAllocation(id: "A", household: $0.household, units: $0.units, amount: Fen($0.amount),
                                                                   rebate: $0.rebate.map { Fen($0) }, capital: $0.capital)) }
        }
        let byShares: [String: JSONValue] = ["basis": .string("units"), "classes": .object(["member": .integer(1)])]
        let honest: [Line] = [("152223-001", 1, 33_333, nil, nil), ("152223-002", 2, 66_667, nil, nil)]
        // Shares dated after the record date, or issued and reversed, count for nothing.
        let undone: [EntryPayload] = [issue("152223-001", "member", 5, on: day.adding(days: 1)), issue("152223-002", "member", 7),
                                      .entryReverse(Reversal(target: 6, reason: "记错"))]
        #expect(codes(declare(byShares, pool: 100_000, honest), base: base + undone).isEmpty)
        // Units swapped with their amounts: the split is consistent, the holdings are not.
        let swapped = codes(declare(byShares, pool: 100_000, [("152223-001", 2, 66_667, nil, nil), ("152223-002", 1, 33_333, nil, nil)]), base: base)
        #expect(swapped.map(\.code) == [.allocationUnits, .allocationUnits] && swapped.map(\.seq) == [6, 7])
        #expect(swapped.first?.detail == "household 152223-001's allocation in distribution A records 2 units, but the shares it held at the record date 2024-12-20 give 1 unit (1 member × 1)")
        // Poverty shares count only while registered-poor: 陈梅's 3, after her exit, are not hers to be paid on.
        let exited: [EntryPayload] = [issue("152223-001", "poverty", 3), .householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: day.adding(days: -10)))]
        let withPoverty: [String: JSONValue] = ["basis": .string("units"), "classes": .object(["member": .integer(1), "poverty": .integer(1)])]
        #expect(codes(declare(withPoverty, pool: 100_000, honest), base: base + exited).isEmpty)
        #expect(codes(declare(withPoverty, pool: 100_000, [("152223-001", 4, 66_667, nil, nil), ("152223-002", 2, 33_333, nil, nil)]), base: base + exited).map(\.detail)
                == ["household 152223-001's allocation in distribution A records 4 units, but the shares it held at the record date 2024-12-20 give 1 unit (1 member × 1)"])
        // By members: the members at the record date, after an update dated by then and not one dated after.
        let members: [EntryPayload] = [.householdUpdate(HouseholdUpdate(household: "152223-002", members: 5, date: day.adding(days: -1))),
                                       .householdUpdate(HouseholdUpdate(household: "152223-001", members: 9, date: day.adding(days: 1)))]
        let byMembers: [String: JSONValue] = ["basis": .string("member"), "method": .string("rate-per-unit"), "rate": .integer(100)]
        #expect(codes(declare(byMembers, pool: 700, [("152223-001", 2, 200, nil, nil), ("152223-002", 5, 500, nil, nil)]), base: base + members).isEmpty)
        #expect(codes(declare(byMembers, pool: 700, residual: 100, [("152223-001", 2, 200, nil, nil), ("152223-002", 4, 400, nil, nil)]), base: base + members).map(\.detail)
                == ["household 152223-002's allocation in distribution A records 4 units, but it had 5 members at the record date 2024-12-20"])
        // By households: a household left out, its part given to the other.
        #expect(codes(declare(["basis": .string("household")], pool: 100_000, [("152223-001", 1, 100_000, nil, nil)]), base: base).map { "\($0.seq) \($0.detail)" }
                == ["5 household 152223-002 has no allocation in distribution A, but a distribution by households counts each household registered at the record date 2024-12-20 as 1 unit: its part went to the others"])
        // A cooperative: 6.00 by transactions of 3.00 and 1.00 traded this year (an earlier year's
        // 9.00 is not), 4.00 by capital accounts of 1.00 and 3.00.
        let ledgered: [EntryPayload] = [issue("152223-001", "trade", 900, on: LedgerDate("2023-06-01")!),
                                        issue("152223-001", "trade", 300, on: LedgerDate("2024-06-01")!), issue("152223-002", "trade", 100, on: LedgerDate("2024-06-01")!),
                                        issue("152223-001", "capital", 100), issue("152223-002", "capital", 300)]
        let earlier: [EntryPayload] = [.dividendDeclare(DividendDeclaration(id: "Z", recordDate: LedgerDate("2023-12-31")!, distributable: .zero, appropriations: [], pool: .zero,
                                                                            rule: ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(0)].merging(self.accounts) { $1 },
                                                                            allocated: .zero, residual: .zero)),
                                       // Nothing to share, but each member's line with what it traded and holds.
                                       .dividendAllocate(DividendAllocation(id: "Z", household: "152223-001", units: 900, amount: .zero, rebate: .zero, capital: 100)),
                                       .dividendAllocate(DividendAllocation(id: "Z", household: "152223-002", units: 0, amount: .zero, rebate: .zero, capital: 300))]
        let coop: [String: JSONValue] = ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(600), "method": .string("largest-remainder")]
            .merging(self.accounts) { $1 }
        let coopBase = base + [ledgered[0], ledgered[3], ledgered[4]] + earlier + [ledgered[1], ledgered[2]]
        #expect(codes(declare(coop, pool: 1_000, [("152223-001", 300, 550, 450, 100), ("152223-002", 100, 450, 150, 300)]), base: coopBase).isEmpty)
        let traded = codes(declare(coop, pool: 1_000, [("152223-001", 100, 450, 150, 300), ("152223-002", 300, 550, 450, 100)]), base: coopBase)
        #expect(traded.map(\.code) == Array(repeating: .allocationUnits, count: 4))
        #expect(traded.map(\.detail).prefix(2) == [
            "household 152223-001's allocation in distribution A records transactions of 1.00, but its trade account records transactions of 3.00 from 2024-01-01 through 2024-12-20 (issued less retired; an account passed on is no trade)",
            "household 152223-001's allocation in distribution A records capital accounts of 3.00, but its accounts (capital, reserve, subsidy) held 1.00 at the record date 2024-12-20",
        ])
    }

    /// What a review found the first `allocation-units` let pass, or flag: a rule it could not
    /// read (a forger's way around it) is a problem; members are those of the latest-dated update;
    /// a 交易额 account passed on is no trade; a household left out of a distribution by a rate
    /// leaves its part undistributed.
    @Test func allocationUnitsReviewed() {
        let day = EntrySamples.day, founded = EntrySamples.chenMei.date
        let second = HouseholdRegistration(household: "152223-002", head: "包金山", members: 4, poor: false,
                                           idMasked: "152223********3456", account: "****4321", date: founded)
        let base = opened + [.householdRegister(second),
                             .sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 1, date: founded, reason: "折股")),
                             .sharesIssue(SharesChange(holder: "152223-002", shareClass: "member", units: 2, date: founded, reason: "折股"))]
        func declare(_ rule: [String: JSONValue], pool: Int64, residual: Int64 = 0, _ lines: [(String, Int64, Int64)]) -> [EntryPayload] {
            [.dividendDeclare(DividendDeclaration(id: "A", recordDate: day, distributable: Fen(pool), appropriations: [], pool: Fen(pool),
                                                  rule: rule, allocated: Fen(pool - residual), residual: Fen(residual)))]
                + lines.map { .dividendAllocate(DividendAllocation(id: "A", household: $0.0, units: $0.1, amount: Fen($0.2))) }
        }
        // 包金山 records 40 units, not his 2, under rules the check cannot read: each is a problem.
        let forged: [(String, Int64, Int64)] = [("152223-001", 1, 2_439), ("152223-002", 40, 97_561)]
        let unread: [([String: JSONValue], String)] = [
            (["basis": .string("shares")], "records the basis \"shares\", which is none of units, household, member and cooperative"),
            (["basis": .string("units"), "classes": .object(["member": .integer(1), "labour": .integer(-1)])], "weighs class \"labour\" by -1, not by a whole number of 0 or more"),
            (["basis": .string("units"), "classes": .object(["member": .string("1")])], "weighs class \"member\" by \"1\", not by a whole number of 0 or more"),
            (["basis": .string("units")], "is by shares but records no classes to weigh them by"),
        ]
        for (rule, phrase) in unread {
            #expect(codes(declare(rule, pool: 100_000, forged), base: base).map(\.detail)
                    == ["distribution A \(phrase): its allocations' units cannot be held to the households' holdings"])
        }
        let coop: [String: JSONValue] = ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(600),
                                         "transactionClass": .string("交易额"), "capitalClasses": .array([.string("capital")])]
        #expect(codes([.dividendDeclare(DividendDeclaration(id: "C", recordDate: day, distributable: Fen(1_000), appropriations: [], pool: Fen(1_000),
                                                            rule: coop, allocated: Fen(1_000), residual: .zero))], base: base).map(\.detail).first
                == "distribution C counts transactions in \"交易额\" and capital in [\"capital\"], not in the accounts fenhong keeps (trade; capital, reserve, subsidy): its allocations' units cannot be held to the households' holdings")

        // Members: an update recorded late but dated earlier does not undo the later-dated one (6 at the record date, not 3).
        let updates: [EntryPayload] = [.householdUpdate(HouseholdUpdate(household: "152223-002", members: 6, date: LedgerDate("2024-06-01")!)),
                                       .householdUpdate(HouseholdUpdate(household: "152223-002", members: 3, date: LedgerDate("2024-03-01")!))]
        let byMembers: [String: JSONValue] = ["basis": .string("member"), "method": .string("rate-per-unit"), "rate": .integer(100)]
        #expect(codes(declare(byMembers, pool: 800, [("152223-001", 2, 200), ("152223-002", 6, 600)]), base: base + updates).isEmpty)
        // The planner reads them so too (one reading of both).
        var held = RecordDateHoldings<String>(recordDate: day)
        held.register("152223-002", date: founded, members: 4, poor: false)
        held.update("152223-002", date: LedgerDate("2024-06-01")!, members: 6, poor: nil)
        held.update("152223-002", date: LedgerDate("2024-03-01")!, members: 3, poor: nil)
        #expect(held.households["152223-002"]?.members == 6)
        // Units past 64 bits (a forger's issues, each `too-large` once the holding passes 2^53)
        // and weights as large as a body holds are judged without a trap, read as they stand or replayed.
        let huge = (0..<1_100).map { _ in
            EntryPayload.sharesIssue(SharesChange(holder: "152223-001", shareClass: "poverty", units: JSONValue.integerMagnitudeMax, date: founded, reason: "x"))
        }
        let exitAndBack: [EntryPayload] = [.householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: LedgerDate("2020-01-01")!)),
                                           .householdUpdate(HouseholdUpdate(household: "152223-001", poor: true, date: LedgerDate("2021-01-01")!))]
        let heavy: [String: JSONValue] = ["basis": .string("units"), "classes": .object(["poverty": .integer(JSONValue.integerMagnitudeMax), "member": .integer(1)])]
        for extra in [[], exitAndBack] {
            let found = codes(declare(heavy, pool: 100, [("152223-001", 1, 100)]), base: base + huge + extra)
            #expect(found.contains { $0.code == .tooLarge } && found.contains { $0.code == .allocationUnits })
        }
        // By a rate, a household left out: its part was not given to anyone.
        #expect(codes(declare(byMembers, pool: 800, residual: 600, [("152223-001", 2, 200)]), base: base + updates).map(\.detail)
                == ["household 152223-002 has no allocation in distribution A, but it had 6 members at the record date 2024-12-20: its part was left undistributed"])
    }

    /// A verifier holds a forged ledger to the cooperatives' periods as the store does: one
    /// declared before a standing one's record date, or withdrawn under a later one, is
    /// `settled-date`; and thirty registered-poor households left out of a minimum are said in
    /// twenty sentences and a count, not thirty.
    @Test func cooperativePeriodsAndBoundedReports() {
        let day = EntrySamples.day
        func coop(_ id: String, _ recordDate: LedgerDate) -> EntryPayload {
            .dividendDeclare(DividendDeclaration(id: id, recordDate: recordDate, distributable: .zero, appropriations: [], pool: .zero,
                                                 rule: ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(0)].merging(accounts) { $1 },
                                                 allocated: .zero, residual: .zero))
        }
        let found = codes([coop("Y", day), coop("H", day.adding(days: -100)), .entryReverse(Reversal(target: 3, reason: "撤回"))], base: opened)
        #expect(found.map(\.code) == [.settledDate, .settledDate], "\(found)")
        #expect(found.map(\.seq) == [3, 4])
        // 陈梅 (2 members) is owed the minimum; so are thirty more registered-poor households.
        let poor = (10..<40).map { n in
            EntryPayload.householdRegister(HouseholdRegistration(household: "152223-0\(n)", head: "户", members: 1, poor: true, idMasked: "152223********0000",
                                                                 account: "****0000", date: EntrySamples.chenMei.date))
        }
        let minimum = EntryPayload.dividendDeclare(DividendDeclaration(id: "M", recordDate: day, distributable: Fen(100), appropriations: [], pool: Fen(100),
                                                                       rule: ["basis": .string("household"), "minimum": .integer(1)], allocated: Fen(100), residual: .zero))
        let left = codes([minimum, .dividendAllocate(DividendAllocation(id: "M", household: "152223-001", units: 1, amount: Fen(100)))], base: opened + poor)
            .filter { $0.code == .allocationSplit }
        #expect(left.count == 21 && left.last?.detail.hasPrefix("and 10 more registered-poor households with no allocation in distribution M") == true, "\(left.last?.detail ?? "")")
    }

    /// The sample chain, one entry of every kind, breaks no rule.
    @Test func samplesAreValid() {
        var payloads = EntrySamples.everyKind
        payloads.removeAll { if case .householdUpdate = $0 { true } else { false } }
        #expect(codes(payloads).isEmpty)
    }

    /// Where the ledger keeps the collective's income, a distribution takes no more than the
    /// income recorded and not yet distributed (不得举债分配): expenses, earlier distributions
    /// (less what they left undistributed) and reversed income count; a withdrawn distribution
    /// gives its part back. A ledger that records no income is not judged.
    @Test func distributionsArePaidFromIncome() {
        let day = EntrySamples.day
        func income(_ fen: Int64) -> EntryPayload { .incomeRecord(CashFlow(amount: Fen(fen), category: "投资收益", counterparty: "合作社", date: day)) }
        func expense(_ fen: Int64) -> EntryPayload { .expenseRecord(CashFlow(amount: Fen(fen), category: "管理费用", counterparty: "村委会", date: day)) }
        func declare(_ id: String, _ distributable: Int64, residual: Int64 = 0) -> [EntryPayload] {
            [.dividendDeclare(DividendDeclaration(id: id, recordDate: day, distributable: Fen(distributable), appropriations: [],
                                                  pool: Fen(distributable),
                                                  // What a rate leaves undistributed: 1 household at the rate allocated.
                                                  rule: residual == 0 ? ["basis": .string("household")]
                                                      : ["basis": .string("household"), "method": .string("rate-per-unit"), "rate": .integer(distributable - residual)],
                                                  allocated: Fen(distributable - residual), residual: Fen(residual))),
             .dividendAllocate(DividendAllocation(id: id, household: "152223-001", units: 1, amount: Fen(distributable - residual)))]
        }
        // 1,000.00 in, 100.00 out: 900.00 may be distributed, not 900.01.
        #expect(codes(declare("A", 90_000), base: opened + [income(100_000), expense(10_000)]).isEmpty)
        let borrowed = codes(declare("A", 90_001), base: opened + [income(100_000), expense(10_000)])
        #expect(borrowed.map(\.code) == [.borrowedDistribution])
        #expect(borrowed.first?.seq == 4)
        #expect(borrowed.first?.detail.hasPrefix("distribution A takes 900.01 from income, but only 900.00 of the income recorded is not yet distributed") == true)
        // What a rate leaves undistributed stays: 400.00 taken of 500.00, 600.00 left for the next.
        #expect(codes(declare("A", 50_000, residual: 10_000) + declare("B", 60_000), base: opened + [income(100_000)]).isEmpty)
        #expect(codes(declare("A", 50_000) + declare("B", 60_000), base: opened + [income(100_000)]).map(\.code) == [.borrowedDistribution])
        // Income reversed is not there to distribute; a distribution withdrawn gives its part back.
        #expect(codes([.entryReverse(Reversal(target: 2, reason: "记错"))] + declare("A", 1), base: opened + [income(100_000)]).map(\.code)
                == [.borrowedDistribution])
        #expect(codes(declare("A", 100_000) + [.entryReverse(Reversal(target: 3, reason: "撤销"))] + declare("B", 100_000),
                      base: opened + [income(100_000)]).isEmpty)
        // Spent beyond its income: nothing is left, and the refusal says by how much.
        #expect(codes(declare("A", 1), base: opened + [income(100), expense(400)]).first?.detail
                .hasPrefix("distribution A takes 0.01 from income, but none of the income recorded is left: expenses and earlier distributions exceed it by 3.00") == true)
        // A forged ledger's expenses beyond 64 bits are counted without trapping.
        let beyond = codes(Array(repeating: expense(Fen.max.value), count: 10_000) + declare("A", 1), base: opened + [income(1)])
        #expect(beyond.map(\.code) == [.borrowedDistribution])
        // A ledger of distributions alone, its income kept in other books, cannot tell.
        #expect(codes(declare("A", 100_000), base: opened).isEmpty)
    }

    /// A duplicate household, an unknown household and negative shares are each named with the entry at fault.
    @Test func householdAndShareRules() {
        let day = EntrySamples.day
        let found = codes([
            .householdRegister(EntrySamples.chenMei),
            .sharesIssue(SharesChange(holder: "152223-999", shareClass: "member", units: 1, date: day, reason: "x")),
            .sharesRetire(SharesChange(holder: "152223-001", shareClass: "member", units: 1, date: day, reason: "x")),
        ], base: opened)
        #expect(found.map(\.code) == [.duplicateHousehold, .unknownHousehold, .negativeShares])
        #expect(found.map(\.seq) == [2, 3, 4])
    }

    /// Totals a forged ledger pushes beyond 64 bits are reported, never trapped on: a holding
    /// beyond 2^53−1 units (the largest a body holds, so the largest an allocation can write),
    /// and ten thousand allocations and payments of the largest amount.
    @Test func totalsBeyondSixtyFourBitsAreReported() {
        let day = EntrySamples.day
        let issue = { (units: Int64) in
            EntryPayload.sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: units, date: day, reason: "x"))
        }
        let issues = codes([issue(JSONValue.integerMagnitudeMax), issue(1), issue(JSONValue.integerMagnitudeMax)], base: opened)
        #expect(issues.map(\.code) == [.tooLarge, .tooLarge])
        #expect(issues.map(\.seq) == [3, 4])

        let declare = EntrySamples.everyKind.first { $0.kind == .dividendDeclare }!
        let allocate = { (household: String) in
            EntryPayload.dividendAllocate(DividendAllocation(id: "2024", household: household, units: 10, amount: Fen.max))
        }
        let allocations = codes([declare] + (0..<10_000).map { allocate("x\($0)") }, base: opened)
        // (陈梅, the one household registered, is left out: `allocation-units`.)
        #expect(Set(allocations.map(\.code)) == [.unknownHousehold, .allocationSum, .allocationUnits])
        #expect(allocations.filter { $0.code == .allocationSum }.count >= 10_000)
        let pay = EntryPayload.dividendPay(DividendPayment(id: "2024", household: "152223-001", amount: Fen.max, channel: .cash,
                                                           account: "cash", reference: "V1", date: day))
        let payments = codes([declare, allocate("152223-001")] + Array(repeating: pay, count: 10_000), base: opened)
        #expect(payments.filter { $0.code == .overpayment }.count == 9_999)
    }

    /// Nothing about a household may take effect before it was registered: not a share issue,
    /// not the receiving end of a transfer, not an update.
    @Test func nothingBeforeRegistration() {
        let registered = EntrySamples.chenMei.date
        let before = LedgerDate("2017-01-01")!
        let found = codes([
            .sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 2, date: before, reason: "x")),
            .sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 2, date: registered, reason: "x")),
            .householdUpdate(HouseholdUpdate(household: "152223-001", members: 3, date: before)),
            .sharesIssue(SharesChange(holder: "collective", shareClass: "collective", units: 2, date: before, reason: "x")),
        ], base: opened)
        #expect(found.map(\.code) == [.datedBeforeRegistration, .datedBeforeRegistration])
        #expect(found.map(\.seq) == [2, 4])
        #expect(found.first?.detail == "household 152223-001 was registered on \(registered); an entry about it dated \(before) comes before that")
    }

    /// Distribution 2024, by shares of `classes` (weights), of holdings as of 2024-12-20.
    private func declared(_ classes: [String: Int64]) -> EntryPayload {
        .dividendDeclare(DividendDeclaration(id: "2024", recordDate: EntrySamples.day, distributable: Fen(1_000), appropriations: [], pool: Fen(1_000),
                                             rule: ["basis": .string("units"), "classes": .object(classes.mapValues { .integer($0) })],
                                             allocated: Fen(1_000), residual: .zero))
    }

    /// Once a distribution is declared on the register as of its record date, nothing it counted
    /// may be dated on or before that day: not a share entry of a class it weighed, not an
    /// update. After it, anything may.
    @Test func declaredRecordDatesAreSettled() {
        let declare = declared(["member": 1])
        let recordDate = LedgerDate("2024-12-20")!
        let found = codes([
            declare,
            .sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 1, date: recordDate, reason: "x")),
            .householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: LedgerDate("2024-06-30")!)),
            .sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 1, date: LedgerDate("2024-12-21")!, reason: "x")),
        ], base: opened)
        #expect(found.filter { $0.code == .settledDate }.map(\.seq) == [3, 4])
        #expect(found.filter { $0.code == .settledDate }.map(\.detail) == [
            "distribution 2024 was declared on holdings as of 2024-12-20; a share change dated 2024-12-20 would alter them (date it after 2024-12-20; "
                + "if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)",
            "distribution 2024 was declared on households as of 2024-12-20; a change dated 2024-06-30 would alter them (date it after 2024-12-20; "
                + "if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)",
        ])
    }

    /// A change of members alone is settled only by a distribution by members: a birth registered
    /// late, dated before a distribution by shares, is recorded (it had been refused as altering
    /// it); dated before one by members, it is refused, naming it.
    @Test func membersAreSettledOnlyByMembers() {
        let born = EntryPayload.householdUpdate(HouseholdUpdate(household: "152223-001", members: 3, date: LedgerDate("2024-06-01")!))
        let settled = { (found: [RuleViolation]) in found.filter { $0.code == .settledDate } }
        #expect(settled(codes([declared(["member": 1]), born], base: opened)).isEmpty)
        let byMembers = EntryPayload.dividendDeclare(DividendDeclaration(
            id: "M", recordDate: EntrySamples.day, distributable: Fen(1_000), appropriations: [], pool: Fen(1_000),
            rule: ["basis": .string("member"), "method": .string("largest-remainder")], allocated: Fen(1_000), residual: .zero))
        #expect(settled(codes([byMembers, born], base: opened)).map(\.detail) == [
            "distribution M was divided by members as of 2024-12-20; a change of members dated 2024-06-01 would alter it (date it after 2024-12-20; "
                + "if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)"])
    }

    /// A share entry of a class no standing distribution counted changes nothing settled: dated
    /// before the record date of one by households, or by other classes (a weight of 0 counts
    /// none), it is recorded, and reversed — so that a household registered by mistake, its
    /// shares reversed, can be withdrawn. A class counted stays settled.
    @Test func uncountedClassesAreNotSettled() {
        let before = "2024-06-01"
        let issue = { (shareClass: String) in
            EntryPayload.sharesIssue(SharesChange(holder: "152223-001", shareClass: shareClass, units: 1, date: LedgerDate(before)!, reason: "x"))
        }
        let byHouseholds = EntrySamples.everyKind.first { $0.kind == .dividendDeclare }!
        let settled = { (found: [RuleViolation]) in found.filter { $0.code == .settledDate }.map(\.seq) }
        #expect(settled(codes([byHouseholds, issue("member"), .entryReverse(Reversal(target: 3, reason: "x"))], base: opened)) == [])
        let povertyOnly = declared(["poverty": 1, "member": 0])
        #expect(settled(codes([issue("member"), povertyOnly, issue("member"), .entryReverse(Reversal(target: 2, reason: "x")), issue("poverty")], base: opened)) == [6])
        #expect(settled(codes([issue("poverty"), povertyOnly, .entryReverse(Reversal(target: 2, reason: "x"))], base: opened)) == [4])
        // A cooperative counts its transactions and capital accounts, not other classes.
        let cooperative = EntryPayload.dividendDeclare(DividendDeclaration(
            id: "C", recordDate: EntrySamples.day, distributable: .zero, appropriations: [], pool: .zero,
            rule: ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(0)].merging(accounts) { $1 }, allocated: .zero, residual: .zero))
        #expect(settled(codes([cooperative, issue("member"), issue("capital"), issue("trade")], base: opened)) == [4, 5])
        // Of two that counted it, the one of the latest record date is named: the day to date a correction after.
        let later = EntryPayload.dividendDeclare(DividendDeclaration(
            id: "2025", recordDate: EntrySamples.day.adding(days: 365), distributable: Fen(1_000), appropriations: [], pool: Fen(1_000),
            rule: ["basis": .string("units"), "classes": .object(["member": .integer(1)])], allocated: Fen(1_000), residual: .zero))
        let named = codes([declared(["member": 1]), later, issue("member")], base: opened).first { $0.code == .settledDate }
        #expect(named?.detail.hasPrefix("distribution 2025 was declared on holdings as of 2025-12-20; a share change dated 2024-06-01 would alter them (date it after 2025-12-20;") == true,
                "\(String(describing: named))")
    }

    /// Under a guaranteed minimum, a household registered-poor as of a settled record date would
    /// have been owed it: refused; one registered not poor is not counted by a distribution by shares.
    @Test func registeredPoorIntoASettledMinimum() {
        let day = EntrySamples.day
        let declare: [EntryPayload] = [
            .dividendDeclare(DividendDeclaration(id: "M", recordDate: day, distributable: Fen(1_000), appropriations: [], pool: Fen(1_000),
                                                 rule: ["basis": .string("units"), "classes": .object(["member": .integer(1)]), "minimum": .integer(100)],
                                                 allocated: Fen(1_000), residual: .zero)),
            .dividendAllocate(DividendAllocation(id: "M", household: "152223-001", units: 1, amount: Fen(1_000))),
        ]
        func late(_ poor: Bool) -> EntryPayload {
            .householdRegister(HouseholdRegistration(household: "152223-009", head: "晚", members: 1, poor: poor, idMasked: "152223********0000",
                                                     account: "****0000", date: day.adding(days: -30)))
        }
        let held = opened + [.sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 1, date: EntrySamples.chenMei.date, reason: "折股"))]
        #expect(codes(declare + [late(true)], base: held).map(\.code) == [.settledDate])
        #expect(codes(declare + [late(false)], base: held).isEmpty)
    }

    /// No holding may fall below zero on any day, judged in date order, not in the order the
    /// entries were written: a retirement dated before the issue it retires takes what was not
    /// there yet. In date order the same kind of entries pass.
    @Test func holdingsAreJudgedDayByDay() {
        func change(_ units: Int64, _ date: String) -> SharesChange {
            SharesChange(holder: "152223-001", shareClass: "member", units: units, date: LedgerDate(date)!, reason: "x")
        }
        let issue = { EntryPayload.sharesIssue(change($0, $1)) }
        let retire = { EntryPayload.sharesRetire(change($0, $1)) }

        let beforeIssue = codes([issue(2, "2024-03-01"), retire(1, "2024-01-01")], base: opened)
        #expect(beforeIssue.map(\.code) == [.negativeShares])
        #expect(beforeIssue.map(\.seq) == [3])
        #expect(beforeIssue.first?.detail == "152223-001 held 0 units of class member on 2024-01-01; taking 1 on 2024-01-01 would leave it short that day")

        // Enough units now, too few on its own day.
        let short = codes([issue(5, "2024-01-01"), issue(5, "2024-06-01"), retire(8, "2024-03-01")], base: opened)
        #expect(short.map(\.seq) == [4])
        #expect(short.first?.detail == "152223-001 held 5 units of class member on 2024-03-01; taking 8 on 2024-03-01 would leave it short that day")

        // Enough on its own day, but a retirement dated later is left short.
        let later = codes([issue(5, "2024-01-01"), retire(3, "2024-06-01"), issue(5, "2024-09-01"), retire(4, "2024-03-01")], base: opened)
        #expect(later.map(\.seq) == [5])
        #expect(later.first?.detail == "152223-001 held 2 units of class member on 2024-06-01; taking 4 on 2024-03-01 would leave it short that day")

        // Out of the order written, but never short on any day.
        #expect(codes([issue(5, "2024-06-01"), issue(5, "2024-01-01"), retire(8, "2024-06-01"), retire(2, "2024-01-01")], base: opened).isEmpty)

        // Undoing an issue takes its units back on its own day.
        let undone = codes([issue(5, "2024-01-01"), retire(3, "2024-06-01"), issue(5, "2024-09-01"),
                            .entryReverse(Reversal(target: 2, reason: "x"))], base: opened)
        #expect(undone.map(\.code) == [.negativeShares])
        #expect(undone.first?.detail == "reversing entry 2: 152223-001 held 2 units of class member on 2024-06-01; taking 5 on 2024-01-01 would leave it short that day")
    }

    /// Undoing a share change dated on or before a declared distribution's record date would
    /// change the holdings it was divided by: refused, as a change dated then is.
    @Test func reversalsRespectSettledDates() {
        let declare = declared(["member": 1])
        let issue = { (date: String) in
            EntryPayload.sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 1, date: LedgerDate(date)!, reason: "x"))
        }
        let found = codes([issue("2024-06-01"), declare, .entryReverse(Reversal(target: 2, reason: "x")),
                           issue("2024-12-21"), .entryReverse(Reversal(target: 5, reason: "x"))], base: opened)
        #expect(found.filter { $0.code == .settledDate }.map(\.seq) == [4])
        #expect(found.first { $0.code == .settledDate }?.detail
                == "distribution 2024 was declared on holdings as of 2024-12-20; reversing entry 2, a share change dated 2024-06-01, would alter them (record the correction as a share entry dated after 2024-12-20; "
                   + "if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)")
    }

    /// Paying more than is owed, or a household never allocated, is refused.
    @Test func paymentRules() {
        let declare = EntrySamples.everyKind.first { $0.kind == .dividendDeclare }!
        let allocate = EntrySamples.everyKind.first { $0.kind == .dividendAllocate }!
        let pay = { (amount: Int64, household: String) in
            EntryPayload.dividendPay(DividendPayment(id: "2024", household: household, amount: Fen(amount), channel: .cash,
                                                     account: "cash", reference: "V1", date: EntrySamples.day))
        }
        let found = codes([declare, allocate, pay(1_440_000, "152223-001"), pay(1, "152223-001"), pay(1, "152223-002")], base: opened)
        #expect(found.map(\.code) == [.overpayment, .unknownHousehold])
        #expect(found.map(\.seq) == [5, 6])
        #expect(found.last?.detail == "household 152223-002 is not registered")
        // Registered, and given no allocation (which a distribution by households should have
        // given it: allocation-units): owed nothing.
        var other = EntrySamples.chenMei
        (other.household, other.head, other.idMasked) = ("152223-002", "包金山", "152223********3456")
        let unowed = codes([.householdRegister(other), declare, allocate, pay(1, "152223-002")], base: opened)
        #expect(unowed.map(\.code) == [.allocationUnits, .notAllocated], "\(unowed)")
        #expect(unowed.last?.detail == "household 152223-002 is owed nothing by distribution 2024")
        #expect(found.first?.detail == "household 152223-001 has been paid all it is owed by distribution 2024 (14,400.00); 0.01 more is an overpayment")
        let partly = codes([declare, allocate, pay(1_000_000, "152223-001"), pay(440_001, "152223-001")], base: opened)
        #expect(partly.first?.detail == "household 152223-001 is owed 4,400.00 by distribution 2024, not 4,400.01")
        // Dated before the record date (2024-12-20 in the sample declaration): a typo in the year.
        let early = EntryPayload.dividendPay(DividendPayment(id: "2024", household: "152223-001", amount: Fen(1), channel: .cash,
                                                             account: "cash", reference: "V2", date: LedgerDate("2023-12-20")!))
        let dated = codes([declare, allocate, early], base: opened)
        #expect(dated.map(\.code) == [.paidBeforeRecordDate])
        #expect(dated.first?.detail == "a payment dated 2023-12-20 comes before distribution 2024's record date 2024-12-20")
    }

    /// A cooperative returns at least ⌈60%⌉ of its pool by transactions (or its charter's higher
    /// rate), and no more than the pool (Art. 44).
    @Test func cooperativeRebate() {
        func declare(pool: Int64, rebate: Int64?, bp: Int64 = 6_000) -> EntryPayload {
            var rule: [String: JSONValue] = ["basis": .string("cooperative"), "rebateBp": .integer(bp)]
            if let rebate { rule["rebate"] = .integer(rebate) }
            return .dividendDeclare(DividendDeclaration(id: "C", recordDate: EntrySamples.day, distributable: Fen(pool), appropriations: [],
                                                        pool: Fen(pool), rule: rule, allocated: Fen(pool), residual: .zero))
        }
        let found = { (payload: EntryPayload) in self.codes([payload], base: self.opened).filter { $0.code == .cooperativeRebate } }
        #expect(found(declare(pool: 1_234_567, rebate: 740_741)).isEmpty)  // ⌈60% of 12,345.67⌉ = 7,407.41
        #expect(found(declare(pool: 1_234_567, rebate: 740_740)).first?.detail
                == "distribution C returns 7,407.40 by transactions; at 60.00% of its pool 12,345.67 it must return at least 7,407.41 (rounded up to the fen) and at most the pool (Art. 44)")
        #expect(found(declare(pool: 1_000, rebate: 700, bp: 7_500)).count == 1)
        #expect(found(declare(pool: 1_000, rebate: 1_001)).count == 1)
        #expect(found(declare(pool: 1_000, rebate: 1_000, bp: 5_999)).first?.detail
                == "distribution C records a rebate rate of 5999 bp; Art. 44 requires 6000–10000 bp (60%–100%)")
        #expect(found(declare(pool: 1_000, rebate: nil)).count == 1)
        // More returned by transactions than allocated at all.
        var allocatedLittle = DividendDeclaration(id: "C", recordDate: EntrySamples.day, distributable: Fen(1_000), appropriations: [],
                                                  pool: Fen(1_000), rule: ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(600)],
                                                  allocated: Fen(100), residual: Fen(900))
        #expect(found(.dividendDeclare(allocatedLittle)).first?.detail == "distribution C returns 6.00 by transactions, more than the 1.00 it allocates")
        allocatedLittle.allocated = Fen(600)
        allocatedLittle.residual = Fen(400)
        #expect(found(.dividendDeclare(allocatedLittle)).isEmpty)
    }

    /// A cooperative member's allocation records its return by transactions: only a
    /// cooperative's may, and they add up to the declared rebate, no more and at the end no less.
    @Test func cooperativeReturnsAddUpToTheRebate() throws {
        let declare = EntryPayload.dividendDeclare(DividendDeclaration(
            id: "C", recordDate: EntrySamples.day, distributable: Fen(1_000), appropriations: [], pool: Fen(1_000),
            rule: ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(600)].merging(accounts) { $1 }, allocated: Fen(1_000), residual: .zero))
        // 陈梅's capital account of 0.01, which her allocations record.
        let opened = self.opened + [.sharesIssue(SharesChange(holder: "152223-001", shareClass: "capital", units: 1, date: EntrySamples.chenMei.date, reason: "出资"))]
        let allocate = { (rebate: Int64?) -> EntryPayload in
            EntryPayload.dividendAllocate(DividendAllocation(id: "C", household: "152223-001", units: 3_000, amount: Fen(1_000), rebate: rebate.map { Fen($0) },
                                                             capital: rebate == nil ? nil : 1))
        }
        #expect(codes([declare, allocate(600)], base: opened).isEmpty)
        #expect(codes([declare, allocate(nil)], base: opened).map(\.code) == [.allocationSplit], "a cooperative's allocation records its return")
        let over = codes([declare, allocate(700)], base: opened)
        #expect(over.map(\.code) == [.cooperativeRebate, .cooperativeRebate])
        #expect(over.map(\.detail) == ["the returns by transactions of distribution C reach 7.00, more than the declared 6.00",
                                       "the allocations of distribution C return 7.00 by transactions, the declaration says 6.00"])
        #expect(codes([declare, allocate(500)], base: opened).map(\.detail) == ["the allocations of distribution C return 5.00 by transactions, the declaration says 6.00"])
        // Not a cooperative's distribution: no return by transactions.
        let units = EntrySamples.everyKind.first { $0.kind == .dividendDeclare }!
        let stray = EntryPayload.dividendAllocate(DividendAllocation(id: "2024", household: "152223-001", units: 1, amount: Fen(1_440_000), rebate: Fen(1)))
        #expect(codes([units, stray], base: opened).map(\.code) == [.cooperativeRebate])
        // More returned than the member is owed does not decode.
        var reader = FieldReader(kind: "dividend.allocate", members: ["id": .string("C"), "household": .string("152223-001"), "units": .integer(1),
                                                                     "amount": .integer(100), "rebate": .integer(101)])
        #expect(throws: EntryError.self) { try DividendAllocation(reading: &reader) }
    }

    /// Allocations that do not add up to the declaration are reported at the declaration.
    @Test func allocationSum() {
        let declare = EntrySamples.everyKind.first { $0.kind == .dividendDeclare }!
        let short = EntryPayload.dividendAllocate(DividendAllocation(id: "2024", household: "152223-001", units: 1, amount: Fen(1_439_999)))
        let found = codes([declare, short], base: opened)
        #expect(found.map(\.code) == [.allocationSum])
        #expect(found.first?.seq == 2)
    }

    /// A reversal must name an earlier, reversible entry, once; reversing a payment restores what is owed.
    @Test func reversalRules() {
        let income = EntryPayload.incomeRecord(CashFlow(amount: Fen(100), category: "投资收益", counterparty: "x", date: EntrySamples.day))
        let found = codes([
            income,
            .entryReverse(Reversal(target: 2, reason: "typo")),
            .entryReverse(Reversal(target: 2, reason: "again")),
            .entryReverse(Reversal(target: 0, reason: "not reversible")),
            .entryReverse(Reversal(target: 99, reason: "missing")),
            .entryReverse(Reversal(target: 3, reason: "a reversal of a reversal")),
        ], base: opened)
        #expect(found.map(\.code) == [.doubleReversal, .irreversible, .missingTarget, .irreversible])
    }

    /// A declaration is withdrawn by reversing it, once none of its payments stands: nothing is
    /// owed by it after, nothing more is allocated or paid by it, its id is not declared again,
    /// and the record date it settled may be corrected.
    @Test func withdrawnDeclarations() {
        let declare = EntrySamples.everyKind.first { $0.kind == .dividendDeclare }!      // seq 2, record date 2024-12-20
        let allocate = EntrySamples.everyKind.first { $0.kind == .dividendAllocate }!    // seq 3
        let pay = EntryPayload.dividendPay(DividendPayment(id: "2024", household: "152223-001", amount: Fen(100), channel: .cash,
                                                           account: "cash", reference: "V1", date: EntrySamples.day))  // seq 4
        let early = EntryPayload.sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 1,
                                                          date: LedgerDate("2024-06-01")!, reason: "x"))
        let withStanding = codes([declare, allocate, pay, .entryReverse(Reversal(target: 2, reason: "wrong pool"))], base: opened)
        #expect(withStanding.map(\.code) == [.paymentsStanding])
        #expect(withStanding.first?.detail == "distribution 2024 has 1.00 paid that is not reversed (entry 4); reverse its payments before its declaration")

        var state = LedgerState()
        var found = [RuleViolation]()
        for entry in EntrySamples.chain(opened + [declare, allocate, pay, .entryReverse(Reversal(target: 4, reason: "x")),
                                                  .entryReverse(Reversal(target: 2, reason: "wrong pool")), early, pay, declare]) {
            found += state.apply(entry)
        }
        #expect(found.map(\.code) == [.undeclaredDistribution, .duplicateDistribution])
        #expect(found.map(\.seq) == [8, 9])
        #expect(found.first?.detail == "distribution 2024 was withdrawn by entry 6; nothing is owed by it")
        #expect(found.last?.detail == "distribution 2024 was already declared, and withdrawn by entry 6; declare the correction under a new id")
        #expect(state.distributions["2024"]?.withdrawnBy == 6)
        #expect(state.unfinishedDistributions().isEmpty)
    }

    /// A household registered by mistake is withdrawn by reversing its registration, once every
    /// share entry naming it is reversed and no standing distribution allocated to it; nothing
    /// may name it after until its number is registered again (so a withdrawal made by mistake
    /// is undone), and then its history starts afresh.
    @Test func withdrawnRegistrations() {
        let wrong = HouseholdRegistration(household: "152223-610", head: "陈梅", members: 2, poor: true,
                                          idMasked: "152223********1234", account: "****5678", date: LedgerDate("2019-01-05")!)
        let issue = EntryPayload.sharesIssue(SharesChange(holder: "152223-610", shareClass: "member", units: 3, date: EntrySamples.day, reason: "x"))
        let retire = EntryPayload.sharesRetire(SharesChange(holder: "152223-610", shareClass: "member", units: 3, date: EntrySamples.day, reason: "x"))
        func withdraw(_ seq: Int64, on date: String? = nil) -> EntryPayload {
            .entryReverse(Reversal(target: seq, reason: "wrong number", date: date.flatMap(LedgerDate.init)))
        }
        // Registered at seq 2, shares issued at 3: not withdrawn while the issue stands, nor once
        // retired (it held them: a distribution then counted them, and reversing the retirement
        // would give a household withdrawn its shares back); once the issue is reversed, it is.
        let holding = codes([.householdRegister(wrong), issue, withdraw(2)], base: opened)
        #expect(holding.map(\.code) == [.householdStanding])
        #expect(holding.first?.detail == "household 152223-610 is named by a share entry not reversed; reverse it (fenhong log --household 152223-610 lists them) before withdrawing its registration")
        let retired = codes([.householdRegister(wrong), issue, retire, withdraw(2)], base: opened)
        #expect(retired.map(\.code) == [.householdStanding])
        #expect(retired.first?.detail.hasPrefix("household 152223-610 is named by 2 share entries not reversed; reverse them") == true)
        #expect(codes([.householdRegister(wrong), issue, .entryReverse(Reversal(target: 3, reason: "x")), withdraw(2)], base: opened).isEmpty)

        // Allocated by a standing distribution: it must be withdrawn first.
        let declare = EntryPayload.dividendDeclare(DividendDeclaration(
            id: "2024", recordDate: EntrySamples.day, distributable: Fen(200), appropriations: [], pool: Fen(200),
            rule: ["basis": .string("household"), "method": .string("largest-remainder")], allocated: Fen(200), residual: .zero))
        let allocated: [EntryPayload] = [.householdRegister(wrong), declare,
                                         .dividendAllocate(DividendAllocation(id: "2024", household: "152223-001", units: 1, amount: Fen(100))),
                                         .dividendAllocate(DividendAllocation(id: "2024", household: "152223-610", units: 1, amount: Fen(100)))]
        let standing = codes(allocated + [withdraw(2)], base: opened)
        #expect(standing.map(\.code) == [.householdStanding])
        #expect(standing.first?.detail.hasPrefix("household 152223-610 has an allocation in distribution 2024, which stands;") == true)
        #expect(codes(allocated + [withdraw(3), withdraw(2)], base: opened).isEmpty)

        // Withdrawn: nothing names it until it is registered again, a registration is withdrawn
        // once, the second registration may be withdrawn in turn, and a reversal is dated no
        // earlier than the registration.
        let update = EntryPayload.householdUpdate(HouseholdUpdate(household: "152223-610", members: 3, date: EntrySamples.day, reason: "x"))
        let after = codes([.householdRegister(wrong), withdraw(2), issue, update, .householdRegister(wrong), withdraw(2), update, withdraw(6)], base: opened)
        // (The issue refused at 4, applied all the same by a verifier, stands at 9.)
        #expect(after.map(\.code) == [.unknownHousehold, .unknownHousehold, .doubleReversal, .householdStanding])
        #expect(after.map(\.seq) == [4, 5, 7, 9])
        #expect(after.first?.detail == "household 152223-610 is not registered: its registration was withdrawn by entry 3")
        #expect(codes([.householdRegister(wrong), withdraw(2, on: "2019-01-04")], base: opened).map(\.code) == [.reversalDate])
        #expect(codes([.householdRegister(wrong), withdraw(2, on: "2019-01-05")], base: opened).isEmpty)

        // The same person under the right number: registered as any household is; the wrong
        // number registered again (a withdrawal undone) is registered as it is now.
        var right = wrong
        right.household = "152223-061"
        var again = wrong
        again.members = 5
        var state = LedgerState(replayingEverything: true)
        for entry in EntrySamples.chain(opened + [.householdRegister(wrong), withdraw(2), .householdRegister(right)]) {
            #expect(state.apply(entry).isEmpty)
        }
        #expect(!state.isRegistered("152223-610") && state.isRegistered("152223-061"))
        #expect(state.households["152223-610"] == nil && state.households["152223-061"] != nil)
        #expect(state.withdrawal(of: "152223-610") == 3 && state.withdrawal(of: "152223-061") == nil)
        for entry in EntrySamples.chain(opened + [.householdRegister(wrong), withdraw(2), .householdRegister(right), .householdRegister(again)]).suffix(1) {
            #expect(state.apply(entry).isEmpty)
        }
        #expect(state.isRegistered("152223-610") && state.withdrawal(of: "152223-610") == nil)
        #expect(state.households["152223-610"]?.registration.members == 5)
    }

    /// A registration is found again by its seq however far it lies (a verifier keeps a seq and a
    /// household in one word, and the rare one beyond it apart).
    @Test func registrationsBeyondOneWordAreWithdrawnToo() {
        var state = LedgerState(replayingEverything: true)
        let opened = EntrySamples.chain([.ledgerOpen(EntrySamples.open)])[0]
        #expect(state.apply(opened).isEmpty)
        let far: Int64 = 1 << 41
        for (seq, payload) in [(far, EntryPayload.householdRegister(EntrySamples.chenMei)),
                               (far + 1, .entryReverse(Reversal(target: far, reason: "wrong number")))] {
            #expect(state.apply(Entry(seq: seq, prev: .zero, at: EntrySamples.time, by: EntrySamples.accountant.id, payload: payload)).isEmpty)
        }
        #expect(!state.isRegistered("152223-001") && state.withdrawal(of: "152223-001") == far + 1)
    }

    /// Only enrolled, unretired accountant keys may record entries.
    @Test func keyRules() throws {
        var state = LedgerState()
        let entries = EntrySamples.chain(opened)
        for entry in entries { #expect(state.apply(entry).isEmpty) }
        let stranger = try NoteSigner.generate(name: "stranger", algorithm: .ed25519)
        let forged = Entry(seq: 2, prev: .zero, at: EntrySamples.time, by: stranger.id,
                           payload: .incomeRecord(CashFlow(amount: Fen(1), category: "c", counterparty: "x", date: EntrySamples.day)))
        #expect(state.apply(forged).map(\.code) == [.unknownKey])
        let retireSelf = Entry(seq: 3, prev: .zero, at: EntrySamples.time, by: EntrySamples.accountant.id,
                               payload: .keyRetire(KeyChange(key: EntrySamples.accountant.verifier.vkey, role: .accountant)))
        #expect(state.apply(retireSelf).map(\.code) == [.selfRetire])
    }

    /// A body whose seq comes before its key was added (a forged or reordered copy) is named as
    /// such; a fuzzed bundle had stopped the verifier on it (a key not retired has no retirement
    /// to name).
    @Test func entryBeforeItsKeyIsNamed() throws {
        var state = LedgerState(replayingEverything: true)
        let deputy = try NoteSigner.generate(name: "deputy", algorithm: .ed25519)
        for entry in EntrySamples.chain(opened + [.keyAdd(KeyChange(key: deputy.verifier.vkey, role: .accountant))]) { #expect(state.apply(entry).isEmpty) }
        let early = Entry(seq: 1, prev: .zero, at: EntrySamples.time, by: deputy.id,
                          payload: .incomeRecord(CashFlow(amount: Fen(1), category: "c", counterparty: "x", date: EntrySamples.day)))
        #expect(state.apply(early).map(\.description) == ["entry 1: key \(deputy.id) was added only at entry 2 and cannot record entry 1 [unknown-key]"])
    }

    /// Registered-poor status follows its effective dates (动态调整).
    @Test func poorStatusHasEffectiveDates() {
        var state = LedgerState()
        let exit = EntryPayload.householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: LedgerDate("2023-06-30")!, reason: "脱贫"))
        for entry in EntrySamples.chain(opened + [exit]) { state.apply(entry) }
        let record = state.households["152223-001"]!
        #expect(record.isPoor(on: LedgerDate("2022-12-31")!))
        #expect(!record.isPoor(on: LedgerDate("2023-06-30")!))
        #expect(!record.isPoor(on: LedgerDate("2017-01-01")!))
    }

    /// A backdated update changes the past, not the status now: the registration shows the status
    /// of the latest effective date.
    @Test func backdatedUpdateLeavesTheCurrentStatus() {
        var state = LedgerState()
        let exit = EntryPayload.householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: LedgerDate("2023-06-30")!))
        let correction = EntryPayload.householdUpdate(HouseholdUpdate(household: "152223-001", poor: true, date: LedgerDate("2020-01-01")!))
        for entry in EntrySamples.chain(opened + [exit, correction]) { state.apply(entry) }
        let record = state.households["152223-001"]!
        #expect(!record.registration.poor)
        #expect(record.isPoor(on: LedgerDate("2020-01-01")!))
        #expect(!record.isPoor(on: LedgerDate("2024-01-01")!))
    }
}
