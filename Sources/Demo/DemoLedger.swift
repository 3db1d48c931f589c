import LedgerCore
import LedgerStore
import Payouts

/// Builds the seed village's ledger, 2018–2024, through the same library calls the commands
/// use: the fund received and invested, households registered, shares issued, cooperative
/// equity, a distribution each year with appropriations and a guaranteed minimum, payments,
/// one correction by reversal, a household exiting poverty and another taking its place.
/// Fixed clock and demo keys: the result is the same byte for byte on every run.
public enum DemoLedger {
    /// When the inspector cosigns (2024-12-31T10:00:00Z).
    public static let cosignTime: UInt64 = 1_735_639_200

    /// Writes the ledger to `path` (which must not exist).
    public static func build(at path: String) throws -> LedgerStore {
        var writer = try DemoWriter(path: path)
        try writer.foundation2018()
        for year in 2019...2024 {
            if year == 2021 { try writer.leaseIncome2021() }
            if year == 2022 { try writer.exitPoverty() }
            if year == 2023 { try writer.replaceExitedHousehold() }
            try writer.povertyDividend(year: year)
        }
        return writer.store
    }
}

/// The accountant at work: one command after another, each with its own time.
struct DemoWriter {
    let store: LedgerStore
    private var day = ""
    private var minute = 0
    private let signer = DemoKeys.accountant

    init(path: String) throws {
        let open = LedgerOpen(origin: DemoVillage.origin, org: DemoVillage.org, village: DemoVillage.village,
                              region: DemoVillage.region, key: signer.verifier.vkey)
        store = try LedgerStore.create(path: path, opening: open, signer: signer, at: LedgerTime("2018-06-01T08:00:00Z")!).0
        day = "2018-06-01"
        minute = 1
    }

    /// The recording time: the accountant records on `date`, or later if the last command was later.
    private mutating func time(_ date: String) -> LedgerTime {
        if date > day { day = date; minute = 0 }
        defer { minute += 1 }
        let hh = 8 + minute / 60, mm = minute % 60
        return LedgerTime("\(date)T\(hh < 10 ? "0" : "")\(hh):\(mm < 10 ? "0" : "")\(mm):00Z")!
    }

    private static func date(_ text: String) -> LedgerDate { LedgerDate(text)! }

    @discardableResult
    private mutating func record(_ date: String, _ payloads: [EntryPayload]) throws -> AppendResult {
        try store.append(payloads, signer: signer, at: time(date))
    }

    mutating func foundation2018() throws {
        try record("2018-06-01", [.keyAdd(KeyChange(key: DemoKeys.inspector.verifier.vkey, role: .inspector))])
        try record("2018-06-15", [.fundReceive(FundReceipt(amount: Fen(yuan: 200_000), source: "扎赉特旗财政局",
                                                           purpose: "嘎查村集体经济产业发展引导资金", date: Self.date("2018-06-15")))])
        let registered = Self.date("2018-11-30")
        try record("2018-11-30", DemoVillage.households.enumerated().map { index, h in
            .householdRegister(HouseholdRegistration(household: h.number, head: h.head, members: h.members, poor: h.poor,
                                                     idMasked: DemoVillage.idMasked(index), account: DemoVillage.account(index), date: registered))
        })
        let issued = Self.date("2018-12-20")
        try record("2018-12-20", [
            .investmentMake(Investment(amount: Fen(yuan: 200_000), counterparty: DemoVillage.cooperative, returnBp: 800, date: issued)),
            .sharesIssue(SharesChange(holder: Holder.collective, shareClass: ShareClass.collective, units: 200_000, date: issued,
                                      reason: "产业发展引导资金入股" + DemoVillage.cooperative)),
        ])
        try record("2018-12-20", DemoVillage.households.map { h in
            .sharesIssue(SharesChange(holder: h.number, shareClass: ShareClass.member, units: h.members, date: issued, reason: "折股量化 基准日2017-12-31"))
        })
        try record("2018-12-20", DemoVillage.households.filter(\.poor).map { h in
            .sharesIssue(SharesChange(holder: h.number, shareClass: ShareClass.poverty, units: 10, date: issued, reason: "扶贫资金折股量化到户"))
        })
        try record("2018-12-28", DemoVillage.households.filter { $0.cooperativeCapital > 0 }.map { h in
            .sharesIssue(SharesChange(holder: h.number, shareClass: ShareClass.capital, units: h.cooperativeCapital * 100,
                                      date: Self.date("2018-12-28"), reason: "参股入社 " + DemoVillage.cooperative))
        })
    }

    /// The 8% return on the 200,000-yuan fund, 10% to 公积公益金, a 2,000-yuan floor for every
    /// registered-poor household, the rest by poverty shares: 2,880.00 each for five households.
    mutating func povertyDividend(year: Int) throws {
        try record("\(year)-12-10", [.incomeRecord(CashFlow(amount: Fen(yuan: 16_000), category: "投资收益",
                                                            counterparty: DemoVillage.cooperative, date: Self.date("\(year)-12-10")))])
        let spec = DistributionSpec(
            id: "\(year)-poverty", recordDate: Self.date("\(year)-12-15"), amount: .distributable(Fen(yuan: 16_000)),
            appropriations: [Appropriation(name: "公积公益金", bp: 1000)], basis: Self.byShares([ShareClass.poverty: 1]),
            guaranteedMinimum: Fen(yuan: 2_000))
        if year == 2021 { try cooperativeIncome2021() }
        try declare(spec, on: "\(year)-12-20")
        if year == 2021 {
            try declare(memberSpec2021, on: "2021-12-20")
            try declare(cooperativeSpec2021, on: "2021-12-20")
        }
        if year == 2020 {
            try correctMisdirectedPayment(spec.id)
        }
        try payAll(spec.id, on: "\(year)-12-28")
        if year == 2021 {
            try payAll(memberSpec2021.id, on: "2021-12-29")
            try payAll(cooperativeSpec2021.id, on: "2021-12-30")
        }
    }

    /// Grassland lease income, shared at year end by member shares (人口股) after 30% to 公积公益金.
    mutating func leaseIncome2021() throws {
        try record("2021-03-01", [.incomeRecord(CashFlow(amount: Fen(yuan: 12_000), category: "经营收入（草场发包）",
                                                         counterparty: "扎赉特旗草原牧业有限公司", date: Self.date("2021-03-01")))])
    }

    /// A distribution by the classes `weights` names; every other class is held out (weight 0).
    private static func byShares(_ weights: [String: Int64]) -> DistributionBasis {
        .units(classWeights: weights.merging(ShareClass.named.map { ($0, 0) }) { given, _ in given })
    }

    private var memberSpec2021: DistributionSpec {
        DistributionSpec(
            id: "2021-member", recordDate: Self.date("2021-12-15"), amount: .distributable(Fen(yuan: 12_000)),
            appropriations: [Appropriation(name: "公积公益金", bp: 3000)], basis: Self.byShares([ShareClass.member: 1]))
    }

    /// The cooperative's surplus returned to its member households under Art. 44: at least 60%
    /// by cattle sold through it, the rest by capital contributed. Each member's sales of the
    /// year are recorded in its 交易额 account (Art. 43), which the distribution returns by and a
    /// verifier holds it to.
    mutating func cooperativeIncome2021() throws {
        let sold = Self.date("2021-11-30")
        try record("2021-12-18", DemoVillage.households.filter { $0.cooperativeTrade2021 > 0 }.map { h in
            .sharesIssue(SharesChange(holder: h.number, shareClass: ShareClass.trade, units: h.cooperativeTrade2021 * 100, date: sold,
                                      reason: "2021年经合作社交售肉牛 " + DemoVillage.cooperative))
        } + [.incomeRecord(CashFlow(amount: Fen(yuan: 50_000), category: "合作社盈余返还",
                                    counterparty: DemoVillage.cooperative, date: Self.date("2021-12-18")))])
    }

    private var cooperativeSpec2021: DistributionSpec {
        DistributionSpec(
            id: "2021-coop", recordDate: Self.date("2021-12-15"), amount: .distributable(Fen(yuan: 50_000)),
            appropriations: [Appropriation(name: "公积金", bp: 1000)],
            basis: .cooperative(CooperativeRule(transactionClass: ShareClass.trade,
                                                capitalClasses: [ShareClass.capital, ShareClass.reserve, ShareClass.subsidy])))
    }

    /// 乌力吉's household reaches the exit standard (脱贫) on 2022-06-30: no poverty dividend from then on.
    mutating func exitPoverty() throws {
        try record("2022-06-30", [.householdUpdate(HouseholdUpdate(household: "152223-003", poor: false,
                                                                   date: Self.date("2022-06-30"), reason: "达到脱贫标准，退出"))])
    }

    /// 李秀英's household is newly registered poor and takes over the exited household's poverty shares (递补).
    mutating func replaceExitedHousehold() throws {
        let day = Self.date("2023-03-01")
        try record("2023-03-01", [
            .householdUpdate(HouseholdUpdate(household: "152223-028", poor: true, date: day, reason: "新识别建档立卡户")),
            .sharesTransfer(SharesTransfer(from: "152223-003", to: "152223-028", shareClass: ShareClass.poverty, units: 10,
                                           date: day, reason: "递补：脱贫户扶贫股转新识别贫困户")),
        ])
    }

    private mutating func declare(_ spec: DistributionSpec, on date: String) throws {
        try store.append(signer: signer, at: time(date)) { reader in
            try spec.plan(entries: reader.allEntries()).plan.declarationEntries(id: spec.id, recordDate: spec.recordDate)
        }
    }

    /// DOMAIN §9 example 8: 其木格's 2,880.00 posted to 张桂兰 by mistake, reversed, then paid right.
    private mutating func correctMisdirectedPayment(_ id: String) throws {
        let wrong = try record("2020-12-26", [.dividendPay(DividendPayment(
            id: id, household: "152223-019", amount: Fen(yuan: 2_880), channel: .bank, account: DemoVillage.account(18),
            reference: "ZLT2020-019A", date: Self.date("2020-12-26")))])
        // The reason is printed on 张桂兰's statement: it names no other household.
        try record("2020-12-27", [.entryReverse(Reversal(target: wrong.entries[0].seq, reason: "误付：此款应付他户，已退回",
                                                         reference: "退ZLT2020-019A"))])
    }

    /// Pays everything outstanding in `id`: Chen Mei by her 一卡通 card, 其木格 in cash before
    /// witnesses, everyone else by bank, in one batch.
    private mutating func payAll(_ id: String, on date: String) throws {
        let paid = Self.date(date)
        try store.append(signer: signer, at: time(date)) { reader in
            let state = try reader.fullState()
            return state.households.keys.sorted(by: HolderOrder.areInIncreasingOrder).compactMap { household in
                guard let line = state.allocation(id: id, household: household), line.owed.value > line.paid.value else { return nil }
                let account = state.households[household]!.registration.account
                let suffix = household.suffix(3)
                let (channel, paidInto, reference): (PaymentChannel, String, String) = switch household {
                case DemoVillage.chenMei: (.card, account, "一卡通-\(date.prefix(4))-\(suffix)")
                case "152223-012": (.cash, "cash", "现金-\(date.prefix(4))-\(suffix) 见证人:村务监督委员会")
                default: (.bank, account, "ZLT\(date.prefix(4))-\(suffix)")
                }
                return .dividendPay(DividendPayment(id: id, household: household, amount: line.owed - line.paid, channel: channel,
                                                    account: paidInto, reference: reference, date: paid))
            }
        }
    }
}
