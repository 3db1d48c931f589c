/// Holdings, members and registered-poor status as they stood at a record date: what a
/// distribution divides by (DESIGN §4: "eligibility and holdings are taken at the record date").
///
/// The one reading of them: the planner feeds it a ledger's entries (``RecordDateSnapshot`` in
/// Payouts), a verifier the facts it keeps (`allocation-units`), each in the order recorded and
/// leaving reversed entries out. Facts dated after the record date do not count, whenever they
/// were recorded. `Key` names a holder: a household number, or a verifier's interned number.
public struct RecordDateHoldings<Key: Hashable & Sendable>: Sendable {
    /// A household as it stood at the record date.
    public struct Standing: Sendable, Equatable {
        /// As of the latest date a registration or update gives them (of one day's, the last recorded).
        public fileprivate(set) var members: Int64
        fileprivate var membersDate: LedgerDate
        /// Registered-poor at the record date.
        public fileprivate(set) var poor: Bool
        /// Was registered-poor before the record date and is no longer (脱贫).
        public fileprivate(set) var exitedPoverty = false
    }

    public let recordDate: LedgerDate
    /// The share class that only registered-poor households hold (扶贫股).
    public let povertyClass: String
    /// The households registered by the record date.
    public private(set) var households: [Key: Standing] = [:]
    /// A holder's units of one class.
    public struct Holding: Hashable, Sendable {
        public let holder: Key
        public let shareClass: String
    }

    /// Units by holder and class (one table: a league's holders cost a few megabytes, not tens).
    /// Of the poverty class, a household counts only the units it gained since it last exited
    /// poverty, and none while it is not registered-poor: at exit its certificates are withdrawn
    /// (DOMAIN §3), whether or not they were retired, and a household that falls back into
    /// poverty is not paid on them again. Final after ``finish()``.
    public private(set) var units: [Holding: Int64] = [:]
    /// The poverty units a household registered-poor at the record date holds and does not count,
    /// withdrawn when it last exited poverty (on `exit`): said to whoever plans a distribution, for
    /// a mistaken exit corrected on a later day leaves them so. Final after ``finish()``.
    public private(set) var withdrawnPoverty: [Key: (units: Int64, exit: LedgerDate)] = [:]
    private var poorChanges: [Key: [PovertyStatus.Change]] = [:]
    private var povertyChanges: [Key: [(date: LedgerDate, delta: Int64)]] = [:]

    public init(recordDate: LedgerDate, povertyClass: String = ShareClass.poverty) {
        self.recordDate = recordDate
        self.povertyClass = povertyClass
    }

    /// A household registered on `date` with `members`, registered-poor or not. False when
    /// it was registered after the record date (and so counts for nothing).
    @discardableResult
    public mutating func register(_ household: Key, date: LedgerDate, members: Int64, poor: Bool) -> Bool {
        guard date <= recordDate else { return false }
        households[household] = Standing(members: members, membersDate: date, poor: poor)
        poorChanges[household, default: []].append((date, poor))
        return true
    }

    /// An update of a household's members or status on `date`. False when it does not count:
    /// dated after the record date, or of a household not registered by then.
    @discardableResult
    public mutating func update(_ household: Key, date: LedgerDate, members: Int64?, poor: Bool?) -> Bool {
        guard date <= recordDate, households[household] != nil else { return false }
        // An update recorded late but dated before another does not undo the later one.
        if let members, households[household]!.membersDate <= date {
            households[household]!.members = members
            households[household]!.membersDate = date
        }
        if let poor { poorChanges[household, default: []].append((date, poor)) }
        return true
    }

    /// `delta` units of `shareClass` to (or, negative, from) `holder` on `date`.
    public mutating func shares(_ holder: Key, _ shareClass: String, _ delta: Int64, on date: LedgerDate) {
        guard date <= recordDate else { return }
        units[Holding(holder: holder, shareClass: shareClass), default: 0] &+= delta
        if shareClass == povertyClass { povertyChanges[holder, default: []].append((date, delta)) }
    }

    /// Settles each household's status at the record date and its poverty units; call once,
    /// after every fact.
    public mutating func finish() {
        for (household, changes) in poorChanges {
            let ordered = PovertyStatus.inEffect(changes)
            let poorNow = ordered.last?.poor ?? false
            households[household]?.poor = poorNow
            households[household]?.exitedPoverty = !poorNow && ordered.contains { $0.poor }
            let poverty = Holding(holder: household, shareClass: povertyClass)
            if !poorNow {
                units[poverty] = nil
            } else if let shares = povertyChanges[household], let held = units[poverty] {
                let counted = PovertyUnits.sinceExit(status: ordered, shares: shares)
                units[poverty] = counted
                let exits = zip(ordered, ordered.dropFirst()).filter { $0.0.poor && !$0.1.poor }.map(\.1.date)
                if held > counted, let exit = exits.last { withdrawnPoverty[household] = (held &- counted, exit) }
            }
        }
        poorChanges = [:]
        povertyChanges = [:]
    }
}

/// The poverty units a household registered-poor counts (DOMAIN §3).
public enum PovertyUnits {
    /// Those it holds less those it held when it last exited poverty. Units taken away after an
    /// exit (retired, or passed on to a household that takes its place) are taken from the
    /// withdrawn ones first. On one day, a change of status comes before a change of shares.
    public static func sinceExit(status: [PovertyStatus.Change], shares: [(date: LedgerDate, delta: Int64)]) -> Int64 {
        var held: Int64 = 0, withdrawn: Int64 = 0, poor = false
        var s = 0
        for change in shares.sorted(by: { $0.date < $1.date }) {
            while s < status.count, status[s].date <= change.date {
                if poor && !status[s].poor { withdrawn = held }
                poor = status[s].poor
                s += 1
            }
            // Wrapping: a forged ledger's units may pass what 64 bits hold (`too-large` says so).
            held &+= change.delta
            if change.delta < 0 { withdrawn = max(0, withdrawn &+ change.delta) }
        }
        while s < status.count {
            if poor && !status[s].poor { withdrawn = held }
            poor = status[s].poor
            s += 1
        }
        return held &- withdrawn
    }
}

/// A cooperative distribution's period (Art. 44): it returns the trade (交易额) recorded after the
/// record date of the cooperative distribution before it, not withdrawn, through its own. The
/// one reading of it for the planner (`TransactionPeriod` in Payouts) and a verifier
/// (`allocation-units`). Trade is what an account records as issued less retired: a transfer
/// (继承, 分户) passes an account on and is no trade, so a volume returned on is not returned on
/// again in another member's hands.
public enum CooperativePeriod {
    /// The latest of `recordDates` (the standing cooperative distributions') before `date`.
    public static func previous(_ recordDates: some Sequence<LedgerDate>, before date: LedgerDate) -> LedgerDate? {
        recordDates.filter { $0 < date }.max()
    }

    /// Whether trade dated `date` falls in the period after `after` (nil: from the first) through `through`.
    public static func contains(_ date: LedgerDate, after: LedgerDate?, through: LedgerDate) -> Bool {
        date <= through && after.map { date > $0 } ?? true
    }
}
