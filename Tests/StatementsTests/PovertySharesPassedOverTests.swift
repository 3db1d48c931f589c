import LedgerCore
import Statements
import Testing

/// A household that left the register (脱贫退出) while still holding 扶贫股 gets nothing from a
/// distribution by 扶贫股: its statement had no line for it and did not say why. Since layout 2 it
/// says so, distribution by distribution.
struct PovertySharesPassedOverTests {
    /// The content village, then: 152223-001 (陈梅, 10 扶贫股) leaves the register on 2025-03-01;
    /// 2025 counts 扶贫股, 2025-member does not, 2025-late counts them but is withdrawn.
    private func ledger() -> ContentLedger {
        var ledger = ContentLedger.village()
        func declare(_ id: String, _ date: String, classes: [String: JSONValue]) -> EntryPayload {
            .dividendDeclare(DividendDeclaration(
                id: id, recordDate: LedgerDate(date)!, distributable: Fen(yuan: 1_000), appropriations: [], pool: Fen(yuan: 1_000),
                rule: ["basis": .string("units"), "classes": .object(classes)], allocated: Fen(yuan: 1_000), residual: .zero))
        }
        ledger.append(.householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: LedgerDate("2025-03-01")!, reason: "达到脱贫标准")),
                      at: "2025-03-02T08:00:00Z")                                                                   // 17
        ledger.append(declare("2025", "2025-12-15", classes: ["poverty": .integer(1)]), at: "2025-12-16T08:00:00Z")  // 18
        ledger.append(declare("2025-member", "2025-12-15", classes: ["member": .integer(1)]), at: "2025-12-16T08:00:00Z")
        ledger.append(declare("2025-late", "2025-12-20", classes: ["poverty": .integer(2)]), at: "2025-12-21T08:00:00Z")  // 20
        ledger.append(.entryReverse(Reversal(target: 20, reason: "方案有误")), at: "2025-12-22T08:00:00Z")
        return ledger
    }

    @Test func theDistributionThatPassedThemOverIsNamedWithTheExit() throws {
        let statement = try ledger().statement("152223-001", date: LedgerDate("2025-12-31")!)
        #expect(statement.povertySharesPassedOver == [.init(distribution: "2025", recordDate: LedgerDate("2025-12-15")!, units: 10, held: 10,
                                                            exited: LedgerDate("2025-03-01")!)])
        // Nothing else changes: no distribution listed for it, nothing owed.
        #expect(!statement.distributions.contains { $0.declaration.id.hasPrefix("2025") })
        #expect(statement.citedEntries.allSatisfy { $0.seq < 17 })

        let text = TextRenderer().render(statement.document())
        #expect(text.contains("【扶贫股未参与的分配】\n2025  登记日2025-12-15，所持扶贫股10股不参与分配（动态调整）\n      本户已于2025年3月1日退出建档立卡\n"), "\(text)")
        #expect(SpeechRenderer().render(statement.listeningDocument()).contains("分配编号二零二五，登记日二零二五年十二月十五日，本户已于二零二五年三月一日退出建档立卡，所持扶贫股十股不参与分配。"))
        // Layout 1 never said it: a statement printed in it still reads as it did.
        #expect(!TextRenderer().render(statement.document(layout: .first)).contains("扶贫股未参与"))
    }

    /// Back on the register before the record date, with 5 扶贫股 given since: the 10 it held when it
    /// left count no more (DOMAIN §3, as the planner counts them), the 5 do.
    @Test func aHouseholdBackOnTheRegisterIsToldWhichCountNoMore() throws {
        var ledger = ContentLedger.village()
        ledger.append(.householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: LedgerDate("2025-03-01")!, reason: "脱贫")),
                      at: "2025-03-02T08:00:00Z")
        ledger.append(.householdUpdate(HouseholdUpdate(household: "152223-001", poor: true, date: LedgerDate("2025-08-01")!, reason: "返贫")),
                      at: "2025-08-02T08:00:00Z")
        ledger.append(.sharesIssue(SharesChange(holder: "152223-001", shareClass: "poverty", units: 5, date: LedgerDate("2025-09-01")!, reason: "重新配股")),
                      at: "2025-09-02T08:00:00Z")
        ledger.append(.dividendDeclare(DividendDeclaration(
            id: "2025", recordDate: LedgerDate("2025-12-15")!, distributable: Fen(yuan: 1_000), appropriations: [], pool: Fen(yuan: 1_000),
            rule: ["basis": .string("units"), "classes": .object(["poverty": .integer(1)])], allocated: Fen(yuan: 1_000), residual: .zero)),
                      at: "2025-12-16T08:00:00Z")
        let statement = try ledger.statement("152223-001", date: LedgerDate("2025-12-31")!)
        #expect(statement.povertySharesPassedOver == [.init(distribution: "2025", recordDate: LedgerDate("2025-12-15")!, units: 10, held: 15,
                                                            exited: LedgerDate("2025-03-01")!, returned: LedgerDate("2025-08-01")!)])
        let text = TextRenderer().render(statement.document())
        #expect(text.contains("2025  登记日2025-12-15，所持扶贫股中10股不参与分配（动态调整）\n"), "\(text)")
        #expect(text.contains("      本户于2025年3月1日退出建档立卡，\n      2025年8月1日重新认定；退出时所持扶贫股不再参与分配\n"), "\(text)")
    }

    @Test func noneWhilePoorOrBeforeTheDistribution() throws {
        let ledger = ledger()
        // Before the record date, or a year without it.
        #expect(try ledger.statement("152223-001", date: LedgerDate("2025-12-14")!).povertySharesPassedOver == [])
        #expect(try ledger.statement("152223-001", year: 2024, date: LedgerDate("2025-12-31")!).povertySharesPassedOver == [])
        // A household without 扶贫股.
        #expect(try ledger.statement("152223-002", date: LedgerDate("2025-12-31")!).povertySharesPassedOver == [])
    }

    /// Printed in the current layout and checked against the ledger, the statement passes; the
    /// line taken out, it does not.
    @Test func theStatementChecks() throws {
        let ledger = ledger()
        let statement = try ledger.statement("152223-001", date: LedgerDate("2025-12-31")!)
        let proof = try ledger.proof(statement)
        let text = TextRenderer().render(statement.document())
        let printed = PrintedStatement(format: .text, bytes: Array(text.utf8))
        #expect(proof.check(against: ledger.trust(from: proof), statementText: text, printed: printed) == [])
        let cut = text.replacingOccurrences(of: "      本户已于2025年3月1日退出建档立卡\n", with: "")
        let failures = proof.check(against: ledger.trust(from: proof), statementText: cut, printed: PrintedStatement(format: .text, bytes: Array(cut.utf8)))
        #expect(failures.map(\.rule) == [.notAsPrinted], "\(failures)")
    }

    /// The facts of every household, collected in one pass (a batch, a check), hold the
    /// declarations that passed over its 扶贫股 and their withdrawals, and no other's.
    @Test func collectedFactsHoldThem() throws {
        let ledger = ledger()
        let facts = try #require(HouseholdFacts.collect(from: ledger.records)?.facts)
        let seqs = Set(try #require(facts["152223-001"]).entries.map(\.seq))
        #expect(seqs.isSuperset(of: [17, 18, 20, 21]))
        #expect(!seqs.contains(19))
        #expect(!Set(try #require(facts["152223-002"]).entries.map(\.seq)).contains(18))
    }
}
