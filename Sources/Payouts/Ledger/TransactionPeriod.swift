import LedgerCore

/// The transactions a cooperative's distribution returns surplus by (Art. 44): those of its
/// period — after the record date of the cooperative distribution before it (from the first,
/// when there is none), through its own record date — as the members' accounts record them
/// (交易额, Art. 43); where the ledger records none in that period, as a volumes file gives them.
///
/// The account accumulates year after year, so a year's volume is what was recorded as traded
/// in the period (issued, less retired): a member's sales of an earlier year, already returned
/// on, are never returned on again — nor when the account passes to another member — and a
/// member who traded nothing since is paid nothing by transactions.
public struct TransactionPeriod: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// The members' 交易额 accounts in the ledger.
        case ledger
        /// A volumes file (`--transactions`), the ledger recording no 交易额 in the period.
        case file
    }

    /// The record date of the cooperative distribution before; the period begins the day after.
    public let after: LedgerDate?
    /// The distribution's record date, the period's last day.
    public let through: LedgerDate
    /// Each member's volume in the period, in the class's units (fen of 交易额); none of zero.
    public let volumes: [String: Int64]
    public let source: Source

    /// The period of a cooperative distribution of `snapshot`'s record date, under `rule`, over
    /// `entries`; `file` holds the volumes a file gave (empty when none was given). Where the
    /// ledger records transactions in the period, a file must give exactly those.
    static func of(entries: [Entry], snapshot: RecordDateSnapshot, rule: CooperativeRule,
                   file: [String: Int64]) throws(DistributionSpecError) -> TransactionPeriod {
        let through = snapshot.recordDate
        let after = previousRecordDate(in: entries, before: through)
        // What was traded in the period: 交易额 issued less retired (``CooperativePeriod``).
        var reversed = Set<Int64>()
        for entry in entries { if case .entryReverse(let r) = entry.payload { reversed.insert(r.target) } }
        var traded = [String: Int64]()
        for entry in entries where !reversed.contains(entry.seq) {
            switch entry.payload {
            case .sharesIssue(let s) where s.shareClass == rule.transactionClass && CooperativePeriod.contains(s.date, after: after, through: through):
                traded[s.holder, default: 0] &+= s.units
            case .sharesRetire(let s) where s.shareClass == rule.transactionClass && CooperativePeriod.contains(s.date, after: after, through: through):
                traded[s.holder, default: 0] &-= s.units
            default: break
            }
        }
        var recorded = [String: Int64]()
        for household in snapshot.households.keys {
            if let volume = traded[household], volume > 0 { recorded[household] = volume }
        }
        guard !recorded.isEmpty else {
            guard !file.isEmpty else { throw .noTransactions(after: after, through: through) }
            return TransactionPeriod(after: after, through: through, volumes: file.filter { $0.value != 0 }, source: .file)
        }
        if !file.isEmpty {
            let named = Set(recorded.keys).union(file.keys).sorted(by: HolderOrder.areInIncreasingOrder)
            if let differing = named.first(where: { file[$0] ?? 0 != recorded[$0] ?? 0 }) {
                throw .transactionsDiffer(household: differing, file: file[differing], ledger: recorded[differing] ?? 0,
                                          after: after, through: through)
            }
        }
        return TransactionPeriod(after: after, through: through, volumes: recorded, source: .ledger)
    }

    /// The latest record date before `date` of a cooperative distribution not withdrawn.
    static func previousRecordDate(in entries: [Entry], before date: LedgerDate) -> LedgerDate? {
        var withdrawn = Set<Int64>()
        for entry in entries { if case .entryReverse(let r) = entry.payload { withdrawn.insert(r.target) } }
        let standing = entries.lazy.filter { !withdrawn.contains($0.seq) }.compactMap { entry -> LedgerDate? in
            guard case .dividendDeclare(let d) = entry.payload, d.rule["basis"]?.stringValue == "cooperative" else { return nil }
            return d.recordDate
        }
        return CooperativePeriod.previous(standing, before: date)
    }

    /// The period in words: `from 2024-01-01 through 2024-12-31 (after …)`, or `up to 2024-12-31`.
    public var text: String { Self.text(after: after, through: through) }

    static func text(after: LedgerDate?, through: LedgerDate) -> String {
        after.map { "from \($0.adding(days: 1)) through \(through) (after the record date of the cooperative distribution before)" } ?? "up to \(through)"
    }
}
