import LedgerCore

extension DistributionPlan {
    /// How the pool is divided, as the households' statements will say it once the plan is
    /// declared: the rules split the recorded allocations again into the same figures
    /// (``LedgerState/divisions``), which a test holds the two to.
    public func division(id: String) -> DistributionDivision {
        let units = lines.reduce(Int64(0)) { $0 &+ $1.weight }
        let part: DistributionDivision.Part
        if let rebate {
            part = .cooperative(rebate: rebate, transactions: units, byCapital: Fen(pool.value &- rebate.value),
                                capital: lines.reduce(Int64(0)) { $0 &+ $1.capitalWeight })
        } else if let rate {
            // The residual less the collective's own part: what the rate leaves of the pool.
            part = .atRate(rate, units: units &+ collectiveWeight, collectiveUnits: collectiveWeight,
                           undistributed: Fen(residual.value &- collectiveShare.value))
        } else {
            part = .byUnits(divided: Fen(pool.value &- minimumTotal.value), units: units &+ collectiveWeight, collectiveUnits: collectiveWeight)
        }
        let owed = lines.count { $0.minimum > .zero }
        return DistributionDivision(id: id, minimum: request.guaranteedMinimum ?? .zero, minimumHouseholds: owed, part: part, end: 0)
    }
}
