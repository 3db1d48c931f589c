// Each household's allocation as its declaration's rule gives it from the units the allocations
// record: an accountant with the real key cannot move money from one household to another and
// keep the total (`allocation-split`).

extension LedgerState {
    /// The allocations of the distribution declared last, gathered while they come (they follow
    /// their declaration in one command), to be split again by its rule when they end.
    struct SplitBuffer: Sendable {
        let distribution: Int
        let declaration: DividendDeclaration
        let rule: SplitRule
        var lines: [SplitLine] = []
    }

    /// One allocation as the split needs it.
    struct SplitLine: Sendable {
        let seq: Int64
        let household: String
        let units: Int64
        let amount: Int64
        let rebate: Int64?
        let capital: Int64?
    }

    /// What a declaration's rule fixes from the recorded units alone. A guaranteed minimum (who
    /// was registered-poor at the record date) or the collective's own shares (what it held)
    /// need more than the allocations say: such a split is not judged here.
    enum SplitRule: Sendable {
        /// The pool, by largest remainder of the units.
        case largestRemainder(pool: Int64)
        /// A rate per unit, rounded down by nothing: rate × units.
        case rate(Int64)
        /// A cooperative's return by transactions: the declared rebate, by largest remainder of
        /// the transactions; and the rest of the pool by largest remainder of the capital accounts,
        /// where the allocations record them.
        case rebate(Int64, pool: Int64)

        init?(_ declaration: DividendDeclaration) {
            let rule = declaration.rule
            guard rule["minimum"] == nil else { return nil }
            if rule["basis"] == .string("cooperative") {
                guard let rebate = rule["rebate"]?.integerValue else { return nil }
                self = .rebate(rebate, pool: declaration.pool.value)
            } else if rule["method"] == .string("rate-per-unit") {
                guard let rate = rule["rate"]?.integerValue, rate > 0 else { return nil }
                self = .rate(rate)
            } else if rule["method"] == .string("largest-remainder"), declaration.residual == .zero {
                self = .largestRemainder(pool: declaration.pool.value)
            } else {
                return nil
            }
        }
    }

    /// Starts gathering the allocations of the distribution just declared, closing the one before.
    mutating func openSplit(_ declaration: DividendDeclaration, distribution d: Int, _ problems: inout RuleReport) {
        closeSplit(&problems)
        openSplit = SplitRule(declaration).map { SplitBuffer(distribution: d, declaration: declaration, rule: $0) }
    }

    /// Gathers an allocation of the distribution being gathered.
    mutating func gatherSplit(_ allocation: DividendAllocation, distribution d: Int, seq: Int64) {
        guard openSplit?.distribution == d else { return }
        openSplit!.lines.append(SplitLine(seq: seq, household: allocation.household, units: allocation.units,
                                          amount: allocation.amount.value, rebate: allocation.rebate?.value, capital: allocation.capital))
    }

    /// Judges the distribution gathered once an entry that is not one of its allocations comes.
    mutating func closeSplit(before entry: Entry, _ problems: inout RuleReport) {
        guard let open = openSplit else { return }
        if case .dividendAllocate(let a) = entry.payload, a.id == open.declaration.id { return }
        closeSplit(&problems)
    }

    private mutating func closeSplit(_ problems: inout RuleReport) {
        guard let open = openSplit else { return }
        openSplit = nil
        for violation in Self.splitViolations(open) { problems.add(violation) }
    }

    /// The allocations of `buffer` that are not what its rule gives them, at most ``splitReportsMax``
    /// of them and a count of the rest.
    static func splitViolations(_ buffer: SplitBuffer) -> [RuleViolation] {
        let lines = buffer.lines, id = buffer.declaration.id
        guard !lines.isEmpty else { return [] }
        let units = lines.map(\.units)
        var found = [RuleViolation]()
        switch buffer.rule {
        case .largestRemainder(let pool):
            // Only when the allocations hold the whole pool: else `allocation-sum` says so.
            guard lines.reduce(Int64(0), { $0 &+ $1.amount }) == pool,
                  let expected = RemainderSplit.amounts(pool: pool, weights: units, ids: lines.map(\.household)) else { return [] }
            let total = units.reduce(Int64(0), &+)
            for (line, amount) in zip(lines, expected) where line.amount != amount {
                found.append(RuleViolation(seq: line.seq, code: .allocationSplit,
                    detail: "household \(line.household)'s allocation in distribution \(id) is \(Fen(line.amount).formatted), but its \(line.units) of the \(total) units allocated give \(Fen(amount).formatted) of the pool \(Fen(pool).formatted) (largest remainder)"))
            }
        case .rate(let rate):
            for line in lines {
                let (amount, overflow) = rate.multipliedReportingOverflow(by: line.units)
                guard overflow || line.amount != amount else { continue }
                found.append(RuleViolation(seq: line.seq, code: .allocationSplit,
                    detail: "household \(line.household)'s allocation in distribution \(id) is \(Fen(line.amount).formatted), but \(line.units) units at \(Fen(rate).formatted) each give \(overflow ? "more than any amount" : Fen(amount).formatted)"))
            }
        case .rebate(let rebate, let pool):
            let rebates = lines.map { $0.rebate ?? 0 }
            // Only when every allocation records its return and together they hold the rebate:
            // else `cooperative-rebate` says so (an older ledger records none).
            guard lines.allSatisfy({ $0.rebate != nil }), rebates.reduce(Int64(0), &+) == rebate else { return [] }
            let ids = lines.map(\.household)
            if let expected = RemainderSplit.amounts(pool: rebate, weights: units, ids: ids) {
                let total = units.reduce(Int64(0), &+)
                for (line, amount) in zip(lines, expected) where line.rebate != amount {
                    found.append(RuleViolation(seq: line.seq, code: .allocationSplit,
                        detail: "household \(line.household)'s return by transactions in distribution \(id) is \(Fen(line.rebate ?? 0).formatted), but its \(Fen(line.units).formatted) of the \(Fen(total).formatted) transactions give \(Fen(amount).formatted) of the rebate \(Fen(rebate).formatted) (largest remainder)"))
                }
            }
            // The rest of the pool by capital accounts, where every allocation records them and
            // the allocations hold the whole pool.
            let capitals = lines.compactMap(\.capital)
            let byCapital = pool - rebate
            guard capitals.count == lines.count, lines.reduce(Int64(0), { $0 &+ $1.amount }) == pool,
                  let expected = RemainderSplit.amounts(pool: byCapital, weights: capitals, ids: ids) else { break }
            let total = capitals.reduce(Int64(0), &+)
            for (line, amount) in zip(lines, expected) where line.amount - (line.rebate ?? 0) != amount {
                found.append(RuleViolation(seq: line.seq, code: .allocationSplit,
                    detail: "household \(line.household)'s share by capital in distribution \(id) is \(Fen(line.amount - (line.rebate ?? 0)).formatted), but its \(Fen(line.capital ?? 0).formatted) of the \(Fen(total).formatted) capital accounts give \(Fen(amount).formatted) of the \(Fen(byCapital).formatted) left after the rebate (largest remainder)"))
            }
        }
        guard found.count > splitReportsMax else { return found }
        let rest = found.count - splitReportsMax
        return Array(found.prefix(splitReportsMax)) + [RuleViolation(seq: found[splitReportsMax].seq, code: .allocationSplit,
            detail: "and \(rest) more allocations of distribution \(id) that its rule does not give, from entry \(found[splitReportsMax].seq) to \(found.last!.seq)")]
    }

    /// The most allocations of one distribution reported each on its own.
    static let splitReportsMax = 20
}
