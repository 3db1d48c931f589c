// The units each allocation records, held to what its household had at the record date — the
// shares of the classes weighed, its members, a cooperative member's transactions and capital
// accounts — and an allocation for every household that had some (`allocation-units`). Without
// it, an accountant with the real key could record other units along with other amounts, or
// leave a household out and split its part among the rest, and every split would still add up.
// Judged by a verifier, which replays every household; the store leaves it to the planner.

extension LedgerState {
    /// A registration, or an update of a household's members or registered-poor status; linked
    /// to the household's fact before (-1 for none).
    struct HouseholdFact: Sendable {
        let household: String
        let date: LedgerDate
        let members: Int64?
        let poor: Bool?
        let isRegistration: Bool
        let previous: Int32
    }

    /// One household's change of one share entry, linked to the household's row before (-1 for
    /// none). The collective's are read by ``collectiveUnits(_:)``.
    struct ShareRow: Sendable {
        let seq: Int64
        let date: LedgerDate
        let shareClass: Int32
        let delta: Int64
        /// A transfer moves an account, not trade: a cooperative's 交易额 passed on is not traded again.
        let isTransfer: Bool
        let previous: Int32
    }

    /// By interned household: its last fact and share row, and what it has now. A household
    /// whose every fact and row is dated by a record date, none reversed, and whose status was
    /// never updated (nor registered twice) stood then as it stands now; only the others are
    /// replayed (``RecordDateHoldings``, from their own facts and rows), so that a declaration
    /// over fifty thousand households costs a few array reads each.
    struct StandingIndex: Sendable {
        var lastFact: [Int32] = []
        var lastRow: [Int32] = []
        var latest: [LedgerDate?] = []
        /// Replayed, never read as it stands now.
        var irregular: [Bool] = []
        /// Members as of the latest date any fact gives them (of one day's, the last recorded).
        var members: [Int64] = []
        var membersDate: [LedgerDate?] = []
        var poor: [Bool] = []
        /// By class, by household: units now.
        var units: [[Int64]] = []

        mutating func grow(to count: Int) {
            guard lastFact.count < count else { return }
            let more = count - lastFact.count
            lastFact += repeatElement(-1, count: more)
            lastRow += repeatElement(-1, count: more)
            latest += repeatElement(nil, count: more)
            irregular += repeatElement(false, count: more)
            members += repeatElement(0, count: more)
            membersDate += repeatElement(nil, count: more)
            poor += repeatElement(false, count: more)
        }

        /// Household `h`'s units now of class `c`.
        func unitsNow(_ c: Int, _ h: Int) -> Int64 { h < units[c].count ? units[c][h] : 0 }

        mutating func dated(_ h: Int, _ date: LedgerDate) {
            if latest[h].map({ $0 < date }) ?? true { latest[h] = date }
        }
    }

    /// What a distribution's allocations must record, read from the ledger as it stood when the
    /// distribution was declared (what is dated by its record date is settled from then on).
    struct ExpectedUnits: Sendable {
        enum Basis: Sendable {
            case shares([(shareClass: String, weight: Int64)])
            case households
            case members
            /// `after`: the day after which its transactions count (nil: from the first).
            case cooperative(transactionClass: String, capitalClasses: [String], after: LedgerDate?)
        }

        let basis: Basis
        let recordDate: LedgerDate
        /// By interned household: its units under the basis, -1 when not registered at the record
        /// date; for a cooperative its transactions in the period, all 0 when the ledger records
        /// none there (they came from a file: ``transactionsJudged`` is false).
        let units: [Int64]
        /// By interned household: a cooperative member's capital accounts.
        let capital: [Int64]
        let transactionsJudged: Bool
    }

    /// Households, facts and rows a verification may read for record dates: enough for a
    /// thousand declarations over every household of a large ledger, not for endless forged ones.
    static func recordDateWorkMax(entries: Int64) -> Int { 10_000_000 + 64 * Int(clamping: entries) }

    /// Charges `work` to the bound (``recordDateWorkMax(entries:)``); false, charging nothing,
    /// when it would pass it.
    mutating func mayRead(_ work: Int) -> Bool {
        guard recordDateWork + work <= Self.recordDateWorkMax(entries: count) else { return false }
        recordDateWork += work
        return true
    }

    /// Keeps registration of household `h` (interned by the caller).
    mutating func keepFact(_ registration: HouseholdRegistration, h: Int) {
        standings.grow(to: householdRegistered.count)
        if householdRegistered[h] { standings.irregular[h] = true }  // registered twice
        standings.members[h] = registration.members
        standings.membersDate[h] = registration.date
        standings.poor[h] = registration.poor
        keepFact(h, HouseholdFact(household: registration.household, date: registration.date, members: registration.members,
                                  poor: registration.poor, isRegistration: true, previous: standings.lastFact[h]))
    }

    mutating func keepFact(_ update: HouseholdUpdate) {
        guard update.members != nil || update.poor != nil else { return }
        let h = intern(household: update.household)
        standings.grow(to: householdRegistered.count)
        if update.poor != nil || !householdRegistered[h] { standings.irregular[h] = true }
        if let members = update.members, standings.membersDate[h].map({ $0 <= update.date }) ?? true {
            standings.members[h] = members
            standings.membersDate[h] = update.date
        }
        keepFact(h, HouseholdFact(household: update.household, date: update.date, members: update.members, poor: update.poor,
                                  isRegistration: false, previous: standings.lastFact[h]))
    }

    private mutating func keepFact(_ h: Int, _ fact: HouseholdFact) {
        standings.lastFact[h] = Int32(truncatingIfNeeded: householdFacts.count)
        standings.dated(h, fact.date)
        householdFacts.append(fact)
    }

    /// Applies a share entry's changes (``applyShares(seq:date:_:_:)``) and, for a verifier, keeps
    /// each household's change for the record dates to come.
    mutating func recordShares(seq: Int64, date: LedgerDate, _ changes: [(ShareKey, Int64)], transfer: Bool = false, _ problems: inout RuleReport) {
        applyShares(seq: seq, date: date, changes, &problems)
        countShareEntry(changes, by: 1)
        guard replaysEverything else { return }
        for (key, delta) in changes where key.holder != Holder.collective {
            let c = Int(classNumber(key.shareClass))
            let h = intern(household: key.holder)
            standings.grow(to: householdRegistered.count)
            if standings.units[c].count < standings.lastFact.count {
                standings.units[c] += repeatElement(0, count: standings.lastFact.count - standings.units[c].count)
            }
            standings.units[c][h] &+= delta
            standings.dated(h, date)
            shareRows.append(ShareRow(seq: seq, date: date, shareClass: Int32(c), delta: delta, isTransfer: transfer, previous: standings.lastRow[h]))
            standings.lastRow[h] = Int32(truncatingIfNeeded: shareRows.count - 1)
        }
    }

    /// A share entry reversed: its households are replayed from then on (a reversed entry counts
    /// as never made, which for 扶贫股 after an exit is not the same as its undoing).
    mutating func keepReversal(of changes: [(ShareKey, Int64)]) {
        for (key, _) in changes where key.holder != Holder.collective {
            if let h = householdNumbers.number(of: key.holder), h < standings.irregular.count { standings.irregular[h] = true }
        }
    }

    private mutating func classNumber(_ name: String) -> Int32 {
        if let c = shareClassIndex[name] { return c }
        let c = Int32(truncatingIfNeeded: shareClassNames.count)
        shareClassIndex[name] = c
        shareClassNames.append(name)
        standings.units.append([])
        return c
    }

    /// The accounts a cooperative's distribution is counted by, as fenhong records them.
    static let cooperativeAccounts = (transactions: ShareClass.trade, capital: [ShareClass.capital, ShareClass.reserve, ShareClass.subsidy])

    /// What `rule` counts each household's units by; `.failure` when it is not a rule fenhong
    /// writes, so that its units cannot be read (a forger's way around the check).
    private func unitBasis(_ rule: [String: JSONValue], recordDate: LedgerDate) -> Result<ExpectedUnits.Basis, SplitProblem> {
        switch rule["basis"]?.stringValue {
        case "units": return Self.weights(rule).map(ExpectedUnits.Basis.shares)
        case "household": return .success(.households)
        case "member": return .success(.members)
        case "cooperative":
            // The classes fenhong counts a cooperative by: another name (one the ledger never
            // had) would leave the transactions unread, as if they came from a file.
            let accounts = Self.cooperativeAccounts
            guard rule["transactionClass"] == .string(accounts.transactions), rule["capitalClasses"] == .array(accounts.capital.map(JSONValue.string)) else {
                return .failure(.init("counts transactions in \(Self.text(rule["transactionClass"]) ?? "no class") and capital in \(Self.text(rule["capitalClasses"]) ?? "no classes"), "
                                      + "not in the accounts fenhong keeps (\(accounts.transactions); \(accounts.capital.joined(separator: ", ")))"))
            }
            return .success(.cooperative(transactionClass: accounts.transactions, capitalClasses: accounts.capital,
                                         after: previousCooperativeRecordDate(before: recordDate)))
        default:
            return .failure(.init("records the basis \(Self.text(rule["basis"]) ?? "(none)"), which is none of units, household, member and cooperative"))
        }
    }

    /// The classes a rule by shares weighs and their weights, in class order; `.failure` when it
    /// records none, or a weight that is not a whole number of 0 or more.
    static func weights(_ rule: [String: JSONValue]) -> Result<[(shareClass: String, weight: Int64)], SplitProblem> {
        guard let object = rule["classes"]?.objectValue else { return .failure(.init("is by shares but records no classes to weigh them by")) }
        var weights = [(shareClass: String, weight: Int64)]()
        for (name, weight) in object {
            guard let weight = weight.integerValue, weight >= 0 else {
                return .failure(.init("weighs class \(MessageText.quoted(name)) by \(Self.text(weight) ?? ""), not by a whole number of 0 or more"))
            }
            weights.append((name, weight))
        }
        return .success(weights.sorted { $0.shareClass < $1.shareClass })
    }

    /// The units `declaration`'s allocations must record; `.failure` when its rule is not one
    /// fenhong writes (``unitBasis(_:recordDate:)``), or the reading would pass its bound.
    mutating func expectedUnits(_ declaration: DividendDeclaration, seq: Int64) -> Result<ExpectedUnits, SplitProblem> {
        let recordDate = declaration.recordDate
        let basis: ExpectedUnits.Basis
        switch unitBasis(declaration.rule, recordDate: recordDate) {
        case .success(let read): basis = read
        case .failure(let problem): return .failure(problem)
        }
        let count = householdRegistered.count
        guard mayRead(count) else {
            return .failure(.init("is one declaration too many to read holdings for (\(recordDateWork) households, facts and share rows read for record dates so far)"))
        }
        standings.grow(to: count)
        var work = 0
        var units = [Int64](repeating: -1, count: count)
        var capital = [Int64](repeating: 0, count: count)
        var traded = false
        // The classes weighed, found once: a household as it stands is read by index.
        let weighed: [(shareClass: String, c: Int32?, weight: Int64)]
        if case .shares(let weights) = basis {
            weighed = weights.filter { $0.weight > 0 }.map { ($0.shareClass, shareClassIndex[$0.shareClass], $0.weight) }
        } else {
            weighed = []
        }
        for h in 0..<count where householdRegistered[h] {
            guard let standing = standing(h, on: recordDate, work: &work) else { continue }
            switch basis {
            case .shares:
                var total: Int128 = 0
                for (shareClass, c, weight) in weighed {
                    let held: Int64
                    if case .now(_, _, let poor) = standing {
                        held = c.map { shareClass != ShareClass.poverty || poor ? standings.unitsNow(Int($0), h) : 0 } ?? 0
                    } else {
                        held = self.units(of: standing, shareClass)
                    }
                    // Each product fits in 128 bits; a forged rule of thousands of classes could
                    // carry the sum past them, so it stays within what a unit count can be.
                    total = max(min(total + Int128(held) * Int128(weight), Int128(Int64.max)), Int128(Int64.min))
                }
                units[h] = Int64(clamping: total)
            case .households: units[h] = 1
            case .members: units[h] = standing.members
            case .cooperative(let trade, let capitals, let after):
                capital[h] = capitals.reduce(Int64(0)) { $0 &+ self.units(of: standing, $1) }
                let volume = transactions(h, of: trade, after: after, through: recordDate, work: &work)
                units[h] = max(0, volume)
                traded = traded || volume > 0
            }
        }
        recordDateWork += work
        if case .cooperative = basis, !traded {
            notJudged.append(RuleViolation(seq: seq, code: .allocationUnits, detail:
                "distribution \(declaration.id)'s transactions came from a volumes file (the ledger records no 交易额, class \(ShareClass.trade), in its period): its allocations' returns by transactions are split again from the volumes they record, which the ledger cannot confirm"))
        }
        let judged: Bool = if case .cooperative = basis { traded } else { true }
        return .success(ExpectedUnits(basis: basis, recordDate: recordDate, units: units, capital: capital, transactionsJudged: judged))
    }

    /// Household `h` as it stood on `date`: as it stands now, or replayed from its own facts and
    /// share rows; nil when it was not registered by then.
    enum Standing {
        case now(h: Int, members: Int64, poor: Bool)
        case replayed(h: Int32, RecordDateHoldings<Int32>, members: Int64)

        var members: Int64 {
            switch self {
            case .now(_, let members, _), .replayed(_, _, let members): members
            }
        }
    }

    func standing(_ h: Int, on date: LedgerDate, work: inout Int) -> Standing? {
        if !standings.irregular[h], let latest = standings.latest[h], latest <= date {
            return .now(h: h, members: standings.members[h], poor: standings.poor[h])
        }
        // Its facts and rows in the order recorded, a reversed share entry left out.
        var facts = [HouseholdFact](), rows = [ShareRow]()
        var f = standings.lastFact[h], r = standings.lastRow[h]
        while f >= 0 { facts.append(householdFacts[Int(f)]); f = householdFacts[Int(f)].previous }
        while r >= 0 { rows.append(shareRows[Int(r)]); r = shareRows[Int(r)].previous }
        work += facts.count + rows.count
        let key = Int32(truncatingIfNeeded: h)
        var held = RecordDateHoldings<Int32>(recordDate: date)
        for fact in facts.reversed() {
            if fact.isRegistration {
                held.register(key, date: fact.date, members: fact.members ?? 0, poor: fact.poor ?? false)
            } else {
                held.update(key, date: fact.date, members: fact.members, poor: fact.poor)
            }
        }
        for row in rows.reversed() where !seqFlags.isReversed(row.seq) {
            held.shares(key, shareClassNames[Int(row.shareClass)], row.delta, on: row.date)
        }
        held.finish()
        guard let standing = held.households[key] else { return nil }
        return .replayed(h: key, held, members: standing.members)
    }

    /// The units of `shareClass` a household's standing holds.
    func units(of standing: Standing, _ shareClass: String) -> Int64 {
        switch standing {
        case .now(let h, _, let poor):
            // Registered-poor or not as registered: its 扶贫股 count only if it is.
            guard let c = shareClassIndex[shareClass], shareClass != ShareClass.poverty || poor else { return 0 }
            return standings.unitsNow(Int(c), h)
        case .replayed(let h, let held, _):
            return held.units[.init(holder: h, shareClass: shareClass)] ?? 0
        }
    }

    /// What household `h` traded of `trade` after `after` through `through`: issued less retired
    /// (a transfer is no trade), as ``TransactionPeriod`` in Payouts reads it.
    private func transactions(_ h: Int, of trade: String, after: LedgerDate?, through: LedgerDate, work: inout Int) -> Int64 {
        guard let c = shareClassIndex[trade] else { return 0 }
        var volume: Int64 = 0
        var r = standings.lastRow[h]
        while r >= 0 {
            let row = shareRows[Int(r)]
            if row.shareClass == c, !row.isTransfer, CooperativePeriod.contains(row.date, after: after, through: through), !seqFlags.isReversed(row.seq) {
                volume &+= row.delta
            }
            r = row.previous
            work += 1
        }
        return volume
    }

    /// Why `declaration` passes over Art. 44, if it does: in a farmers' cooperative (by its
    /// organisation's name), a distribution by another basis than the cooperative's while members'
    /// transactions of its period (since the last cooperative distribution's record date) stand —
    /// a cooperative had declared by capital alone, or one amount a household, its members'
    /// 交易额 of 200,000.00 returned nothing.
    mutating func passesOverArticle44(_ declaration: DividendDeclaration) -> String? {
        guard let org = opening?.org, LedgerOpen.isCooperative(org), declaration.rule["basis"] != .string("cooperative") else { return nil }
        // Not dated into a standing Art. 44 distribution's period, nor on its record date: what was
        // earned by then is its surplus (one by capital dated 2024-06-30 had taken 99% of 2024's
        // income beside a token Art. 44 distribution of 2024-12-31, whose trade was recorded in November).
        if let latest = cooperativeDeclarations.filter({ tallies[$0].withdrawnBy == nil }).compactMap({ declarations[$0]?.declaration })
            .max(by: { $0.recordDate < $1.recordDate }), declaration.recordDate <= latest.recordDate {
            return "distribution \(declaration.id) is by \(Self.text(declaration.rule["basis"]) ?? "no basis") in \(org), a farmers' cooperative, and its record date "
                + "\(declaration.recordDate) is on or before \(latest.recordDate), that of its Art. 44 distribution \(latest.id): what was earned by then is "
                + "returned by Art. 44 (date another basis after \(latest.recordDate), or declare it --basis cooperative)"
        }
        // Even beside a standing cooperative distribution of its record date: every distribution
        // of a cooperative whose members traded is by Art. 44 (a token one of 1,000.00 beside one
        // of 99,000.00 by capital had returned 0.54% of the year's surplus by transactions).
        let after = previousCooperativeRecordDate(before: declaration.recordDate)
        if keepsIncome {
            // Another basis takes only what was earned after the last Art. 44 distribution, and
            // by its own record date: what was earned by then is that surplus.
            let others = declarations.indices.compactMap { d -> (recordDate: LedgerDate, fen: Int64)? in
                guard tallies[d].withdrawnBy == nil, let other = declarations[d]?.declaration, other.id != declaration.id,
                      other.rule["basis"] != .string("cooperative") else { return nil }
                return (other.recordDate, other.distributable.value &- other.residual.value)
            }
            let next = cooperativeDeclarations.compactMap { tallies[$0].withdrawnBy == nil ? tallies[$0].recordDate : nil }
                .filter { $0 > declaration.recordDate }.min()
            let income = datedIncome.filter { !seqFlags.isReversed($0.seq) }.map { (date: $0.date, fen: $0.fen) }
            let left = CooperativeSurplus.leftForAnotherBasis(on: declaration.recordDate, after: after, before: next, income: income, takenBy: others)
            let taken = declaration.distributable.value &- declaration.residual.value
            if taken > left {
                let since = after.map { "after \($0), the record date of its last distribution by Art. 44, " } ?? ""
                return "distribution \(declaration.id) is by \(Self.text(declaration.rule["basis"]) ?? "no basis") in \(org), a farmers' cooperative, and takes "
                    + "\(Fen(taken).formatted), but only \(Fen(max(0, left)).formatted) is left of the income recorded \(since)by its record date "
                    + "\(declaration.recordDate) and by the record dates of distributions after it: what was earned by an Art. 44 distribution is returned by it "
                    + "(declare it --basis cooperative)"
            }
        }
        var work = 0, total: Int64 = 0, members = 0
        for h in householdRegistered.indices where householdRegistered[h] {
            let volume = transactions(h, of: ShareClass.trade, after: after, through: declaration.recordDate, work: &work)
            if volume > 0 { (total, members) = (total &+ volume, members + 1) }
        }
        recordDateWork += work
        guard total > 0 else { return nil }
        return "distribution \(declaration.id) is by \(Self.text(declaration.rule["basis"]) ?? "no basis") in \(org), a farmers' cooperative whose "
            + "\(members) \(members == 1 ? "member" : "members") recorded transactions (交易额) of \(Fen(total).formatted) in its period: "
            + "Art. 44 returns at least 60% of its distributable surplus by them (declare it --basis cooperative)"
    }

    /// The latest record date before `date` of a cooperative distribution declared and not withdrawn.
    private func previousCooperativeRecordDate(before date: LedgerDate) -> LedgerDate? {
        CooperativePeriod.previous(cooperativeDeclarations.lazy.filter { tallies[$0].withdrawnBy == nil }.compactMap { tallies[$0].recordDate }, before: date)
    }

    /// The allocations of `buffer` whose units are not what their household had at the record
    /// date, and the households that had some and have no allocation.
    func unitViolations(_ buffer: SplitBuffer) -> [RuleViolation] {
        guard let expected = buffer.expected else { return [] }
        let id = buffer.declaration.id, date = expected.recordDate
        var found = [RuleViolation]()
        var allocated = [Bool](repeating: false, count: expected.units.count)
        for line in buffer.lines {
            let h = Int(line.h)
            // One registered after the record date: `dated-before-registration` says so.
            guard h < expected.units.count, expected.units[h] >= 0 else { continue }
            allocated[h] = true
            if expected.transactionsJudged, line.units != expected.units[h] {
                found.append(RuleViolation(seq: line.seq, code: .allocationUnits,
                    detail: "household \(line.household)'s allocation in distribution \(id) records \(Self.recorded(line.units, expected.basis)), but \(had(h, expected))"))
            }
            if case .cooperative(_, let capitals, _) = expected.basis, let recorded = line.capital, recorded != expected.capital[h] {
                found.append(RuleViolation(seq: line.seq, code: .allocationUnits,
                    detail: "household \(line.household)'s allocation in distribution \(id) records capital accounts of \(Fen(recorded).formatted), but its accounts (\(capitals.joined(separator: ", "))) held \(Fen(expected.capital[h]).formatted) at the record date \(date)"))
            }
        }
        var left = [(household: String, detail: String)]()
        // By a rate, a household's part left out stays undistributed; else the others share it.
        let whither: String = if case .rate = buffer.rule { "its part was left undistributed" } else { "its part went to the others" }
        for h in expected.units.indices where !allocated[h] && (expected.units[h] > 0 || expected.capital[h] > 0) {
            // One owed a guaranteed minimum is reported as such (``missingMinimums(_:)``), once.
            if buffer.rule.hasMinimum && isPoor(h, on: date) { continue }
            let fact = Int(standings.lastFact[h])
            let household = fact >= 0 ? householdFacts[fact].household : "?"
            let what = expected.units[h] > 0 ? had(h, expected) : "its accounts held \(Fen(expected.capital[h]).formatted) of capital at the record date \(date)"
            left.append((household, "household \(household) has no allocation in distribution \(id), but \(what): \(whither)"))
        }
        for (_, detail) in left.sorted(by: { HolderOrder.areInIncreasingOrder($0.household, $1.household) }) {
            found.append(RuleViolation(seq: buffer.seq, code: .allocationUnits, detail: detail))
        }
        return Self.capped(found, code: .allocationUnits, what: "allocations and households of distribution \(id) whose units are not what the households had")
    }

    /// A rule's value as its body writes it (`"trade"`, `["capital"]`).
    private static func text(_ value: JSONValue?) -> String? {
        value.map { String(decoding: CanonicalJSON.encode($0), as: UTF8.self) }
    }

    /// Units as an allocation records them.
    private static func recorded(_ units: Int64, _ basis: ExpectedUnits.Basis) -> String {
        switch basis {
        case .cooperative: "transactions of \(Fen(units).formatted)"
        case .households, .members, .shares: count(units, "unit")
        }
    }

    /// `1 unit`, `2 units`.
    private static func count(_ n: Int64, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// What household `h` had at the record date that its units come from, as a phrase.
    private func had(_ h: Int, _ expected: ExpectedUnits) -> String {
        let date = expected.recordDate
        switch expected.basis {
        case .shares(let weights):
            var work = 0
            let standing = standing(h, on: date, work: &work)
            // The classes weighed that it held; none, when it held none of them.
            let parts = weights.filter { $0.weight > 0 }.compactMap { w -> String? in
                let held = standing.map { units(of: $0, w.shareClass) } ?? 0
                return held == 0 ? nil : "\(held) \(w.shareClass) × \(w.weight)"
            }
            let classes = weights.filter { $0.weight > 0 }.map(\.shareClass).joined(separator: ", ")
            return "the shares it held at the record date \(date) give \(Self.count(expected.units[h], "unit")) "
                + (parts.isEmpty ? "(it held none of \(classes))" : "(\(parts.joined(separator: " + ")))")
        case .households:
            return "a distribution by households counts each household registered at the record date \(date) as 1 unit"
        case .members:
            return "it had \(Self.count(expected.units[h], "member")) at the record date \(date)"
        case .cooperative(let trade, _, let after):
            let period = after.map { "from \($0.adding(days: 1)) through \(date)" } ?? "up to \(date)"
            return "its \(trade) account records transactions of \(Fen(expected.units[h]).formatted) \(period) (issued less retired; an account passed on is no trade)"
        }
    }
}
