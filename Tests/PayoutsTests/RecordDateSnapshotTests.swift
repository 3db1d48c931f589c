import LedgerCore
import Payouts
import Testing

/// Holdings and eligibility taken at the record date (动态调整).
struct RecordDateSnapshotTests {
    private let day = LedgerDate("2018-12-01")!

    private func register(_ h: String, poor: Bool) -> EntryPayload {
        .householdRegister(HouseholdRegistration(household: h, head: "户主", members: 2, poor: poor, idMasked: "152223********1234",
                                                 account: "****5678", date: day))
    }

    private func issue(_ h: String, _ shareClass: String, _ units: Int64, _ date: String) -> EntryPayload {
        .sharesIssue(SharesChange(holder: h, shareClass: shareClass, units: units, date: LedgerDate(date)!, reason: "x"))
    }

    private func entries(_ payloads: [EntryPayload]) -> [Entry] {
        payloads.enumerated().map { Entry(seq: Int64($0.offset), prev: .zero, at: LedgerTime("2024-01-01T00:00:00Z")!, by: KeyID(value: 1), payload: $0.element) }
    }

    /// The year's transaction volumes from a file stand in place of the volumes recorded in the
    /// ledger, not on top of them: counted once, and a member missing from the file has none.
    @Test func volumesFromAFileReplaceTheRecordedOnes() {
        let snapshot = RecordDateSnapshot(entries: entries([
            register("M1", poor: false), register("M2", poor: false),
            issue("M1", "trade", 30_000_000, "2019-06-01"), issue("M2", "trade", 10_000_000, "2019-06-01"), issue("M1", "capital", 1_500_000, "2019-06-01"),
        ]), recordDate: LedgerDate("2019-12-31")!)
        let holders = snapshot.holders(extraUnits: ["M1": ["trade": 30_000_000]])
        #expect(holders.map(\.units) == [["trade": 30_000_000, "capital": 1_500_000], [:]])
    }

    /// A household that falls back into poverty is not paid again on the poverty shares it held
    /// when it exited (their certificates were withdrawn, DOMAIN §3): only on those issued or
    /// passed to it since. Tidying the old ones away later takes from the withdrawn first.
    @Test func fallingBackIntoPovertyDoesNotRestoreOldShares() throws {
        func poor(_ flag: Bool, _ date: String) -> EntryPayload {
            .householdUpdate(HouseholdUpdate(household: "152223-001", poor: flag, date: LedgerDate(date)!))
        }
        let retire = EntryPayload.sharesRetire(SharesChange(holder: "152223-001", shareClass: "poverty", units: 10, date: LedgerDate("2021-07-01")!, reason: "收回"))
        let base: [EntryPayload] = [register("152223-001", poor: true), issue("152223-001", "poverty", 10, "2018-12-20"),
                                    poor(false, "2020-01-01"), poor(true, "2021-01-01")]
        func units(_ extra: [EntryPayload]) -> Int64? {
            RecordDateSnapshot(entries: entries(base + extra), recordDate: LedgerDate("2021-12-31")!).units["152223-001"]?["poverty"]
        }
        #expect(units([]) == 0)
        #expect(units([issue("152223-001", "poverty", 5, "2021-06-01")]) == 5)
        #expect(units([issue("152223-001", "poverty", 5, "2021-06-01"), retire]) == 5)
        // An exit corrected the same day (the last change of a day stands) never happened.
        let corrected = [register("152223-001", poor: true), issue("152223-001", "poverty", 10, "2018-12-20"),
                         poor(false, "2020-01-01"), poor(true, "2020-01-01")]
        #expect(RecordDateSnapshot(entries: entries(corrected), recordDate: LedgerDate("2021-12-31")!).units["152223-001"]?["poverty"] == 10)
        // Poor throughout: every unit counts.
        #expect(RecordDateSnapshot(entries: entries(Array(base.prefix(2))), recordDate: LedgerDate("2021-12-31")!).units["152223-001"]?["poverty"] == 10)
    }

    /// A household that exited poverty before the record date keeps its member shares, loses its poverty shares
    /// and its minimum; a later issue and a reversed issue do not count.
    @Test func exitedPovertyAndDates() throws {
        let log = entries([
            register("152223-001", poor: true), register("152223-002", poor: true),
            issue("152223-001", "poverty", 10, "2018-12-20"), issue("152223-001", "member", 2, "2018-12-20"),
            issue("152223-002", "poverty", 10, "2018-12-20"),
            .householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: LedgerDate("2023-06-30")!, reason: "脱贫")),
            issue("152223-002", "poverty", 5, "2024-01-05"),
            issue("152223-002", "member", 7, "2018-12-20"),
            .entryReverse(Reversal(target: 7, reason: "wrong household")),
        ])
        let snapshot = RecordDateSnapshot(entries: log, recordDate: LedgerDate("2023-12-31")!)
        let holders = snapshot.holders()
        #expect(holders.map(\.id) == ["152223-001", "152223-002"])
        #expect(holders[0].units == ["member": 2])
        #expect(holders[0].exitedPoverty && !holders[0].eligibleForMinimum)
        #expect(holders[1].units == ["poverty": 10])
        #expect(holders[1].eligibleForMinimum)
        // The year before the exit, 001 still held its poverty shares.
        let before = RecordDateSnapshot(entries: log, recordDate: LedgerDate("2022-12-31")!).holders()
        #expect(before[0].units == ["member": 2, "poverty": 10])
    }

    /// The collective's own shares (集体股) count in a distribution by shares, and their part is
    /// kept for the collective: 100.00 over member 2, a household's collective 3 and the
    /// collective's own 3 is 25.00, 37.50 and 37.50 kept — not 40.00 and 60.00 to the households.
    /// A distribution per household leaves the collective out.
    @Test func collectiveSharesEarnForTheCollective() throws {
        let log = entries([
            register("152223-001", poor: false), register("152223-002", poor: false),
            issue("152223-001", "member", 2, "2018-12-20"), issue("152223-002", "collective", 3, "2018-12-20"),
            issue(Holder.collective, "collective", 3, "2018-12-20"),
        ])
        let spec = DistributionSpec(id: "c", recordDate: LedgerDate("2019-03-01")!, amount: .pool(Fen(yuan: 100)),
                                    basis: .units(classWeights: ["member": 1, "collective": 1]))
        let plan = try spec.plan(entries: log).plan
        #expect(plan.lines.map(\.holder) == ["152223-001", "152223-002"])
        #expect(plan.lines.map(\.amount) == [Fen(2_500), Fen(3_750)])
        #expect(plan.collectiveShare == Fen(3_750))
        #expect(plan.allocated == Fen(6_250) && plan.residual == Fen(3_750))
        let entries = plan.declarationEntries(id: "c", recordDate: LedgerDate("2019-03-01")!)
        guard case .dividendDeclare(let declaration) = entries[0] else { Issue.record("no declaration first"); return }
        #expect(declaration.allocated == Fen(6_250) && declaration.residual == Fen(3_750))
        #expect(entries.count == 3)

        let perHousehold = DistributionSpec(id: "h", recordDate: LedgerDate("2019-03-01")!, amount: .pool(Fen(yuan: 100)), basis: .equalPerHousehold)
        #expect(try perHousehold.plan(entries: log).plan.lines.map(\.amount) == [Fen(5_000), Fen(5_000)])
    }

    /// DOMAIN §9 example 5: 14,400.00 over 5 poor households is 2,880.00 each; after one exits, 3,600.00 each over 4.
    @Test func poorPoolFollowsExits() throws {
        var payloads = (1...5).map { register("152223-00\($0)", poor: true) }
        payloads += (1...5).map { issue("152223-00\($0)", "poverty", 1, "2018-12-20") }
        payloads.append(.householdUpdate(HouseholdUpdate(household: "152223-005", poor: false, date: LedgerDate("2020-06-30")!)))
        let log = entries(payloads)
        let spec = { (date: String) in
            DistributionSpec(id: date, recordDate: LedgerDate(date)!, amount: .distributable(Fen(yuan: 16_000)),
                             appropriations: [Appropriation(name: "公积公益金", bp: 1000)], basis: .units(classWeights: ["poverty": 1]))
        }
        let first = try spec("2019-12-31").plan(entries: log).plan
        #expect(first.lines.map(\.amount) == Array(repeating: Fen(yuan: 2_880), count: 5))
        let second = try spec("2020-12-31").plan(entries: log).plan
        #expect(second.lines.filter { $0.amount.value > 0 }.map(\.amount) == Array(repeating: Fen(yuan: 3_600), count: 4))
        #expect(second.lines.first { $0.holder == "152223-005" }?.amount == .zero)
    }
}
