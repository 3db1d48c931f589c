import LedgerCore
import Payouts
import PropertyBased
import SeededRandom
import Testing

/// Properties of the allocation methods over random pools and weights. PropertyBased seeds
/// every run and prints the seed of a failing case; add `.fixedSeed(…)` to replay it.
struct PayoutPropertyTests {
    private let pools = Gen.int64(in: 0...100_000_000)
    private let weightLists = Gen.int64(in: 0...1_000).array(of: 1...60)

    /// The allocations sum to the pool exactly and each lies within one fen above its exact share's floor.
    @Test func sumIsExactAndSharesAreFair() async {
        await propertyCheck(count: 500, input: pools, weightLists) { pool, weights throws in
            let total = weights.reduce(Int128(0)) { $0 + Int128($1) }
            guard total > 0 else {
                #expect(throws: PayoutError.self) { try LargestRemainder.allocate(pool: Fen(pool), weights: households(weights)) }
                return
            }
            let allocations = try LargestRemainder.allocate(pool: Fen(pool), weights: households(weights))
            #expect(allocations.reduce(Int64(0)) { $0 + $1.amount.value } == pool)
            for allocation in allocations {
                let floor = Int64(Int128(pool) * Int128(allocation.weight) / total)
                #expect(allocation.amount.value == floor || allocation.amount.value == floor + 1)
                if allocation.weight == 0 { #expect(allocation.amount == .zero) }
            }
        }
    }

    /// Equal weights get amounts that differ by at most one fen, the extra fen to the lowest ids.
    @Test func equalWeightsDifferByAtMostOneFen() async {
        await propertyCheck(count: 300, input: pools, Gen.int64(in: 1...1_000), Gen.int(in: 1...200)) { pool, weight, count throws in
            let weights = [(holder: String, weight: Int64)]((1...count).map { (String($0), weight) }.reversed())
            let amounts = byHolder(try LargestRemainder.allocate(pool: Fen(pool), weights: weights))
            let ordered = (1...count).map { amounts[String($0)]!.value }
            #expect(ordered.max()! - ordered.min()! <= 1)
            #expect(ordered == ordered.sorted(by: >))
        }
    }

    /// Shuffling the input changes nothing but the order of the output.
    @Test func inputOrderIsIrrelevant() async {
        await propertyCheck(count: 300, input: pools, Gen.int64(in: 1...20).array(of: 1...60), Gen.uint64()) { pool, weights, seed throws in
            var generator = SplitMix64(seed: seed)
            let forward = households(weights)
            let shuffled = forward.shuffled(using: &generator)
            let a = try LargestRemainder.allocate(pool: Fen(pool), weights: forward)
            let b = try LargestRemainder.allocate(pool: Fen(pool), weights: shuffled)
            #expect(byHolder(a) == byHolder(b))
        }
    }

    /// A larger weight never gets a smaller amount.
    @Test func monotoneInWeight() async {
        await propertyCheck(count: 300, input: pools, Gen.int64(in: 1...1_000).array(of: 1...60)) { pool, weights throws in
            let allocations = try LargestRemainder.allocate(pool: Fen(pool), weights: households(weights))
            let byWeight = allocations.sorted { ($0.weight, $0.amount) < ($1.weight, $1.amount) }
            for (smaller, larger) in zip(byWeight, byWeight.dropFirst()) where smaller.weight < larger.weight {
                #expect(smaller.amount <= larger.amount)
            }
        }
    }

    /// At a rate per unit, lines plus residual equal the pool and the residual is less than one rate's worth of units.
    @Test func ratePerUnitResidualIsSmall() async {
        await propertyCheck(count: 300, input: pools, Gen.int64(in: 1...1_000).array(of: 1...60)) { pool, weights throws in
            let result = try RatePerUnit.allocate(pool: Fen(pool), weights: households(weights))
            let total = weights.reduce(0, +)
            #expect(result.allocations.reduce(Int64(0)) { $0 + $1.amount.value } + result.residual.value == pool)
            #expect(result.residual.value >= 0 && result.residual.value < total)
        }
    }

    /// A plan with a minimum and units always balances, and its checks pass.
    @Test func plansBalance() async {
        await propertyCheck(count: 200, input: pools, Gen.int64(in: 0...50).array(of: 1...40), Gen.int64(in: 0...10_000)) { pool, units, minimum throws in
            let holders = units.enumerated().map {
                PayoutHolder(id: String($0.offset), units: ["人口股": $0.element, "扶贫股": 1], eligibleForMinimum: $0.offset % 3 == 0)
            }
            let request = DistributionRequest(
                amount: .distributable(Fen(pool)), appropriations: [Appropriation(name: "公积公益金", bp: 1000)],
                basis: .units(classWeights: ["人口股": 2, "扶贫股": 1]), guaranteedMinimum: Fen(minimum), holders: holders)
            do {
                let plan = try DistributionPlan(request)
                #expect(plan.allChecksPass)
                #expect(plan.residual == .zero)
                #expect(plan.lines.reduce(Int64(0)) { $0 + $1.amount.value } == plan.pool.value)
            } catch let error {
                guard case .minimumsExceedPool(let required, let pool, let shortfall)? = error as? PayoutError else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(required.value - pool.value == shortfall.value && shortfall.value > 0)
            }
        }
    }
}
