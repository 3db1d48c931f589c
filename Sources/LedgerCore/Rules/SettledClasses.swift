/// For each share class, the latest record date of a standing distribution that counted it (and
/// the distribution's id): a share entry of that class dated on or before it would change what
/// the distribution was divided by (`settled-date`). Kept as declarations are applied, so that a
/// share entry is judged by its classes alone, not against every declaration (a forged ledger of
/// many declarations and many backdated share entries would otherwise cost their product).
struct SettledClasses: Sendable {
    private var byClass: [String: (date: LedgerDate, id: String)] = [:]
    /// The latest of distributions whose rule could not be read: taken as counting every class.
    private var everyClass: (date: LedgerDate, id: String)?

    /// Counts `declaration`'s record date for every class it counted.
    mutating func add(_ declaration: DividendDeclaration) {
        let settled = (declaration.recordDate, declaration.id)
        func keep(_ current: inout (date: LedgerDate, id: String)?) {
            if current.map({ settled.0 > $0.date }) ?? true { current = settled }
        }
        switch Self.counted(by: declaration.rule) {
        case .none: break
        case .some(let classes): for shareClass in classes { keep(&byClass[shareClass]) }
        case .every: keep(&everyClass)
        }
    }

    /// The distribution of the latest record date on or after `date` that counted one of `classes`.
    func latest(counting classes: some Sequence<String>, onOrAfter date: LedgerDate) -> (date: LedgerDate, id: String)? {
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
