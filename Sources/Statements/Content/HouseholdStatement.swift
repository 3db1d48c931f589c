import LedgerCore

/// What a household's statement (分红明细单) says, computed from the ledger's facts: who the
/// household is, what it holds, what each distribution owed it and what was paid, with every
/// line tied to the entry that records it. Lay it out with ``document()``.
///
/// Reversed payments stay on the statement, marked, followed by the reversal itself as a negative
/// line: a household sees every correction made to its account (DOMAIN §9 example 8).
public struct HouseholdStatement: Sendable, Equatable {
    /// Units of one share class held at the statement date.
    public struct Holding: Sendable, Equatable {
        /// The class as recorded, e.g. `poverty`.
        public var shareClass: String
        /// Units held; never negative in a valid ledger.
        public var units: Int64
    }

    /// A distribution that owed the household something in the period.
    public struct Distribution: Sendable, Equatable {
        /// The `dividend.declare` entry.
        public var record: RecordedEntry
        /// Its fields.
        public var declaration: DividendDeclaration
        /// How its pool was divided, when the ledger at the statement's checkpoint tells it.
        public var division: DistributionDivision? = nil
        /// Σ of its appropriations (公积公益金 …).
        public var appropriated: Fen { Fen(declaration.appropriations.reduce(Int64(0)) { $0 + $1.amount.value }) }
    }

    /// One money line: an allocation, a payment, or a reversal of a payment.
    public struct Line: Sendable, Equatable {
        /// What the line records.
        public enum Kind: Sendable, Equatable {
            /// `dividend.allocate`: owed. `byVolume` for a cooperative's distribution, whose units
            /// are the household's transaction volume in fen.
            /// `rebate`: a cooperative member's part returned by transactions, when recorded.
            case allocation(units: Int64, byVolume: Bool, rebate: Fen? = nil, capital: Int64? = nil, minimum: Fen? = nil)
            /// `dividend.pay`: paid; `reversedBy` is the seq of the reversal, if any.
            case payment(channel: PaymentChannel, account: String, reference: String, reversedBy: Int64?)
            /// `entry.reverse` of the payment at `target`: its amount taken back.
            case reversal(target: Int64, reason: String, reference: String? = nil)
            /// `entry.reverse` of the declaration at `target`: the distribution withdrawn, and
            /// with it what it owed the household (an allocation line, negative).
            case withdrawal(target: Int64, reason: String)
        }

        /// The entry the line cites.
        public var record: RecordedEntry
        /// What it is.
        public var kind: Kind
        /// The date shown: the payment date, an allocation's record date, or the day a reversal was recorded.
        public var date: LedgerDate
        /// The distribution id.
        public var distribution: String
        /// The amount, negative for a reversal.
        public var amount: Fen
    }

    /// The organisation (e.g. 白辛嘎查股份经济合作社).
    public var org: String
    /// The village.
    public var village: String
    /// The household number.
    public var household: String
    /// The head of household at the statement date.
    public var head: String
    /// The member count at the statement date.
    public var members: Int64
    /// The head's ID number, masked; the only form a statement ever prints.
    public var idMasked: String
    /// The year shown, or nil for all years.
    public var year: Int?
    /// The statement date: holdings are taken on it.
    public var date: LedgerDate
    /// Holdings by class at `date`, classes in order of first issue (shares only).
    public var holdings: [Holding]
    /// A cooperative member's accounts at `date` (出资额, 公积金份额, 补助份额), in fen.
    public var accounts: [Holding] = []
    /// The distributions with a line in the period, in ledger order.
    public var distributions: [Distribution]
    /// What each distribution owes the household, in ledger order.
    public var allocations: [Line]
    /// Payments and reversals, in ledger order.
    public var payments: [Line]
    /// The checkpoint the statement is made against.
    public var checkpoint: StatementCheckpoint
    /// The distributions of the period that passed over the household's 扶贫股, in ledger order.
    public var povertySharesPassedOver: [PovertySharesPassedOver] = []
    /// How its holdings came and went up to the statement's date (issues, transfers in and out,
    /// retirements not reversed), in the order they took effect: said to a listener, who hears
    /// shares no longer counted and would not learn where they went; printed since layout 5
    /// (``movementsShown``).
    public var shareMovements: [ShareMovement] = []

    /// Whether the holdings did more than come once — shares went out, came from another
    /// household, came again (a birth's 人口股), or an entry of them was reversed — so that how
    /// they moved is printed: holdings of each class issued once and kept are the holdings
    /// section itself.
    public var movementsShown: Bool {
        if shareMovements.contains(where: { $0.units < 0 || $0.counterpart != nil || $0.reversal != nil }) { return true }
        return Set(shareMovements.map(\.shareClass)).count < shareMovements.count
    }

    /// One change of a holding.
    public struct ShareMovement: Sendable, Equatable {
        /// The entry that made it.
        public var record: RecordedEntry
        public var date: LedgerDate
        public var shareClass: String
        /// Units in (more than zero) or out.
        public var units: Int64
        /// The other holder of a transfer.
        public var counterpart: String?
        public var reason: String
        /// The entry that reversed it, when the statement shows it (printed beside it, marked
        /// 冲销, as a payment's is).
        public var reversal: RecordedEntry?
    }

    /// Σ allocations.
    public var owed: Fen { Fen(allocations.reduce(Int64(0)) { $0 + $1.amount.value }) }
    /// Σ payments minus reversals.
    public var paid: Fen { Fen(payments.reduce(Int64(0)) { $0 + $1.amount.value }) }
    /// owed − paid.
    public var outstanding: Fen { Fen(owed.value - paid.value) }

    /// Every entry a money line of the statement cites, in ledger order: what its proof must cover,
    /// in every layout.
    public var citedEntries: [RecordedEntry] {
        (distributions.map(\.record) + allocations.map(\.record) + payments.map(\.record)).sorted { $0.seq < $1.seq }
    }

    /// Every entry the statement prints, in ledger order: the money lines' and, since layout 5,
    /// each change of holdings it prints, and each reversal of one. What its proof proves.
    public var provedEntries: [RecordedEntry] {
        guard movementsShown else { return citedEntries }
        return (citedEntries + shareMovements.flatMap { [$0.record] + ($0.reversal.map { [$0] } ?? []) }).sorted { $0.seq < $1.seq }
    }
}

/// Why a statement cannot be made.
public enum StatementError: Error, Equatable, CustomStringConvertible {
    /// The facts hold no registration of the household at or before the checkpoint.
    case householdNotRegistered(household: String)
    /// Its registration was reversed (a household registered by mistake): it has no statement.
    case householdWithdrawn(household: String, by: Int64)

    /// One sentence naming the fault.
    public var description: String {
        switch self {
        case .householdNotRegistered(let household): "household \(household) is not registered in the ledger"
        case .householdWithdrawn(let household, let by):
            "household \(household)'s registration was withdrawn by entry \(by) (registered by mistake): it is no household of the ledger and has no statement"
        }
    }
}

extension HouseholdStatement {
    /// Builds the statement of `facts.household` for `year` (nil: all years) as of `date`,
    /// from the entries the checkpoint covers.
    ///
    /// A year's statement shows the distributions whose record date falls in that year: each with
    /// its allocation and every payment of it, whenever paid — a December distribution paid in
    /// January is settled on the statement of its own year, never owed on one and overpaid on the
    /// next. An allocation is dated by its distribution's record date; a reversal is shown with
    /// the payment it reverses. Nothing after `date` is shown: no distribution whose record date
    /// is later, no payment dated later, no reversal recorded later.
    public static func build(
        facts: HouseholdFacts, year: Int? = nil, date: LedgerDate, checkpoint: StatementCheckpoint
    ) throws(StatementError) -> HouseholdStatement {
        var covered = facts.entries.filter { $0.seq < checkpoint.checkpoint.size }.sorted { $0.seq < $1.seq }
        // Registered again after a withdrawal: its statement starts at the registration standing
        // (what came before was another registration's, all of it reversed).
        let registrations = covered.filter { $0.entry.kind == .householdRegister }
        if registrations.count > 1, let latest = registrations.last {
            covered.removeAll { $0.seq < latest.seq }
        }
        var reversals = [Int64: RecordedEntry]()
        for record in covered {
            if case .entryReverse(let reversal) = record.entry.payload { reversals[reversal.target] = record }
        }
        let household = facts.household
        // The distributions that passed over the household's 扶贫股; then the declarations that did
        // only that, with their withdrawals, are set aside: nothing else on the statement reads them.
        let passedOver = povertySharesPassedOver(household, declarations: firstDeclarations(covered), reversals: reversals, covered: covered) { d in
            d.recordDate <= date && year.map { d.recordDate.year == $0 } ?? true
        }
        let setAside = facts.onlyPassingOver
        covered.removeAll { setAside.contains($0.seq) }

        guard let registration = registration(of: household, in: covered.map(\.entry), on: date) else {
            throw .householdNotRegistered(household: household)
        }
        if let withdrawal = facts.withdrawal(before: checkpoint.checkpoint.size) {
            throw .householdWithdrawn(household: household, by: withdrawal)
        }

        // Money lines.
        var declarations = [String: RecordedEntry]()
        var recordDates = [String: LedgerDate]()
        var byVolume = Set<String>()
        var minimums = [String: Fen]()
        let entries = covered.map(\.entry)
        for record in covered {
            // The first declaration of an id is the one (the rules refuse a second).
            if case .dividendDeclare(let d) = record.entry.payload, declarations[d.id] == nil {
                declarations[d.id] = record
                recordDates[d.id] = d.recordDate
                if d.rule["basis"] == .string("cooperative") { byVolume.insert(d.id) }
                // Its guaranteed minimum went first to this household if it was registered-poor then.
                if let minimum = d.rule["minimum"]?.integerValue, minimum > 0,
                   Self.registration(of: household, in: entries, on: d.recordDate)?.poor == true {
                    minimums[d.id] = Fen(minimum)
                }
            }
        }
        // A distribution's date; the recording day of the entry that names it, should a damaged
        // ledger have lost the declaration.
        func day(of distribution: String, _ record: RecordedEntry) -> LedgerDate { recordDates[distribution] ?? record.entry.at.date }
        func isShown(_ distribution: String, _ record: RecordedEntry) -> Bool { year.map { day(of: distribution, record).year == $0 } ?? true }
        var allocations = [Line]()
        var payments = [Line]()
        for record in covered {
            switch record.entry.payload {
            case .dividendAllocate(let a) where a.household == household:
                // As of the statement's date: a distribution recorded after it was not owed yet.
                guard isShown(a.id, record), day(of: a.id, record) <= date else { continue }
                allocations.append(Line(record: record, kind: .allocation(units: a.units, byVolume: byVolume.contains(a.id), rebate: a.rebate, capital: a.capital, minimum: minimums[a.id]), date: day(of: a.id, record), distribution: a.id, amount: a.amount))
                // A withdrawn declaration owes nothing from the day the withdrawal took effect —
                // or from the record date of a distribution declared after it, if earlier: that
                // one takes its place, and no day owes both (1,800.00 of 1,000.00 was).
                if let declared = declarations[a.id], let withdrawal = reversals[declared.seq],
                   case .entryReverse(let r) = withdrawal.entry.payload {
                    // Declared after it, of the withdrawn one's record date or later: its replacement.
                    let withdrawnDay = day(of: a.id, record)
                    let replaced = covered.lazy.compactMap { later -> LedgerDate? in
                        guard later.seq > withdrawal.seq, case .dividendDeclare(let d) = later.entry.payload, d.recordDate >= withdrawnDay else { return nil }
                        return d.recordDate
                    }.min()
                    let effective = min(withdrawal.entry.reversalDate, replaced ?? withdrawal.entry.reversalDate)
                    if effective <= date || Self.isShown(withdrawal, of: declared, asOf: date) {
                        allocations.append(Line(record: withdrawal, kind: .withdrawal(target: declared.seq, reason: r.reason),
                                                date: effective, distribution: a.id, amount: Fen(-a.amount.value)))
                    }
                }
            case .dividendPay(let p) where p.household == household:
                guard isShown(p.id, record), p.date <= date else { continue }
                // A reversal recorded after the statement's date had not happened yet — unless the
                // payment itself was recorded after it (back-dated): then the statement shows the
                // payment as the ledger came to know it, reversal and all, not paid twice.
                let reversal = reversals[record.seq].flatMap { Self.isShown($0, of: record, asOf: date) ? $0 : nil }
                let account = printedAccount(p)
                payments.append(Line(
                    record: record,
                    kind: .payment(channel: p.channel, account: account, reference: p.reference, reversedBy: reversal?.seq),
                    date: p.date, distribution: p.id, amount: p.amount))
                if let reversal, case .entryReverse(let r) = reversal.entry.payload {
                    payments.append(Line(record: reversal, kind: .reversal(target: record.seq, reason: r.reason, reference: r.reference),
                                         date: reversal.entry.reversalDate, distribution: p.id, amount: Fen(-p.amount.value)))
                }
            default: break
            }
        }
        // In the order money moved, as a bank book reads; entries of one day in the order recorded.
        payments.sort { ($0.date, $0.record.seq) < ($1.date, $1.record.seq) }
        var shownIDs = [String]()
        for line in allocations + payments where !shownIDs.contains(line.distribution) { shownIDs.append(line.distribution) }
        let distributions = shownIDs.compactMap { id -> Distribution? in
            guard let record = declarations[id], case .dividendDeclare(let d) = record.entry.payload else { return nil }
            let division = facts.divisions[id].flatMap { $0.end <= checkpoint.checkpoint.size ? $0 : nil }
            return Distribution(record: record, declaration: d, division: division)
        }.sorted { $0.record.seq < $1.record.seq }

        var statement = HouseholdStatement(
            org: facts.opening.org, village: facts.opening.village, household: household,
            head: registration.head, members: registration.members,
            idMasked: printedID(registration.idMasked),
            year: year, date: date,
            holdings: holdings(of: household, in: covered, on: date),
            accounts: allHoldings(of: household, in: covered, on: date).filter { ShareClass.accounts.contains($0.shareClass) },
            distributions: distributions, allocations: allocations, payments: payments, checkpoint: checkpoint)
        statement.povertySharesPassedOver = passedOver
        statement.shareMovements = shareMovements(of: household, in: covered, reversals: reversals, upTo: date)
        return statement
    }
}

extension HouseholdStatement {
    /// The changes of `household`'s holdings among `covered` that took effect by `date`, in the
    /// order of their dates, each with its reversal when the statement shows that (as of `date`);
    /// a member's 交易额, a tally of its trade and no holding, left out.
    static func shareMovements(of household: String, in covered: [RecordedEntry], reversals: [Int64: RecordedEntry],
                               upTo date: LedgerDate) -> [ShareMovement] {
        var movements: [(seq: Int64, movement: ShareMovement)] = []
        for record in covered {
            let movement: ShareMovement? = switch record.entry.payload {
            case .sharesIssue(let c) where c.holder == household:
                .init(record: record, date: c.date, shareClass: c.shareClass, units: c.units, counterpart: nil, reason: c.reason, reversal: nil)
            case .sharesRetire(let c) where c.holder == household:
                .init(record: record, date: c.date, shareClass: c.shareClass, units: -c.units, counterpart: nil, reason: c.reason, reversal: nil)
            case .sharesTransfer(let t) where t.from == household:
                .init(record: record, date: t.date, shareClass: t.shareClass, units: -t.units, counterpart: t.to, reason: t.reason, reversal: nil)
            case .sharesTransfer(let t) where t.to == household:
                .init(record: record, date: t.date, shareClass: t.shareClass, units: t.units, counterpart: t.from, reason: t.reason, reversal: nil)
            default: nil
            }
            guard var movement, movement.date <= date, movement.shareClass != ShareClass.trade else { continue }
            movement.reversal = reversals[record.seq].flatMap { isShown($0, of: record, asOf: date) ? $0 : nil }
            movements.append((record.seq, movement))
        }
        return movements.sorted { ($0.movement.date, $0.seq) < ($1.movement.date, $1.seq) }.map(\.movement)
    }
}

/// Who a household is, as a statement's header prints it.
public struct HouseholdIdentity: Sendable, Equatable {
    public var head: String
    /// "2 人".
    public var members: String
    /// The masked ID number.
    public var idNumber: String
}

extension HouseholdStatement {
    /// Every identity `household` has had in `entries`: as registered, then after each update in
    /// the order recorded, whatever its effective date — a statement printed on any day shows one
    /// of them. Empty when the household is not registered.
    /// Whether a statement as of `date` shows `reversal` of `target`: when it took effect by then
    /// (its own `date`, else the day it was recorded); and, for one that gives no day, also when
    /// the entry it reverses was itself recorded after `date` (back-dated): the statement then
    /// shows both as the ledger came to know them, not the entry as if it stood.
    static func isShown(_ reversal: RecordedEntry, of target: RecordedEntry, asOf date: LedgerDate) -> Bool {
        if reversal.entry.reversalDate <= date { return true }
        if case .entryReverse(let r) = reversal.entry.payload, r.date != nil { return false }
        return target.entry.at.date > date
    }

    public static func identities(of household: String, in entries: [RecordedEntry]) -> [HouseholdIdentity] {
        var registration: HouseholdRegistration?
        var all = [HouseholdIdentity]()
        for record in entries.sorted(by: { $0.seq < $1.seq }) {
            switch record.entry.payload {
            case .householdRegister(let r) where r.household == household: registration = r
            case .householdUpdate(let u) where u.household == household: registration?.apply(u)
            default: continue
            }
            if let r = registration {
                all.append(HouseholdIdentity(head: r.head, members: printed(members: r.members), idNumber: printedID(r.idMasked)))
            }
        }
        return all
    }

    /// The shares `household` holds on `date` by the entries given, classes in the order first
    /// issued, none at zero; a reversed share entry has no effect. A cooperative member's
    /// accounts (``ShareClass/accounts``, in fen) are not shares and are not among them.
    public static func holdings(of household: String, in entries: [RecordedEntry], on date: LedgerDate) -> [Holding] {
        allHoldings(of: household, in: entries, on: date).filter { !ShareClass.accounts.contains($0.shareClass) }
    }

    /// Every class `household` holds units of on `date`, shares and accounts.
    static func allHoldings(of household: String, in entries: [RecordedEntry], on date: LedgerDate) -> [Holding] {
        var reversed = Set<Int64>()
        for record in entries { if case .entryReverse(let r) = record.entry.payload { reversed.insert(r.target) } }
        var classes = [String]()
        var units = [String: Int64]()
        func add(_ shareClass: String, _ delta: Int64) {
            if units[shareClass] == nil { classes.append(shareClass) }
            units[shareClass, default: 0] &+= delta
        }
        for record in entries.sorted(by: { $0.seq < $1.seq }) where !reversed.contains(record.seq) {
            switch record.entry.payload {
            case .sharesIssue(let c) where c.holder == household && c.date <= date: add(c.shareClass, c.units)
            case .sharesRetire(let c) where c.holder == household && c.date <= date: add(c.shareClass, -c.units)
            case .sharesTransfer(let t) where t.date <= date && (t.from == household || t.to == household):
                add(t.shareClass, t.to == household ? t.units : -t.units)
            default: break
            }
        }
        return classes.filter { units[$0] != 0 }.map { Holding(shareClass: $0, units: units[$0]!) }
    }

    /// Who `household` is on `date` by the entries given (in seq order): its registration with
    /// the updates in effect by then; nil when it is not registered.
    public static func registration(of household: String, in entries: [Entry], on date: LedgerDate) -> HouseholdRegistration? {
        HouseholdRegistration.of(household, on: date, in: entries.lazy.map(\.payload))
    }

    /// The holdings rows as a statement prints them, read back: `扶贫股 10` … `合计 10`; none when
    /// nothing is held.
    public static func printedHoldings(_ holdings: [Holding]) -> [String] {
        guard !holdings.isEmpty else { return [] }
        let total = holdings.reduce(Int64(0)) { $0 &+ $1.units }
        return holdings.map { "\(ShareClass.displayName($0.shareClass)) \($0.units)" } + ["\(StatementLabels.total) \(total)"]
    }

    /// The account a payment line shows: masked, or for cash the channel's name (现金), which is
    /// all its line shows and what the statement check looks for.
    public static func printedAccount(_ payment: DividendPayment) -> String {
        payment.channel == .cash ? ChannelName.chinese(.cash) : (Masking.maskAccount(payment.account) ?? "****")
    }

    /// The member count as the header prints it.
    static func printed(members: Int64) -> String { "\(members) 人" }

    /// The ID number as printed: masked again in case a damaged ledger holds a full number, for
    /// a statement never prints one.
    static func printedID(_ idMasked: String) -> String { Masking.maskID(idMasked) ?? String(repeating: "*", count: 18) }
}
