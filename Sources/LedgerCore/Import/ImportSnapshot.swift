/// A ledger as it stands, in the rows of the import files: what `fenhong log --csv` writes, so
/// that importing its three files into a fresh ledger gives the same households, the same share
/// holdings and the same payments.
///
/// The import files hold registrations, issues and payments only, so the history is folded in:
/// - a household is one registration row with every `household.update` applied (head, members,
///   registered-poor status, ID, account), dated the day it was registered;
/// - a holding is one issue row a holder and class, of the units held after every issue,
///   transfer, retirement and reversal; a holding that is one issue, never changed since, keeps
///   that issue's date and reason, any other gets the latest date of the entries that made it and
///   the reason ``carriedForwardReason``; a holding of nothing has no row, nor the poverty shares
///   of a household no longer registered-poor (withdrawn at its exit, DOMAIN §3);
/// - a payment that was reversed has no row.
public struct ImportSnapshot: Sendable {
    /// The households, in the order they were registered, with their updates applied.
    public let households: [HouseholdRegistration]
    /// One issue a holder and class held, in the order the holdings began.
    public let holdings: [SharesChange]
    /// The payments not reversed, in ledger order.
    public let payments: [DividendPayment]

    /// The reason of a holding row that stands for more than one entry (结转: carried forward).
    public static let carriedForwardReason = "持股结转"

    /// Replays `entries`, a whole ledger in seq order, as trusted history (they were checked when
    /// they were written).
    public init(entries: some Sequence<Entry>) {
        self.init { add in for entry in entries { add(entry) } }
    }

    /// As ``init(entries:)``, the entries handed over one at a time by `read`, so that a whole
    /// ledger is never held at once (a store reads them as it goes).
    public init(_ read: (_ add: (Entry) -> Void) throws -> Void) rethrows {
        var state = LedgerState()
        var registrationOrder = [String]()
        var shareEntries = [Entry]()
        var paymentEntries = [Entry]()
        try read { entry in
            switch entry.payload {
            case .householdRegister(let r) where !state.isRegistered(r.household): registrationOrder.append(r.household)
            case .sharesIssue, .sharesTransfer, .sharesRetire: shareEntries.append(entry)
            case .dividendPay: paymentEntries.append(entry)
            default: break
            }
            state.apply(entry, check: false)
        }
        // A household withdrawn is none; one registered again after, once, where first registered.
        var listed = Set<String>()
        households = registrationOrder.compactMap { listed.insert($0).inserted ? state.households[$0]?.registration : nil }
        holdings = Self.holdings(shareEntries.filter { !state.isReversed($0.seq) }, state: state)
        payments = paymentEntries.compactMap { entry in
            guard case .dividendPay(let payment) = entry.payload, !state.isReversed(entry.seq) else { return nil }
            return payment
        }
    }

    /// The rows of an import file of `kind`, as payloads; with `household`, only the rows of that
    /// household (its registration, its holdings, the payments to it).
    public func payloads(_ kind: ImportKind, household: String? = nil) -> [EntryPayload] {
        switch kind {
        case .households:
            households.filter { household == nil || $0.household == household }.map(EntryPayload.householdRegister)
        case .shares:
            holdings.filter { household == nil || $0.holder == household }.map(EntryPayload.sharesIssue)
        case .payments:
            payments.filter { household == nil || $0.household == household }.map(EntryPayload.dividendPay)
        }
    }

    /// What made one holding: how many entries changed it, the latest of their dates, and the
    /// issue itself while that is the only one.
    private struct HoldingHistory {
        var changes = 0
        var latest: LedgerDate?
        var soleIssue: SharesChange?

        mutating func add(_ date: LedgerDate, issue: SharesChange?) {
            changes += 1
            if latest.map({ $0 < date }) ?? true { latest = date }
            soleIssue = changes == 1 ? issue : nil
        }
    }

    /// The issue rows of the holdings that `shareEntries` (none of them reversed) leave, with the
    /// units `state` holds.
    private static func holdings(_ shareEntries: [Entry], state: LedgerState) -> [SharesChange] {
        var histories = [LedgerState.ShareKey: HoldingHistory]()
        var order = [LedgerState.ShareKey]()
        func add(_ holder: String, _ shareClass: String, _ date: LedgerDate, issue: SharesChange? = nil) {
            let key = LedgerState.ShareKey(holder: holder, shareClass: shareClass)
            if histories[key] == nil { order.append(key) }
            histories[key, default: HoldingHistory()].add(date, issue: issue)
        }
        for entry in shareEntries {
            switch entry.payload {
            case .sharesIssue(let issue): add(issue.holder, issue.shareClass, issue.date, issue: issue)
            case .sharesRetire(let retire): add(retire.holder, retire.shareClass, retire.date)
            case .sharesTransfer(let transfer):
                add(transfer.from, transfer.shareClass, transfer.date)
                add(transfer.to, transfer.shareClass, transfer.date)
            default: break
            }
        }
        return order.compactMap { key in
            let units = state.units(of: key.holder, shareClass: key.shareClass)
            guard units > 0, let history = histories[key], let latest = history.latest else { return nil }
            // A household that exited poverty had its poverty shares withdrawn (DOMAIN §3): they
            // count in no distribution of its, and a fresh ledger refuses them (`poverty-shares`).
            if key.shareClass == ShareClass.poverty, state.households[key.holder]?.registration.poor == false { return nil }
            if let issue = history.soleIssue, issue.units == units { return issue }
            return SharesChange(holder: key.holder, shareClass: key.shareClass, units: units, date: latest,
                                reason: carriedForwardReason)
        }
    }
}
