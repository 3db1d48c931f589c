import LedgerCore

/// Why a distribution cannot be planned; each case names the rule and carries its values.
public enum PayoutError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An amount that must be zero or more is negative (`field` is `pool`, `distributable`, …).
    case negativeAmount(field: String, amount: Fen)
    /// An amount exceeds `Fen.max`.
    case amountAboveLimit(field: String, amount: Fen)
    /// A holder record has an empty id.
    case emptyHolderID
    /// The same holder id appears twice.
    case duplicateHolder(String)
    /// A weight is negative.
    case negativeWeight(holder: String, weight: Int64)
    /// A holder has negative units of a share class.
    case negativeUnits(holder: String, shareClass: String, units: Int64)
    /// A share class has a negative weight per unit in the basis.
    case negativeClassWeight(shareClass: String, weight: Int64)
    /// A holder has a negative member count.
    case negativeMembers(holder: String, members: Int)
    /// A holder's weight (units × class weight, summed) does not fit in `Int64`.
    case weightOverflow(holder: String)
    /// The weights sum to zero, so there is nothing to divide the pool by.
    case zeroTotalWeight(holders: Int)
    /// No holder holds any class given a weight (a misspelt class, most likely).
    case noWeightedClassHeld(weighted: [String], held: [String])
    /// Appropriations were given together with a pool; they apply only to a distributable amount.
    case appropriationsNeedDistributable
    /// An appropriation rate is negative.
    case negativeAppropriationRate(name: String, bp: Int64)
    /// The appropriation rates add up to more than 100% (10000 bp).
    case appropriationRatesAbove100Percent(totalBp: Int64)
    /// Rounded half-up, the appropriations add up to more than the distributable amount.
    case appropriationsExceedDistributable(total: Fen, distributable: Fen)
    /// The guaranteed minimum per household is negative.
    case negativeMinimum(Fen)
    /// The pool cannot fund the guaranteed minimum of every eligible household.
    case minimumsExceedPool(required: Fen, pool: Fen, shortfall: Fen)
    /// A household marked as having exited poverty is also marked eligible for the poverty minimum.
    case exitedHouseholdEligibleForMinimum(holder: String)
    /// A declared rate per unit would pay out more than the pool.
    case rateExceedsPool(rate: Fen, units: Int128, required: Fen, pool: Fen)
    /// A declared rate per unit would pay out more than what the guaranteed minimums leave of the pool.
    case rateExceedsPoolAfterMinimums(rate: Fen, units: Int128, required: Fen, left: Fen, minimums: Fen)
    /// A cooperative's rebate is to be returned by transactions, but no member has any.
    case noTransactionVolumes(rebate: Fen)
    /// What a cooperative's rebate leaves is to be divided by capital accounts, but no member has any.
    case noCapitalAccounts(remainder: Fen, rebate: Fen, surplus: Fen)
    /// The cooperative rebate rate is below the legal 60% (6000 bp) or above 100%.
    case rebateRateOutOfRange(bp: Int64)
    /// The declared cooperative rebate is below ceil(rate × distributable surplus) (Art. 44).
    case rebateBelowMinimum(declared: Fen, minimum: Fen, distributable: Fen)
    /// The declared cooperative rebate is more than the pool.
    case rebateExceedsSurplus(declared: Fen, distributable: Fen)
    /// What was drawn before a cooperative's return but 公积金 leaves a pool smaller than the
    /// least the return must be, reckoned on the surplus (Art. 44).
    case rebateMinimumBeyondPool(minimum: Fen, surplus: Fen, pool: Fen)
    /// The cooperative basis is split by largest remainder only, without a guaranteed minimum.
    case cooperativeOptionNotSupported(String)

    /// One English sentence naming the rule and the values.
    public var description: String {
        switch self {
        case .negativeAmount(let field, let amount):
            "The \(field) is \(amount), but it must be zero or more."
        case .amountAboveLimit(let field, let amount):
            "The \(field) is \(amount), above the largest amount allowed, \(Fen.max)."
        case .emptyHolderID:
            "A holder has an empty id; every holder needs a household number or \"collective\"."
        case .duplicateHolder(let holder):
            "Holder \(holder) appears more than once; merge its holdings into one record."
        case .negativeWeight(let holder, let weight):
            "Holder \(holder) has weight \(weight), but weights must be zero or more."
        case .negativeUnits(let holder, let shareClass, let units):
            "Holder \(holder) has \(units) units of class \(shareClass), but units must be zero or more."
        case .negativeClassWeight(let shareClass, let weight):
            "Share class \(shareClass) has weight \(weight) per unit, but weights must be zero or more."
        case .negativeMembers(let holder, let members):
            "Holder \(holder) has \(members) members, but the count must be zero or more."
        case .weightOverflow(let holder):
            "Holder \(holder)'s units times their class weights are beyond 9,007,199,254,740,991, the largest number an allocation can record; lower the class weights."
        case .noWeightedClassHeld(let weighted, let held):
            "No holder holds the class\(weighted.count == 1 ? "" : "es") given a weight (\(weighted.joined(separator: ", "))); the classes held at the record date are \(held.isEmpty ? "none (no shares had been issued by then)" : held.joined(separator: ", "))."
        case .zeroTotalWeight(0):
            "There is no holder to divide the pool among: no household is registered at the record date."
        case .zeroTotalWeight(let holders):
            "The \(holders) holders have a total weight of zero, so the pool cannot be divided among them."
        case .appropriationsNeedDistributable:
            "Appropriations are percentages of the distributable amount, so give a distributable amount rather than a pool."
        case .negativeAppropriationRate(let name, let bp):
            "Appropriation \(name) has rate \(bp) bp, but rates must be zero or more."
        case .appropriationRatesAbove100Percent(let totalBp):
            "The appropriation rates add up to \(totalBp) bp, more than 100% (10000 bp)."
        case .appropriationsExceedDistributable(let total, let distributable):
            "The appropriations, rounded half-up, total \(total), more than the distributable amount \(distributable)."
        case .negativeMinimum(let amount):
            "The guaranteed minimum is \(amount), but it must be zero or more."
        case .minimumsExceedPool(let required, let pool, let shortfall):
            "The guaranteed minimums need \(required) but the pool is \(pool), short by \(shortfall) (\(shortfall.value) fen)."
        case .exitedHouseholdEligibleForMinimum(let holder):
            "Household \(holder) has exited poverty, so it cannot be eligible for the poverty minimum."
        case .rateExceedsPool(let rate, let units, let required, let pool):
            "A rate of \(rate) per unit over \(units) units needs \(required), more than the pool \(pool): lower the rate, or carry the \(Fen(required.value - pool.value)) in from the undistributed income of earlier years (上年未分配收益)."
        case .rateExceedsPoolAfterMinimums(let rate, let units, let required, let left, let minimums):
            "A rate of \(rate) per unit over \(units) units needs \(required), more than the \(left) the guaranteed minimums (\(minimums)) leave of the pool."
        case .noTransactionVolumes(let rebate):
            "No member has a transaction volume in the transactions file, so the rebate of \(rebate) cannot be returned by transactions."
        case .noCapitalAccounts(let remainder, let rebate, let surplus):
            "No member holds capital accounts (出资额 capital, 公积金份额 reserve, 补助份额 subsidy) at the record date, so the \(remainder) left after the rebate of \(rebate) cannot be divided by them; record those accounts (fenhong shares issue --class capital --amount …), or declare a rebate of the whole surplus, \(surplus)."
        case .rebateRateOutOfRange(let bp):
            "The cooperative rebate rate is \(Fen(bp).formatted)%, but Art. 44 requires at least 60% and it cannot exceed 100%."
        case .rebateBelowMinimum(let declared, let minimum, let distributable):
            "The rebate \(declared) is below the minimum \(minimum) required on a distributable surplus (可分配盈余, what is left after 公积金 is drawn) of \(distributable) (Art. 44, rounded up to the fen)."
        case .rebateExceedsSurplus(let declared, let distributable):
            "The rebate \(declared) exceeds the pool \(distributable)."
        case .rebateMinimumBeyondPool(let minimum, let surplus, let pool):
            "Art. 44 returns at least \(minimum) by transactions, reckoned on the distributable surplus \(surplus) (what is left after 公积金 is drawn), but the other appropriations leave a pool of only \(pool): draw less before the return, or nothing but 公积金."
        case .cooperativeOptionNotSupported(let option):
            "The cooperative basis does not support \(option): it returns the rebate by transactions and the rest by capital accounts, each split by largest remainder."
        }
    }
}
