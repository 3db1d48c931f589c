import LedgerCore

/// Holdings and eligibility as they stood at a record date, read from a ledger's entries:
/// what a distribution divides by (DESIGN §4: "eligibility and holdings are taken at the
/// record date"). Reversed entries count as never made; entries dated after the record date
/// do not count, whenever they were recorded.
public struct RecordDateSnapshot: Sendable {
    /// A household as it stood at the record date.
    public struct Household: Sendable, Equatable {
        public let id: String
        public fileprivate(set) var head: String
        public fileprivate(set) var members: Int64
        public fileprivate(set) var account: String
        /// Registered-poor at the record date.
        public fileprivate(set) var poor: Bool
        /// Was registered-poor before the record date and is no longer (脱贫).
        public fileprivate(set) var exitedPoverty: Bool
    }

    public let recordDate: LedgerDate
    /// The share class that only registered-poor households hold (扶贫股).
    public let povertyClass: String
    public private(set) var households: [String: Household] = [:]
    /// Units by holder and class. Of the poverty class, a household counts only the units it
    /// gained since it last exited poverty, and none while it is not registered-poor: at exit
    /// its certificates are withdrawn (DOMAIN §3), whether or not they were retired, and a
    /// household that falls back into poverty is not paid on them again.
    public private(set) var units: [String: [String: Int64]] = [:]

    public init(entries: some Sequence<Entry>, recordDate: LedgerDate, povertyClass: String = ShareClass.poverty) {
        self.recordDate = recordDate
        self.povertyClass = povertyClass
        let entries = Array(entries)
        var reversed = Set<Int64>()
        for entry in entries { if case .entryReverse(let r) = entry.payload { reversed.insert(r.target) } }
        var poorChanges = [String: [(LedgerDate, Bool)]]()
        var povertyChanges = [String: [(date: LedgerDate, delta: Int64)]]()
        func poverty(_ holder: String, _ s: SharesChange, _ sign: Int64) {
            if s.shareClass == povertyClass { povertyChanges[holder, default: []].append((s.date, sign * s.units)) }
        }
        for entry in entries where !reversed.contains(entry.seq) {
            switch entry.payload {
            case .householdRegister(let r) where r.date <= recordDate:
                households[r.household] = Household(id: r.household, head: r.head, members: r.members, account: r.account,
                                                    poor: r.poor, exitedPoverty: false)
                poorChanges[r.household, default: []].append((r.date, r.poor))
            case .householdUpdate(let u) where u.date <= recordDate:
                guard var h = households[u.household] else { continue }
                if let head = u.head { h.head = head }
                if let members = u.members { h.members = members }
                if let account = u.account { h.account = account }
                households[u.household] = h
                if let poor = u.poor { poorChanges[u.household, default: []].append((u.date, poor)) }
            case .sharesIssue(let s) where s.date <= recordDate:
                units[s.holder, default: [:]][s.shareClass, default: 0] += s.units
                poverty(s.holder, s, 1)
            case .sharesRetire(let s) where s.date <= recordDate:
                units[s.holder, default: [:]][s.shareClass, default: 0] -= s.units
                poverty(s.holder, s, -1)
            case .sharesTransfer(let t) where t.date <= recordDate:
                units[t.from, default: [:]][t.shareClass, default: 0] -= t.units
                units[t.to, default: [:]][t.shareClass, default: 0] += t.units
                if t.shareClass == povertyClass {
                    povertyChanges[t.from, default: []].append((t.date, -t.units))
                    povertyChanges[t.to, default: []].append((t.date, t.units))
                }
            default:
                break
            }
        }
        for (id, changes) in poorChanges {
            // In date order; of the changes of one day, the last recorded stands (a mistaken exit
            // corrected the same day never happened).
            var ordered = [(LedgerDate, Bool)]()
            for change in changes.enumerated().sorted(by: { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }).map(\.element) {
                if let last = ordered.last, last.0 == change.0 { ordered[ordered.count - 1] = change } else { ordered.append(change) }
            }
            let poorNow = ordered.last?.1 ?? false
            households[id]?.poor = poorNow
            households[id]?.exitedPoverty = !poorNow && ordered.contains { $0.1 }
            if !poorNow {
                units[id]?[povertyClass] = nil
            } else if let shares = povertyChanges[id], units[id]?[povertyClass] != nil {
                units[id]?[povertyClass] = Self.povertyUnitsSinceExit(status: ordered, shares: shares)
            }
        }
    }

    /// The poverty units a household registered-poor now counts: those it holds less those it
    /// held when it last exited poverty. Units taken away after an exit (retired, or passed on
    /// to a household that takes its place) are taken from the withdrawn ones first. On one day,
    /// a change of status comes before a change of shares.
    static func povertyUnitsSinceExit(status: [(LedgerDate, Bool)], shares: [(date: LedgerDate, delta: Int64)]) -> Int64 {
        var held: Int64 = 0, withdrawn: Int64 = 0, poor = false
        var s = 0
        for change in shares.sorted(by: { $0.date < $1.date }) {
            while s < status.count, status[s].0 <= change.date {
                if poor && !status[s].1 { withdrawn = held }
                poor = status[s].1
                s += 1
            }
            held += change.delta
            if change.delta < 0 { withdrawn = max(0, withdrawn + change.delta) }
        }
        while s < status.count {
            if poor && !status[s].1 { withdrawn = held }
            poor = status[s].1
            s += 1
        }
        return held - withdrawn
    }

    /// The payout holders: every household registered at the record date, with `extraUnits`
    /// in place of what the ledger holds of the same classes (a cooperative's transaction
    /// volumes for the year, read from a file, not added to the volumes recorded before), and — when
    /// `collective` — the collective with the shares it holds itself (集体股): a distribution
    /// by shares divides by them too, and keeps their part for the collective.
    public func holders(extraUnits: [String: [String: Int64]] = [:], collective: Bool = false) -> [PayoutHolder] {
        let given = Set(extraUnits.values.flatMap(\.keys))
        var holders = households.values.sorted { HolderOrder.areInIncreasingOrder($0.id, $1.id) }.map { household in
            var classes = (units[household.id] ?? [:]).filter { $0.value != 0 && !given.contains($0.key) }
            for (shareClass, value) in extraUnits[household.id] ?? [:] { classes[shareClass] = value }
            return PayoutHolder(id: household.id, units: classes, members: Int(household.members),
                                eligibleForMinimum: household.poor, exitedPoverty: household.exitedPoverty)
        }
        if collective, let own = units[Holder.collective]?.filter({ $0.value != 0 }), !own.isEmpty {
            holders.append(PayoutHolder(id: Holder.collective, units: own))
        }
        return holders
    }
}
