// Income recorded and not yet distributed: the rule that a distribution is paid from income,
// never from borrowed money (不得举债分配, DOMAIN §1).

extension LedgerState {
    /// Counts an income (positive) or expense (negative) record, for a reversal to take back.
    mutating func addIncome(_ fen: Int64, seq: Int64) {
        keepsIncome = true
        moveIncome(by: fen)
        incomeEffects[seq] = fen
    }

    /// Adds `fen` to the income not yet distributed, held within ±(2^63 − 1): a forged ledger's
    /// totals may go beyond any real one, never trap, and can always be negated in a message.
    mutating func moveIncome(by fen: Int64) {
        let (sum, overflow) = undistributedIncome.addingReportingOverflow(fen)
        undistributedIncome = overflow ? (fen > 0 ? .max : -.max) : max(sum, -.max)
    }

    /// Takes what a declaration distributes (its distributable amount less its residual) from
    /// the income not yet distributed, refusing more than there is. Judged where the ledger
    /// keeps the collective's income (it has recorded some): a ledger of distributions alone,
    /// its books kept elsewhere, cannot tell.
    mutating func takeIncome(for declaration: DividendDeclaration, seq: Int64, _ problems: inout RuleReport) {
        guard keepsIncome else { return }
        let taken = declaration.distributable.value &- declaration.residual.value
        guard taken <= undistributedIncome else {
            let left = undistributedIncome >= 0
                ? "only \(Fen(undistributedIncome).formatted) of the income recorded is not yet distributed"
                : "none of the income recorded is left: expenses and earlier distributions exceed it by \(Fen(-undistributedIncome).formatted)"
            return problems.add(.borrowedDistribution, "distribution \(declaration.id) takes \(Fen(taken).formatted) from income, but \(left): a distribution is paid from income, never from borrowed money (不得举债分配); record the income first (earlier years' undistributed income as an income record of category 上年未分配收益)")
        }
        addIncome(-taken, seq: seq)
    }
}
