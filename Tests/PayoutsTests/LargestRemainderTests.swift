import LedgerCore
import Payouts
import Testing

struct LargestRemainderTests {
    /// DOMAIN §9.3: 16,000.00 over 人口股 [4,3,2,5,1,3] gives the four leftover fen to .889, .778, .667, .667.
    @Test func sixteenThousandOverEighteenShares() throws {
        let allocations = try LargestRemainder.allocate(pool: yuan("16,000.00"), weights: households([4, 3, 2, 5, 1, 3]))
        #expect(formattedAmounts(allocations) == ["3,555.55", "2,666.67", "1,777.78", "4,444.44", "888.89", "2,666.67"])
        #expect(allocations.reduce(Fen.zero) { $0 + $1.amount } == yuan("16,000.00"))
    }

    /// DOMAIN §9.3: rounding each line half-up would give 16,000.01, which is why it is not used.
    @Test func halfUpPerLineWouldOverpay() {
        let pool = yuan("16,000.00")
        let halfUp = [4, 3, 2, 5, 1, 3].map { Fen(pool.value * $0 / 18 + (pool.value * $0 % 18 * 2 >= 18 ? 1 : 0)) }
        #expect(halfUp.reduce(Fen.zero, +) == yuan("16,000.01"))
    }

    /// DOMAIN §9.3: the rate alternative pays 888.88 per share × 18 and leaves a residual of 0.16.
    @Test func ratePerShareLeavesResidual() throws {
        let result = try RatePerUnit.allocate(pool: yuan("16,000.00"), weights: households([4, 3, 2, 5, 1, 3]))
        #expect(result.rate == yuan("888.88"))
        #expect(formattedAmounts(result.allocations) == ["3,555.52", "2,666.64", "1,777.76", "4,444.40", "888.88", "2,666.64"])
        #expect(result.residual == yuan("0.16"))
    }

    /// A declared rate that needs more than the pool is rejected with the amount it needs.
    @Test func declaredRateAbovePoolIsRejected() {
        #expect(throws: PayoutError.rateExceedsPool(rate: yuan("888.89"), units: 18, required: yuan("16,000.02"), pool: yuan("16,000.00"))) {
            try RatePerUnit.allocate(pool: yuan("16,000.00"), weights: households([4, 3, 2, 5, 1, 3]), rate: yuan("888.89"))
        }
    }

    /// DOMAIN §9.4: 10,000.00 equally among H1, H2, H3 gives the extra fen to the lowest id.
    @Test func tieGoesToLowestHolder() throws {
        let allocations = try LargestRemainder.allocate(pool: yuan("10,000.00"), weights: [("H3", 1), ("H1", 1), ("H2", 1)])
        #expect(byHolder(allocations) == ["H1": yuan("3,333.34"), "H2": yuan("3,333.33"), "H3": yuan("3,333.33")])
        #expect(allocations.map(\.holder) == ["H3", "H1", "H2"])
    }

    /// DOMAIN §9.7 (Gaoxian): 79,000.00 over 138 members is 52 × 572.47 + 86 × 572.46, the 52 lowest numbers first.
    @Test func gaoxianOneHundredThirtyEightMembers() throws {
        let pool = Fen(yuan: 1_000_000).basisPoints(500, rounding: .halfUp) + Fen(yuan: 100_000).basisPoints(2900, rounding: .halfUp)
        #expect(pool == yuan("79,000.00"))
        let members = (1...138).map { (holder: String($0), weight: Int64(1)) }
        let allocations = try LargestRemainder.allocate(pool: pool, weights: members.reversed())
        let amounts = byHolder(allocations)
        #expect(allocations.filter { $0.amount == yuan("572.47") }.count == 52)
        #expect(allocations.filter { $0.amount == yuan("572.46") }.count == 86)
        #expect((1...52).allSatisfy { amounts[String($0)] == yuan("572.47") })
        #expect((53...138).allSatisfy { amounts[String($0)] == yuan("572.46") })
    }

    /// Zero-weight holders get nothing even when they would win a tie.
    @Test func zeroWeightGetsNothing() throws {
        let allocations = try LargestRemainder.allocate(pool: Fen(10), weights: [("1", 0), ("2", 1), ("3", 1), ("4", 1)])
        #expect(allocations.map(\.amount.value) == [0, 4, 3, 3])
    }

    /// A pool of zero allocates zero to everyone.
    @Test func zeroPool() throws {
        let allocations = try LargestRemainder.allocate(pool: .zero, weights: households([1, 2]))
        #expect(allocations.map(\.amount) == [.zero, .zero])
    }

    /// Invalid inputs are rejected with the rule that was broken.
    @Test func rejectsInvalidInput() {
        #expect(throws: PayoutError.zeroTotalWeight(holders: 2)) { try LargestRemainder.allocate(pool: Fen(1), weights: households([0, 0])) }
        #expect(throws: PayoutError.zeroTotalWeight(holders: 0)) { try LargestRemainder.allocate(pool: Fen(1), weights: []) }
        #expect(throws: PayoutError.negativeWeight(holder: "H2", weight: -1)) { try LargestRemainder.allocate(pool: Fen(1), weights: households([2, -1])) }
        #expect(throws: PayoutError.duplicateHolder("A")) { try LargestRemainder.allocate(pool: Fen(1), weights: [("A", 1), ("A", 2)]) }
        #expect(throws: PayoutError.emptyHolderID) { try LargestRemainder.allocate(pool: Fen(1), weights: [("", 1)]) }
        #expect(throws: PayoutError.negativeAmount(field: "pool", amount: Fen(-1))) { try LargestRemainder.allocate(pool: Fen(-1), weights: households([1])) }
        #expect(throws: PayoutError.amountAboveLimit(field: "pool", amount: Fen(Fen.max.value + 1))) {
            try LargestRemainder.allocate(pool: Fen(Fen.max.value + 1), weights: households([1]))
        }
    }

    /// The largest pool over the largest weights still splits exactly (products fit in Int128).
    @Test func extremeValuesStayExact() throws {
        let allocations = try LargestRemainder.allocate(pool: Fen.max, weights: [("1", .max), ("2", .max), ("3", 1)])
        #expect(allocations.reduce(Int64(0)) { $0 + $1.amount.value } == Fen.max.value)
        // Each large holder's exact share is 5×10^14 − 0.000027 fen; the tiny holder's fraction loses.
        #expect(allocations.map(\.amount.value) == [500_000_000_000_000, 500_000_000_000_000, 0])
    }

    /// Every error description is a single sentence that names its values.
    @Test func errorDescriptions() {
        let shortfall = PayoutError.minimumsExceedPool(required: yuan("15,000.00"), pool: yuan("14,400.00"), shortfall: yuan("600.00"))
        #expect(shortfall.description == "The guaranteed minimums need 15,000.00 but the pool is 14,400.00, short by 600.00 (60000 fen).")
        #expect(PayoutError.duplicateHolder("0012").description.contains("0012"))
    }
}

struct HolderOrderTests {
    /// All-digit ids compare as numbers, before any other id; other ids compare by UTF-8 bytes.
    @Test func orderIsNumericThenBytes() {
        let ids = ["H2", "collective", "10", "9", "007", "7", "H10", "1a", "99999999999999999999999", "100000000000000000000000"]
        let sorted = ids.sorted(by: HolderOrder.areInIncreasingOrder)
        #expect(sorted == ["007", "7", "9", "10", "99999999999999999999999", "100000000000000000000000", "1a", "H10", "H2", "collective"])
    }

    /// The order is strict: no id precedes itself, and of two distinct ids exactly one comes first.
    @Test func orderIsStrictAndTotal() {
        let ids = ["9", "10", "1a", "007", "7", "", "collective", "H1", "0", "00"]
        for a in ids {
            #expect(!HolderOrder.areInIncreasingOrder(a, a))
            for b in ids where b != a {
                #expect(HolderOrder.areInIncreasingOrder(a, b) != HolderOrder.areInIncreasingOrder(b, a))
            }
        }
    }
}
