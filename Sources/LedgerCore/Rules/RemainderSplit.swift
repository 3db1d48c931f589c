/// The largest-remainder (Hamilton) split of a pool to the fen: what a distribution's plan
/// computes, and what a verifier recomputes from the allocations a ledger records.
///
/// Each holder first gets `floor(pool × w / W)`; the fen left over (fewer than the number of
/// holders with a fractional part) go one each to the largest fractional parts, compared
/// exactly as the integer remainders `pool × w mod W`; equal remainders go to the lower
/// holder id in ``HolderOrder``. So the sum is always exactly the pool, a zero weight gets
/// nothing, equal weights differ by at most one fen, and the input order does not matter.
public enum RemainderSplit {
    /// The amount in fen for each weight, in input order; nil when a weight is negative or they
    /// sum to zero. Requires `pool ≥ 0` and `ids.count == weights.count`, the ids distinct.
    /// O(n) on average: one pass of `Int128` arithmetic, then a partial selection of the holders
    /// that receive a leftover fen rather than a full sort.
    public static func amounts(pool: Int64, weights: [Int64], ids: [String]) -> [Int64]? {
        precondition(weights.count == ids.count, "one id per weight")
        var total: Int128 = 0
        for weight in weights {
            guard weight >= 0 else { return nil }
            total += Int128(weight)
        }
        guard total > 0 else { return nil }

        let poolFen = Int128(pool)
        var amounts = [Int64](repeating: 0, count: weights.count)
        var remainders = [Int128](repeating: 0, count: weights.count)
        var allocated: Int128 = 0
        for index in weights.indices {
            let (quotient, remainder) = (poolFen * Int128(weights[index])).quotientAndRemainder(dividingBy: total)
            amounts[index] = Int64(truncatingIfNeeded: quotient)
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
