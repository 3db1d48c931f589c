import LedgerCore

/// One holder's part of a pool.
public struct Allocation: Hashable, Sendable {
    /// The holder: a household number or `collective`.
    public let holder: String
    /// The weight the holder was allocated by (units, members, fen of transactions…).
    public let weight: Int64
    /// What the holder receives.
    public let amount: Fen

    /// Creates an allocation line.
    public init(holder: String, weight: Int64, amount: Fen) {
        self.holder = holder
        self.weight = weight
        self.amount = amount
    }
}
