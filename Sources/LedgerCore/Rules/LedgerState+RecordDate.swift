// The units each allocation records, held to what its household had at the record date — the
// shares of the classes weighed, its members, a cooperative member's transactions and capital
// accounts — and an allocation for every household that had some (`allocation-units`). Without
// it, an accountant with the real key could record other units along with other amounts, or
// leave a household out and split its part among the rest, and every split would still add up.
// Judged by a verifier, which replays every household; the store leaves it to the planner.

extension LedgerState {
    /// A registration, or an update of a household's members or registered-poor status.
    struct HouseholdFact: Sendable {
        let h: Int32
        let household: String
        let date: LedgerDate
        let members: Int64?
        let poor: Bool?
        let isRegistration: Bool
    }

    /// One household's change of one share entry (the collective's are read by ``collectiveUnits(_:)``).
    struct ShareRow: Sendable {
        let seq: Int64
        let date: LedgerDate
        let h: Int32
        let shareClass: Int32
        let delta: Int64
    }

    /// What a distribution's allocations must record, read from the ledger as it stood when the
    /// distribution was declared (what is dated by its record date is settled from then on).
    struct ExpectedUnits: Sendable {
        enum Basis: Sendable {
            case shares([(shareClass: String, weight: Int64)])
            case households
            case members
            /// `period`: the day after which its transactions count (nil: from the first).
            case cooperative(transactionClass: String, capitalClasses: [String], after: LedgerDate?)
        }

        let basis: Basis
        let recordDate: LedgerDate
        /// The households registered at the record date, with their members and holdings.
        let held: RecordDateHoldings<Int32>
        /// Each household's units under the basis; for a cooperative, its transactions in the
        /// period, and nil when the ledger records none there (they came from a file).
        let units: [Int32: Int64]?
        /// A cooperative member's capital accounts.
        let capital: [Int32: Int64]
        let names: [Int32: String]
    }

    /// Facts and rows a verification may read back for record dates: enough for a ledger of a
    /// thousand declarations over every one of its households, not for endless forged ones.
    static func recordDateWorkMax(entries: Int64) -> Int { 10_000_000 + 64 * Int(clamping: entries) }

    mutating func keepFact(_ registration: HouseholdRegistration) {
        householdFacts.append(HouseholdFact(h: Int32(truncatingIfNeeded: intern(household: registration.household)), household: registration.household,
                                            date: registration.date, members: registration.members, poor: registration.poor, isRegistration: true))
    }

    mutating func keepFact(_ update: HouseholdUpdate) {
        guard update.members != nil || update.poor != nil else { return }
        householdFacts.append(HouseholdFact(h: Int32(truncatingIfNeeded: intern(household: update.household)), household: update.household,
                                            date: update.date, members: update.members, poor: update.poor, isRegistration: false))
    }

    /// Applies a share entry's changes (``applyShares(seq:date:_:_:)``) and, for a verifier, keeps
    /// each household's change for the record dates to come.
    mutating func recordShares(seq: Int64, date: LedgerDate, _ changes: [(ShareKey, Int64)], _ problems: inout RuleReport) {
        applyShares(seq: seq, date: date, changes, &problems)
        guard replaysEverything else { return }
        for (key, delta) in changes where key.holder != Holder.collective {
            var c = shareClassIndex[key.shareClass]
            if c == nil {
                c = Int32(truncatingIfNeeded: shareClassNames.count)
                shareClassIndex[key.shareClass] = c
                shareClassNames.append(key.shareClass)
            }
            shareRows.append(ShareRow(seq: seq, date: date, h: Int32(truncatingIfNeeded: intern(household: key.holder)), shareClass: c!, delta: delta))
        }
    }

    /// The units `declaration`'s allocations must record; nil for a rule not read here (the split
    /// says what is wrong with it), `.failure` when the reading would pass its bound.
    mutating func expectedUnits(_ declaration: DividendDeclaration) -> Result<ExpectedUnits, SplitProblem>? {
        let rule = declaration.rule, recordDate = declaration.recordDate
        let basis: ExpectedUnits.Basis
        switch rule["basis"]?.stringValue {
        case "units":
            guard let object = rule["classes"]?.objectValue else { return nil }
            var weights = [(shareClass: String, weight: Int64)]()
            for (name, weight) in object {
                guard let weight = weight.integerValue, weight >= 0 else { return nil }
                weights.append((name, weight))
            }
            basis = .shares(weights.sorted { $0.shareClass < $1.shareClass })
        case "household": basis = .households
        case "member": basis = .members
        case "cooperative":
            guard let trade = rule["transactionClass"]?.stringValue,
                  let capitals = rule["capitalClasses"]?.arrayValue?.compactMap(\.stringValue) else { return nil }
            basis = .cooperative(transactionClass: trade, capitalClasses: capitals, after: previousCooperativeRecordDate(before: recordDate))
        default: return nil
        }
        let work = householdFacts.count + shareRows.count
        guard recordDateWork + work <= Self.recordDateWorkMax(entries: count) else {
            return .failure(.init("is one declaration too many to read holdings for (\(recordDateWork) facts read for record dates so far)"))
        }
        recordDateWork += work

        var held = RecordDateHoldings<Int32>(recordDate: recordDate)
        var names = [Int32: String]()
        for fact in householdFacts {
            if fact.isRegistration {
                if held.register(fact.h, date: fact.date, members: fact.members ?? 0, poor: fact.poor ?? false) { names[fact.h] = fact.household }
            } else {
                held.update(fact.h, date: fact.date, members: fact.members, poor: fact.poor)
            }
        }
        // Only the classes the rule reads: each class is held apart from the others.
        var wanted = Set<String>()
        switch basis {
        case .shares(let weights): wanted = Set(weights.map(\.shareClass))
        case .cooperative(_, let capitals, _): wanted = Set(capitals)
        case .households, .members: break
        }
        let classes = wanted.compactMap { shareClassIndex[$0] }
        if !classes.isEmpty {
            for row in shareRows where classes.contains(row.shareClass) && !seqFlags.isReversed(row.seq) {
                held.shares(row.h, shareClassNames[Int(row.shareClass)], row.delta, on: row.date)
            }
        }
        held.finish()

        var units: [Int32: Int64]? = [:]
        var capital = [Int32: Int64]()
        switch basis {
        case .shares(let weights):
            let weightOf = Dictionary(weights.map { ($0.shareClass, $0.weight) }, uniquingKeysWith: { a, _ in a })
            for (holding, count) in held.units where held.households[holding.holder] != nil {
                guard let weight = weightOf[holding.shareClass] else { continue }
                let product = Int128(count) * Int128(weight)
                units![holding.holder] = Int64(clamping: Int128(units![holding.holder] ?? 0) + product)
            }
        case .households:
            for h in held.households.keys { units![h] = 1 }
        case .members:
            for (h, standing) in held.households { units![h] = standing.members }
        case .cooperative(let trade, let capitals, let after):
            let capitalClasses = Set(capitals)
            for (holding, count) in held.units where held.households[holding.holder] != nil && capitalClasses.contains(holding.shareClass) {
                capital[holding.holder, default: 0] &+= count
            }
            units = transactions(of: trade, after: after, through: recordDate, among: held)
        }
        return .success(ExpectedUnits(basis: basis, recordDate: recordDate, held: held, units: units, capital: capital, names: names))
    }

    /// What each household registered at the record date traded in the period (after `after`,
    /// through `through`): the class's issues less its retirements, when positive; nil when
    /// none did (the transactions came from a file).
    private func transactions(of trade: String, after: LedgerDate?, through: LedgerDate, among held: RecordDateHoldings<Int32>) -> [Int32: Int64]? {
        guard let c = shareClassIndex[trade] else { return nil }
        var traded = [Int32: Int64]()
        for row in shareRows where row.shareClass == c && row.date <= through && after.map({ row.date > $0 }) ?? true && !seqFlags.isReversed(row.seq) {
            traded[row.h, default: 0] &+= row.delta
        }
        let recorded = traded.filter { $0.value > 0 && held.households[$0.key] != nil }
        return recorded.isEmpty ? nil : recorded
    }

    /// The latest record date before `date` of a cooperative distribution declared and not withdrawn.
    private func previousCooperativeRecordDate(before date: LedgerDate) -> LedgerDate? {
        declarations.indices.compactMap { d -> LedgerDate? in
            guard let declaration = declarations[d]?.declaration, tallies[d].withdrawnBy == nil,
                  declaration.rule["basis"]?.stringValue == "cooperative", declaration.recordDate < date else { return nil }
            return declaration.recordDate
        }.max()
    }

    /// The allocations of `buffer` whose units are not what their household had at the record
    /// date, and the households that had some and have no allocation.
    static func unitViolations(_ buffer: SplitBuffer) -> [RuleViolation] {
        guard let expected = buffer.expected else { return [] }
        let id = buffer.declaration.id, date = expected.recordDate
        var found = [RuleViolation]()
        for line in buffer.lines {
            // One registered after the record date: `dated-before-registration` says so.
            guard let standing = expected.held.households[line.h] else { continue }
            if let units = expected.units, line.units != units[line.h] ?? 0 {
                found.append(RuleViolation(seq: line.seq, code: .allocationUnits,
                    detail: "household \(line.household)'s allocation in distribution \(id) records \(recorded(line.units, expected.basis)), but \(had(line.h, standing, expected))"))
            }
            if case .cooperative(_, let capitals, _) = expected.basis, let recorded = line.capital, recorded != expected.capital[line.h] ?? 0 {
                found.append(RuleViolation(seq: line.seq, code: .allocationUnits,
                    detail: "household \(line.household)'s allocation in distribution \(id) records capital accounts of \(Fen(recorded).formatted), but its accounts (\(capitals.joined(separator: ", "))) held \(Fen(expected.capital[line.h] ?? 0).formatted) at the record date \(date)"))
            }
        }
        let allocated = Set(buffer.lines.map(\.h))
        let left = expected.held.households.filter { h, _ in
            !allocated.contains(h) && ((expected.units?[h] ?? 0) > 0 || (expected.capital[h] ?? 0) > 0)
        }
        for (h, standing) in left.sorted(by: { HolderOrder.areInIncreasingOrder(expected.names[$0.key] ?? "", expected.names[$1.key] ?? "") }) {
            let what = (expected.units?[h] ?? 0) > 0 ? had(h, standing, expected)
                : "its accounts held \(Fen(expected.capital[h] ?? 0).formatted) of capital at the record date \(date)"
            found.append(RuleViolation(seq: buffer.seq, code: .allocationUnits,
                detail: "household \(expected.names[h] ?? "?") has no allocation in distribution \(id), but \(what): its part went to the others"))
        }
        return capped(found, code: .allocationUnits, what: "allocations and households of distribution \(id) whose units are not what the households had")
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
    private static func had(_ h: Int32, _ standing: RecordDateHoldings<Int32>.Standing, _ expected: ExpectedUnits) -> String {
        let date = expected.recordDate
        switch expected.basis {
        case .shares(let weights):
            let parts = weights.filter { $0.weight > 0 }.map { w in
                "\(expected.held.units[.init(holder: h, shareClass: w.shareClass)] ?? 0) \(w.shareClass) × \(w.weight)"
            }
            return "the shares it held at the record date \(date) give \(count(expected.units?[h] ?? 0, "unit")) (\(parts.joined(separator: " + ")))"
        case .households:
            return "a distribution by households counts each household registered at the record date \(date) as 1 unit"
        case .members:
            return "it had \(count(standing.members, "member")) at the record date \(date)"
        case .cooperative(let trade, _, let after):
            let period = after.map { "from \($0.adding(days: 1)) through \(date)" } ?? "up to \(date)"
            return "its \(trade) account records transactions of \(Fen(expected.units?[h] ?? 0).formatted) \(period)"
        }
    }
}
