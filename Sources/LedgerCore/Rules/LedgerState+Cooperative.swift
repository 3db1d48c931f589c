// A farmers' cooperative's distributions: what Art. 44 returns by members' transactions.

extension LedgerState {
    /// A cooperative returns at least 60% of its distributable surplus — its pool, and whatever
    /// was drawn before it but the reserve fund (``CooperativeSurplus``) — by members'
    /// transactions, rounded up to the fen, and at most its pool (Art. 44); the declaration
    /// records the rebate and the charter's rate.
    func checkRebate(_ declaration: DividendDeclaration, _ problems: inout RuleReport) {
        let surplus = CooperativeSurplus.of(pool: declaration.pool, drawn: declaration.appropriations.map { ($0.name, $0.amount) })
        guard let rebate = declaration.rule["rebate"]?.integerValue, let bp = declaration.rule["rebateBp"]?.integerValue else {
            return problems.add(.cooperativeRebate, "distribution \(declaration.id) is a cooperative's and records no \"rebate\" and \"rebateBp\" in its rule")
        }
        guard (6_000...10_000).contains(bp) else {
            return problems.add(.cooperativeRebate, "distribution \(declaration.id) records a rebate rate of \(bp) bp; Art. 44 requires 6000–10000 bp (60%–100%)")
        }
        // ⌈surplus × bp / 10000⌉ in 128 bits: a forged pool may be as large as a body holds. What
        // is allocated is at most the pool (allocated + residual = pool), so it bounds the rebate.
        let required = Int64(clamping: (Int128(surplus.value) * Int128(bp) + 9_999) / 10_000)
        if rebate > declaration.allocated.value {
            problems.add(.cooperativeRebate, "distribution \(declaration.id) returns \(Fen(rebate).formatted) by transactions, more than the \(declaration.allocated.formatted) it allocates")
        } else if rebate < required {
            let of = surplus == declaration.pool ? "its pool \(declaration.pool.formatted)"
                : "its distributable surplus \(surplus.formatted) (its pool \(declaration.pool.formatted) and what was drawn before it but 公积金)"
            problems.add(.cooperativeRebate, "distribution \(declaration.id) returns \(Fen(rebate).formatted) by transactions; at \(Fen(bp).formatted)% of \(of) it must return at least \(Fen(required).formatted) (rounded up to the fen) and at most the pool (Art. 44)")
        }
    }

    /// A cooperative member's return by transactions: only a cooperative's allocation carries one,
    /// and together they may not return more than the declaration says (nor, at the end, less).
    mutating func rebateLine(_ rebate: Fen, _ allocation: DividendAllocation, _ d: Int, _ problems: inout RuleReport) {
        guard let declared = declarations[d]?.declaration, declared.rule["basis"] == .string("cooperative"),
              let total = declared.rule["rebate"]?.integerValue else {
            return problems.add(.cooperativeRebate, "household \(allocation.household)'s allocation in distribution \(allocation.id) records a return by transactions, but the distribution is not a cooperative's")
        }
        tallies[d].rebated = Self.sum(tallies[d].rebated, rebate.value)
        tallies[d].rebateLines += 1
        if tallies[d].rebated > total {
            problems.add(.cooperativeRebate, "the returns by transactions of distribution \(allocation.id) reach \(Fen(tallies[d].rebated).formatted), more than the declared \(Fen(total).formatted)")
        }
    }
}
