import LedgerCore
import Testing

/// A ledger folded into the import rows: updates applied, holdings net of transfers, retirements
/// and reversals, reversed payments left out; and those rows re-imported give the same ledger state.
struct ImportSnapshotTests {
    private static func date(_ text: String) -> LedgerDate { LedgerDate(text)! }

    static let baoJinshan = HouseholdRegistration(household: "152223-002", head: "包金山", members: 4, poor: false,
                                                  idMasked: "152223********3456", account: "****4321", date: date("2018-12-01"))
    static let collectiveIssue = SharesChange(holder: "collective", shareClass: "collective", units: 5, date: date("2019-01-01"), reason: "集体留存")

    static let declaration = DividendDeclaration(
        id: "2019", recordDate: date("2019-12-15"), distributable: Fen(100_000), appropriations: [], pool: Fen(100_000),
        rule: ["basis": .string("household")], allocated: Fen(100_000), residual: .zero)

    static func payment(_ household: String, _ fen: Int64, _ channel: PaymentChannel, _ account: String, _ reference: String,
                        _ day: String = "2019-12-28") -> DividendPayment {
        DividendPayment(id: "2019", household: household, amount: Fen(fen), channel: channel, account: account, reference: reference, date: date(day))
    }

    static func issue(_ holder: String, _ shareClass: String, _ units: Int64, _ reason: String = "折股量化") -> EntryPayload {
        .sharesIssue(SharesChange(holder: holder, shareClass: shareClass, units: units, date: date("2018-12-20"), reason: reason))
    }

    /// Seq by seq: two households, one updated; issues, a transfer, a retirement and a reversed
    /// issue; a distribution with a payment reversed and paid again.
    static let ledger: [EntryPayload] = [
        .ledgerOpen(EntrySamples.open),                                                                           // 0
        .householdRegister(EntrySamples.chenMei),                                                                 // 1
        .householdRegister(baoJinshan),                                                                           // 2
        .householdUpdate(HouseholdUpdate(household: "152223-002", head: "包银山", members: 5, poor: true,
                                         account: "****0000", date: date("2020-03-01"), reason: "分户后重新登记")),  // 3
        issue("152223-001", "poverty", 10),                                                                       // 4
        issue("152223-002", "member", 4),                                                                         // 5
        issue("152223-001", "member", 2),                                                                         // 6
        .sharesTransfer(SharesTransfer(from: "152223-001", to: "152223-002", shareClass: "member", units: 1,
                                       date: date("2020-04-01"), reason: "分户")),                                  // 7
        .sharesRetire(SharesChange(holder: "152223-001", shareClass: "poverty", units: 4, date: date("2021-01-01"), reason: "脱贫退出")),  // 8
        .sharesIssue(collectiveIssue),                                                                            // 9
        issue("152223-002", "labour", 3),                                                                         // 10
        .entryReverse(Reversal(target: 10, reason: "劳龄股录错")),                                                   // 11
        .dividendDeclare(declaration),                                                                            // 12
        .dividendAllocate(DividendAllocation(id: "2019", household: "152223-001", units: 1, amount: Fen(50_000))),  // 13
        .dividendAllocate(DividendAllocation(id: "2019", household: "152223-002", units: 1, amount: Fen(50_000))),  // 14
        .dividendPay(payment("152223-001", 50_000, .card, "****5678", "R1")),                                     // 15
        .dividendPay(payment("152223-002", 40_000, .cash, "cash", "R2")),                                         // 16
        .entryReverse(Reversal(target: 16, reason: "付错金额")),                                                    // 17
        .dividendPay(payment("152223-002", 30_000, .bank, "****0000", "R3", "2020-01-05")),                       // 18
    ]

    private static func state(_ payloads: [EntryPayload]) -> LedgerState {
        var state = LedgerState()
        for entry in EntrySamples.chain(payloads) { #expect(state.apply(entry).isEmpty) }
        return state
    }

    /// The rows hold what the ledger says now, not its history.
    @Test func rowsHoldTheLedgerAsItStands() {
        let snapshot = ImportSnapshot(entries: EntrySamples.chain(Self.ledger))
        #expect(snapshot.households == [
            EntrySamples.chenMei,
            HouseholdRegistration(household: "152223-002", head: "包银山", members: 5, poor: true,
                                  idMasked: "152223********3456", account: "****0000", date: Self.date("2018-12-01")),
        ])
        let carried = ImportSnapshot.carriedForwardReason
        #expect(snapshot.holdings == [
            SharesChange(holder: "152223-001", shareClass: "poverty", units: 6, date: Self.date("2021-01-01"), reason: carried),
            SharesChange(holder: "152223-002", shareClass: "member", units: 5, date: Self.date("2020-04-01"), reason: carried),
            SharesChange(holder: "152223-001", shareClass: "member", units: 1, date: Self.date("2020-04-01"), reason: carried),
            Self.collectiveIssue,
        ])
        #expect(snapshot.payments == [
            Self.payment("152223-001", 50_000, .card, "****5678", "R1"),
            Self.payment("152223-002", 30_000, .bank, "****0000", "R3", "2020-01-05"),
        ])
        #expect(snapshot.payloads(.shares, household: "152223-002") == [
            .sharesIssue(SharesChange(holder: "152223-002", shareClass: "member", units: 5, date: Self.date("2020-04-01"), reason: carried)),
        ])
    }

    /// Written as CSV, read back by the importer and appended to a fresh ledger, the rows give the
    /// same households, the same holdings per holder and class and the same payments; exported
    /// again, the same rows.
    @Test func reimportGivesTheSameState() throws {
        let original = ImportSnapshot(entries: EntrySamples.chain(Self.ledger))
        var fresh: [EntryPayload] = [.ledgerOpen(EntrySamples.open)]
        func imported(_ kind: ImportKind) throws -> [EntryPayload] {
            let text = kind.csv(original.payloads(kind))
            let payloads = try ImportBatch(kind: kind, table: CSVTable(file: "\(kind).csv", bytes: Array(text.utf8))).payloads
            #expect(payloads == original.payloads(kind))
            return payloads
        }
        fresh += try imported(.households)
        fresh += try imported(.shares)
        fresh += [Self.ledger[12], Self.ledger[13], Self.ledger[14]]  // the distribution, declared again
        fresh += try imported(.payments)

        let before = Self.state(Self.ledger), after = Self.state(fresh)
        #expect(after.households.mapValues(\.registration) == before.households.mapValues(\.registration))
        func held(_ state: LedgerState) -> [String] {
            state.sharesByHolder().flatMap { holder, units in units.filter { $0.units != 0 }.map { "\(holder) \($0.shareClass) \($0.units)" } }.sorted()
        }
        #expect(held(after) == held(before))
        #expect(held(after).count == 4)
        #expect(after.allocation(id: "2019", household: "152223-001")! == (owed: Fen(50_000), paid: Fen(50_000)))
        #expect(after.allocation(id: "2019", household: "152223-002")! == (owed: Fen(50_000), paid: Fen(30_000)))

        let again = ImportSnapshot(entries: EntrySamples.chain(fresh))
        #expect(again.households == original.households)
        #expect(again.holdings == original.holdings)
        #expect(again.payments == original.payments)
    }
}
