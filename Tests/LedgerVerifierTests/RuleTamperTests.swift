import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import Testing

/// A forger holding the real keys writes entries the store would have refused: every hash, node
/// and signature is right, so only the business rules (LedgerState, DESIGN §3 step 5) catch them.
struct RuleTamperTests {
    let fixture = Fixture.shared

    private func pay(_ household: Int, _ fen: Int64) -> EntryPayload {
        .dividendPay(DividendPayment(id: "2018", household: "152223-00\(household)", amount: Fen(fen), channel: .bank,
                                     account: "****567\(household)", reference: "BX2018-\(household)", date: Fixture.date))
    }

    /// A forged ledger that breaks no rule verifies: the rule tests below isolate one rule each.
    @Test func forgedCopyOfTheScriptIsIntact() throws {
        expectExactly(try fixture.forged(fixture.commands), [])
    }

    /// Paying a household more than it was allocated is an overpayment.
    @Test func overpayment() throws {
        var commands = fixture.commands
        commands[7].payloads = [pay(1, 150_000)]
        expectExactly(try fixture.forged(commands), [("overpayment", 14)])
    }

    /// A payment dated before the posting for objections (公示) the declaration records is over is
    /// `paid-during-posting`; the same payment after its last day stands.
    @Test func paidDuringPosting() throws {
        var commands = fixture.commands
        guard case .dividendDeclare(var declaration) = commands[6].payloads[0] else { Issue.record("the fixture declares first"); return }
        declaration.posting = PostingPeriod(start: Fixture.date, days: 7)
        commands[6].payloads[0] = .dividendDeclare(declaration)
        expectExactly(try fixture.forged(commands), [("paid-during-posting", 14), ("paid-during-posting", 15)])
        declaration.posting = PostingPeriod(start: Fixture.date.adding(days: -7), days: 7)
        commands[6].payloads[0] = .dividendDeclare(declaration)
        expectExactly(try fixture.forged(commands), [])
    }

    /// Allocations that do not add up to the declaration are reported at the declaration.
    @Test func allocationSum() throws {
        var commands = fixture.commands
        commands[6].payloads[3] = .dividendAllocate(DividendAllocation(id: "2018", household: "152223-003", units: 30, amount: Fen(299_999)))
        expectExactly(try fixture.forged(commands), [("allocation-sum", 10)])
    }

    /// Money moved from one household's allocation to another's, the total kept and every
    /// signature right, is not what the declared rule gives from the units recorded.
    @Test func allocationMovedBetweenHouseholds() throws {
        var commands = fixture.commands
        guard case .dividendDeclare(var declaration) = commands[6].payloads[0] else { Issue.record("the fixture declares first"); return }
        declaration.rule["method"] = .string("largest-remainder")
        commands[6].payloads[0] = .dividendDeclare(declaration)
        expectExactly(try fixture.forged(commands), [])
        commands[6].payloads[2] = .dividendAllocate(DividendAllocation(id: "2018", household: "152223-002", units: 20, amount: Fen(250_000)))
        commands[6].payloads[3] = .dividendAllocate(DividendAllocation(id: "2018", household: "152223-003", units: 30, amount: Fen(250_000)))
        expectExactly(try fixture.forged(commands), [("allocation-split", 12), ("allocation-split", 13)])
    }

    /// The units an allocation records are its household's holdings at the record date
    /// (`allocation-units`): a forger who records other units along with amounts that split
    /// consistently, or leaves a household out and splits its part among the others, is caught.
    @Test func unitsForgedAlongWithTheirAmounts() throws {
        func allocate(_ n: Int, _ units: Int64, _ fen: Int64) -> EntryPayload {
            .dividendAllocate(DividendAllocation(id: "2018", household: "152223-00\(n)", units: units, amount: Fen(fen)))
        }
        let commands = fixture.commands
        guard case .dividendDeclare(let declaration) = commands[6].payloads[0] else { Issue.record("the fixture declares first"); return }
        expectExactly(try fixture.forged(commands), [])
        // 10, 20 and 30 member shares recorded as 20 each: 2,000.00 each, the split consistent.
        var equal = commands
        equal[6].payloads = [.dividendDeclare(declaration), allocate(1, 20, 200_000), allocate(2, 20, 200_000), allocate(3, 20, 200_000)]
        expectExactly(try fixture.forged(equal), [("allocation-units", 11), ("allocation-units", 13)])
        // 李娜's allocation left out, 6,000.00 split over the other two (the reversal then names
        // the second payment where it now stands).
        var dropped = commands
        dropped[6].payloads = [.dividendDeclare(declaration), allocate(1, 10, 200_000), allocate(2, 20, 400_000)]
        dropped[9].payloads = [.entryReverse(Reversal(target: 14, reason: "paid to the wrong account"))]
        expectExactly(try fixture.forged(dropped), [("allocation-units", 10)])
    }

    /// A cooperative's distribution returning half its pool by transactions, not the 60% Art. 44
    /// requires, is caught at its declaration.
    @Test func cooperativeRebateBelowSixtyPercent() throws {
        var commands = fixture.commands
        guard case .dividendDeclare(var declaration) = commands[6].payloads[0] else { Issue.record("the fixture declares first"); return }
        declaration.rule = ["basis": .string("cooperative"), "rebateBp": .integer(6_000), "rebate": .integer(declaration.pool.value / 2),
                            "method": .string("largest-remainder"), "transactionClass": .string("trade"),
                            "capitalClasses": .array(["capital", "reserve", "subsidy"].map(JSONValue.string))]
        commands[6].payloads[0] = .dividendDeclare(declaration)
        // And its allocations record no returns by transactions, which a cooperative's do.
        expectExactly(try fixture.forged(commands), [("cooperative-rebate", 10), ("allocation-split", 11)])
    }

    /// Withdrawing a declaration whose payments stand would unpay households that were paid.
    @Test func withdrawalWithPaymentsStanding() throws {
        var commands = fixture.commands
        commands[9].payloads.append(.entryReverse(Reversal(target: 10, reason: "wrong pool")))
        let report = try fixture.forged(commands)
        expectFirstProblem(report, "payments-standing", at: 17)
        #expect(report.problems.count == 1)
    }

    /// A registration withdrawn while its household holds shares and an allocation of a standing
    /// distribution is reported, twice; a household withdrawn with nothing standing verifies, and
    /// an entry naming it after is one naming a household not registered.
    @Test func withdrawnRegistration() throws {
        var commands = fixture.commands
        commands[9].payloads.append(.entryReverse(Reversal(target: 1, reason: "wrong number")))
        let standing = try fixture.forged(commands)
        expectExactly(standing, [("household-standing", 17), ("household-standing", 17)])
        #expect(standing.problems.last?.detail.hasPrefix("household 152223-001 has an allocation in distribution 2018, which stands;") == true)

        commands = fixture.commands
        let wrong = HouseholdRegistration(household: "152223-610", head: "陈梅", members: 3, poor: false,
                                          idMasked: "152223********1231", account: "****5671", date: Fixture.date)
        commands[9].payloads += [.householdRegister(wrong), .entryReverse(Reversal(target: 17, reason: "wrong number"))]
        expectExactly(try fixture.forged(commands), [])
        commands[9].payloads.append(.sharesIssue(SharesChange(holder: "152223-610", shareClass: "member", units: 1, date: LedgerDate("2019-01-10")!, reason: "x")))
        expectExactly(try fixture.forged(commands), [("unknown-household", 19)])
    }

    /// Reversing an entry twice is a double reversal.
    @Test func doubleReversal() throws {
        var commands = fixture.commands
        commands[9].payloads.append(.entryReverse(Reversal(target: 15, reason: "again")))
        let report = try fixture.forged(commands)
        expectFirstProblem(report, "double-reversal", at: 17)
        #expect(report.problems.count == 1)
    }

    /// A reversal dated before the payment it reverses says money came back before it went out;
    /// the same reversal dated that day or undated is intact.
    @Test func reversalDatedBeforeWhatItReverses() throws {
        func reversing(on day: String?) throws -> VerificationReport {
            var commands = fixture.commands
            commands[9].payloads.append(.entryReverse(Reversal(target: 14, reason: "paid twice", date: day.flatMap(LedgerDate.init))))
            return try fixture.forged(commands)
        }
        let report = try reversing(on: "2018-12-19")
        expectExactly(report, [("reversal-date", 17)])
        #expect(report.problems[0].detail == "the reversal is dated 2018-12-19, before the payment it reverses (entry 14, 2018-12-20)")
        expectExactly(try reversing(on: "2018-12-20"), [])
        expectExactly(try reversing(on: nil), [])
    }

    /// A share entry is undone on its own date: a reversal of it that gives a day is refused.
    @Test func shareReversalWithADate() throws {
        var commands = fixture.commands
        commands[2].payloads.append(.entryReverse(Reversal(target: 6, reason: "typed twice", date: Fixture.date)))
        // (李娜's 30 shares, reversed, are then not hers to be allocated on: `allocation-units`.)
        expectExactly(try fixture.forged(commands), [("reversal-date", 7), ("allocation-units", 14)])
    }

    /// Retiring more units than a holder has makes its balance negative.
    @Test func negativeShares() throws {
        var commands = fixture.commands
        commands[2].payloads.append(.sharesRetire(SharesChange(holder: "152223-001", shareClass: "member", units: 11, date: Fixture.date, reason: "exit")))
        let report = try fixture.forged(commands)
        expectFirstProblem(report, "negative-shares", at: 7)
        #expect(report.problems.count == 1)
    }

    /// Shares issued to a household that was never registered.
    @Test func unknownHousehold() throws {
        var commands = fixture.commands
        commands[2].payloads[2] = .sharesIssue(SharesChange(holder: "152223-009", shareClass: "member", units: 30, date: Fixture.date, reason: "founding shares"))
        let report = try fixture.forged(commands)
        expectFirstProblem(report, "unknown-household", at: 6)
    }

    /// Reversing an entry that does not exist yet.
    @Test func reversalOfMissingEntry() throws {
        var commands = fixture.commands
        commands[9].payloads = [.entryReverse(Reversal(target: 40, reason: "future"))]
        expectExactly(try fixture.forged(commands), [("missing-target", 16)])
    }

    /// An entry recorded by an inspector key (wrong role) breaks the key rule.
    @Test func entryByKeyOfUnknownSigner() throws {
        let mallory = try NoteSigner.generate(name: "mallory", algorithm: .ed25519)
        var commands = fixture.commands
        commands[11].signer = mallory
        // The entry's key is unknown to the ledger; so is its checkpoint's.
        expectExactly(try fixture.forged(commands), [("unknown-key", 18), ("unknown-key", 18), ("uncovered-entry", 18)])
    }
}
