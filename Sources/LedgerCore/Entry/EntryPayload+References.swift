/// What an entry refers to outside itself: the households, distributions and entries whose
/// history the rules need in order to judge it.
public struct EntryReferences: Sendable, Equatable {
    public var households: Set<String> = []
    public var distributions: Set<String> = []
    public var targets: Set<Int64> = []

    public init() {}

    /// Adds another entry's references.
    public mutating func formUnion(_ other: EntryReferences) {
        households.formUnion(other.households)
        distributions.formUnion(other.distributions)
        targets.formUnion(other.targets)
    }
}

extension EntryPayload {
    /// The households, distributions and entries this payload refers to.
    public var references: EntryReferences {
        var refs = EntryReferences()
        switch self {
        case .ledgerOpen, .keyAdd, .keyRetire, .fundReceive, .investmentMake, .incomeRecord, .expenseRecord:
            break
        case .householdRegister(let p): refs.households = [p.household]
        case .householdUpdate(let p): refs.households = [p.household]
        case .sharesIssue(let p), .sharesRetire(let p): refs.households = [p.holder]
        case .sharesTransfer(let p): refs.households = [p.from, p.to]
        case .dividendDeclare(let p): refs.distributions = [p.id]
        case .dividendAllocate(let p):
            refs.households = [p.household]
            refs.distributions = [p.id]
        case .dividendPay(let p):
            refs.households = [p.household]
            refs.distributions = [p.id]
        case .entryReverse(let p): refs.targets = [p.target]
        }
        return refs
    }
}
