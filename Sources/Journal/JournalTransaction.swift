import LedgerCore

/// One line of a transaction: an account and a signed amount (debit positive, credit negative).
struct JournalPosting: Equatable {
    let account: VillageAccount
    let fen: Int64
}

/// One double-entry transaction made from one ledger entry (a declaration with its allocations).
struct JournalTransaction {
    let date: LedgerDate
    /// The entry it comes from.
    let seq: Int64
    let payee: String
    let narration: String
    var postings: [JournalPosting]

    /// True when debits equal credits; every transaction the builder makes does.
    var isBalanced: Bool { postings.reduce(0) { $0 + $1.fen } == 0 }
}

/// Turns ledger entries, one at a time and in order, into double-entry transactions under the
/// village chart (see docs/JOURNAL.md).
struct JournalBuilder {
    /// A household's part of a declaration, posted with it.
    struct Allocated {
        let household: String
        let fen: Int64
        /// A cooperative member's part of it returned by transactions (0 otherwise).
        let rebate: Int64
    }

    /// Each distribution's allocations by id, from entries after its declaration.
    private let allocations: [String: [Allocated]]
    /// The entries some reversal names: their transactions are kept for it to post the opposite.
    private let reversed: Set<Int64>
    /// The transactions kept for a reversal, by the seq of their entry.
    private var bySeq: [Int64: JournalTransaction] = [:]
    /// The seqs of the declarations: a reversal of one withdraws it.
    private var declarations: Set<Int64> = []
    /// What of the special-purpose funds (专项应付款) has not yet formed an asset.
    private var specialOutstanding: Int64 = 0
    /// Each household's payable account, made once.
    private var payables: [String: VillageAccount] = [:]

    /// How a cooperative's distributions and payments post (``RebateSplit``).
    private let split: RebateSplit

    init(allocations: [String: [Allocated]], reversed: Set<Int64>, split: RebateSplit) {
        self.allocations = allocations
        self.reversed = reversed
        self.split = split
    }

    /// The transaction `entry` makes, if it makes one.
    mutating func add(_ entry: Entry) -> JournalTransaction? {
        let seq = entry.seq
        switch entry.payload {
        case .fundReceive(let f):
            return record(f.date, seq, f.source, "收到\(f.purpose)", [(.bank, f.amount.value), (.specialPayable, -f.amount.value)])
        case .investmentMake(let i):
            // A special-purpose fund that forms an asset moves from 专项应付款 to 公积公益金.
            let formed = min(i.amount.value, max(specialOutstanding, 0))
            var lines: [(VillageAccount, Int64)] = [(.investment(i.counterparty), i.amount.value), (.bank, -i.amount.value)]
            if formed > 0 { lines += [(.specialPayable, formed), (.reserveFund, -formed)] }
            return record(i.date, seq, i.counterparty, "对外投资，约定年收益率 \(Self.percent(i.returnBp))", lines)
        case .incomeRecord(let c):
            return record(c.date, seq, c.counterparty, c.category, [(.bank, c.amount.value), (.income(category: c.category), -c.amount.value)])
        case .expenseRecord(let c):
            return record(c.date, seq, c.counterparty, c.category, [(.expense(category: c.category), c.amount.value), (.bank, -c.amount.value)])
        case .dividendDeclare(let d) where split.cooperative.contains(d.id):
            // A cooperative's surplus (Art. 44): owed to each member by transactions and by capital, apart.
            var lines = [(VillageAccount, Int64)]()
            for line in d.appropriations where line.amount.value != 0 {
                lines.append((.surplusAppropriation(line.name), line.amount.value))
                lines.append((VillageAccount.isSurplusReserve(line.name) ? .surplusReserve : .payable(other: line.name), -line.amount.value))
            }
            let members = allocations[d.id] ?? []
            let rebates = members.reduce(0) { $0 + $1.rebate }
            if rebates != 0 { lines.append((.surplusRebates, rebates)) }
            if d.allocated.value - rebates != 0 { lines.append((.surplusRemainder, d.allocated.value - rebates)) }
            for a in members {
                if a.rebate != 0 { lines.append((.rebatePayable(member: a.household), -a.rebate)) }
                if a.fen - a.rebate != 0 { lines.append((.remainderPayable(member: a.household), a.rebate - a.fen)) }
            }
            declarations.insert(seq)
            return record(min(entry.at.date, d.recordDate), seq, "分配 \(d.id)",
                   "宣告盈余分配 \(d.id)：可分配 \(d.distributable.formatted)，按交易量返还 \(Fen(rebates).formatted)，按出资额等分配 \(Fen(d.allocated.value - rebates).formatted)，留存 \(d.residual.formatted)", lines)
        case .dividendDeclare(let d):
            var lines = [(VillageAccount, Int64)]()
            for line in d.appropriations where line.amount.value != 0 {
                lines.append((.distributionAppropriation(line.name), line.amount.value))
                lines.append((VillageAccount.isReserveFund(line.name) ? .reserveFund : .payable(other: line.name), -line.amount.value))
            }
            if d.allocated.value != 0 { lines.append((.distributionToHouseholds, d.allocated.value)) }
            for a in allocations[d.id] ?? [] { lines.append((payable(a.household), -a.fen)) }
            // Booked by its record date when recorded after it (a past year entered later), else
            // when recorded: before any of its payments, which the ledger dates on or after it.
            declarations.insert(seq)
            return record(min(entry.at.date, d.recordDate), seq, "分配 \(d.id)",
                   "宣告分配 \(d.id)：可分配 \(d.distributable.formatted)，分配 \(d.allocated.formatted)，留存 \(d.residual.formatted)", lines)
        case .dividendPay(let p):
            var lines: [(VillageAccount, Int64)]
            if let rebate = split.rebatePart[seq] {
                // A cooperative member's: its rebate first, then the remainder.
                lines = [(.rebatePayable(member: p.household), rebate), (.remainderPayable(member: p.household), p.amount.value - rebate)]
                    .filter { $0.1 != 0 }
            } else {
                lines = [(payable(p.household), p.amount.value)]
            }
            if p.channel == .cash {
                // The ledger records no cash drawn from the bank: the payment draws it (提现).
                lines += [(.cash, -p.amount.value), (.cash, p.amount.value), (.bank, -p.amount.value)]
            } else {
                lines.append((.bank, -p.amount.value))
            }
            let paidInto = switch p.channel {
            case .bank: "银行 \(p.account)"
            case .card: "一卡通 \(p.account)"
            case .cash: "现金"
            }
            return record(p.date, seq, p.household, "支付分配 \(p.id)（\(paidInto)，凭证 \(p.reference)）", lines)
        // A member's capital (出资额) is money paid in, and paid back when it leaves (退股); passed
        // from one member to another, it moves between their accounts. The ledger's other share
        // classes and accounts are counts, not money.
        case .sharesIssue(let c) where c.shareClass == ShareClass.capital:
            return record(c.date, seq, c.holder, "入社出资（\(c.reason)）", [(.bank, c.units), (.capitalStock(member: c.holder), -c.units)])
        case .sharesRetire(let c) where c.shareClass == ShareClass.capital:
            return record(c.date, seq, c.holder, "退还出资（\(c.reason)）", [(.capitalStock(member: c.holder), c.units), (.bank, -c.units)])
        case .sharesTransfer(let t) where t.shareClass == ShareClass.capital:
            return record(t.date, seq, t.from, "出资转让给 \(t.to)（\(t.reason)）",
                          [(.capitalStock(member: t.from), t.units), (.capitalStock(member: t.to), -t.units)])
        case .entryReverse(let r):
            guard let target = bySeq[r.target] else { return nil }
            // A declaration withdrawn is taken back where it was booked, whatever day the
            // withdrawal took effect, so that its year does not count both it and the declaration
            // that corrects it; anything else when reversed.
            return record(declarations.contains(r.target) ? target.date : r.date ?? entry.at.date, seq, target.payee,
                   "冲销 entry \(r.target)：\(r.reason)" + (r.reference.map { "（凭证 \($0)）" } ?? ""),
                   target.postings.map { ($0.account, -$0.fen) })
        default:
            return nil
        }
    }

    /// Household `household`'s payable account.
    private mutating func payable(_ household: String) -> VillageAccount {
        if let account = payables[household] { return account }
        let account = VillageAccount.payable(household: household)
        payables[household] = account
        return account
    }

    /// 800 → `8%`, 825 → `8.25%`.
    static func percent(_ bp: Int64) -> String {
        let rest = bp % 100
        return "\(bp / 100)" + (rest == 0 ? "" : rest % 10 == 0 ? ".\(rest / 10)" : rest < 10 ? ".0\(rest)" : ".\(rest)") + "%"
    }

    private mutating func record(_ date: LedgerDate, _ seq: Int64, _ payee: String, _ narration: String,
                                 _ lines: [(VillageAccount, Int64)]) -> JournalTransaction? {
        guard !lines.isEmpty else { return nil }
        let postings = lines.map { JournalPosting(account: $0.0, fen: $0.1) }
        for posting in postings where posting.account == .specialPayable { specialOutstanding -= posting.fen }
        let transaction = JournalTransaction(date: date, seq: seq, payee: payee, narration: narration, postings: postings)
        precondition(transaction.isBalanced, "journal transaction for entry \(seq) does not balance")
        if reversed.contains(seq) { bySeq[seq] = transaction }
        return transaction
    }
}
