import LedgerCore

extension DistributionPlan {
    /// Plans `request`, exactly to the fen.
    ///
    /// 1. Appropriations are taken from the distributable amount, each rounded half-up; the
    ///    pool is what is left, and what is carried in from earlier years.
    /// 2. Each eligible household's guaranteed minimum is funded first; if the pool cannot
    ///    cover them all, nothing is planned and the error names the shortfall.
    /// 3. The rest is split by the basis over *all* holders, eligible households included,
    ///    by largest remainder or at a rate per unit (what the rate leaves posted to 未分配收益).
    ///    A holder `collective` (its own shares, 集体股) takes part in the split; its part is
    ///    kept by the collective, in the residual, not allocated.
    ///    A cooperative splits the rebate by transaction volume and the rest by capital accounts.
    ///
    /// Lines come in `HolderOrder`, so the plan does not depend on the order of `holders`.
    public init(_ request: DistributionRequest) throws(PayoutError) {
        // 1. Pool.
        let distributable: Fen?
        let appropriations: [AppropriationAmount]
        var pool: Fen
        switch request.amount {
        case .distributable(let amount):
            try Self.checkAmount(amount, field: "distributable amount")
            distributable = amount
            (appropriations, pool) = try Appropriation.apply(request.appropriations, to: amount)
        case .pool(let amount):
            guard request.appropriations.isEmpty else { throw .appropriationsNeedDistributable }
            try Self.checkAmount(amount, field: "pool")
            (distributable, appropriations, pool) = (nil, [], amount)
        }
        try Self.checkAmount(request.carriedIn, field: "amount carried in")
        try Self.checkAmount(Fen(pool.value &+ request.carriedIn.value), field: "pool with the amount carried in")
        pool = pool + request.carriedIn

        // Holders in their final order; weights by basis.
        let holders = try Self.orderedHolders(request.holders)
        let ids = holders.map(\.id)
        let weights = try Self.weights(of: holders, basis: request.basis)

        // 2. Guaranteed minimums.
        let minimum = request.guaranteedMinimum ?? .zero
        guard minimum.value >= 0 else { throw .negativeMinimum(minimum) }
        let eligible = holders.reduce(0) { $0 + ($1.eligibleForMinimum ? 1 : 0) }
        let required = Int128(minimum.value) * Int128(eligible)
        guard required <= Int128(pool.value) else {
            throw .minimumsExceedPool(
                required: Fen(Int64(clamping: required)), pool: pool,
                shortfall: Fen(Int64(clamping: required - Int128(pool.value))))
        }
        let minimumTotal = Fen(Int64(required))
        let rest = pool - minimumTotal

        // 3. Split.
        var basisAmounts: [Int64]
        var capitalWeights = [Int64](repeating: 0, count: holders.count)
        var capitalAmounts = [Int64](repeating: 0, count: holders.count)
        var rate: Fen?
        var rebate: Fen?
        var capitalPart = Fen.zero
        var checks: [PlanCheck] = []
        switch (request.basis, request.method) {
        case (.cooperative(let rule), .largestRemainder):
            guard minimum == .zero else { throw .cooperativeOptionNotSupported("a guaranteed minimum") }
            // Art. 44 reckons the return on the surplus after 公积金: what else was drawn is put back.
            let surplus = CooperativeSurplus.of(pool: pool, drawn: appropriations.map { ($0.name, $0.amount) })
            let rebateTotal = try rule.rebate(of: surplus, pool: pool)
            rebate = rebateTotal
            capitalPart = pool - rebateTotal
            let capitalClasses = rule.capitalClasses.map { ($0, Int64(1)) }
            capitalWeights = try holders.map { holder throws(PayoutError) in try Self.sum(of: capitalClasses, in: holder) }
            if rebateTotal > .zero, weights.allSatisfy({ $0 == 0 }) { throw .noTransactionVolumes(rebate: rebateTotal) }
            if capitalPart > .zero, capitalWeights.allSatisfy({ $0 == 0 }) {
                throw .noCapitalAccounts(remainder: capitalPart, rebate: rebateTotal, surplus: pool)
            }
            basisAmounts = try Self.largestRemainder(rebateTotal, weights: weights, ids: ids)
            capitalAmounts = try Self.largestRemainder(capitalPart, weights: capitalWeights, ids: ids)
            let minimumRebate = rule.minimumRebate(of: surplus)
            checks.append(PlanCheck(
                rule: .cooperativeRebateAtLeastMinimum, expected: minimumRebate, found: rebateTotal,
                passed: rebateTotal >= minimumRebate))
        case (.cooperative, .ratePerUnit):
            throw .cooperativeOptionNotSupported("a rate per unit")
        case (_, .largestRemainder):
            basisAmounts = try Self.largestRemainder(rest, weights: weights, ids: ids)
        case (_, .ratePerUnit(let declared)):
            if rest == .zero, declared == nil || weights.allSatisfy({ $0 == 0 }) {
                (rate, basisAmounts) = (.zero, weights.map { _ in 0 })
            } else {
                do {
                    let (chosen, amounts) = try RatePerUnit.amounts(pool: rest, weights: weights, ids: ids, rate: declared)
                    (rate, basisAmounts) = (chosen, amounts)
                } catch .rateExceedsPool(let rate, let units, let required, _) where minimumTotal > .zero {
                    throw .rateExceedsPoolAfterMinimums(rate: rate, units: units, required: required, left: rest, minimums: minimumTotal)
                }
            }
        }

        // Lines.
        let weightTotal = weights.reduce(Int128(0)) { $0 + Int128($1) }
        let capitalTotal = capitalWeights.reduce(Int128(0)) { $0 + Int128($1) }
        let basisPart = rebate ?? rest
        var lines: [PlanLine] = []
        lines.reserveCapacity(holders.count)
        var allocated: Int64 = 0
        var collectiveShare: Int64 = 0
        for index in holders.indices {
            let lineMinimum = holders[index].eligibleForMinimum ? minimum : .zero
            let amount = lineMinimum.value + basisAmounts[index] + capitalAmounts[index]
            // The collective's own shares earn for the collective: counted in the division,
            // kept out of the allocations, in the residual.
            if ids[index] == Holder.collective {
                collectiveShare += amount
                continue
            }
            allocated += amount
            let exact = lineMinimum.value * 100
                + ExactShare(part: basisPart, weight: weights[index], total: weightTotal).tenThousandthsOfYuan
                + ExactShare(part: capitalPart, weight: capitalWeights[index], total: capitalTotal).tenThousandthsOfYuan
            lines.append(PlanLine(
                holder: ids[index], weight: weights[index], minimum: lineMinimum,
                basisAmount: Fen(basisAmounts[index]), capitalWeight: capitalWeights[index],
                capitalAmount: Fen(capitalAmounts[index]), amount: Fen(amount),
                exactShare: ExactShare(tenThousandthsOfYuan: exact)))
        }
        let residual = Fen(pool.value - allocated)
        checks.insert(PlanCheck(
            rule: .linesPlusResidualEqualPool, expected: pool, found: Fen(allocated) + residual,
            passed: residual.value >= 0 && allocated + residual.value == pool.value), at: 0)

        self.init(
            request: request, distributable: distributable, appropriations: appropriations, pool: pool,
            minimumTotal: minimumTotal, rate: rate, rebate: rebate, lines: lines, allocated: Fen(allocated),
            collectiveShare: Fen(collectiveShare), residual: residual, checks: checks)
        collectiveWeight = zip(ids, weights).first { $0.0 == Holder.collective }?.1 ?? 0
    }

    private static func checkAmount(_ amount: Fen, field: String) throws(PayoutError) {
        guard amount.value >= 0 else { throw .negativeAmount(field: field, amount: amount) }
        guard amount <= Fen.max else { throw .amountAboveLimit(field: field, amount: amount) }
    }

    /// Validates the records and sorts them once by `HolderOrder`.
    private static func orderedHolders(_ holders: [PayoutHolder]) throws(PayoutError) -> [PayoutHolder] {
        if let duplicate = Selection.firstDuplicate(in: holders.map(\.id)) { throw .duplicateHolder(duplicate) }
        for holder in holders {
            guard !holder.id.isEmpty else { throw .emptyHolderID }
            guard holder.members >= 0 else { throw .negativeMembers(holder: holder.id, members: holder.members) }
            for (shareClass, units) in holder.units where units < 0 {
                throw .negativeUnits(holder: holder.id, shareClass: shareClass, units: units)
            }
            if holder.exitedPoverty, holder.eligibleForMinimum {
                throw .exitedHouseholdEligibleForMinimum(holder: holder.id)
            }
        }
        // Sort small (key, index) pairs rather than the records, which carry a dictionary.
        var order = holders.indices.map { (key: HolderKey(holders[$0].id), index: $0) }
        order.sort { $0.key.precedes($1.key, holders[$0.index].id, holders[$1.index].id) }
        return order.map { holders[$0.index] }
    }

    /// Each holder's weight under `basis`, in holder order.
    private static func weights(of holders: [PayoutHolder], basis: DistributionBasis) throws(PayoutError) -> [Int64] {
        switch basis {
        case .units(let classWeights):
            for (shareClass, weight) in classWeights where weight < 0 {
                throw .negativeClassWeight(shareClass: shareClass, weight: weight)
            }
            let classes = classWeights.map { ($0.key, $0.value) }
            let weights = try holders.map { holder throws(PayoutError) in try sum(of: classes, in: holder) }
            let held = Set(holders.flatMap { $0.units.filter { $0.value > 0 }.keys })
            let weighted = Set(classWeights.filter { $0.value > 0 }.keys)
            if !holders.isEmpty, weights.allSatisfy({ $0 == 0 }), held.isDisjoint(with: weighted), !weighted.isEmpty {
                throw .noWeightedClassHeld(weighted: weighted.sorted(), held: held.sorted())
            }
            return weights
        case .equalPerHousehold:
            return holders.map { _ in 1 }
        case .perMember:
            return holders.map { Int64($0.members) }
        case .cooperative(let rule):
            let classes = [(rule.transactionClass, Int64(1))]
            return try holders.map { holder throws(PayoutError) in try sum(of: classes, in: holder) }
        }
    }

    /// Σ units[class] × weight over `classes`, throwing if it leaves `Int64`.
    private static func sum(of classes: [(String, Int64)], in holder: PayoutHolder) throws(PayoutError) -> Int64 {
        var total: Int128 = 0
        for (shareClass, weight) in classes {
            total += Int128(holder.units[shareClass] ?? 0) * Int128(weight)
        }
        // An allocation records the weight: it must fit in a ledger's number.
        guard total <= Int128(JSONValue.integerMagnitudeMax) else { throw .weightOverflow(holder: holder.id) }
        return Int64(total)
    }

    /// Largest remainder, except that nothing to split over nothing is allowed (all zeros).
    private static func largestRemainder(_ part: Fen, weights: [Int64], ids: [String]) throws(PayoutError) -> [Int64] {
        if part == .zero, weights.allSatisfy({ $0 == 0 }) { return weights }
        return try LargestRemainder.amounts(pool: part, weights: weights, ids: ids)
    }
}
