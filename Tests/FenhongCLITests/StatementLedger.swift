import Foundation
import LedgerCore
import LedgerStore

/// A village ledger with two distributions, a reversed payment and an unpaid household, written
/// with LedgerStore directly (the `dividend` command is not part of this branch).
///
///  seq  kind                what
///    0  ledger.open         白辛嘎查股份经济合作社
///    1  household.register  152223-001 陈梅 (3 members)
///    2  household.register  152223-002 包金山 (4 members)
///    3  shares.issue        152223-001 10 poverty
///    4  shares.issue        152223-002 40 member
///    5  dividend.declare    2023: 16,000.00 − 1,600.00 = 14,400.00
///  6–7  dividend.allocate   2,880.00 / 11,520.00
///  8–9  dividend.pay        2023-12-20, both households
///   10  dividend.declare    2024
/// 11–12 dividend.allocate   2,880.00 / 11,520.00
///   13  dividend.pay        152223-001 2,880.00 to ****9999 (wrong account)
///   14  entry.reverse       13
///   15  dividend.pay        152223-001 2,880.00 to ****6217
enum StatementLedger {
    /// Creates `baixin.fenhong` and `accountant.key` in the CLI's folder.
    static func create(in cli: CLI) throws {
        let accountant = try NoteSigner.generate(name: "baixin-accountant", algorithm: .ed25519)
        try KeyFile.write(accountant, to: cli.folder.appendingPathComponent("accountant.key").path)
        let open = LedgerOpen(origin: "fenhong/152223/baixin", org: "白辛嘎查股份经济合作社", village: "白辛嘎查",
                              region: ["兴安盟", "扎赉特旗", "阿尔本格勒镇", "白辛嘎查"], key: accountant.verifier.vkey)
        let path = cli.folder.appendingPathComponent("baixin.fenhong").path
        let (store, _) = try LedgerStore.create(path: path, opening: open, signer: accountant, at: LedgerTime("2018-06-01T08:00:00Z")!)
        func day(_ text: String) -> LedgerDate { LedgerDate(text)! }
        func at(_ text: String) -> LedgerTime { LedgerTime(text + "T08:00:00Z")! }
        func pay(_ id: String, _ household: String, _ yuan: Int64, _ account: String, _ reference: String, _ date: String) -> EntryPayload {
            .dividendPay(DividendPayment(id: id, household: household, amount: Fen(yuan: yuan), channel: .bank,
                                         account: account, reference: reference, date: day(date)))
        }
        func distribution(_ id: String, _ recordDate: String) -> [EntryPayload] {
            [.dividendDeclare(DividendDeclaration(
                id: id, recordDate: day(recordDate), distributable: Fen(yuan: 16_000),
                appropriations: [AppropriationLine(name: "公积公益金", bp: 1000, amount: Fen(yuan: 1_600))],
                pool: Fen(yuan: 14_400), rule: ["basis": .string("units"), "classes": .object(["member": .integer(1), "poverty": .integer(1)])], allocated: Fen(yuan: 14_400), residual: .zero)),
             .dividendAllocate(DividendAllocation(id: id, household: "152223-001", units: 10, amount: Fen(yuan: 2_880))),
             .dividendAllocate(DividendAllocation(id: id, household: "152223-002", units: 40, amount: Fen(yuan: 11_520)))]
        }
        _ = try store.append([
            .householdRegister(HouseholdRegistration(household: "152223-001", head: "陈梅", members: 3, poor: true,
                                                     idMasked: "152223********1234", account: "****6217", date: day("2018-06-01"))),
            .householdRegister(HouseholdRegistration(household: "152223-002", head: "包金山", members: 4, poor: false,
                                                     idMasked: "152223********3456", account: "****4321", date: day("2018-06-01"))),
        ], signer: accountant, at: at("2018-06-01"))
        _ = try store.append([
            .sharesIssue(SharesChange(holder: "152223-001", shareClass: "poverty", units: 10, date: day("2018-06-02"), reason: "折股量化")),
            .sharesIssue(SharesChange(holder: "152223-002", shareClass: "member", units: 40, date: day("2018-06-02"), reason: "折股量化")),
        ], signer: accountant, at: at("2018-06-02"))
        _ = try store.append(distribution("2023", "2023-12-15"), signer: accountant, at: at("2023-12-18"))
        _ = try store.append([pay("2023", "152223-001", 2_880, "****6217", "BX-2023-0001", "2023-12-20"),
                          pay("2023", "152223-002", 11_520, "****4321", "BX-2023-0002", "2023-12-20")],
                         signer: accountant, at: at("2023-12-20"))
        _ = try store.append(distribution("2024", "2024-12-15"), signer: accountant, at: at("2024-12-18"))
        // Paid into a wrong account, as it happened (said so: otherAccounts), then reversed.
        _ = try store.append([pay("2024", "152223-001", 2_880, "****9999", "BX-2024-0007", "2024-12-20")], signer: accountant, at: at("2024-12-20"),
                             otherAccounts: true)
        _ = try store.append([.entryReverse(Reversal(target: 13, reason: "账户错误"))], signer: accountant, at: at("2024-12-21"))
        _ = try store.append([pay("2024", "152223-001", 2_880, "****6217", "BX-2024-0008", "2024-12-22")], signer: accountant, at: at("2024-12-22"))
        cli.environment = ["FENHONG_LEDGER": "baixin.fenhong", "FENHONG_KEY": "accountant.key"]
    }

    /// Appends one more entry (the ledger grows after a statement was made).
    static func grow(in cli: CLI) throws {
        let accountant = try KeyFile.read(cli.folder.appendingPathComponent("accountant.key").path)
        let store = try LedgerStore.open(path: cli.folder.appendingPathComponent("baixin.fenhong").path)
        _ = try store.append([.incomeRecord(CashFlow(amount: Fen(yuan: 100), category: "投资收益", counterparty: "合作社",
                                                 date: LedgerDate("2025-01-05")!))],
                         signer: accountant, at: LedgerTime("2025-01-05T08:00:00Z")!)
    }
}
