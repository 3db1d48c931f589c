import LedgerCore

/// The plain-text accounting formats the ledger exports to.
public enum JournalFormat: String, CaseIterable, Sendable {
    /// hledger (and Ledger-compatible) journal with the Chinese village chart as account names.
    case hledger
    /// beancount v2/v3 with ASCII account names and the Chinese in metadata.
    case beancount
}

/// The ledger as a double-entry journal (docs/JOURNAL.md): pure, entries in, text out.
///
/// The journal ends with balance assertions whose amounts come from Fenhong's own business state
/// (``LedgerState``), not from the journal's postings: what each household is still owed, and
/// what was allocated to households. So `hledger check` or `bean-check` passing proves that the
/// journal's balances equal Fenhong's totals.
///
/// It is written in two passes over the entries, in order, holding none of them: the first
/// (``survey(_:)``) learns what a transaction needs from entries after it (a declaration's
/// allocations, whether it is reversed) and Fenhong's totals; the second (``text(for:)``) gives
/// each entry's transaction as text. The ``header()`` (accounts, which the transactions name) and
/// the ``closing()`` (the totals asserted) are asked for after the second pass.
public struct JournalExport {
    public let format: JournalFormat
    /// Entries surveyed.
    public private(set) var entries: Int64 = 0

    // The first pass.
    private var state = LedgerState()
    private var allocations: [String: [JournalBuilder.Allocated]] = [:]
    private var reversed: Set<Int64> = []
    private var split = RebateSplit()

    // The second pass.
    private var builder: JournalBuilder?
    private var totals: JournalTotals?
    private var title = "Fenhong ledger"
    private var accounts = JournalAccounts()
    private var first: LedgerDate?
    private var last: LedgerDate?

    public init(format: JournalFormat) { self.format = format }

    /// The first pass: every entry, in order, before any ``text(for:)``.
    public mutating func survey(_ entry: Entry) {
        precondition(builder == nil, "every entry is surveyed before the first is written")
        entries += 1
        state.apply(entry, check: false)
        split.survey(entry)
        switch entry.payload {
        case .dividendAllocate(let a) where a.amount.value != 0:
            allocations[a.id, default: []].append(JournalBuilder.Allocated(household: a.household, fen: a.amount.value, rebate: a.rebate?.value ?? 0))
        case .entryReverse(let r): reversed.insert(r.target)
        default: break
        }
    }

    /// The second pass: the transaction entry makes, as text ("" for an entry that posts
    /// nothing), the entries given in the order surveyed.
    public mutating func text(for entry: Entry) -> String {
        if builder == nil { startWriting() }
        guard let transaction = builder!.add(entry) else { return "" }
        first = min(first ?? transaction.date, transaction.date)
        last = max(last ?? transaction.date, transaction.date)
        for posting in transaction.postings { accounts.insert(posting.account) }
        return switch format {
        case .hledger: HledgerRenderer.transaction(transaction)
        case .beancount: BeancountRenderer.transaction(transaction)
        }
    }

    /// The survey's results handed to the second pass, and its state let go: only the totals
    /// it computed are kept.
    private mutating func startWriting() {
        builder = JournalBuilder(allocations: allocations, reversed: reversed, split: split)
        let totals = JournalTotals(state: state, split: split)
        self.totals = totals
        title = state.opening.map { "\($0.org) \($0.origin)" } ?? title
        allocations = [:]
        state = LedgerState()
        // Every account an assertion names is declared, whether or not a posting names it.
        for account in totals.assertions.map(\.account) { accounts.insert(account) }
    }

    /// What comes before the transactions: the title, options, and every account they name.
    public mutating func header() -> String {
        if builder == nil { startWriting() }
        return switch format {
        case .hledger: HledgerRenderer.header(title: title, accounts: accounts.byHledgerName)
        case .beancount: BeancountRenderer.header(title: title, opened: first, accounts: accounts.byBeancountName)
        }
    }

    /// What comes after the transactions: Fenhong's totals, asserted.
    public mutating func closing() -> String {
        if builder == nil { startWriting() }
        guard let last, let totals else { return "" }
        return switch format {
        case .hledger: HledgerRenderer.closing(last: last, totals: totals)
        case .beancount: BeancountRenderer.closing(last: last, totals: totals)
        }
    }
}

/// The accounts a journal names, as each tool declares them.
struct JournalAccounts {
    private var hledger: Set<VillageAccount> = []
    /// By beancount name, the first account of that name: its Chinese name is the one declared.
    private var beancount: [String: VillageAccount] = [:]

    mutating func insert(_ account: VillageAccount) {
        hledger.insert(account)
        if beancount[account.beancount] == nil { beancount[account.beancount] = account }
    }

    var byHledgerName: [VillageAccount] { hledger.sorted { $0.hledger < $1.hledger } }
    var byBeancountName: [(name: String, account: VillageAccount)] { beancount.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
}

/// The balances Fenhong itself computes, asserted at the end of the journal.
struct JournalTotals {
    /// Each account asserted and its balance, in fen: what was allocated (a village's to its
    /// households, a cooperative's by transactions and by capital), and what each household or
    /// member is still owed (owed − paid, over every standing distribution), credits negative.
    let assertions: [(account: VillageAccount, fen: Int64)]

    init(state: LedgerState, split: RebateSplit) {
        var owed = [String: Int64](), rebates = [String: Int64](), remainders = [String: Int64]()
        var allocated: Int64 = 0, rebated: Int64 = 0, remaining: Int64 = 0
        // A withdrawn distribution owes nothing: its declaration's reversal undid its postings.
        for (id, record) in state.distributions where record.withdrawnBy == nil {
            let cooperative = split.cooperative.contains(id)
            for household in state.households.keys {
                guard let a = state.allocation(id: id, household: household) else { continue }
                let outstanding = a.owed.value - a.paid.value
                if cooperative {
                    let rebate = split.rebateOutstanding(id: id, member: household)
                    rebates[household, default: 0] += rebate
                    remainders[household, default: 0] += outstanding - rebate
                } else {
                    owed[household, default: 0] += outstanding
                }
            }
            if cooperative {
                let rebate = split.rebateTotal(id: id)
                rebated += rebate
                remaining += record.declaration.allocated.value - rebate
            } else {
                allocated += record.declaration.allocated.value
            }
        }
        func members(_ balances: [String: Int64], _ account: (String) -> VillageAccount) -> [(account: VillageAccount, fen: Int64)] {
            balances.sorted { HolderOrder.areInIncreasingOrder($0.key, $1.key) }.map { (account($0.key), -$0.value) }
        }
        var assertions: [(account: VillageAccount, fen: Int64)] = [(.distributionToHouseholds, allocated)]
        if !split.cooperative.isEmpty { assertions += [(.surplusRebates, rebated), (.surplusRemainder, remaining)] }
        assertions += members(owed) { .payable(household: $0) }
        // Each member's capital paid in and not paid back, as its account records it.
        let capital = state.sharesByHolder().compactMapValues { holdings in
            holdings.first { $0.shareClass == ShareClass.capital }.map(\.units)
        }.filter { $0.value != 0 }
        assertions += members(capital) { .capitalStock(member: $0) }
        assertions += members(rebates) { .rebatePayable(member: $0) } + members(remainders) { .remainderPayable(member: $0) }
        self.assertions = assertions
    }
}

/// Amount text both tools read: `-1666.67`.
func decimal(_ fen: Int64) -> String {
    let rest = fen.magnitude % 100
    return (fen < 0 ? "-" : "") + "\(fen.magnitude / 100)." + (rest < 10 ? "0" : "") + "\(rest)"
}
