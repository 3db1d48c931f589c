import Foundation
import LedgerCore
import Statements

/// A small village ledger held in memory, built the way the store builds one (canonical bodies,
/// chained `prev`, RFC 9162 tree, signed checkpoint), with a fixed key so hashes are stable.
///
///  seq  kind                household    what
///    0  ledger.open         —            白辛嘎查股份经济合作社, fenhong/152223/baixin
///    1  household.register  152223-001   陈梅, 3 members
///    2  household.register  152223-002   包金山, 4 members
///    3  shares.issue        152223-001   10 poverty
///    4  shares.issue        152223-002   40 member
///    5  dividend.declare    2023         16,000.00 − 1,600.00 = 14,400.00
///    6  dividend.allocate   152223-001   2,880.00
///    7  dividend.allocate   152223-002   11,520.00
///    8  dividend.pay        152223-001   2,880.00  2023-12-20
///    9  dividend.pay        152223-002   11,520.00 2023-12-20
///   10  dividend.declare    2024         16,000.00 − 1,600.00 = 14,400.00
///   11  dividend.allocate   152223-001   2,880.00
///   12  dividend.allocate   152223-002   11,520.00
///   13  dividend.pay        152223-001   2,880.00  to the wrong account
///   14  entry.reverse       13           账户错误
///   15  dividend.pay        152223-001   2,880.00  2024-12-22
///   16  shares.issue        152223-001   5 member, dated 2025-01-01 (after the statement date)
struct ContentLedger {
    static let accountant = try! NoteSigner(name: "baixin-accountant", algorithm: .ed25519,
                                           key: SigningKey(seed: [UInt8](repeating: 7, count: 32)))
    static let opening = LedgerOpen(origin: "fenhong/152223/baixin", org: "白辛嘎查股份经济合作社", village: "白辛嘎查",
                                    region: ["兴安盟", "扎赉特旗", "阿尔本格勒镇", "白辛嘎查"], key: accountant.verifier.vkey)
    static let statementDate = LedgerDate("2024-12-31")!

    private(set) var records: [RecordedEntry] = []
    private(set) var bodies: [[UInt8]] = []
    private(set) var tree = InMemorySubtreeHashes()

    /// The ledger above.
    static func village() -> ContentLedger {
        var ledger = ContentLedger()
        for (time, payload) in payloads() { ledger.append(payload, at: time) }
        return ledger
    }

    /// The payloads in order, each with the time it is recorded.
    static func payloads() -> [(String, EntryPayload)] {
        func day(_ text: String) -> LedgerDate { LedgerDate(text)! }
        func fen(_ yuan: Int64) -> Fen { Fen(yuan: yuan) }
        func declare(_ id: String, _ date: String) -> EntryPayload {
            .dividendDeclare(DividendDeclaration(
                id: id, recordDate: day(date), distributable: fen(16_000),
                appropriations: [AppropriationLine(name: "公积公益金", bp: 1000, amount: fen(1_600))],
                pool: fen(14_400), rule: ["basis": .string("units")], allocated: fen(14_400), residual: .zero))
        }
        func pay(_ id: String, _ household: String, _ yuan: Int64, _ account: String, _ reference: String, _ date: String) -> EntryPayload {
            .dividendPay(DividendPayment(id: id, household: household, amount: fen(yuan), channel: .bank,
                                         account: account, reference: reference, date: day(date)))
        }
        return [
            ("2018-06-01T08:00:00Z", .ledgerOpen(opening)),
            ("2018-06-01T08:00:00Z", .householdRegister(HouseholdRegistration(
                household: "152223-001", head: "陈梅", members: 3, poor: true, idMasked: "152223********1234",
                account: "****6217", date: day("2018-06-01")))),
            ("2018-06-01T08:00:00Z", .householdRegister(HouseholdRegistration(
                household: "152223-002", head: "包金山", members: 4, poor: false, idMasked: "152223********3456",
                account: "****4321", date: day("2018-06-01")))),
            ("2018-06-02T08:00:00Z", .sharesIssue(SharesChange(holder: "152223-001", shareClass: "poverty", units: 10,
                                                               date: day("2018-06-02"), reason: "折股量化"))),
            ("2018-06-02T08:00:00Z", .sharesIssue(SharesChange(holder: "152223-002", shareClass: "member", units: 40,
                                                               date: day("2018-06-02"), reason: "折股量化"))),
            ("2023-12-18T08:00:00Z", declare("2023", "2023-12-15")),
            ("2023-12-18T08:00:00Z", .dividendAllocate(DividendAllocation(id: "2023", household: "152223-001", units: 10, amount: fen(2_880)))),
            ("2023-12-18T08:00:00Z", .dividendAllocate(DividendAllocation(id: "2023", household: "152223-002", units: 40, amount: fen(11_520)))),
            ("2023-12-20T08:00:00Z", pay("2023", "152223-001", 2_880, "****6217", "BX-2023-0001", "2023-12-20")),
            ("2023-12-20T08:00:00Z", pay("2023", "152223-002", 11_520, "****4321", "BX-2023-0002", "2023-12-20")),
            ("2024-12-18T08:00:00Z", declare("2024", "2024-12-15")),
            ("2024-12-18T08:00:00Z", .dividendAllocate(DividendAllocation(id: "2024", household: "152223-001", units: 10, amount: fen(2_880)))),
            ("2024-12-18T08:00:00Z", .dividendAllocate(DividendAllocation(id: "2024", household: "152223-002", units: 40, amount: fen(11_520)))),
            ("2024-12-20T08:00:00Z", pay("2024", "152223-001", 2_880, "****9999", "BX-2024-0007", "2024-12-20")),
            ("2024-12-21T08:00:00Z", .entryReverse(Reversal(target: 13, reason: "账户错误"))),
            ("2024-12-22T08:00:00Z", pay("2024", "152223-001", 2_880, "****6217", "BX-2024-0008", "2024-12-22")),
            ("2025-01-02T08:00:00Z", .sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: 5,
                                                               date: day("2025-01-01"), reason: "分户"))),
        ]
    }

    /// Appends one entry, chained to the last.
    mutating func append(_ payload: EntryPayload, at time: String) {
        let entry = Entry(seq: Int64(records.count), prev: records.last?.hash ?? .zero, at: LedgerTime(time)!,
                          by: Self.accountant.id, payload: payload)
        let body = entry.canonicalBody()
        let hash = Entry.hash(body: body)
        records.append(RecordedEntry(entry: entry, hash: hash))
        bodies.append(body)
        tree.append(hash)
    }

    /// The checkpoint of the whole ledger, signed by the accountant.
    func signedCheckpoint(size: Int? = nil) -> SignedCheckpoint {
        let size = size ?? records.count
        let root = try! MerkleTree(reader: tree).root(size: size)
        return try! SignedCheckpoint.sign(Checkpoint(origin: Self.opening.origin, size: Int64(size), root: root), with: Self.accountant)
    }

    /// The facts of `household`: every entry naming it, the declarations, and every reversal.
    func facts(_ household: String) -> HouseholdFacts {
        let entries = records.filter { record in
            HouseholdFacts.mayConcern(record.entry, household: household) && ![.ledgerOpen, .keyAdd, .keyRetire].contains(record.entry.kind)
        }
        return HouseholdFacts(opening: Self.opening, household: household, entries: entries,
                              divisions: HouseholdFacts.divisions(of: records.map(\.entry)))
    }

    /// The statement of `household` against `checkpoint` (default: the whole ledger).
    func statement(_ household: String, year: Int? = nil, date: LedgerDate = Self.statementDate,
                   checkpoint: SignedCheckpoint? = nil) throws -> HouseholdStatement {
        let signed = checkpoint ?? signedCheckpoint()
        return try HouseholdStatement.build(
            facts: facts(household), year: year, date: date,
            checkpoint: StatementCheckpoint(checkpoint: signed.checkpoint, signer: Self.accountant.name))
    }

    /// The proof of `statement` against `checkpoint` (default: the whole ledger).
    func proof(_ statement: HouseholdStatement, checkpoint: SignedCheckpoint? = nil) throws -> StatementProof {
        try StatementProof.make(statement: statement, checkpoint: checkpoint ?? signedCheckpoint(),
                                tree: MerkleTree(reader: tree)) { bodies[Int($0)] }
    }

    /// What a checker trusts: this ledger as it stands.
    func trust(from proof: StatementProof) -> StatementProofTrust {
        let tree = MerkleTree(reader: tree)
        let size = records.count
        let head = Checkpoint(origin: Self.opening.origin, size: Int64(size), root: try! tree.root(size: size))
        let from = Int(proof.checkpoint.checkpoint.size)
        let consistency = from <= size ? try? tree.consistencyProof(from: from, to: size) : nil
        return StatementProofTrust(origin: Self.opening.origin, accountantKeys: [Self.accountant.verifier],
                                   head: head, consistency: consistency, facts: facts(proof.household))
    }
}
