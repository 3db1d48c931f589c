import LedgerCore
import Payouts

/// Yuan with two decimals written as a literal, e.g. `yuan("3,555.55")`; traps on bad input.
func yuan(_ text: String) -> Fen {
    do { return try Fen.parse(text) } catch { preconditionFailure("bad amount in test: \(error)") }
}

/// Weights named `H1`, `H2`, … in order.
func households(_ weights: [Int64]) -> [(holder: String, weight: Int64)] {
    weights.enumerated().map { (holder: "H\($0.offset + 1)", weight: $0.element) }
}

/// The amounts of `allocations` as formatted strings, in input order.
func formattedAmounts(_ allocations: [Allocation]) -> [String] {
    allocations.map(\.amount.formatted)
}

/// Holder id → amount, for order-independent comparisons.
func byHolder(_ allocations: [Allocation]) -> [String: Fen] {
    Dictionary(uniqueKeysWithValues: allocations.map { ($0.holder, $0.amount) })
}
