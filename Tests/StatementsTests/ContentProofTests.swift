import Foundation
import LedgerCore
import Testing
@testable import Statements

/// The statement proof: its file format and every way a statement or proof is rejected.
struct ContentProofTests {
    let ledger = ContentLedger.village()

    private func made() throws -> (statement: HouseholdStatement, text: String, proof: StatementProof) {
        let statement = try ledger.statement("152223-001")
        return (statement, TextRenderer().render(statement.document()), try ledger.proof(statement))
    }

    /// The line number (1-based) of the first line of `text` containing `needle`.
    private func lineNumber(of needle: String, in text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) }! + 1
    }

    /// A statement and its proof as made pass, in text and in HTML.
    @Test func validProofPasses() throws {
        let (statement, text, proof) = try made()
        #expect(proof.inclusions.map(\.index) == [5, 6, 8, 10, 11, 13, 14, 15])
        #expect(proof.check(against: ledger.trust(from: proof), statementText: text) == [])
        let html = StatementText.plainLines(html: HTMLRenderer().render(statement.document()))
        #expect(proof.check(against: ledger.trust(from: proof), statementText: html) == [])
        // Large print: each cell of a row on a line of its own, `header：value`.
        let large = StatementText.plainLines(html: HTMLRenderer(largePrint: true).render(statement.document()))
        #expect(large.contains("条目：8\n哈希："))
        #expect(proof.check(against: ledger.trust(from: proof), statementText: large) == [])
        let altered = large.replacingOccurrences(of: "可分配收益：16,000.00", with: "可分配收益：17,000.00")
        #expect(proof.check(against: ledger.trust(from: proof), statementText: altered).map(\.rule) == [.amountMismatch, .amountMismatch])
    }

    /// The file is C2SP tlog-proof blocks then one checkpoint; parsing and re-serialising gives the same bytes.
    @Test func fileRoundTrips() throws {
        let proof = try made().proof
        let text = proof.serialized
        #expect(text.hasPrefix("fenhong.statement-proof/v1\nhousehold 152223-001\ndate 2024-12-31\n\nc2sp.org/tlog-proof@v1\nextra "))
        #expect(text.contains("\nindex 8\n"))
        #expect(text.hasSuffix(proof.checkpoint.note.serialized))
        // The extra line is the exact body: base64 -d gives the canonical JSON of entry 8.
        let extra = text.split(separator: "\n").filter { $0.hasPrefix("extra ") }[2].dropFirst(6)
        #expect(Data(base64Encoded: String(extra)).map { [UInt8]($0) } == ledger.bodies[8])
        let parsed = try StatementProof(parsing: text)
        #expect(parsed == proof)
        #expect(parsed.serialized == text)
    }

    /// A malformed file is refused with the line at fault.
    @Test func malformedFileNamesItsLine() throws {
        var lines = try made().proof.serialized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[6] = "index 08"
        #expect(throws: StatementProofFormatError(line: 7, reason: "expected \"index <seq>\" in decimal without leading zeros")) {
            try StatementProof(parsing: lines.joined(separator: "\n"))
        }
    }

    /// Changing the amount printed on a payment line is caught at that line.
    @Test func alteredAmountLineIsRejected() throws {
        let (_, text, proof) = try made()
        let number = lineNumber(of: "BX-2023-0001", in: text)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[number - 1] = lines[number - 1].replacingOccurrences(of: "2,880.00", with: "2,980.00")
        let failures = proof.check(against: ledger.trust(from: proof), statementText: lines.joined(separator: "\n"))
        #expect(failures.map(\.rule) == [.amountMismatch])
        #expect(failures.first?.location == "statement line \(number)")
        #expect(failures.first?.detail == "it prints 2,980.00, entry 8 records 2,880.00")
    }

    /// The header is checked too: another household number, head or ID number printed on a
    /// statement whose amounts are right is caught at its line.
    @Test func alteredIdentityIsRejected() throws {
        let (_, text, proof) = try made()
        for (from, to, detail) in [
            ("户主      陈梅", "户主      王五", "户主 is printed \"王五\"; the ledger has \"陈梅\" for household 152223-001"),
            ("152223********1234", "152223********9999", "身份证号 is printed \"152223********9999\"; the ledger has \"152223********1234\" for household 152223-001"),
            ("户号      152223-001", "户号      152223-002", "户号 is printed \"152223-002\"; the ledger has \"152223-001\" for household 152223-001"),
            ("家庭人口  3 人", "家庭人口  4 人", "家庭人口 is printed \"4 人\"; the ledger has \"3 人\" for household 152223-001"),
        ] {
            #expect(text.contains(from))
            let failures = proof.check(against: ledger.trust(from: proof), statementText: text.replacingOccurrences(of: from, with: to))
            #expect(failures.map(\.rule) == [.identityMismatch], "\(to)")
            #expect(failures.first?.location == "statement line \(lineNumber(of: from, in: text))")
            #expect(failures.first?.detail == detail)
        }
    }

    /// The holdings printed must be what the household held on the statement's date, and each
    /// payment's lines must show the account it went to: changed, both are caught at their line.
    @Test func alteredHoldingsAndAccountAreRejected() throws {
        let (statement, text, proof) = try made()
        let trust = ledger.trust(from: proof)
        #expect(text.contains("扶贫股      10\n"))
        let holdings = text.replacingOccurrences(of: "扶贫股      10\n", with: "扶贫股      20\n")
        let found = proof.check(against: trust, statementText: holdings)
        #expect(found.map(\.rule) == [.holdingsMismatch])
        #expect(found.first?.detail == "it prints holdings 扶贫股 20, 合计 10; the ledger gives 扶贫股 10, 合计 10 on 2024-12-31")
        #expect(text.contains("****6217"))
        let account = proof.check(against: trust, statementText: text.replacingOccurrences(of: "****6217", with: "****6218"))
        #expect(account.map(\.rule) == [.accountMismatch, .accountMismatch])
        #expect(account.first?.detail == "entry 8 was paid to ****6217, which its lines do not show")
        // Large print reads the same.
        let large = StatementText.plainLines(html: HTMLRenderer(largePrint: true).render(statement.document()))
        #expect(StatementText.holdings(in: large).rows == ["扶贫股 10", "合计 10"])
        #expect(proof.check(against: trust, statementText: large.replacingOccurrences(of: "股数：10", with: "股数：11")).map(\.rule)
                == [.holdingsMismatch])
    }

    /// A statement printed before the head changed still checks: every head the household has
    /// had is its own, and no other.
    @Test func everyHeadTheHouseholdHadIsAccepted() throws {
        var ledger = ContentLedger.village()
        ledger.append(.householdUpdate(HouseholdUpdate(household: "152223-001", head: "陈梅之子", date: LedgerDate("2025-03-01")!)),
                      at: "2025-03-02T08:00:00Z")
        #expect(HouseholdStatement.identities(of: "152223-001", in: ledger.records).map(\.head) == ["陈梅", "陈梅之子"])
        let statement = try ledger.statement("152223-001")
        let text = TextRenderer().render(statement.document())
        let proof = try ledger.proof(statement)
        #expect(text.contains("户主      陈梅\n"))
        #expect(proof.check(against: ledger.trust(from: proof), statementText: text) == [])
        let newer = text.replacingOccurrences(of: "户主      陈梅\n", with: "户主      陈梅之子\n")
        #expect(proof.check(against: ledger.trust(from: proof), statementText: newer) == [])
        let other = text.replacingOccurrences(of: "户主      陈梅\n", with: "户主      包金山\n")
        #expect(proof.check(against: ledger.trust(from: proof), statementText: other).map(\.rule) == [.identityMismatch])
    }

    /// Changing a total, or its capital numerals, is caught at that line.
    @Test func alteredTotalIsRejected() throws {
        let (_, text, proof) = try made()
        let altered = text.replacingOccurrences(of: "已付合计（大写）  伍仟柒佰陆拾元整", with: "已付合计（大写）  陆仟柒佰陆拾元整")
        let failures = proof.check(against: ledger.trust(from: proof), statementText: altered)
        #expect(failures.map(\.rule) == [.totalMismatch])
        #expect(failures.first?.location == "statement line \(lineNumber(of: "已付合计（大写）", in: text))")
    }

    /// A line that cites an entry the proof leaves out is caught.
    @Test func lineOutsideTheProofIsRejected() throws {
        let (_, text, proof) = try made()
        var shorter = proof
        shorter.inclusions.removeAll { $0.index == 15 }
        let failures = shorter.check(against: ledger.trust(from: proof), statementText: text)
        #expect(failures.contains { $0.rule == .lineNotProved && $0.location == "statement line \(lineNumber(of: "BX-2024-0008", in: text))" })
    }

    /// A statement that leaves out an allocation of the household is rejected, naming the entry,
    /// when the checker knows what a complete statement cites; a year's statement is complete
    /// with its year's entries only.
    @Test func omittedEntryIsRejected() throws {
        let (statement, _, proof) = try made()
        let trust = ledger.trust(from: proof)
        #expect(statement.citedEntries.map(\.seq) == [5, 6, 8, 10, 11, 13, 14, 15])
        #expect(proof.check(against: trust, statementText: nil) == [])
        var shorter = proof
        shorter.inclusions.removeAll { $0.index == 6 }
        let failures = shorter.check(against: trust, statementText: nil)
        #expect(failures.map(\.rule) == [.entryOmitted])
        #expect(failures.first?.detail.contains("entry 6 (dividend.allocate)") == true)

        let year = try ledger.statement("152223-001", year: 2024)
        let yearProof = try ledger.proof(year)
        #expect(yearProof.year == 2024)
        #expect(try StatementProof(parsing: yearProof.serialized).year == 2024)
        #expect(yearProof.check(against: ledger.trust(from: yearProof), statementText: nil) == [])
        #expect(yearProof.inclusions.count < proof.inclusions.count)
    }

    /// A body altered in the proof (2,880.00 → 2,980.00) no longer hashes into the checkpoint's tree.
    @Test func alteredBodyIsRejected() throws {
        let (_, text, proof) = try made()
        var altered = proof
        let index = try #require(altered.inclusions.firstIndex { $0.index == 8 })
        let body = String(decoding: altered.inclusions[index].body, as: UTF8.self)
        #expect(body.contains("\"amount\":288000"))
        altered.inclusions[index].body = Array(body.replacingOccurrences(of: "\"amount\":288000", with: "\"amount\":298000").utf8)
        let failures = altered.check(against: ledger.trust(from: proof), statementText: text)
        #expect(failures.first?.rule == .notIncluded)
        #expect(failures.first?.location == "proof entry 8")
    }

    /// A forged ledger (amount raised, signed by a key the real ledger never added) is rejected at the
    /// checkpoint, even though its statement and proof agree with each other.
    @Test func forgedCheckpointIsRejected() throws {
        let forger = try NoteSigner(name: "baixin-accountant", algorithm: .ed25519, key: SigningKey(seed: [UInt8](repeating: 9, count: 32)))
        var forged = ContentLedger()
        for (offset, (time, payload)) in ContentLedger.payloads().enumerated() {
            if offset == 8, case .dividendPay(var pay) = payload {
                pay.amount = Fen(yuan: 28_800)
                forged.append(.dividendPay(pay), at: time)
            } else {
                forged.append(payload, at: time)
            }
        }
        let root = try MerkleTree(reader: forged.tree).root(size: forged.records.count)
        let checkpoint = try SignedCheckpoint.sign(Checkpoint(origin: ContentLedger.opening.origin, size: Int64(forged.records.count), root: root), with: forger)
        let statement = try forged.statement("152223-001", checkpoint: checkpoint)
        let proof = try forged.proof(statement, checkpoint: checkpoint)
        let text = TextRenderer().render(statement.document())
        #expect(text.contains("28,800.00"))
        let failures = proof.check(against: ledger.trust(from: proof), statementText: text)
        #expect(failures.map(\.rule).contains(.checkpointSignature))
        #expect(failures.map(\.rule).contains(.notConsistent))
        // A checkpoint whose root was edited after signing fails its signature too.
        let real = try made().proof
        let edited = real.checkpoint.note.serialized.replacingOccurrences(
            of: Data(real.checkpoint.checkpoint.root.bytes).base64EncodedString(), with: Data(root.bytes).base64EncodedString())
        var tampered = real
        tampered.checkpoint = try SignedCheckpoint(parsing: edited)
        #expect(tampered.check(against: ledger.trust(from: real), statementText: nil).map(\.rule).contains(.checkpointSignature))
    }

    /// A ledger that lost entries after the proof was made (17 → 12 entries) is caught.
    @Test func truncatedLedgerIsRejected() throws {
        let (_, text, proof) = try made()
        var truncated = ContentLedger()
        for (time, payload) in ContentLedger.payloads().prefix(12) { truncated.append(payload, at: time) }
        let failures = proof.check(against: truncated.trust(from: proof), statementText: text)
        #expect(failures.map(\.rule) == [.ledgerTruncated])
        #expect(failures.first?.detail == "the checkpoint covers 17 entries, the ledger now has 12: it was cut short, or rewritten from an earlier entry")
    }

    /// A proof made at 13 entries still checks once the ledger has grown to 17 (consistency
    /// proof) — for a statement as of the day it was made; one as of a later day, made at that
    /// old checkpoint, leaves out what the ledger had recorded before that day.
    @Test func grownLedgerStillChecks() throws {
        let checkpoint = ledger.signedCheckpoint(size: 13)
        let statement = try ledger.statement("152223-001", date: LedgerDate("2024-12-20")!, checkpoint: checkpoint)
        let proof = try ledger.proof(statement, checkpoint: checkpoint)
        let trust = ledger.trust(from: proof)
        #expect(trust.head.size == 17)
        #expect(proof.check(against: trust, statementText: TextRenderer().render(statement.document())) == [])
        let stale = try ledger.statement("152223-001", date: LedgerDate("2024-12-31")!, checkpoint: checkpoint)
        let staleProof = try ledger.proof(stale, checkpoint: checkpoint)
        let found = staleProof.check(against: ledger.trust(from: staleProof), statementText: TextRenderer().render(stale.document()))
        #expect(found.map(\.rule) == [.entryOmitted, .entryOmitted, .entryOmitted], "\(found)")
        #expect(found.first?.detail.hasPrefix("entry 13 (dividend.pay) of household 152223-001 was recorded on 2024-12-20, before the statement's date 2024-12-31") == true)
    }
}
