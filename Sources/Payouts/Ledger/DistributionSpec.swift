import LedgerCore

/// A distribution as the accountant describes it: the ledger supplies the holders.
public struct DistributionSpec: Sendable {
    public var id: String
    public var recordDate: LedgerDate
    public var amount: DistributionRequest.Amount
    public var appropriations: [Appropriation]
    /// Undistributed income of earlier years added to the pool (``DistributionRequest/carriedIn``).
    public var carriedIn: Fen
    public var basis: DistributionBasis
    public var guaranteedMinimum: Fen?
    public var method: AllocationMethod
    /// Per-household transaction volumes in fen, for the cooperative basis.
    public var transactionVolumes: [String: Int64]
    public var povertyClass: String
    /// The days its list is posted for objections (公示), recorded with the declaration: nothing
    /// is paid until they are over. Nil records none.
    public var posting: PostingPeriod?

    public init(id: String, recordDate: LedgerDate, amount: DistributionRequest.Amount, appropriations: [Appropriation] = [],
                carriedIn: Fen = .zero, basis: DistributionBasis, guaranteedMinimum: Fen? = nil, method: AllocationMethod = .largestRemainder,
                transactionVolumes: [String: Int64] = [:], povertyClass: String = ShareClass.poverty, posting: PostingPeriod? = nil) {
        self.posting = posting
        self.id = id
        self.recordDate = recordDate
        self.amount = amount
        self.appropriations = appropriations
        self.carriedIn = carriedIn
        self.basis = basis
        self.guaranteedMinimum = guaranteedMinimum
        self.method = method
        self.transactionVolumes = transactionVolumes
        self.povertyClass = povertyClass
    }

    /// Plans the distribution over the ledger's holders at the record date.
    /// A cooperative's also gives the transactions it returns by (``TransactionPeriod``).
    public func plan(entries: [Entry]) throws -> (plan: DistributionPlan, snapshot: RecordDateSnapshot, transactions: TransactionPeriod?) {
        let snapshot = RecordDateSnapshot(entries: entries, recordDate: recordDate, povertyClass: povertyClass)
        var extra = [String: [String: Int64]]()
        var basis = basis
        var period: TransactionPeriod?
        if case .cooperative(var rule) = basis {
            for household in transactionVolumes.keys where snapshot.households[household] == nil {
                throw DistributionSpecError.unknownHousehold(household, recordDate)
            }
            let transactions = try TransactionPeriod.of(entries: entries, snapshot: snapshot, rule: rule, file: transactionVolumes)
            // Every member's volume given, zero for none: the account's total of earlier years never counts.
            for household in snapshot.households.keys { extra[household] = [rule.transactionClass: transactions.volumes[household] ?? 0] }
            if transactions.source == .ledger { (rule.transactionsRecorded, rule.transactionsAfter) = (true, transactions.after) }
            basis = .cooperative(rule)
            period = transactions
        }
        var byShares = false
        if case .units(let weights) = basis {
            byShares = true
            try Self.check(weights, entries: entries, held: snapshot.holders(collective: true), recordDate: recordDate)
        }
        if period == nil, let org = entries.first.flatMap({ entry -> String? in if case .ledgerOpen(let open) = entry.payload { open.org } else { nil } }),
           LedgerOpen.isCooperative(org),
           let recorded = try? TransactionPeriod.of(entries: entries, snapshot: snapshot,
                                                    rule: CooperativeRule(transactionClass: ShareClass.trade, capitalClasses: []), file: [:]) {
            // A farmers' cooperative whose members traded in the period returns by their trade first (Art. 44).
            throw DistributionSpecError.article44PassedOver(org: org, transactions: recorded.volumes.values.reduce(0, &+),
                                                             members: recorded.volumes.count, after: recorded.after, through: recordDate)
        }
        let request = DistributionRequest(amount: amount, appropriations: appropriations, carriedIn: carriedIn, basis: basis,
                                          guaranteedMinimum: guaranteedMinimum, method: method,
                                          holders: snapshot.holders(extraUnits: extra, collective: byShares))
        let plan = try DistributionPlan(request)
        if period == nil { try requireEarnedAfterArticle44(plan, entries: entries) }
        return (plan, snapshot, period)
    }

    /// In a farmers' cooperative, a distribution by another basis takes only income recorded
    /// after its last Art. 44 distribution and by its record date
    /// (``CooperativeSurplus/leftForAnotherBasis(on:after:before:income:takenBy:)``).
    private func requireEarnedAfterArticle44(_ plan: DistributionPlan, entries: [Entry]) throws {
        guard case .ledgerOpen(let open)? = entries.first?.payload, LedgerOpen.isCooperative(open.org) else { return }
        var reversed = Set<Int64>()
        for entry in entries { if case .entryReverse(let r) = entry.payload { reversed.insert(r.target) } }
        var income: [(date: LedgerDate, fen: Int64)] = [], others: [(recordDate: LedgerDate, fen: Int64)] = [], cooperative: [LedgerDate] = []
        for entry in entries where !reversed.contains(entry.seq) {
            switch entry.payload {
            case .incomeRecord(let r): income.append((r.date, r.amount.value))
            case .expenseRecord(let r): income.append((r.date, -r.amount.value))
            case .dividendDeclare(let d) where d.rule["basis"]?.stringValue == "cooperative":
                cooperative.append(d.recordDate)
                if d.recordDate >= recordDate, d.id != id { throw DistributionSpecError.datedIntoArticle44(org: open.org, id: d.id, recordDate: d.recordDate) }
            case .dividendDeclare(let d) where d.id != id: others.append((d.recordDate, d.distributable.value &- d.residual.value))
            default: break
            }
        }
        // A ledger of distributions alone, its books kept elsewhere, cannot tell.
        guard !income.isEmpty else { return }
        let after = cooperative.filter { $0 < recordDate }.max(), next = cooperative.filter { $0 > recordDate }.min()
        let left = CooperativeSurplus.leftForAnotherBasis(on: recordDate, after: after, before: next, income: income, takenBy: others)
        let taken = plan.declaredDistributable.value &- plan.residual.value
        if taken > left {
            throw DistributionSpecError.earnedBeforeArticle44(org: open.org, taken: taken, left: max(0, left), after: after, recordDate: recordDate)
        }
    }
}

extension DistributionSpec {
    /// Income recorded and not yet distributed, in fen, as the `borrowed-distribution` rule
    /// counts it (``LedgerState/undistributedIncome``); nil when the ledger records no income,
    /// which the rule then does not judge.
    public static func undistributedIncome(in entries: [Entry]) -> Int64? {
        var state = LedgerState(keepingHouseholdRecords: false)
        for entry in entries { state.apply(entry, check: false) }
        return state.keepsIncome ? state.undistributedIncome : nil
    }

    /// A distribution by shares weighs every class held at the record date, by name: a class
    /// misspelt, or one held but not named, would silently take no part (a weight of 0 leaves a
    /// class out on purpose).
    static func check(_ weights: [String: Int64], entries: [Entry], held holders: [PayoutHolder],
                      recordDate: LedgerDate) throws(DistributionSpecError) {
        var issued = Set(ShareClass.named)
        for entry in entries { if case .sharesIssue(let change) = entry.payload { issued.insert(change.shareClass) } }
        if let unknown = weights.keys.sorted().first(where: { !issued.contains($0) }) {
            let known = ShareClass.named + issued.subtracting(ShareClass.named).sorted()
            throw .unknownClass(unknown, known: known)
        }
        var held = [String: Int64]()
        for holder in holders { for (shareClass, units) in holder.units where units > 0 { held[shareClass, default: 0] += units } }
        // A member's accounts (出资额 …) are money, not shares: they take part only when weighed by name.
        let unweighted = held.filter { weights[$0.key] == nil && !ShareClass.accounts.contains($0.key) }.sorted { $0.key < $1.key }
        guard unweighted.isEmpty else {
            throw .unweightedClasses(unweighted.map { ($0.key, $0.value) }, weighted: weights.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, recordDate)
        }
    }
}

/// Why a distribution cannot be planned from the ledger.
extension DistributionSpec {
    /// Why distribution `id` cannot be declared again, when `entries` (the ledger's, or its
    /// entries of that distribution and its reversals) declare it.
    public static func declared(_ id: String, in entries: [Entry]) -> DistributionSpecError? {
        guard let declaration = entries.first(where: { if case .dividendDeclare(let d) = $0.payload { d.id == id } else { false } }) else { return nil }
        let withdrawal = entries.first { if case .entryReverse(let r) = $0.payload { r.target == declaration.seq } else { false } }
        return .alreadyDeclared(id, seq: declaration.seq, withdrawnBy: withdrawal?.seq)
    }
}

public enum DistributionSpecError: Error, CustomStringConvertible {
    case unknownHousehold(String, LedgerDate)
    /// A cooperative distribution with no transactions to return by, in the ledger or a file.
    case noTransactions(after: LedgerDate?, through: LedgerDate)
    /// A volumes file that gives a member other transactions (nil: none) than the ledger records.
    case transactionsDiffer(household: String, file: Int64?, ledger: Int64, after: LedgerDate?, through: LedgerDate)
    /// An id declared before, by entry `seq`, and withdrawn since by entry `withdrawnBy`.
    case alreadyDeclared(String, seq: Int64, withdrawnBy: Int64?)
    /// A class weighed that the ledger has never had, with the classes it has.
    case unknownClass(String, known: [String])
    /// Classes held at the record date that have no weight: (class, units held), and the weights given.
    case unweightedClasses([(String, Int64)], weighted: [(String, Int64)], LedgerDate)
    /// A farmers' cooperative's distribution by another basis than Art. 44's taking more than the
    /// income recorded after its last Art. 44 distribution (`after`, its record date).
    case earnedBeforeArticle44(org: String, taken: Int64, left: Int64, after: LedgerDate?, recordDate: LedgerDate)
    /// A farmers' cooperative's distribution by another basis than Art. 44's while its members'
    /// transactions of the period stand.
    case article44PassedOver(org: String, transactions: Int64, members: Int, after: LedgerDate?, through: LedgerDate)
    /// A farmers' cooperative's distribution by another basis dated on or before a standing Art. 44
    /// distribution's record date (`id`, `recordDate`).
    case datedIntoArticle44(org: String, id: String, recordDate: LedgerDate)

    public var description: String {
        switch self {
        case .earnedBeforeArticle44(let org, let taken, let left, let after, let recordDate):
            "\(org) is a farmers' cooperative: a distribution by another basis than Art. 44's takes only income recorded "
                + (after.map { "after \($0), the record date of its last distribution by Art. 44, and " } ?? "")
                + "by its record date \(recordDate) (and by those of distributions after it), and \(Fen(left).formatted) of that is left, "
                + "not the \(Fen(taken).formatted) it would take: what was earned by an Art. 44 distribution is returned by it (declare it --basis cooperative)"
        case .article44PassedOver(let org, let transactions, let members, let after, let through):
            "\(org) is a farmers' cooperative, and its \(members) \(members == 1 ? "member" : "members") recorded transactions (交易额) of "
                + "\(Fen(transactions).formatted) \(TransactionPeriod.text(after: after, through: through)): Art. 44 returns at least 60% of "
                + "the distributable surplus by them; declare it --basis cooperative"
        case .datedIntoArticle44(let org, let id, let recordDate):
            "\(org) is a farmers' cooperative, and its distribution \(id) by Art. 44 has the record date \(recordDate): what was earned by then is returned "
                + "by it, and another basis is dated after it (date it after \(recordDate), or declare it --basis cooperative)"
        case .unknownClass(let name, let known):
            "--classes names \(name), which is not a class of this ledger (\(known.joined(separator: ", ")))"
        case .unweightedClasses(let held, let weighted, let date):
            "\(held.map { "\(ShareClass.displayName($0.0)) \($0.0) (\($0.1) units)" }.joined(separator: ", ")) "
                + "\(held.count == 1 ? "is" : "are") held at the record date \(date) but \(held.count == 1 ? "has" : "have") no weight; "
                + "give every class held a weight (0 leaves a class out), e.g. --classes "
                + (weighted.map { "\($0.0)=\($0.1)" } + held.map { "\($0.0)=1" }).joined(separator: ",")
        case .unknownHousehold(let h, let date): "the transaction volumes (--transactions) name household \(h), which is not registered at the record date \(date)"
        case .noTransactions(let after, let through):
            "the ledger records no 交易额 (class trade) \(TransactionPeriod.text(after: after, through: through)), and no volumes file (--transactions) gives any: "
                + "a cooperative returns surplus by its members' transactions; record them (fenhong shares issue --class trade --amount …) or give --transactions FILE.csv"
        case .transactionsDiffer(let h, let file, let ledger, let after, let through):
            (file.map { "the transaction volumes (--transactions) give household \(h) \(Fen($0).formatted)" }
                ?? "the transaction volumes (--transactions) leave out household \(h)")
                + ", but the 交易额 its account records \(TransactionPeriod.text(after: after, through: through)) is \(Fen(ledger).formatted): "
                + "a distribution returns by the transactions the members' accounts record (Art. 43); correct the file, or leave --transactions out"
        case .alreadyDeclared(let id, let seq, let withdrawnBy):
            "distribution \(id) is already declared (entry \(seq)\(withdrawnBy.map { ", withdrawn by entry \($0)" } ?? "")); a distribution id is declared once: "
                + (withdrawnBy == nil ? "this one stands" : "declare the correction under a new id")
        }
    }
}
