/// How a distribution's pool was divided, as the rules split it again from its allocations: the
/// guaranteed minimums first, then what was divided by how many units. What a household's
/// statement gives beside its own share (DOMAIN §5's rate per share), so that a household can
/// multiply its units by the rate and find its amount.
///
/// Known only where the allocations follow their declaration's rule (``LedgerState/divisions``):
/// a rate the amounts contradict is never printed.
public struct DistributionDivision: Sendable, Equatable {
    /// What remained after the minimums, and what it was divided by.
    public enum Part: Sendable, Equatable {
        /// `divided` by largest remainder of `units` (weighted by class), the collective's own
        /// `collectiveUnits` among them (its part is the residual).
        case byUnits(divided: Fen, units: Int64, collectiveUnits: Int64)
        /// `rate` for each unit, `units` in all, the collective's own `collectiveUnits` among them
        /// (its part is kept, in the residual), and `undistributed` of what the minimums left
        /// kept too (the rate times the units falls short of it).
        case atRate(Fen, units: Int64, collectiveUnits: Int64, undistributed: Fen)
        /// A cooperative's (Art. 44): `rebate` returned by transactions (`transactions`, in fen), and
        /// `byCapital` by the capital accounts (`capital`, in fen), when the allocations record them.
        case cooperative(rebate: Fen, transactions: Int64, byCapital: Fen, capital: Int64?)
    }

    /// The distribution id.
    public let id: String
    /// The guaranteed minimum to each household registered-poor at the record date; zero for none.
    public let minimum: Fen
    /// How many households were owed it.
    public let minimumHouseholds: Int
    public let part: Part
    /// One past its last allocation: a statement made at a checkpoint smaller than this does not
    /// see the whole division.
    public let end: Int64

    public init(id: String, minimum: Fen, minimumHouseholds: Int, part: Part, end: Int64) {
        self.id = id
        self.minimum = minimum
        self.minimumHouseholds = minimumHouseholds
        self.part = part
        self.end = end
    }
}

extension LedgerState {
    /// A state that learns every distribution's division as entries are applied (checked, from
    /// entry 0), keeping no household records: what statements replay a ledger in.
    public static var judgingDivisions: LedgerState { LedgerState(keepingHouseholdRecords: false, replayingEverything: true) }

    /// How each distribution was divided, by id: those whose allocations follow their rule, as
    /// judged when their allocations ended (or, for the last, now). Only a state that checks the
    /// rules judges splits, and only one that replays everything those with a guaranteed minimum.
    public var divisions: [String: DistributionDivision] {
        guard let open = openSplit, divided[open.declaration.id] == nil, let last = division(open),
              Self.splitViolations(open).isEmpty, missingMinimums(open).isEmpty else { return divided }
        var all = divided
        all[open.declaration.id] = last
        return all
    }

    /// Keeps how `buffer`'s distribution was divided, when its allocations follow its rule.
    mutating func keepDivision(_ buffer: SplitBuffer, judged violations: [RuleViolation]) {
        let id = buffer.declaration.id
        guard divided[id] == nil, violations.isEmpty, let division = division(buffer) else { return }
        divided[id] = division
    }

    /// The division `buffer`'s rule gives its allocations.
    func division(_ buffer: SplitBuffer) -> DistributionDivision? {
        let lines = buffer.lines
        // Allocations that do not add up to the declaration are `allocation-sum`'s: no rate of theirs.
        guard lines.reduce(Int64(0), { $0 &+ $1.amount }) == buffer.declaration.allocated.value else { return nil }
        let end = (lines.last?.seq ?? buffer.seq) + 1
        let units = lines.reduce(Int64(0)) { $0 &+ $1.units }
        // Registered-poor at the record date, under a rule with a minimum (``SplitLine/eligible``).
        let owed = lines.count { $0.eligible }
        func division(minimum: Int64, _ part: DistributionDivision.Part) -> DistributionDivision? {
            let (minimums, overflow) = minimum.multipliedReportingOverflow(by: Int64(owed))
            guard !overflow, minimums <= buffer.declaration.pool.value else { return nil }
            return DistributionDivision(id: buffer.declaration.id, minimum: Fen(minimum), minimumHouseholds: minimum > 0 ? owed : 0, part: part, end: end)
        }
        switch buffer.rule {
        case .largestRemainder(let pool, let collectiveUnits, let minimum):
            let minimums = minimum &* Int64(owed)  // checked by `division` below, before it is used
            return division(minimum: minimum, .byUnits(divided: Fen(pool &- minimums), units: units &+ collectiveUnits, collectiveUnits: collectiveUnits))
        case .rate(let rate, let minimum):
            // The collective's own shares are paid at the rate too, and keep it (as by largest remainder).
            let collective = collectiveUnits(buffer.declaration)
            let all = units.addingReportingOverflow(collective), paid = rate.multipliedReportingOverflow(by: all.partialValue)
            guard !all.overflow, !paid.overflow else { return nil }
            let left = buffer.declaration.pool.value &- minimum &* Int64(owed) &- paid.partialValue
            guard left >= 0 else { return nil }
            return division(minimum: minimum, .atRate(Fen(rate), units: all.partialValue, collectiveUnits: collective, undistributed: Fen(left)))
        case .rebate(let rebate, let pool):
            let capital = lines.allSatisfy { $0.capital != nil } ? lines.reduce(Int64(0)) { $0 &+ ($1.capital ?? 0) } : nil
            return division(minimum: 0, .cooperative(rebate: Fen(rebate), transactions: units, byCapital: Fen(pool &- rebate), capital: capital))
        }
    }
}
