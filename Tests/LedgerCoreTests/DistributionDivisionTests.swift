import LedgerCore
import Testing

/// How each distribution's pool was divided, as the rules split it again (``LedgerState/divisions``):
/// what a household's statement prints as the rate per share.
struct DistributionDivisionTests {
    /// 陈梅 (registered-poor) holds 1 member share, 包金山 2.
    private var base: [EntryPayload] {
        let second = HouseholdRegistration(household: "152223-002", head: "包金山", members: 4, poor: false,
                                           idMasked: "152223********3456", account: "****4321", date: EntrySamples.chenMei.date)
        func issue(_ household: String, _ units: Int64) -> EntryPayload {
            .sharesIssue(SharesChange(holder: household, shareClass: "member", units: units, date: EntrySamples.chenMei.date, reason: "折股"))
        }
        return [.ledgerOpen(EntrySamples.open), .householdRegister(EntrySamples.chenMei), .householdRegister(second),
                issue("152223-001", 1), issue("152223-002", 2)]
    }

    private func declare(_ rule: [String: JSONValue], pool: Int64, allocated: Int64? = nil, residual: Int64 = 0,
                         _ lines: [(String, Int64, Int64)], rebates: [Int64]? = nil, capitals: [Int64]? = nil) -> [EntryPayload] {
        [.dividendDeclare(DividendDeclaration(id: "A", recordDate: EntrySamples.day, distributable: Fen(pool), appropriations: [], pool: Fen(pool),
                                              rule: rule, allocated: Fen(allocated ?? pool - residual), residual: Fen(residual)))]
            + lines.enumerated().map { i, line in
                .dividendAllocate(DividendAllocation(id: "A", household: line.0, units: line.1, amount: Fen(line.2),
                                                     rebate: rebates.map { Fen($0[i]) }, capital: capitals?[i]))
            }
    }

    /// The divisions after `payloads`, and after one more entry has closed the last distribution.
    private func divisions(_ payloads: [EntryPayload]) -> (open: DistributionDivision?, closed: DistributionDivision?) {
        var state = LedgerState.judgingDivisions
        let entries = EntrySamples.chain(base + payloads + [.incomeRecord(CashFlow(amount: Fen(1), category: "其他", counterparty: "x", date: EntrySamples.day))])
        for entry in entries.dropLast() { _ = state.apply(entry) }
        let open = state.divisions["A"]
        _ = state.apply(entries.last!)
        return (open, state.divisions["A"])
    }

    private let byMembers: [String: JSONValue] = ["basis": .string("units"), "classes": .object(["member": .integer(1)]), "method": .string("largest-remainder")]

    @Test func byUnitsAfterTheMinimums() {
        // 1.00 to 陈梅, registered-poor; 999.00 by 3 units: 333.00 a unit, 334.00 and 666.00.
        let minimum = byMembers.merging(["minimum": .integer(100)]) { $1 }
        let found = divisions(declare(minimum, pool: 100_000, [("152223-001", 1, 33_400), ("152223-002", 2, 66_600)]))
        let expected = DistributionDivision(id: "A", minimum: Fen(100), minimumHouseholds: 1,
                                            part: .byUnits(divided: Fen(99_900), units: 3, collectiveUnits: 0), end: 8)
        #expect(found.open == expected)
        #expect(found.closed == expected)
    }

    @Test func theCollectivesUnitsAreCounted() {
        // The collective's 1 share among 4: 1,000.00 → 250.00, 500.00, and 250.00 kept.
        let collective: EntryPayload = .sharesIssue(SharesChange(holder: "collective", shareClass: "member", units: 1, date: EntrySamples.chenMei.date, reason: "集体股"))
        let found = divisions([collective] + declare(byMembers, pool: 100_000, residual: 25_000, [("152223-001", 1, 25_000), ("152223-002", 2, 50_000)]))
        #expect(found.closed?.part == .byUnits(divided: Fen(100_000), units: 4, collectiveUnits: 1))
        #expect(found.closed?.minimumHouseholds == 0 && found.closed?.end == 9)
    }

    @Test func atARateAndACooperatives() {
        let rate: [String: JSONValue] = ["basis": .string("member"), "method": .string("rate-per-unit"), "rate": .integer(5_800)]
        #expect(divisions(declare(rate, pool: 35_000, residual: 200, [("152223-001", 2, 11_600), ("152223-002", 4, 23_200)])).closed?.part
                == .atRate(Fen(5_800), units: 6, collectiveUnits: 0, undistributed: Fen(200)))
        // At 100.00 a share, the collective's 1 share among them: 400.00 paid, 100.00 of it kept
        // with the collective, 50.00 undistributed.
        let collective: EntryPayload = .sharesIssue(SharesChange(holder: "collective", shareClass: "member", units: 1, date: EntrySamples.chenMei.date, reason: "集体股"))
        let byMembersAtRate = byMembers.merging(["method": .string("rate-per-unit"), "rate": .integer(10_000)]) { $1 }
        #expect(divisions([collective] + declare(byMembersAtRate, pool: 45_000, residual: 15_000, [("152223-001", 1, 10_000), ("152223-002", 2, 20_000)])).closed?.part
                == .atRate(Fen(10_000), units: 4, collectiveUnits: 1, undistributed: Fen(5_000)))
        // 6.00 returned by transactions of 0.03 and 0.01; 4.00 by capital accounts of 0.01 and 0.03.
        let coop: [String: JSONValue] = ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(600),
                                         "method": .string("largest-remainder"), "transactionClass": .string("trade"),
                                         "capitalClasses": .array(["capital", "reserve", "subsidy"].map(JSONValue.string))]
        let found = divisions(declare(coop, pool: 1_000, [("152223-001", 3, 550), ("152223-002", 1, 450)], rebates: [450, 150], capitals: [1, 3]))
        #expect(found.closed?.part == .cooperative(rebate: Fen(600), transactions: 4, byCapital: Fen(400), capital: 4))
    }

    @Test func noneWhereTheAmountsContradictTheRule() {
        // 100.00 moved from 包金山 to 陈梅: the amounts do not follow the rule, no rate is known.
        #expect(divisions(declare(byMembers, pool: 100_000, [("152223-001", 1, 43_333), ("152223-002", 2, 56_667)])).closed == nil)
        // Allocations that do not add up to the declaration (`allocation-sum`).
        #expect(divisions(declare(byMembers, pool: 100_000, allocated: 100_000, [("152223-001", 1, 33_333)])).closed == nil)
        // A state that judges nothing (a store's for one command) learns none.
        var unchecked = LedgerState()
        for entry in EntrySamples.chain(base + declare(byMembers, pool: 100_000, [("152223-001", 1, 33_333), ("152223-002", 2, 66_667)])) {
            _ = unchecked.apply(entry, check: false)
        }
        #expect(unchecked.divisions.isEmpty)
    }
}
