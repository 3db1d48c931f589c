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
}

extension EntryReferences {
    /// Adds what `payload` refers to, in place: a declaration of a million allocations adds a
    /// million households, and a set for each would cost more than the lookups it saves.
    public mutating func add(_ payload: EntryPayload) {
        switch payload {
        case .ledgerOpen, .keyAdd, .keyRetire, .fundReceive, .investmentMake, .incomeRecord, .expenseRecord, .dividendDeclare:
            break
        case .householdRegister(let p): registrations.insert(p.household)
        case .householdUpdate(let p): registrations.insert(p.household)
        case .sharesIssue(let p), .sharesRetire(let p):
            registrations.insert(p.holder)
            shareHolders.insert(p.holder)
        case .sharesTransfer(let p):
            registrations.formUnion([p.from, p.to])
            shareHolders.formUnion([p.from, p.to])
        case .dividendAllocate(let p):
            registrations.insert(p.household)
        case .dividendPay(let p):
            registrations.insert(p.household)
            payees.insert(Payee(distribution: p.id, household: p.household))
        case .entryReverse(let p): targets.insert(p.target)
        }
    }
}
