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
public enum Journal {
    public static func render(entries: [Entry], format: JournalFormat) -> String {
        let builder = JournalBuilder(entries: entries)
        var state = LedgerState()
        for entry in entries { state.apply(entry, check: false) }
        let totals = JournalTotals(state: state)
        let title = state.opening.map { "\($0.org) \($0.origin)" } ?? "Fenhong ledger"
        switch format {
        case .hledger: return HledgerRenderer.render(builder.transactions, totals: totals, title: title)
        case .beancount: return BeancountRenderer.render(builder.transactions, totals: totals, title: title)
        }
    }
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
