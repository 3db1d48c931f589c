import LedgerCore

/// Holdings and eligibility as they stood at a record date, read from a ledger's entries:
/// what a distribution divides by (DESIGN §4: "eligibility and holdings are taken at the
/// record date"). Reversed entries count as never made; entries dated after the record date
/// do not count, whenever they were recorded.
public struct RecordDateSnapshot: Sendable {
    /// A household as it stood at the record date.
    public struct Household: Sendable, Equatable {
        public let id: String
        public let head: String
        public let members: Int64
        public let account: String
        /// Registered-poor at the record date.
        public let poor: Bool
        /// Was registered-poor before the record date and is no longer (脱贫).
        public let exitedPoverty: Bool
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
    /// The poverty units each household registered-poor at the record date holds and does not
    /// count, withdrawn at its last exit from poverty (``RecordDateHoldings/withdrawnPoverty``).
    public private(set) var withdrawnPoverty: [String: (units: Int64, exit: LedgerDate)] = [:]

    public init(entries: some Sequence<Entry>, recordDate: LedgerDate, povertyClass: String = ShareClass.poverty) {
        self.recordDate = recordDate
        self.povertyClass = povertyClass
        let entries = Array(entries)
        var reversed = Set<Int64>()
        for entry in entries { if case .entryReverse(let r) = entry.payload { reversed.insert(r.target) } }
        // Members, status and units as the verifier reads them too (``RecordDateHoldings``);
        // head and account here.
        var held = RecordDateHoldings<String>(recordDate: recordDate, povertyClass: povertyClass)
        var named = [String: (head: String, account: String)]()
        for entry in entries where !reversed.contains(entry.seq) {
            switch entry.payload {
            case .householdRegister(let r):
                if held.register(r.household, date: r.date, members: r.members, poor: r.poor) { named[r.household] = (r.head, r.account) }
            case .householdUpdate(let u):
                if held.update(u.household, date: u.date, members: u.members, poor: u.poor) {
                    if let head = u.head { named[u.household]?.head = head }
                    if let account = u.account { named[u.household]?.account = account }
                }
            case .sharesIssue(let s): held.shares(s.holder, s.shareClass, s.units, on: s.date)
            case .sharesRetire(let s): held.shares(s.holder, s.shareClass, -s.units, on: s.date)
            case .sharesTransfer(let t):
                held.shares(t.from, t.shareClass, -t.units, on: t.date)
                held.shares(t.to, t.shareClass, t.units, on: t.date)
            default:
                break
            }
        }
        held.finish()
        withdrawnPoverty = held.withdrawnPoverty
        for (holding, count) in held.units { units[holding.holder, default: [:]][holding.shareClass] = count }
        for (id, standing) in held.households {
            let (head, account) = named[id]!
            households[id] = Household(id: id, head: head, members: standing.members, account: account,
                                       poor: standing.poor, exitedPoverty: standing.exitedPoverty)
        }
    }

    /// The poverty units `household` holds now and counts in no distribution, withdrawn at its
    /// last exit from poverty, when it is registered-poor again; `entries` are those that name it
    /// and the reversals (a household's own suffice).
    public static func withdrawnPoverty(of household: String, in entries: [Entry]) -> (units: Int64, exit: LedgerDate)? {
        RecordDateSnapshot(entries: entries, recordDate: LedgerDate("9999-12-31")!).withdrawnPoverty[household]
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
