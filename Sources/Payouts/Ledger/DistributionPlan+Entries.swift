import LedgerCore

extension DistributionPlan {
    /// The entries that declare this plan: one `dividend.declare` and one `dividend.allocate`
    /// per holder with a basis or an amount, in holder order. They are appended in one command.
    public func declarationEntries(id: String, recordDate: LedgerDate, posting: PostingPeriod? = nil) -> [EntryPayload] {
        let declaration = DividendDeclaration(
            id: id, recordDate: recordDate, distributable: declaredDistributable,
            appropriations: appropriations.map { AppropriationLine(name: $0.name, bp: $0.bp, amount: $0.amount) },
            pool: pool, rule: ruleDescription, allocated: allocated, residual: residual, posting: posting)
        // A cooperative's records each member's return by transactions (Art. 44) and the capital
        // accounts its share by capital was divided by, for its statement to show each part with
        // what it was counted from, and for a verifier to split both again.
        let allocations = lines.filter(\.isAllocated).map { line in
            EntryPayload.dividendAllocate(DividendAllocation(id: id, household: line.holder, units: line.weight, amount: line.amount,
                                                             rebate: rebate == nil ? nil : line.basisAmount,
                                                             capital: rebate == nil ? nil : line.capitalWeight))
        }
        return [.dividendDeclare(declaration)] + allocations
    }

    /// The rule as recorded in `dividend.declare`: enough to recompute the plan from the ledger.
    public var ruleDescription: [String: JSONValue] {
        var rule = [String: JSONValue]()
        switch request.basis {
        case .units(let weights):
            rule["basis"] = .string("units")
            // The classes that take part: a weight of 0 (a class held, left out) counts for nothing.
            rule["classes"] = .object(weights.filter { $0.value > 0 }.mapValues { .integer($0) })
        case .equalPerHousehold:
            rule["basis"] = .string("household")
        case .perMember:
            rule["basis"] = .string("member")
        case .cooperative(let coop):
            rule["basis"] = .string("cooperative")
            rule["rebateBp"] = .integer(coop.rebateBp)
            rule["transactionClass"] = .string(coop.transactionClass)
            rule["capitalClasses"] = .array(coop.capitalClasses.map { .string($0) })
            if coop.transactionsRecorded { rule["transactions"] = .string("ledger") }
            if let after = coop.transactionsAfter { rule["transactionsAfter"] = .string(after.text) }
            if let rebate { rule["rebate"] = .integer(rebate.value) }
        }
        switch request.method {
        case .largestRemainder:
            rule["method"] = .string("largest-remainder")
        case .ratePerUnit:
            rule["method"] = .string("rate-per-unit")
            if let rate { rule["rate"] = .integer(rate.value) }
        }
        if let minimum = request.guaranteedMinimum { rule["minimum"] = .integer(minimum.value) }
        if request.carriedIn > .zero { rule["carriedIn"] = .integer(request.carriedIn.value) }
        return rule
    }
}
