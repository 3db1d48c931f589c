import LedgerCore

/// A planned distribution: shown to the accountant before anything is written, then recorded
/// as one `dividend.declare` and one `dividend.allocate` per line.
public struct DistributionPlan: Hashable, Sendable {
    /// The request, echoed.
    public let request: DistributionRequest
    /// The distributable amount, if the request gave one.
    public let distributable: Fen?
    /// The appropriations with their amounts, in request order.
    public let appropriations: [AppropriationAmount]
    /// The amount to split: distributable minus appropriations, or the requested pool; either
    /// with what is carried in from earlier years (`request.carriedIn`).
    public let pool: Fen
    /// The sum of guaranteed minimums, funded first.
    public let minimumTotal: Fen
    /// The rate per unit, with `.ratePerUnit`.
    public let rate: Fen?
    /// The cooperative rebate by transaction volume, with `.cooperative`.
    public let rebate: Fen?
    /// One line per household, in `HolderOrder`.
    public let lines: [PlanLine]
    /// The sum of all line amounts.
    public let allocated: Fen
    /// The part of the shares the collective holds itself (集体股), kept by the collective: in
    /// the residual.
    public let collectiveShare: Fen
    /// What is not allocated (`pool − allocated`): the collective's share, and with a rate per
    /// unit what the rate leaves.
    public let residual: Fen
    /// The units the collective's own shares count with (集体股, weighted), among those divided by.
    public internal(set) var collectiveWeight: Int64 = 0
    /// The rules this plan was checked against, with expected and found values.
    public let checks: [PlanCheck]

    /// True when every check passed.
    public var allChecksPass: Bool { checks.allSatisfy(\.passed) }

    /// What the distribution takes from the collective's income, as `dividend.declare` records
    /// it: the distributable amount with what is carried in from earlier years, or the pool.
    public var declaredDistributable: Fen {
        distributable.map { $0 + request.carriedIn } ?? pool
    }
}

/// One holder's line in a plan. `amount = minimum + basisAmount + capitalAmount`.
public struct PlanLine: Hashable, Sendable {
    /// The holder id.
    public let holder: String
    /// The basis units this holder counts with (units × class weights, members, 1, or for a
    /// cooperative the transaction volume).
    public let weight: Int64
    /// The guaranteed minimum paid to this holder, or zero.
    public let minimum: Fen
    /// This holder's part of the split by the basis (for a cooperative: the rebate).
    public let basisAmount: Fen
    /// A cooperative member's capital account (contribution + reserve + subsidy), else 0.
    public let capitalWeight: Int64
    /// A cooperative member's part of the remainder by capital account, else zero.
    public let capitalAmount: Fen
    /// What this holder is owed.
    public let amount: Fen
    /// The exact pro-rata entitlement before rounding to the fen (minimum + exact parts).
    public let exactShare: ExactShare

    /// True when `dividend declare` writes this line's allocation: it counts some units or
    /// capital, or is owed something. A line of none (a household registered, holding none of
    /// the classes weighed) is shown by a plan and allocated nothing.
    public var isAllocated: Bool { weight > 0 || amount.value > 0 || capitalWeight > 0 }
}

/// An amount in yuan to four decimals, for showing the exact pro-rata share (`3555.5556`).
///
/// Each part is `amount × weight / total` rounded half-up to 0.0001 yuan, computed in `Int128`;
/// a cooperative line adds its two parts after rounding each.
public struct ExactShare: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in units of 0.0001 yuan (0.01 fen).
    public let tenThousandthsOfYuan: Int64

    /// Wraps a count of 0.0001 yuan.
    public init(tenThousandthsOfYuan: Int64) {
        self.tenThousandthsOfYuan = tenThousandthsOfYuan
    }

    /// `part × weight / total` fen, in 0.0001 yuan rounded half-up; zero when `total` is zero.
    init(part: Fen, weight: Int64, total: Int128) {
        guard total > 0 else { self.init(tenThousandthsOfYuan: 0); return }
        let (quotient, remainder) = (Int128(part.value) * Int128(weight) * 100).quotientAndRemainder(dividingBy: total)
        self.init(tenThousandthsOfYuan: Int64(quotient + (remainder * 2 >= total ? 1 : 0)))
    }

    /// Orders by value.
    public static func < (a: ExactShare, b: ExactShare) -> Bool { a.tenThousandthsOfYuan < b.tenThousandthsOfYuan }

    /// Yuan with four decimals and no separators: `3555.5556`, `-0.0050`.
    public var description: String {
        let magnitude = tenThousandthsOfYuan.magnitude
        let fraction = String(magnitude % 10_000)
        let sign = tenThousandthsOfYuan < 0 ? "-" : ""
        return sign + String(magnitude / 10_000) + "." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}

/// One rule a plan was checked against.
public struct PlanCheck: Hashable, Sendable, CustomStringConvertible {
    /// The rules a plan is checked against.
    public enum Rule: String, Hashable, Sendable {
        /// Σ line amounts + residual == pool, exactly.
        case linesPlusResidualEqualPool
        /// Cooperative rebate ≥ ceil(rebate rate × distributable surplus) (Art. 44).
        case cooperativeRebateAtLeastMinimum
    }

    /// The rule.
    public let rule: Rule
    /// The value the rule requires (the pool; the minimum rebate).
    public let expected: Fen
    /// The value found.
    public let found: Fen
    /// Whether the rule holds.
    public let passed: Bool

    /// Creates a check result.
    public init(rule: Rule, expected: Fen, found: Fen, passed: Bool) {
        self.rule = rule
        self.expected = expected
        self.found = found
        self.passed = passed
    }

    /// One line: rule, pass or fail, expected and found.
    public var description: String {
        "\(rule.rawValue): \(passed ? "ok" : "FAILED") (expected \(expected), found \(found))"
    }
}
