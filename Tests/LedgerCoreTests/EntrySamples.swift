import LedgerCore

/// One payload of every kind, with plausible values, for round trips and rule tests.
enum EntrySamples {
    static let accountant = try! NoteSigner(name: "baixin-accountant", algorithm: .ed25519, key: SigningKey(seed: [UInt8](repeating: 7, count: 32)))
    static let inspector = try! NoteSigner(name: "zalaite-inspector", algorithm: .cosignature, key: SigningKey(seed: [UInt8](repeating: 9, count: 32)))
    static let day = LedgerDate("2024-12-20")!
    static let time = LedgerTime("2024-12-20T08:00:00Z")!

    static let open = LedgerOpen(origin: "fenhong/152223/baixin", org: "白辛嘎查股份经济合作社", village: "白辛嘎查",
                                 region: ["兴安盟", "扎赉特旗", "阿尔本格勒镇", "白辛嘎查"], key: accountant.verifier.vkey)
    static let chenMei = HouseholdRegistration(household: "152223-001", head: "陈梅", members: 2, poor: true,
                                               idMasked: "152223********1234", account: "****5678", date: LedgerDate("2018-12-01")!)

    static var everyKind: [EntryPayload] {
        [
            .ledgerOpen(open),
            .keyAdd(KeyChange(key: inspector.verifier.vkey, role: .inspector)),
            .keyRetire(KeyChange(key: inspector.verifier.vkey, role: .inspector)),
            .householdRegister(chenMei),
            .householdUpdate(HouseholdUpdate(household: "152223-001", poor: false, date: day, reason: "脱贫")),
            .sharesIssue(SharesChange(holder: "152223-001", shareClass: "poverty", units: 10, date: day, reason: "折股量化")),
            .sharesTransfer(SharesTransfer(from: "152223-001", to: "collective", shareClass: "poverty", units: 2, date: day, reason: "回购")),
            .sharesRetire(SharesChange(holder: "collective", shareClass: "poverty", units: 2, date: day, reason: "注销")),
            .fundReceive(FundReceipt(amount: Fen(20_000_000), source: "扎赉特旗财政局", purpose: "产业发展引导资金", date: day)),
            .investmentMake(Investment(amount: Fen(20_000_000), counterparty: "扎赉特旗肉牛养殖合作社", returnBp: 800, date: day)),
            .incomeRecord(CashFlow(amount: Fen(1_650_000), category: "投资收益", counterparty: "扎赉特旗肉牛养殖合作社", date: day)),
            .expenseRecord(CashFlow(amount: Fen(50_000), category: "管理费用", counterparty: "村委会", date: day)),
            .dividendDeclare(DividendDeclaration(
                id: "2024", recordDate: day, distributable: Fen(1_600_000),
                appropriations: [AppropriationLine(name: "公积公益金", bp: 1000, amount: Fen(160_000))], pool: Fen(1_440_000),
                rule: ["basis": .string("household"), "method": .string("largest-remainder")], allocated: Fen(1_440_000), residual: .zero)),
            .dividendAllocate(DividendAllocation(id: "2024", household: "152223-001", units: 1, amount: Fen(1_440_000))),
            .dividendPay(DividendPayment(id: "2024", household: "152223-001", amount: Fen(288_000), channel: .bank,
                                         account: "****5678", reference: "ZLT20241220001", date: day)),
            .entryReverse(Reversal(target: 10, reason: "amount entered twice")),
        ]
    }

    /// Entries with seq, prev, at and by filled in as the store would.
    static func chain(_ payloads: [EntryPayload]) -> [Entry] {
        var prev = EntryHash.zero
        return payloads.enumerated().map { offset, payload in
            let entry = Entry(seq: Int64(offset), prev: prev, at: time, by: accountant.id, payload: payload)
            prev = Entry.hash(body: entry.canonicalBody())
            return entry
        }
    }
}
