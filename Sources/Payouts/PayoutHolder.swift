/// A holder as the ledger sees it at the record date: what the planner divides by.
///
/// The caller (the ledger) supplies holdings *as of the record date*. A household that
/// exited poverty (脱贫退出) before the record date must be passed with its poverty-class
/// units (扶贫股) already removed, since its certificate was withdrawn; `exitedPoverty` is
/// echoed for statements and makes the household ineligible for the poverty minimum.
public struct PayoutHolder: Hashable, Sendable {
    /// Household number (户号) or `collective`.
    public let id: String
    /// Units held by share class (`人口股`, `扶贫股`…), or for a cooperative the member-account
    /// figures in fen (`交易额`, `出资额`, `公积金份额`, `补助份额`).
    public let units: [String: Int64]
    /// Recognised members of the household, for the per-member basis.
    public let members: Int
    /// Whether the household receives the guaranteed minimum (保底), e.g. registered-poor.
    public let eligibleForMinimum: Bool
    /// Whether the household exited poverty before the record date.
    public let exitedPoverty: Bool

    /// Creates a holder record.
    public init(
        id: String, units: [String: Int64] = [:], members: Int = 0,
        eligibleForMinimum: Bool = false, exitedPoverty: Bool = false
    ) {
        self.id = id
        self.units = units
        self.members = members
        self.eligibleForMinimum = eligibleForMinimum
        self.exitedPoverty = exitedPoverty
    }
}
