import LedgerCore

/// A distribution as the accountant describes it: the ledger supplies the holders.
public struct DistributionSpec: Sendable {
    public var id: String
    public var recordDate: LedgerDate
    public var amount: DistributionRequest.Amount
    public var appropriations: [Appropriation]
    public var basis: DistributionBasis
    public var guaranteedMinimum: Fen?
    public var method: AllocationMethod
    /// Per-household transaction volumes in fen, for the cooperative basis.
    public var transactionVolumes: [String: Int64]
    public var povertyClass: String

    public init(id: String, recordDate: LedgerDate, amount: DistributionRequest.Amount, appropriations: [Appropriation] = [],
                basis: DistributionBasis, guaranteedMinimum: Fen? = nil, method: AllocationMethod = .largestRemainder,
                transactionVolumes: [String: Int64] = [:], povertyClass: String = ShareClass.poverty) {
        self.id = id
        self.recordDate = recordDate
        self.amount = amount
        self.appropriations = appropriations
        self.basis = basis
        self.guaranteedMinimum = guaranteedMinimum
        self.method = method
        self.transactionVolumes = transactionVolumes
        self.povertyClass = povertyClass
    }

    /// Plans the distribution over the ledger's holders at the record date.
    public func plan(entries: [Entry]) throws -> (plan: DistributionPlan, snapshot: RecordDateSnapshot) {
        let snapshot = RecordDateSnapshot(entries: entries, recordDate: recordDate, povertyClass: povertyClass)
        var extra = [String: [String: Int64]]()
        if case .cooperative(let rule) = basis {
            for (household, volume) in transactionVolumes {
                guard snapshot.households[household] != nil else { throw DistributionSpecError.unknownHousehold(household, recordDate) }
                extra[household] = [rule.transactionClass: volume]
            }
        }
        var byShares = false
        if case .units = basis { byShares = true }
        let request = DistributionRequest(amount: amount, appropriations: appropriations, basis: basis,
                                          guaranteedMinimum: guaranteedMinimum, method: method,
                                          holders: snapshot.holders(extraUnits: extra, collective: byShares))
        return (try DistributionPlan(request), snapshot)
    }
}

/// Why a distribution cannot be planned from the ledger.
public enum DistributionSpecError: Error, CustomStringConvertible {
    case unknownHousehold(String, LedgerDate)
    case alreadyDeclared(String)

    public var description: String {
        switch self {
        case .unknownHousehold(let h, let date): "the transaction volumes name household \(h), which is not registered at the record date \(date)"
        case .alreadyDeclared(let id): "distribution \(id) is already declared; a distribution id is declared once"
        }
    }
}
