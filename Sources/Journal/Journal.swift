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
        switch entry.payload {
        case .dividendAllocate(let a) where a.amount.value != 0:
            allocations[a.id, default: []].append(JournalBuilder.Allocated(household: a.household, fen: a.amount.value))
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
        builder = JournalBuilder(allocations: allocations, reversed: reversed)
        let totals = JournalTotals(state: state)
        self.totals = totals
        title = state.opening.map { "\($0.org) \($0.origin)" } ?? title
        allocations = [:]
        state = LedgerState()
        accounts.insert(.distributionToHouseholds)
        for household in totals.outstanding { accounts.insert(.payable(household: household.household)) }
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
    /// Per household with an allocation: owed − paid over every distribution, in fen.
    let outstanding: [(household: String, fen: Int64)]
    /// Σ allocated over every distribution, in fen.
    let allocated: Int64

    init(state: LedgerState) {
        var outstanding = [String: Int64]()
        var allocated: Int64 = 0
        // A withdrawn distribution owes nothing: its declaration's reversal undid its postings.
        for (id, record) in state.distributions where record.withdrawnBy == nil {
            allocated += record.declaration.allocated.value
            for household in state.households.keys {
                if let a = state.allocation(id: id, household: household) {
                    outstanding[household, default: 0] += a.owed.value - a.paid.value
                }
            }
        }
        self.outstanding = outstanding.sorted { HolderOrder.areInIncreasingOrder($0.key, $1.key) }.map { ($0.key, $0.value) }
        self.allocated = allocated
    }
}

/// Amount text both tools read: `-1666.67`.
func decimal(_ fen: Int64) -> String {
    let rest = fen.magnitude % 100
    return (fen < 0 ? "-" : "") + "\(fen.magnitude / 100)." + (rest < 10 ? "0" : "") + "\(rest)"
}
