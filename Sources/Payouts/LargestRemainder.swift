import LedgerCore

/// Splits a pool to the fen by the largest-remainder (Hamilton) method (``RemainderSplit``),
/// checking what it is given.
public enum LargestRemainder {
    /// Allocates `pool` over `weights`, one `Allocation` per input in input order.
    ///
    /// Throws if the pool is negative or above `Fen.max`, a weight is negative, an id is
    /// empty or repeated (ids are compared by their UTF-8 bytes), or the weights sum to zero.
    /// Cost: O(n) on average: one pass of `Int128` arithmetic, then a partial selection of
    /// the holders that receive a leftover fen rather than a full sort.
    public static func allocate(
        pool: Fen, weights: [(holder: String, weight: Int64)]
    ) throws(PayoutError) -> [Allocation] {
        try validate(pool: pool, weights: weights)
        let ids = weights.map(\.holder)
        if let duplicate = Selection.firstDuplicate(in: ids) { throw .duplicateHolder(duplicate) }
        let amounts = try amounts(pool: pool, weights: weights.map(\.weight), ids: ids)
        var result: [Allocation] = []
        result.reserveCapacity(weights.count)
        for index in weights.indices {
            result.append(Allocation(holder: weights[index].holder, weight: weights[index].weight, amount: Fen(amounts[index])))
        }
        return result
    }

    /// Checks the pool and ids before splitting.
    static func validate(pool: Fen, weights: [(holder: String, weight: Int64)]) throws(PayoutError) {
        guard pool.value >= 0 else { throw .negativeAmount(field: "pool", amount: pool) }
        guard pool <= Fen.max else { throw .amountAboveLimit(field: "pool", amount: pool) }
        for (holder, _) in weights where holder.isEmpty { throw .emptyHolderID }
    }

    /// The amount in fen for each weight, in input order (``RemainderSplit``). Requires
    /// `0 ≤ pool ≤ Fen.max`, distinct `ids`, and `ids.count == weights.count`.
    static func amounts(pool: Fen, weights: [Int64], ids: [String]) throws(PayoutError) -> [Int64] {
        precondition(weights.count == ids.count, "one id per weight")
        for index in weights.indices where weights[index] < 0 { throw .negativeWeight(holder: ids[index], weight: weights[index]) }
        guard let amounts = RemainderSplit.amounts(pool: pool.value, weights: weights, ids: ids) else {
            throw .zeroTotalWeight(holders: weights.count)
        }
        return amounts
    }
}
