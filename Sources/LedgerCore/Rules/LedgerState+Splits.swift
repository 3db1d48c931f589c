// Each household's allocation as its declaration's rule gives it from the units the allocations
// record: an accountant with the real key cannot move money from one household to another and
// keep the total (`allocation-split`).

extension LedgerState {
    /// The allocations of the distribution declared last, gathered while they come (they follow
    /// their declaration, together, in one command), to be split again by its rule when they end.
    struct SplitBuffer: Sendable {
        let distribution: Int
        let declaration: DividendDeclaration
        /// The declaration's entry: where a problem of no one allocation is reported.
        let seq: Int64
        let rule: SplitRule
        var lines: [SplitLine] = []
        /// The units each household's allocation must record (a verifier's; ``expectedUnits(_:)``).
        var expected: ExpectedUnits?
    }

    /// One allocation as the split needs it.
    struct SplitLine: Sendable {
        let seq: Int64
        /// The household, interned (``LedgerState/householdNumbers``), and its number.
        let h: Int32
        let household: String
        let units: Int64
        let amount: Int64
        let rebate: Int64?
        let capital: Int64?
        /// Owed the guaranteed minimum: registered-poor at the record date.
        let eligible: Bool
    }

    /// What a declaration's rule fixes from the recorded units and the households' registered-
    /// poor status at the record date (for a guaranteed minimum).
    enum SplitRule: Sendable {
        /// The minimum to each registered-poor household, then the rest of the pool by largest
        /// remainder of the units, the collective's own among them (its part is the residual).
        case largestRemainder(pool: Int64, collectiveUnits: Int64, minimum: Int64)
        /// The minimum to each registered-poor household, and rate × units.
        case rate(Int64, minimum: Int64)
        /// A cooperative's return by transactions: the declared rebate, by largest remainder of
        /// the transactions; and the rest of the pool by largest remainder of the capital
        /// accounts, where the allocations record them.
        case rebate(Int64, pool: Int64)

        /// True when a guaranteed minimum goes first (who is registered-poor then matters).
        var hasMinimum: Bool {
            switch self {
            case .largestRemainder(_, _, let minimum), .rate(_, let minimum): minimum > 0
            case .rebate: false
            }
        }
    }

    /// The split rule of `declaration`, or why its rule cannot be the one fenhong writes; nil
    /// for one not judged here (a guaranteed minimum, by a state that does not replay everything).
    func splitRule(_ declaration: DividendDeclaration) -> Result<SplitRule, SplitProblem>? {
        let rule = declaration.rule
        var minimum: Int64 = 0
        if let given = rule["minimum"] {
            guard let fen = given.integerValue, fen >= 0 else { return .failure(.init("records a guaranteed minimum that is not an amount in fen")) }
            if fen > 0 && !replaysEverything { return nil }
            minimum = fen
        }
        let method = rule["method"]?.stringValue ?? "largest-remainder"
        if rule["basis"] == .string("cooperative") {
            guard method == "largest-remainder", minimum == 0, let rebate = rule["rebate"]?.integerValue else {
                return .failure(.init("is a cooperative's, split by largest remainder with a recorded \"rebate\", not as its rule says"))
            }
            return .success(.rebate(rebate, pool: declaration.pool.value))
        }
        switch method {
        case "rate-per-unit":
            // A rate may round down to 0.00 (a pool smaller than the units, or what minimums leave).
            guard let rate = rule["rate"]?.integerValue, rate >= 0 else { return .failure(.init("is by a rate per unit but records no rate")) }
            return .success(.rate(rate, minimum: minimum))
        case "largest-remainder":
            return .success(.largestRemainder(pool: declaration.pool.value, collectiveUnits: collectiveUnits(declaration), minimum: minimum))
        default:
            return .failure(.init("records the method \(MessageText.quoted(method)), which is neither largest-remainder nor rate-per-unit"))
        }
    }

    /// Why a declaration's rule cannot be split: a phrase after "distribution X".
    struct SplitProblem: Error, Sendable {
        let phrase: String
        init(_ phrase: String) { self.phrase = phrase }
    }

    /// The units the collective holds at `declaration`'s record date of the classes its rule
    /// weighs, by their weights: a distribution by shares divides by them too, and keeps their
    /// part (the residual). None when the rule's weights cannot be read (`allocation-units` says so).
    func collectiveUnits(_ declaration: DividendDeclaration) -> Int64 {
        guard declaration.rule["basis"] == .string("units"), case .success(let classes) = Self.weights(declaration.rule) else { return 0 }
        var held = [String: Int64]()
        for seq in collectiveShareSeqs where !isReversed(seq) {
            guard let effect = shareEffects[seq], effect.date <= declaration.recordDate else { continue }
            for (key, delta) in effect.changes where key.holder == Holder.collective { held[key.shareClass, default: 0] &+= delta }
        }
        var total: Int64 = 0
        for (shareClass, weight) in classes {
            let (product, overflow) = (held[shareClass] ?? 0).multipliedReportingOverflow(by: weight)
            total = overflow ? .max : total.addingReportingOverflow(product).overflow ? .max : total + product
        }
        return max(0, total)
    }

    /// Starts gathering the allocations of the distribution just declared, closing the one before.
    mutating func openSplit(_ declaration: DividendDeclaration, distribution d: Int, seq: Int64, _ problems: inout RuleReport) {
        closeSplit(&problems)
        allocating = d
        // History replayed unchecked (a store's state before one command) is not split again:
        // its state holds only what that command touches.
        guard problems.enabled else { return }
        // Splitting again reads the collective's share entries, and a verifier every registered-
        // poor household and earlier cooperative declaration: bounded, so that a forged ledger of
        // endless declarations cannot stall a verification.
        // (A registered-poor household left out costs a sort and a look at its history: eight.)
        guard !replaysEverything || mayRead(collectiveShareSeqs.count + 8 * povertyHistory.count + cooperativeDeclarations.count) else {
            return problems.add(.allocationSplit, "distribution \(declaration.id) is one declaration too many to split again (\(recordDateWork) facts read for record dates so far): its allocations are not judged")
        }
        switch splitRule(declaration) {
        case .success(let rule)?:
            openSplit = SplitBuffer(distribution: d, declaration: declaration, seq: seq, rule: rule)
            if replaysEverything {
                switch expectedUnits(declaration, seq: seq) {
                case .success(let expected): openSplit!.expected = expected
                case .failure(let problem): problems.add(.allocationUnits, "distribution \(declaration.id) \(problem.phrase): its allocations' units cannot be held to the households' holdings")
                }
            }
            // At most one allocation a household: room for all at once, not doubled as they come.
            openSplit!.lines.reserveCapacity(householdRegistered.count)
        case .failure(let problem)?: problems.add(.allocationSplit, "distribution \(declaration.id) \(problem.phrase): its allocations cannot be split again")
        case nil: break
        }
    }

    /// Gathers an allocation: it must come with the others of its distribution, right after the
    /// declaration, and its household must have been registered by the record date.
    mutating func gatherSplit(_ allocation: DividendAllocation, distribution d: Int, household h: Int, seq: Int64, _ problems: inout RuleReport) {
        if allocating != d {
            problems.add(.allocationSplit, "the allocation of distribution \(allocation.id) to household \(allocation.household) comes apart from its declaration: a distribution's allocations follow it, together")
        }
        if let recordDate = tallies[d].recordDate, let since = householdSince[h], since > recordDate {
            problems.add(.datedBeforeRegistration, "household \(allocation.household) was registered on \(since), after distribution \(allocation.id)'s record date \(recordDate): it took no part in it")
        }
        guard let open = openSplit, open.distribution == d else { return }
        openSplit!.lines.append(SplitLine(seq: seq, h: Int32(truncatingIfNeeded: h), household: allocation.household, units: allocation.units,
                                          amount: allocation.amount.value, rebate: allocation.rebate?.value, capital: allocation.capital,
                                          eligible: open.rule.hasMinimum && isPoor(h, on: open.declaration.recordDate)))
    }

    /// Whether household `h` was registered-poor on `date` (``PovertyStatus``).
    func isPoor(_ h: Int, on date: LedgerDate) -> Bool {
        povertyHistory[h].map { PovertyStatus.isPoor(on: date, $0.changes) } ?? false
    }

    /// Judges the distribution gathered once an entry that is not one of its allocations comes.
    mutating func closeSplit(before entry: Entry, _ problems: inout RuleReport) {
        if case .dividendAllocate(let a) = entry.payload, allocating.map({ distributionIDs[$0] == a.id }) == true { return }
        allocating = nil
        closeSplit(&problems)
    }

    private mutating func closeSplit(_ problems: inout RuleReport) {
        guard let open = openSplit else { return }
        openSplit = nil
        let split = Self.splitViolations(open) + missingMinimums(open)
        keepDivision(open, judged: split)
        for violation in split + unitViolations(open) { problems.add(violation) }
    }

    /// Under a guaranteed minimum, every household registered and registered-poor at the record
    /// date is owed it: one with no allocation had its minimum shared out among the others.
    func missingMinimums(_ open: SplitBuffer) -> [RuleViolation] {
        guard open.rule.hasMinimum else { return [] }
        let allocated = Set(open.lines.map(\.h))
        let date = open.declaration.recordDate
        let missing = povertyHistory.filter { h, _ in
            !allocated.contains(Int32(truncatingIfNeeded: h)) && householdSince[h].map { $0 <= date } == true && isPoor(h, on: date)
        }.map(\.value.household).sorted(by: HolderOrder.areInIncreasingOrder)
        // Sentences for those listed only: a forged ledger may leave thousands out of thousands of declarations.
        let said = missing.prefix(Self.splitReportsMax).map { household in
            RuleViolation(seq: open.seq, code: .allocationSplit,
                          detail: "household \(household), registered-poor at the record date \(date), has no allocation in distribution \(open.declaration.id): its guaranteed minimum is owed to it")
        }
        guard missing.count > said.count else { return said }
        return said + [RuleViolation(seq: open.seq, code: .allocationSplit,
                                     detail: "and \(missing.count - said.count) more registered-poor households with no allocation in distribution \(open.declaration.id)")]
    }

    /// The allocations of `buffer` that are not what its rule gives them, at most ``splitReportsMax``
    /// of them and a count of the rest.
    static func splitViolations(_ buffer: SplitBuffer) -> [RuleViolation] {
        let lines = buffer.lines, declaration = buffer.declaration, id = declaration.id
        let at = { (line: SplitLine?, detail: String) in RuleViolation(seq: line?.seq ?? buffer.seq, code: .allocationSplit, detail: detail) }
        // Only when the allocations hold what the declaration says: else `allocation-sum` says so.
        guard lines.reduce(Int64(0), { $0 &+ $1.amount }) == declaration.allocated.value else { return [] }
        let units = lines.map(\.units), ids = lines.map(\.household)
        var found = [RuleViolation]()
        switch buffer.rule {
        case .largestRemainder(let pool, let collectiveUnits, let minimum):
            if lines.isEmpty && collectiveUnits == 0 { break }
            // The minimums first, to the households registered-poor at the record date; the rest by units.
            let gets = { (line: SplitLine) in minimum > 0 && line.eligible }
            let owedMinimum = lines.filter(gets).count
            let (minimums, overflow) = minimum.multipliedReportingOverflow(by: Int64(owedMinimum))
            guard !overflow, minimums <= pool else {
                found.append(at(lines.first, "distribution \(id)'s guaranteed minimum \(Fen(minimum).formatted) to \(owedMinimum) registered-poor households is more than its pool \(Fen(pool).formatted)"))
                break
            }
            let rest = pool - minimums
            // No units at all: nothing may be left to divide by them, and each line is its minimum or nothing.
            let split = RemainderSplit.amounts(pool: rest, weights: units + [collectiveUnits], ids: ids + [Holder.collective])
            if split == nil && rest > 0 {
                found.append(at(lines.first, "the allocations of distribution \(id) record no units to divide \(Fen(rest).formatted) of its pool by"))
                break
            }
            let expected = split ?? Array(repeating: 0, count: lines.count + 1)
            let total = units.reduce(Int64(0), &+) &+ collectiveUnits
            let basis = minimum > 0 ? "the \(Fen(rest).formatted) its guaranteed minimums leave of the pool" : "the pool \(Fen(pool).formatted)"
            for (line, share) in zip(lines, expected) where line.amount != share + (gets(line) ? minimum : 0) {
                let owed = share + (gets(line) ? minimum : 0)
                found.append(at(line, "household \(line.household)'s allocation in distribution \(id) is \(Fen(line.amount).formatted), but "
                    + (gets(line) ? "the minimum \(Fen(minimum).formatted) to a household registered-poor at the record date and " : "")
                    + "its \(line.units) of the \(total) units divided by give \(Fen(owed).formatted) of \(basis) (largest remainder)"))
            }
            if let kept = expected.last, kept != declaration.residual.value {
                found.append(at(lines.last, "distribution \(id) keeps \(Fen(declaration.residual.value).formatted) undistributed, but the collective's own \(collectiveUnits) of the \(total) units give it \(Fen(kept).formatted) (largest remainder)"))
            }
        case .rate(let rate, let minimum):
            for line in lines {
                let (product, overflow) = rate.multipliedReportingOverflow(by: line.units)
                let gets = minimum > 0 && line.eligible
                let amount = product &+ (gets ? minimum : 0)
                guard overflow || line.amount != amount else { continue }
                found.append(at(line, "household \(line.household)'s allocation in distribution \(id) is \(Fen(line.amount).formatted), but "
                    + (gets ? "the minimum \(Fen(minimum).formatted) and " : "")
                    + "\(line.units) units at \(Fen(rate).formatted) each give \(overflow ? "more than any amount" : Fen(amount).formatted)"))
            }
        case .rebate(let rebate, let pool):
            // Every allocation of a cooperative's records its return by transactions and the
            // capital accounts of its share by capital (both written since 2026-11-30, before any
            // ledger was in use): one without them hides how its amount was split.
            if let missing = lines.first(where: { $0.rebate == nil }) {
                found.append(at(missing, "household \(missing.household)'s allocation in distribution \(id) records no return by transactions: a cooperative's allocation records it"))
                break
            }
            if let missing = lines.first(where: { $0.capital == nil }) {
                found.append(at(missing, "household \(missing.household)'s allocation in distribution \(id) records its return by transactions but not the capital accounts its share by capital was divided by"))
                break
            }
            guard lines.reduce(Int64(0), { $0 &+ ($1.rebate ?? 0) }) == rebate else { break }
            if let expected = RemainderSplit.amounts(pool: rebate, weights: units, ids: ids) {
                let total = units.reduce(Int64(0), &+)
                for (line, amount) in zip(lines, expected) where line.rebate != amount {
                    found.append(at(line, "household \(line.household)'s return by transactions in distribution \(id) is \(Fen(line.rebate ?? 0).formatted), but its \(Fen(line.units).formatted) of the \(Fen(total).formatted) transactions give \(Fen(amount).formatted) of the rebate \(Fen(rebate).formatted) (largest remainder)"))
                }
            } else if rebate > 0 {
                found.append(at(lines.first, "the allocations of distribution \(id) record no transactions to return its rebate \(Fen(rebate).formatted) by"))
            }
            // The rest of the pool by capital accounts, where the allocations record them.
            let byCapital = pool - rebate
            guard lines.first?.capital != nil, byCapital > 0 else { break }
            let capitals = lines.map { $0.capital ?? 0 }
            guard let expected = RemainderSplit.amounts(pool: byCapital, weights: capitals, ids: ids) else {
                found.append(at(lines.first, "the allocations of distribution \(id) record no capital accounts to divide the \(Fen(byCapital).formatted) left after the rebate by"))
                break
            }
            let total = capitals.reduce(Int64(0), &+)
            for (line, amount) in zip(lines, expected) where line.amount - (line.rebate ?? 0) != amount {
                found.append(at(line, "household \(line.household)'s share by capital in distribution \(id) is \(Fen(line.amount - (line.rebate ?? 0)).formatted), but its \(Fen(line.capital ?? 0).formatted) of the \(Fen(total).formatted) capital accounts give \(Fen(amount).formatted) of the \(Fen(byCapital).formatted) left after the rebate (largest remainder)"))
            }
        }
        return capped(found, code: .allocationSplit, what: "allocations of distribution \(id) that its rule does not give")
    }

    /// At most ``splitReportsMax`` of `found`, and one more that counts the rest (`what`, plural).
    static func capped(_ found: [RuleViolation], code: RuleCode, what: String) -> [RuleViolation] {
        guard found.count > splitReportsMax else { return found }
        let rest = found.count - splitReportsMax
        return Array(found.prefix(splitReportsMax)) + [RuleViolation(seq: found[splitReportsMax].seq, code: code,
            detail: "and \(rest) more \(what), from entry \(found[splitReportsMax].seq) to \(found.last!.seq)")]
    }

    /// The most allocations of one distribution reported each on its own.
    static let splitReportsMax = 20
}
