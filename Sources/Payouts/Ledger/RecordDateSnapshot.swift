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
    /// Units by holder and class, with the poverty class already removed from households that
    /// were not registered-poor at the record date.
    public private(set) var units: [String: [String: Int64]] = [:]

    public init(entries: some Sequence<Entry>, recordDate: LedgerDate, povertyClass: String = ShareClass.poverty) {
        self.recordDate = recordDate
        self.povertyClass = povertyClass
        let entries = Array(entries)
        var reversed = Set<Int64>()
        for entry in entries { if case .entryReverse(let r) = entry.payload { reversed.insert(r.target) } }
        var poorChanges = [String: [(LedgerDate, Bool)]]()
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
            case .sharesRetire(let s) where s.date <= recordDate:
                units[s.holder, default: [:]][s.shareClass, default: 0] -= s.units
            case .sharesTransfer(let t) where t.date <= recordDate:
                units[t.from, default: [:]][t.shareClass, default: 0] -= t.units
                units[t.to, default: [:]][t.shareClass, default: 0] += t.units
            default:
                break
            }
        }
        for (id, changes) in poorChanges {
            let ordered = changes.sorted { $0.0 < $1.0 }
            let poorNow = ordered.last?.1 ?? false
            households[id]?.poor = poorNow
            households[id]?.exitedPoverty = !poorNow && ordered.contains { $0.1 }
            if !poorNow { units[id]?[povertyClass] = nil }
        }
    }

    /// The payout holders: every household registered at the record date, with `extraUnits`
    /// merged in (a cooperative's transaction volumes, read from a file), and — when
    /// `collective` — the collective with the shares it holds itself (集体股): a distribution
    /// by shares divides by them too, and keeps their part for the collective.
    public func holders(extraUnits: [String: [String: Int64]] = [:], collective: Bool = false) -> [PayoutHolder] {
        var holders = households.values.sorted { HolderOrder.areInIncreasingOrder($0.id, $1.id) }.map { household in
            var classes = (units[household.id] ?? [:]).filter { $0.value != 0 }
            for (shareClass, value) in extraUnits[household.id] ?? [:] { classes[shareClass, default: 0] += value }
            return PayoutHolder(id: household.id, units: classes, members: Int(household.members),
                                eligibleForMinimum: household.poor, exitedPoverty: household.exitedPoverty)
        }
        if collective, let own = units[Holder.collective]?.filter({ $0.value != 0 }), !own.isEmpty {
            holders.append(PayoutHolder(id: Holder.collective, units: own))
        }
        return holders
    }
}
