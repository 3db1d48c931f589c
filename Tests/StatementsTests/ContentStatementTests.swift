import Foundation
import LedgerCore
import Testing
@testable import Statements

/// The household statement's content, built from the in-memory village ledger (`ContentLedger`).
struct ContentStatementTests {
    let ledger = ContentLedger.village()

    /// All years: 陈梅 was owed 2 × 2,880.00, and paid 2,880.00 + 2,880.00 − 2,880.00 + 2,880.00.
    @Test func totalsOverAllYears() throws {
        let statement = try ledger.statement("152223-001")
        #expect(statement.owed == Fen(yuan: 5_760))
        #expect(statement.paid == Fen(yuan: 5_760))
        #expect(statement.outstanding == .zero)
        #expect(statement.allocations.map(\.record.seq) == [6, 11])
        #expect(statement.payments.map(\.record.seq) == [8, 13, 14, 15])
        #expect(statement.distributions.map(\.declaration.id) == ["2023", "2024"])
        #expect(statement.citedEntries.map(\.seq) == [5, 6, 8, 10, 11, 13, 14, 15])
    }

    /// 包金山 has not been paid for 2024: 11,520.00 outstanding, in figures and in capitals.
    @Test func outstandingInFiguresAndCapitals() throws {
        let statement = try ledger.statement("152223-002")
        #expect(statement.owed == Fen(yuan: 23_040))
        #expect(statement.paid == Fen(yuan: 11_520))
        #expect(statement.outstanding == Fen(yuan: 11_520))
        let text = TextRenderer().render(statement.document())
        #expect(text.contains("未付余额（大写）  壹万壹仟伍佰贰拾元整"))
        #expect(text.contains("应分合计（大写）  贰万叁仟零肆拾元整"))
        let speech = SpeechRenderer().render(statement.listeningDocument())
        #expect(speech.contains("未付余额一万一千五百二十元"))
        #expect(!speech.contains("壹"))
    }

    /// The reversed payment stays on the statement, marked （冲销）, followed by the negative reversal.
    @Test func reversalIsShownNotHidden() throws {
        let statement = try ledger.statement("152223-001", year: 2024)
        let reversed = try #require(statement.payments.first { $0.record.seq == 13 })
        guard case .payment(_, let account, _, let reversedBy) = reversed.kind else { Issue.record("not a payment"); return }
        #expect(account == "****9999")
        #expect(reversedBy == 14)
        let reversal = try #require(statement.payments.first { $0.record.seq == 14 })
        #expect(reversal.amount == Fen(yuan: -2_880))
        let text = TextRenderer().render(statement.document())
        #expect(text.contains("银行卡 ****9999（冲销）") || text.contains("（冲销）"))
        #expect(text.contains("-2,880.00"))
        #expect(text.contains("冲销第13条"))
        let speech = SpeechRenderer().render(statement.listeningDocument())
        // Heard, a reversal is told by its day and the payment's, not by entry numbers a listener never hears.
        #expect(speech.contains("通过银行卡，尾号九九九九，凭证号BX，二零二四，零零零七。此笔已于二零二四年十二月二十一日冲销。"))
        #expect(speech.contains("二零二四年十二月二十一日，冲销二零二四年十二月二十日支付的两千八百八十元，原因：账户错误。"))
    }

    /// --year 2023 keeps only 2023's allocation and payment; the 2024 distribution is not mentioned.
    @Test func yearFilter() throws {
        let statement = try ledger.statement("152223-001", year: 2023)
        #expect(statement.allocations.map(\.record.seq) == [6])
        #expect(statement.payments.map(\.record.seq) == [8])
        #expect(statement.distributions.map(\.declaration.id) == ["2023"])
        #expect(statement.owed == Fen(yuan: 2_880))
        #expect(statement.outstanding == .zero)
        let text = TextRenderer().render(statement.document())
        #expect(text.contains("2023 年度"))
        #expect(!text.contains("BX-2024"))
    }

    /// A December distribution paid in January is settled on its own year's statement: with the
    /// 2024 distribution's last payment made on 2025-01-03, 2024 shows it owed and paid in full,
    /// and 2025 shows nothing (not a payment of 2,880.00 against nothing owed). The allocation
    /// is dated by the distribution's record date, not the day it was typed in.
    @Test func paymentsCountInTheirDistributionsYear() throws {
        var ledger = ContentLedger()
        for (time, payload) in ContentLedger.payloads() {
            guard case .dividendPay(var p) = payload, p.reference == "BX-2024-0008" else {
                ledger.append(payload, at: time)
                continue
            }
            p.date = LedgerDate("2025-01-03")!
            ledger.append(.dividendPay(p), at: "2025-01-03T08:00:00Z")
        }
        let spring = LedgerDate("2025-03-31")!
        let y2024 = try ledger.statement("152223-001", year: 2024, date: spring)
        #expect(y2024.allocations.map(\.record.seq) == [11])
        #expect(y2024.allocations.map(\.date) == [LedgerDate("2024-12-15")!])
        #expect(y2024.payments.map(\.record.seq) == [13, 14, 15])
        #expect(y2024.owed == Fen(yuan: 2_880))
        #expect(y2024.outstanding == .zero)
        // As of the last day of 2024 the January payment had not been made.
        let yearEnd = try ledger.statement("152223-001", year: 2024)
        #expect(yearEnd.payments.map(\.record.seq) == [13, 14])
        #expect(yearEnd.outstanding == Fen(yuan: 2_880))
        let y2025 = try ledger.statement("152223-001", year: 2025, date: spring)
        #expect(y2025.allocations.isEmpty && y2025.payments.isEmpty && y2025.distributions.isEmpty)
        #expect(y2025.outstanding == .zero)
    }

    /// A statement as of a day shows nothing after it: as of 2024-06-30 the 2024 distribution
    /// (record date 2024-12-15) and its payments were still to come.
    @Test func nothingAfterTheStatementDate() throws {
        let midYear = try ledger.statement("152223-001", date: LedgerDate("2024-06-30")!)
        #expect(midYear.allocations.map(\.record.seq) == [6])
        #expect(midYear.payments.map(\.record.seq) == [8])
        #expect(midYear.outstanding == .zero)
        // Its proof checks, and the later entries are not taken for omitted ones.
        let text = TextRenderer().render(midYear.document())
        let proof = try ledger.proof(midYear)
        #expect(proof.check(against: ledger.trust(from: proof), statementText: text) == [])
    }

    /// Holdings are taken at the statement date: the 5 member units issued on 2025-01-01 are not held on 2024-12-31.
    @Test func holdingsAtStatementDate() throws {
        let statement = try ledger.statement("152223-001")
        #expect(statement.holdings == [.init(shareClass: "poverty", units: 10)])
        let later = try HouseholdStatement.build(
            facts: ledger.facts("152223-001"), date: LedgerDate("2025-06-30")!,
            checkpoint: StatementCheckpoint(checkpoint: ledger.signedCheckpoint().checkpoint, signer: "baixin-accountant"))
        #expect(later.holdings == [.init(shareClass: "poverty", units: 10), .init(shareClass: "member", units: 5)])
    }

    /// Entries beyond the checkpoint are left out: against the checkpoint of 13 entries, the 2024 payments are not there.
    @Test func onlyEntriesTheCheckpointCovers() throws {
        let statement = try ledger.statement("152223-001", checkpoint: ledger.signedCheckpoint(size: 13))
        #expect(statement.payments.map(\.record.seq) == [8])
        #expect(statement.outstanding == Fen(yuan: 2_880))
        #expect(statement.checkpoint.checkpoint.size == 13)
    }

    /// An unknown household is an error that names it.
    @Test func unknownHouseholdIsRefused() {
        #expect(throws: StatementError.householdNotRegistered(household: "152223-404")) {
            try ledger.statement("152223-404")
        }
    }

    /// Every rendering shows the masked ID, never a full one — even from a damaged ledger that holds
    /// a full ID and account — and no health or poverty status.
    @Test func privacyNoUnmaskedIDs() throws {
        var facts = ledger.facts("152223-001")
        for index in facts.entries.indices {
            switch facts.entries[index].entry.payload {
            case .householdRegister(var r):
                r.idMasked = "152223198001181234"
                facts.entries[index].entry.payload = .householdRegister(r)
            case .dividendPay(var p):
                p.account = "6228480012346217"
                facts.entries[index].entry.payload = .dividendPay(p)
            default: break
            }
        }
        let statement = try HouseholdStatement.build(
            facts: facts, date: ContentLedger.statementDate,
            checkpoint: StatementCheckpoint(checkpoint: ledger.signedCheckpoint().checkpoint, signer: "baixin-accountant"))
        let document = statement.document()
        let outputs = [TextRenderer().render(document), HTMLRenderer().render(document), SpeechRenderer().render(document)]
        #expect(outputs[0].contains("身份证号  152223********1234"))
        #expect(outputs[0].contains("银行卡 ****6217"))
        for output in outputs {
            #expect(!output.contains("19800101"))
            #expect(!output.contains("62284800"))
            for word in ["建档立卡", "贫困户", "残疾", "健康", "盲"] { #expect(!output.contains(word)) }
        }
    }

    /// The text statement matches the stored snapshot (FENHONG_RECORD_SNAPSHOTS=1 re-records).
    @Test func textSnapshot() throws {
        let text = TextRenderer().render(try ledger.statement("152223-001").document())
        if let mismatch = Snapshot.mismatch(text, stored: Snapshot.contentStatementText,
                                            file: "content-statement.txt.swift", symbol: "contentStatementText") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    /// The HTML statement matches the stored snapshot (FENHONG_RECORD_SNAPSHOTS=1 re-records).
    @Test func htmlSnapshot() throws {
        let html = HTMLRenderer().render(try ledger.statement("152223-001").document())
        if let mismatch = Snapshot.mismatch(html, stored: Snapshot.contentStatementHTML,
                                            file: "content-statement.html.swift", symbol: "contentStatementHTML") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    /// The PDF, read back by pdftotext, gives the head's name, the amounts and the capitals.
    @Test func pdfReadsBack() throws {
        guard let pdftotext = Tool.path("pdftotext") else { return }
        let folder = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("statement.pdf")
        let document = try ContentLedger.village().statement("152223-002").document()
        try Data(PDFRenderer().render(document)).write(to: pdf)
        let run = try Tool.run(pdftotext, ["-layout", pdf.path, "-"])
        let text = String(decoding: run.output, as: UTF8.self)
        #expect(run.status == 0)
        for needle in ["包金山", "152223-002", "11,520.00", "23,040.00", "壹万壹仟伍佰贰拾元整", "贰万叁仟零肆拾元整", "152223********3456"] {
            #expect(text.contains(needle), "pdftotext lost \(needle)")
        }
    }
}
