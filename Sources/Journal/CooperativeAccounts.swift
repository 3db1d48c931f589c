import LedgerCore

/// The accounts of a farmers' cooperative's surplus (《农民专业合作社会计制度》, DOMAIN §2): a
/// distribution by Art. 44 debits 盈余分配 and owes each member its rebate by transactions
/// (应付盈余返还) and its share of the remainder by capital (应付剩余盈余), one sub-account per member.
extension VillageAccount {
    /// 应付盈余返还—<member>: what is owed by transactions.
    static func rebatePayable(member: String) -> VillageAccount {
        VillageAccount(hledger: "负债:应付盈余返还:" + hledgerComponent(member), beancount: "Liabilities:RebatesPayable:H" + asciiComponent(member),
                       chinese: "应付盈余返还—\(member)")
    }

    /// 应付剩余盈余—<member>: what is owed of the rest, by capital accounts.
    static func remainderPayable(member: String) -> VillageAccount {
        VillageAccount(hledger: "负债:应付剩余盈余:" + hledgerComponent(member), beancount: "Liabilities:RemainderPayable:H" + asciiComponent(member),
                       chinese: "应付剩余盈余—\(member)")
    }

    /// 股金—<member>: the capital a member paid in (出资额), owners' equity.
    static func capitalStock(member: String) -> VillageAccount {
        VillageAccount(hledger: "所有者权益:股金:" + hledgerComponent(member), beancount: "Equity:Capital:H" + asciiComponent(member),
                       chinese: "股金—\(member)")
    }

    static let surplusRebates = VillageAccount(
        hledger: "所有者权益:盈余分配:各项分配:盈余返还", beancount: "Equity:SurplusDistribution:Rebates", chinese: "盈余分配—各项分配—盈余返还")
    static let surplusRemainder = VillageAccount(
        hledger: "所有者权益:盈余分配:各项分配:剩余盈余分配", beancount: "Equity:SurplusDistribution:Remainder", chinese: "盈余分配—各项分配—剩余盈余分配")
    static let surplusReserve = VillageAccount(hledger: "所有者权益:盈余公积", beancount: "Equity:SurplusReserve", chinese: "盈余公积")

    /// True for a cooperative's appropriation to its reserve (盈余公积, Art. 42): named as the reserve
    /// fund, as Art. 44's return reckons it (``CooperativeSurplus/isReserveFund(_:)``). (A 公益金, or
    /// a name merely holding 公积, is no reserve of a cooperative's: drawn to a line of its own.)
    static func isSurplusReserve(_ name: String) -> Bool { CooperativeSurplus.isReserveFund(name) }

    /// The 盈余分配 account an appropriation of a cooperative's is drawn to: 提取盈余公积 for one
    /// named 公积…, else one of its own name.
    static func surplusAppropriation(_ name: String) -> VillageAccount {
        isSurplusReserve(name)
            ? VillageAccount(hledger: "所有者权益:盈余分配:各项分配:提取盈余公积", beancount: "Equity:SurplusDistribution:Reserve",
                             chinese: "盈余分配—各项分配—提取盈余公积")
            : VillageAccount(hledger: "所有者权益:盈余分配:各项分配:" + hledgerComponent(name), beancount: "Equity:SurplusDistribution:Other",
                             chinese: "盈余分配—各项分配—其他")
    }
}

/// How a cooperative's payments split between a member's two payables: its rebate first, then
/// the remainder. Worked out in the journal's first pass, payment by payment in ledger order (a
/// reversal giving back its payment's part), so that the postings and the closing assertions
/// are made from one reckoning.
struct RebateSplit {
    private struct Key: Hashable {
        let id: String
        let member: String
    }

    /// The cooperative distributions (by id), from their declarations.
    private(set) var cooperative: Set<String> = []
    private var rebateOwed: [Key: Int64] = [:]
    private var rebatePaid: [Key: Int64] = [:]
    /// Each cooperative payment's rebate part, by the seq of its entry.
    private(set) var rebatePart: [Int64: Int64] = [:]
    private var paymentKey: [Int64: Key] = [:]

    mutating func survey(_ entry: Entry) {
        switch entry.payload {
        case .dividendDeclare(let d) where d.rule["basis"]?.stringValue == "cooperative": cooperative.insert(d.id)
        case .dividendAllocate(let a) where cooperative.contains(a.id):
            rebateOwed[Key(id: a.id, member: a.household), default: 0] += a.rebate?.value ?? 0
        case .dividendPay(let p) where cooperative.contains(p.id):
            let key = Key(id: p.id, member: p.household)
            let part = min(p.amount.value, max(0, (rebateOwed[key] ?? 0) - (rebatePaid[key] ?? 0)))
            rebatePaid[key, default: 0] += part
            rebatePart[entry.seq] = part
            paymentKey[entry.seq] = key
        case .entryReverse(let r):
            if let key = paymentKey[r.target], let part = rebatePart[r.target] { rebatePaid[key, default: 0] -= part }
        default: break
        }
    }

    /// What distribution `id` returns by transactions, to every member.
    func rebateTotal(id: String) -> Int64 {
        rebateOwed.reduce(0) { $0 + ($1.key.id == id ? $1.value : 0) }
    }

    /// What member `member` is still owed by transactions in distribution `id`.
    func rebateOutstanding(id: String, member: String) -> Int64 {
        let key = Key(id: id, member: member)
        return (rebateOwed[key] ?? 0) - (rebatePaid[key] ?? 0)
    }
}
