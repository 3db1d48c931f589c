import LedgerCore

/// Splits a pool to the fen by the largest-remainder (Hamilton) method.
///
/// Each holder first gets `floor(pool × w / W)`; the fen left over (fewer than the number of
/// holders with a fractional part) go one each to the largest fractional parts, compared
/// exactly as the integer remainders `pool × w mod W`; equal remainders go to the lower
/// holder id in `HolderOrder`. So the sum is always exactly the pool, a zero weight gets
/// nothing, equal weights differ by at most one fen, and the input order does not matter.
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

    /// The amount in fen for each weight, in input order. Requires `0 ≤ pool ≤ Fen.max`,
    /// distinct `ids`, and `ids.count == weights.count`.
    static func amounts(pool: Fen, weights: [Int64], ids: [String]) throws(PayoutError) -> [Int64] {
        precondition(weights.count == ids.count, "one id per weight")
        var total: Int128 = 0
        for index in weights.indices {
            guard weights[index] >= 0 else { throw .negativeWeight(holder: ids[index], weight: weights[index]) }
            total += Int128(weights[index])
        }
        guard total > 0 else { throw .zeroTotalWeight(holders: weights.count) }

        let poolFen = Int128(pool.value)
        var amounts = [Int64](repeating: 0, count: weights.count)
        var remainders = [Int128](repeating: 0, count: weights.count)
        var allocated: Int128 = 0
        for index in weights.indices {
            let (quotient, remainder) = (poolFen * Int128(weights[index])).quotientAndRemainder(dividingBy: total)
            amounts[index] = Int64(quotient)
            remainders[index] = remainder
            allocated += quotient
        }

        // Σ remainders = leftover × W and each remainder < W, so more than `leftover` holders
        // have a positive remainder; only they can receive a fen.
        let leftover = Int(poolFen - allocated)
        guard leftover > 0 else { return amounts }
        var candidates: [Candidate] = []
        candidates.reserveCapacity(weights.count)
        for index in weights.indices where remainders[index] > 0 {
            candidates.append(Candidate(remainder: remainders[index], key: HolderKey(ids[index]), index: Int32(truncatingIfNeeded: index)))
        }
        precondition(candidates.count > leftover, "largest remainder: fewer fractional parts than leftover fen")
        Selection.moveSmallestToFront(leftover, of: &candidates) { a, b in
            if a.remainder != b.remainder { return a.remainder > b.remainder }
            return a.key.precedes(b.key, ids[Int(a.index)], ids[Int(b.index)])
        }
        for candidate in candidates[..<leftover] {
            amounts[Int(candidate.index)] += 1
        }
        return amounts
    }

    /// A holder competing for one of the leftover fen.
    private struct Candidate {
        let remainder: Int128
        let key: HolderKey
        let index: Int32
    }
}
