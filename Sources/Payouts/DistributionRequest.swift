import LedgerCore

/// Everything needed to plan one distribution; the planner reads nothing else.
public struct DistributionRequest: Hashable, Sendable {
    /// Where the money to split comes from.
    public enum Amount: Hashable, Sendable {
        /// The distributable amount (可分配收益) before appropriations; the pool is what is left.
        case distributable(Fen)
        /// The pool itself, with no appropriations.
        case pool(Fen)
    }

    /// The distributable amount or the pool.
    public var amount: Amount
    /// Kept back from the distributable amount before the pool, in order (empty with `.pool`).
    public var appropriations: [Appropriation]
    /// Undistributed income of earlier years (上年未分配收益) added to the pool after the
    /// appropriations, which are drawn from this year's amount only: Heyang paid 58.00 a person,
    /// 0.02 more than its pool (DOMAIN §9.2), from it. Zero for none.
    public var carriedIn: Fen
    /// What each holder's share is proportional to.
    public var basis: DistributionBasis
    /// The guaranteed minimum (保底) per eligible household, funded first; nil for none.
    public var guaranteedMinimum: Fen?
    /// How the pool (after minimums) is turned into whole fen.
    public var method: AllocationMethod
    /// The holders at the record date.
    public var holders: [PayoutHolder]

    /// Creates a request.
    public init(
        amount: Amount, appropriations: [Appropriation] = [], carriedIn: Fen = .zero, basis: DistributionBasis,
        guaranteedMinimum: Fen? = nil, method: AllocationMethod = .largestRemainder, holders: [PayoutHolder]
    ) {
        self.amount = amount
        self.appropriations = appropriations
        self.carriedIn = carriedIn
        self.basis = basis
        self.guaranteedMinimum = guaranteedMinimum
        self.method = method
        self.holders = holders
    }
}

/// What a holder's share of the pool is proportional to.
public enum DistributionBasis: Hashable, Sendable {
    /// Units of the named share classes times each class's weight per unit, summed;
    /// classes not named here do not count (e.g. `["人口股": 1]` ignores `扶贫股`).
    case units(classWeights: [String: Int64])
    /// One equal share per household.
    case equalPerHousehold
    /// One share per recognised member (`PayoutHolder.members`).
    case perMember
    /// 农民专业合作社法 Art. 44: a rebate by transaction volume, the rest by capital accounts.
    case cooperative(CooperativeRule)
}

/// How an amount is turned into whole fen per holder.
public enum AllocationMethod: Hashable, Sendable {
    /// Largest remainder: the whole amount is allocated, residual zero.
    case largestRemainder
    /// A rate per unit of weight: the given rate, or nil for floor(amount / total units);
    /// what the rate leaves over is the residual.
    case ratePerUnit(Fen?)
}

/// The cooperative rule of 农民专业合作社法 Art. 44 as a charter configures it.
///
/// The "distributable surplus" (可分配盈余) of the law is the amount left after the reserve
/// fund, which is this package's *pool* (after appropriations). The rebate by transaction
/// volume is at least `ceil(pool × rebateBp / 10000)`, rounded up because the law says "not
/// lower than"; the rest of the pool is split by capital accounts.
public struct CooperativeRule: Hashable, Sendable {
    /// The law's floor: 60%.
    public static let legalMinimumBp: Int64 = 6000

    /// The charter's minimum rebate rate, at least `legalMinimumBp`, at most 10000.
    public var rebateBp: Int64
    /// The rebate the assembly declared; nil for exactly the minimum.
    public var declaredRebate: Fen?
    /// The unit class holding each member's transaction volume (fen or any unit).
    public var transactionClass: String
    /// The unit classes whose sum is each member's capital account: contribution, quantified
    /// reserve share, quantified share of subsidies and donations (fen).
    public var capitalClasses: [String]
    /// True when the transactions are those the members' accounts record in the period
    /// (``TransactionPeriod``), not a file's.
    public var transactionsRecorded = false
    /// The record date of the cooperative distribution before, after which the recorded
    /// transactions count.
    public var transactionsAfter: LedgerDate?

    /// Creates a rule; the defaults are the legal 60% and the member-account field names.
    public init(
        rebateBp: Int64 = CooperativeRule.legalMinimumBp, declaredRebate: Fen? = nil,
        transactionClass: String = "交易额", capitalClasses: [String] = ["出资额", "公积金份额", "补助份额"]
    ) {
        self.rebateBp = rebateBp
        self.declaredRebate = declaredRebate
        self.transactionClass = transactionClass
        self.capitalClasses = capitalClasses
    }

    /// The smallest rebate allowed on `surplus`: `ceil(surplus × rebateBp / 10000)` fen.
    public func minimumRebate(of surplus: Fen) -> Fen {
        surplus.basisPoints(rebateBp, rounding: .up)
    }

    /// The rebate to pay on `surplus` (Art. 44's: the pool, and what was drawn before it but
    /// 公积金) out of `pool` (by default the surplus): the declared one if valid, else the minimum.
    ///
    /// Throws if `rebateBp` is outside 6000...10000, the declared rebate is below the minimum
    /// (7,407.40 of 12,345.67) or above the pool, or the minimum is above the pool (公益金 and
    /// 风险金 drawn before the return left less than it).
    public func rebate(of surplus: Fen, pool: Fen? = nil) throws(PayoutError) -> Fen {
        guard (CooperativeRule.legalMinimumBp...10_000).contains(rebateBp) else {
            throw .rebateRateOutOfRange(bp: rebateBp)
        }
        let pool = pool ?? surplus
        let minimum = minimumRebate(of: surplus)
        guard minimum <= pool else { throw .rebateMinimumBeyondPool(minimum: minimum, surplus: surplus, pool: pool) }
        guard let declaredRebate else { return minimum }
        guard declaredRebate >= minimum else {
            throw .rebateBelowMinimum(declared: declaredRebate, minimum: minimum, distributable: surplus)
        }
        guard declaredRebate <= pool else {
            throw .rebateExceedsSurplus(declared: declaredRebate, distributable: pool)
        }
        return declaredRebate
    }
}
