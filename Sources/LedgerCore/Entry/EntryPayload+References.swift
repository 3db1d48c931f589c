/// What an entry refers to outside itself: the history the business rules need in order to
/// judge it. The store loads exactly that history before appending, so a command costs in
/// proportion to the households it names, not to the size of the ledger.
public struct EntryReferences: Sendable, Equatable {
    /// Households whose registration and updates are needed.
    public var registrations: Set<String> = []
    /// Holders whose share history is needed.
    public var shareHolders: Set<String> = []
    /// (distribution, household) pairs whose allocation and payments are needed.
    public var payees: Set<Payee> = []
    /// Entries named by reversals.
    public var targets: Set<Int64> = []

    /// A household in a distribution.
    public struct Payee: Hashable, Sendable {
        public let distribution: String
        public let household: String
    }

    public init() {}

    /// Adds another entry's references.
    public mutating func formUnion(_ other: EntryReferences) {
        registrations.formUnion(other.registrations)
        shareHolders.formUnion(other.shareHolders)
        payees.formUnion(other.payees)
        targets.formUnion(other.targets)
    }
}

extension EntryPayload {
    /// The history this payload's rules depend on. Key changes, declarations and reversals are
    /// few and always loaded, so they are not listed.
    public var references: EntryReferences {
        var refs = EntryReferences()
        switch self {
        case .ledgerOpen, .keyAdd, .keyRetire, .fundReceive, .investmentMake, .incomeRecord, .expenseRecord, .dividendDeclare:
            break
        case .householdRegister(let p): refs.registrations = [p.household]
        case .householdUpdate(let p): refs.registrations = [p.household]
        case .sharesIssue(let p), .sharesRetire(let p):
            refs.registrations = [p.holder]
            refs.shareHolders = [p.holder]
        case .sharesTransfer(let p):
            refs.registrations = [p.from, p.to]
            refs.shareHolders = [p.from, p.to]
        case .dividendAllocate(let p):
            refs.registrations = [p.household]
        case .dividendPay(let p):
            refs.registrations = [p.household]
            refs.payees = [EntryReferences.Payee(distribution: p.id, household: p.household)]
        case .entryReverse(let p): refs.targets = [p.target]
        }
        return refs
    }
}
