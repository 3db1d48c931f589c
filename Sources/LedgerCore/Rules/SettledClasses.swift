/// For each share class, the latest record date of a standing distribution that counted it (and
/// the distribution's id): a share entry of that class dated on or before it would change what
/// the distribution was divided by (`settled-date`). Kept as declarations are applied, so that a
/// share entry is judged by its classes alone, not against every declaration (a forged ledger of
/// many declarations and many backdated share entries would otherwise cost their product).
struct SettledClasses: Sendable {
    /// A distribution that settled a class: its record date and id.
    struct Settled: Sendable {
        let date: LedgerDate
        let id: String
    }

    private var byClass: [String: Settled] = [:]
    /// The latest of distributions whose rule could not be read: taken as counting every class.
    private var everyClass: Settled?
    /// The latest of a farmers' cooperative's distributions by another basis, which stand only
    /// while no member's transactions (交易额) are dated in their period (Art. 44): they settle
    /// the transactions without dividing by them.
    private var passedOverTrade: Settled?

    /// Counts `declaration`'s record date for every class it counted; in a farmers' cooperative
    /// (`cooperative`), a distribution by another basis settles its members' transactions too: one
    /// dated in its period would have made it one Art. 44 requires by them.
    mutating func add(_ declaration: DividendDeclaration, cooperative: Bool) {
        func keep(_ current: inout Settled?) {
            if current.map({ declaration.recordDate > $0.date }) ?? true { current = Settled(date: declaration.recordDate, id: declaration.id) }
        }
        switch Self.counted(by: declaration.rule) {
        case .none: break
        case .some(let classes): for shareClass in classes { keep(&byClass[shareClass]) }
        case .every: keep(&everyClass)
        }
        if cooperative, declaration.rule["basis"] != .string("cooperative") {
            keep(&passedOverTrade)
        }
    }

    /// The cooperative's distribution by another basis of the latest record date on or after
    /// `date`, when `classes` hold its members' transactions.
    func passedOver(_ classes: some Sequence<String>, onOrAfter date: LedgerDate) -> Settled? {
        guard let passedOverTrade, date <= passedOverTrade.date, classes.contains(LedgerState.cooperativeAccounts.transactions) else { return nil }
        return passedOverTrade
    }

    /// The distribution of the latest record date on or after `date` that counted one of `classes`.
    func latest(counting classes: some Sequence<String>, onOrAfter date: LedgerDate) -> Settled? {
        (classes.compactMap { byClass[$0] } + [everyClass].compactMap { $0 })
            .filter { date <= $0.date }
            .max { $0.date < $1.date }
    }

    /// The classes a distribution by `rule` counts: weighed above 0 by one by shares, a
    /// cooperative's accounts, none by households or members, every class when its rule is none
    /// fenhong writes.
    enum Counted {
        case none
        case some([String])
        case every
    }

    static func counted(by rule: [String: JSONValue]) -> Counted {
        switch rule["basis"]?.stringValue {
        case "household", "member": .none
        case "units":
            switch LedgerState.weights(rule) {
            case .success(let weights): .some(weights.filter { $0.weight > 0 }.map(\.shareClass))
            case .failure: .every
            }
        case "cooperative": .some([LedgerState.cooperativeAccounts.transactions] + LedgerState.cooperativeAccounts.capital)
        default: .every
        }
    }
}
