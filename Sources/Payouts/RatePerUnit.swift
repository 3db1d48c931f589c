import LedgerCore

/// Splits a pool at a fixed rate per unit (Heyang's 58.00 per person), leaving a residual.
///
/// The rate is `floor(pool / total units)` unless one is declared; every holder gets
/// `rate × units`; the residual `pool − Σ amounts` stays with the collective (未分配收益).
/// A declared rate that would pay out more than the pool is an error: to pay more, declare
/// a larger pool.
public enum RatePerUnit {
    /// The result of a rate-per-unit split.
    public struct Result: Hashable, Sendable {
        /// The rate paid per unit of weight.
        public let rate: Fen
        /// One line per input holder, in input order.
        public let allocations: [Allocation]
        /// `pool − Σ allocations`, never negative.
        public let residual: Fen
    }

    /// Allocates `pool` at `rate` (or the largest whole-fen rate the pool covers) per unit.
    public static func allocate(
        pool: Fen, weights: [(holder: String, weight: Int64)], rate: Fen? = nil
    ) throws(PayoutError) -> Result {
        try LargestRemainder.validate(pool: pool, weights: weights)
        let ids = weights.map(\.holder)
        if let duplicate = Selection.firstDuplicate(in: ids) { throw .duplicateHolder(duplicate) }
        let (rate, amounts) = try amounts(pool: pool, weights: weights.map(\.weight), ids: ids, rate: rate)
        var allocations: [Allocation] = []
        allocations.reserveCapacity(weights.count)
        var total: Int64 = 0
        for index in weights.indices {
            allocations.append(Allocation(holder: weights[index].holder, weight: weights[index].weight, amount: Fen(amounts[index])))
            total += amounts[index]
        }
        return Result(rate: rate, allocations: allocations, residual: Fen(pool.value - total))
    }

    /// The rate and the amount in fen for each weight, in input order.
    static func amounts(pool: Fen, weights: [Int64], ids: [String], rate: Fen?) throws(PayoutError) -> (Fen, [Int64]) {
        var total: Int128 = 0
        for index in weights.indices {
            guard weights[index] >= 0 else { throw .negativeWeight(holder: ids[index], weight: weights[index]) }
            total += Int128(weights[index])
        }
        guard total > 0 else { throw .zeroTotalWeight(holders: weights.count) }
        let chosen: Fen
        if let rate {
            guard rate.value >= 0 else { throw .negativeAmount(field: "rate", amount: rate) }
            let required = Int128(rate.value) * total
            guard required <= Int128(pool.value) else {
                throw .rateExceedsPool(rate: rate, units: total, required: Fen(Int64(clamping: required)), pool: pool)
            }
            chosen = rate
        } else {
            chosen = Fen(Int64(Int128(pool.value) / total))
        }
        return (chosen, weights.map { $0 * chosen.value })
    }
}
