import FenhongCrypto

/// The business state of a ledger, built by applying entries in order, and the one place where
/// the rules across entries live (DESIGN §3 step 5). The store runs every new command through it
/// before writing; the verifier runs every stored entry through it.
public struct LedgerState: Sendable {
    /// A key's life in the ledger.
    public struct KeyRecord: Sendable, Equatable {
        public let key: NoteVerifierKey
        public let role: KeyRole
        /// The entry that brought it into service.
        public let addedAt: Int64
        /// The entry that retired it, if any; the key is valid for entries before it.
        public internal(set) var retiredAt: Int64?

        /// True when the key may sign entries or checkpoints at `seq`.
        public func isValid(at seq: Int64) -> Bool { seq >= addedAt && (retiredAt.map { seq < $0 } ?? true) }
    }

    /// A household as it stands after the entries applied so far.
    public struct HouseholdRecord: Sendable, Equatable {
        public internal(set) var registration: HouseholdRegistration
        /// Registered-poor status changes, oldest first: (effective date, poor).
        public internal(set) var poorHistory: [(date: LedgerDate, poor: Bool)]

        /// Registered-poor at `date`.
        public func isPoor(on date: LedgerDate) -> Bool {
            poorHistory.last { $0.date <= date }?.poor ?? false
        }

        public static func == (a: HouseholdRecord, b: HouseholdRecord) -> Bool {
            a.registration == b.registration && a.poorHistory.map(\.date) == b.poorHistory.map(\.date)
                && a.poorHistory.map(\.poor) == b.poorHistory.map(\.poor)
        }
    }

    /// A holder's units of one class.
    public struct ShareKey: Hashable, Sendable {
        public let holder: String
        public let shareClass: String
    }

    /// A (distribution, household) pair packed into one word: both are interned to 32-bit
    /// indices, so a million allocations cost a few tens of megabytes, not hundreds.
    struct AllocationKey: Hashable, Sendable {
        let packed: UInt64
        var distribution: Int { Int(packed >> 32) }
        var household: Int { Int(packed & 0xFFFF_FFFF) }
    }

    /// What a household is owed and has been paid by one distribution.
    struct Owed: Sendable {
        var owed: Int64
        var paid: Int64
    }

    /// A payment that a reversal may undo.
    struct PaymentEffect: Sendable {
        let seq: Int64
        let key: AllocationKey
        let amount: Int64
    }

    /// A declared distribution and how far its allocations have come.
    public struct DistributionRecord: Sendable, Equatable {
        public let seq: Int64
        public let declaration: DividendDeclaration
        public internal(set) var allocatedSoFar: Int64 = 0
        public internal(set) var paid: Int64 = 0
    }


    /// The `ledger.open` entry, once applied.
    public private(set) var opening: LedgerOpen?
    public private(set) var keys: [KeyID: KeyRecord] = [:]
    public private(set) var households: [String: HouseholdRecord] = [:]
    /// Households known to be registered: every household of `households`, and those the store
    /// names with ``assumeRegistered(_:)`` without replaying their registration.
    public private(set) var registered: Set<String> = []
    public private(set) var shares: [ShareKey: Int64] = [:]
    public private(set) var distributions: [String: DistributionRecord] = [:]
    var owed = AllocationTable()
    /// Share changes a reversal may undo, by seq (few: issues, transfers, retirements).
    var shareEffects: [Int64: [(ShareKey, Int64)]] = [:]
    /// Payments a reversal may undo, in seq order (many: kept compact, found by binary search).
    var paymentEffects = ChunkedArray<PaymentEffect>()
    /// One byte per seq: whether the entry may be reversed, and whether it was.
    var seqFlags = SeqFlags()
    var householdIndex: [String: UInt32] = [:]
    var distributionIndex: [String: UInt32] = [:]
    var distributionIDs: [String] = []
    /// The number of entries applied.
    public private(set) var count: Int64 = 0

    /// Whether `households` keeps each household's record; the rules need only `registered`.
    public let keepsHouseholdRecords: Bool

    /// An empty state. A verifier passes `keepingHouseholdRecords: false`: the rules need only
    /// which households are registered, and a league's records would cost it tens of megabytes.
    public init(keepingHouseholdRecords: Bool = true) {
        keepsHouseholdRecords = keepingHouseholdRecords
    }

    /// Records that `households` are registered, for rules that need only that (the store uses it
    /// instead of replaying every registration a large command names).
    public mutating func assumeRegistered(_ households: some Sequence<String>) {
        registered.formUnion(households)
    }

    /// What `household` is owed and has been paid by distribution `id`, if it was allocated.
    public func allocation(id: String, household: String) -> (owed: Fen, paid: Fen)? {
        guard let d = distributionIndex[id], let h = householdIndex[household] else { return nil }
        return owed[AllocationKey(packed: UInt64(d) << 32 | UInt64(h))].map { (Fen($0.owed), Fen($0.paid)) }
    }

    /// True when entry `seq` has been reversed.
    public func isReversed(_ seq: Int64) -> Bool { seqFlags.isReversed(seq) }

    private mutating func key(id: String, household: String) -> AllocationKey {
        // Allocations and payments come in long runs of one distribution.
        let d = distributionIDs.last == id ? UInt32(distributionIDs.count - 1) : distributionIndex[id] ?? {
            let next = UInt32(distributionIDs.count)
            distributionIndex[id] = next
            distributionIDs.append(id)
            return next
        }()
        let h = householdIndex[household] ?? {
            let next = UInt32(householdIndex.count)
            householdIndex[household] = next
            return next
        }()
        return AllocationKey(packed: UInt64(d) << 32 | UInt64(h))
    }

    /// The units `holder` has of `shareClass` now.
    public func units(of holder: String, shareClass: String) -> Int64 {
        shares[ShareKey(holder: holder, shareClass: shareClass)] ?? 0
    }

    /// Applies `entry`, returning the rules it breaks (empty when it is valid). With
    /// `check: false` the entry is applied as trusted history and nothing is reported.
    @discardableResult
    public mutating func apply(_ entry: Entry, check: Bool = true) -> [RuleViolation] {
        var problems = RuleReport(seq: entry.seq, enabled: check)
        defer { count += 1 }
        checkSigner(entry, &problems)
        switch entry.payload {
        case .ledgerOpen(let open):
            if opening != nil || entry.seq != 0 { problems.add(.reopened, "only entry 0 may open the ledger") }
            if opening == nil, let key = try? NoteVerifierKey(vkey: open.key) {
                opening = open
                keys[key.id] = KeyRecord(key: key, role: .accountant, addedAt: entry.seq)
            }
        case .keyAdd(let change):
            guard let key = try? NoteVerifierKey(vkey: change.key) else { break }
            if let existing = keys[key.id], existing.retiredAt == nil {
                problems.add(.duplicateKey, "key \(key.id) is already in service")
            } else {
                keys[key.id] = KeyRecord(key: key, role: change.role, addedAt: entry.seq)
            }
        case .keyRetire(let change):
            retireKey(change, entry, &problems)
        case .householdRegister(let registration):
            if registered.contains(registration.household) {
                problems.add(.duplicateHousehold, "household \(registration.household) is already registered")
            } else {
                registered.insert(registration.household)
                if keepsHouseholdRecords {
                    households[registration.household] = HouseholdRecord(
                        registration: registration, poorHistory: [(registration.date, registration.poor)])
                }
            }
        case .householdUpdate(let update):
            updateHousehold(update, &problems)
        case .sharesIssue(let change):
            requireHolder(change.holder, &problems)
            applyShares(seq: entry.seq, [(ShareKey(holder: change.holder, shareClass: change.shareClass), change.units)], &problems)
        case .sharesRetire(let change):
            requireHolder(change.holder, &problems)
            applyShares(seq: entry.seq, [(ShareKey(holder: change.holder, shareClass: change.shareClass), -change.units)], &problems)
        case .sharesTransfer(let transfer):
            requireHolder(transfer.from, &problems)
            requireHolder(transfer.to, &problems)
            applyShares(seq: entry.seq, [
                (ShareKey(holder: transfer.from, shareClass: transfer.shareClass), -transfer.units),
                (ShareKey(holder: transfer.to, shareClass: transfer.shareClass), transfer.units),
            ], &problems)
        case .fundReceive, .investmentMake, .incomeRecord, .expenseRecord:
            seqFlags.markReversible(entry.seq)
        case .dividendDeclare(let declaration):
            if distributions[declaration.id] != nil {
                problems.add(.duplicateDistribution, "distribution \(declaration.id) was already declared")
            } else {
                distributions[declaration.id] = DistributionRecord(seq: entry.seq, declaration: declaration)
            }
        case .dividendAllocate(let allocation):
            allocate(allocation, &problems)
        case .dividendPay(let payment):
            pay(payment, seq: entry.seq, &problems)
        case .entryReverse(let reversal):
            reverse(reversal, seq: entry.seq, &problems)
        }
        return problems.violations
    }

    /// Distributions whose allocations do not add up to what their declaration says: run at the
    /// end of every command and of every verification.
    public func unfinishedDistributions(ids: Set<String>? = nil) -> [RuleViolation] {
        distributions.values.sorted { $0.seq < $1.seq }.compactMap { record in
            if let ids, !ids.contains(record.declaration.id) { return nil }
            guard record.allocatedSoFar != record.declaration.allocated.value else { return nil }
            return RuleViolation(
                seq: record.seq, code: .allocationSum,
                detail: "the allocations of distribution \(record.declaration.id) add up to \(Fen(record.allocatedSoFar).formatted), the declaration says \(record.declaration.allocated.formatted)")
        }
    }

    private func checkSigner(_ entry: Entry, _ problems: inout RuleReport) {
        if case .ledgerOpen(let open) = entry.payload {
            if let key = try? NoteVerifierKey(vkey: open.key), key.id != entry.by {
                problems.add(.unknownKey, "entry 0 must be recorded by the key it names (\(key.id)), not \(entry.by)")
            }
            return
        }
        guard opening != nil else { return problems.add(.notOpened, "the ledger does not start with ledger.open") }
        guard let record = keys[entry.by] else { return problems.add(.unknownKey, "key \(entry.by) was never added to this ledger") }
        guard record.role == .accountant else { return problems.add(.wrongRole, "key \(entry.by) is an inspector key; only accountants record entries") }
        if !record.isValid(at: entry.seq) {
            problems.add(.retiredKey, "key \(entry.by) was retired at entry \(record.retiredAt!) and cannot record entry \(entry.seq)")
        }
    }

    private mutating func retireKey(_ change: KeyChange, _ entry: Entry, _ problems: inout RuleReport) {
        guard let key = try? NoteVerifierKey(vkey: change.key), var record = keys[key.id], record.retiredAt == nil,
              record.role == change.role
        else { return problems.add(.unknownKey, "there is no \(change.role.rawValue) key \(change.key) in service to retire") }
        if key.id == entry.by { return problems.add(.selfRetire, "a key cannot retire itself; another accountant retires it") }
        let activeAccountants = keys.values.filter { $0.role == .accountant && $0.retiredAt == nil }.count
        if change.role == .accountant && activeAccountants <= 1 {
            return problems.add(.lastAccountant, "the last accountant key cannot be retired")
        }
        record.retiredAt = entry.seq
        keys[key.id] = record
    }

    private mutating func updateHousehold(_ update: HouseholdUpdate, _ problems: inout RuleReport) {
        guard registered.contains(update.household) else {
            return problems.add(.unknownHousehold, "household \(update.household) is not registered")
        }
        guard var record = households[update.household] else { return }  // registered, record not loaded
        var r = record.registration
        if let head = update.head { r.head = head }
        if let members = update.members { r.members = members }
        if let idMasked = update.idMasked { r.idMasked = idMasked }
        if let account = update.account { r.account = account }
        if let poor = update.poor {
            // In effective-date order; among equal dates, in the order recorded (the later wins).
            let at = record.poorHistory.firstIndex { $0.date > update.date } ?? record.poorHistory.endIndex
            record.poorHistory.insert((update.date, poor), at: at)
            // The status now is that of the latest effective date: a backdated update changes the past only.
            r.poor = record.poorHistory.last!.poor
        }
        record.registration = r
        households[update.household] = record
    }

    private func requireHolder(_ holder: String, _ problems: inout RuleReport) {
        if holder != Holder.collective && !registered.contains(holder) {
            problems.add(.unknownHousehold, "household \(holder) is not registered")
        }
    }

    private mutating func applyShares(seq: Int64, _ changes: [(ShareKey, Int64)], _ problems: inout RuleReport) {
        for (key, delta) in changes {
            let balance = (shares[key] ?? 0) + delta
            if balance < 0 {
                problems.add(.negativeShares, "\(key.holder) holds \(shares[key] ?? 0) units of class \(key.shareClass); \(-delta) cannot be taken")
            }
            shares[key] = balance
        }
        seqFlags.markReversible(seq)
        shareEffects[seq] = changes
    }

    private mutating func allocate(_ allocation: DividendAllocation, _ problems: inout RuleReport) {
        // One lookup of the record, mutated in place through its index: this runs for every
        // allocation of a million-household distribution.
        guard let record = distributions.index(forKey: allocation.id) else {
            return problems.add(.undeclaredDistribution, "distribution \(allocation.id) was never declared")
        }
        if !registered.contains(allocation.household) {
            problems.add(.unknownHousehold, "household \(allocation.household) is not registered")
        }
        let key = key(id: allocation.id, household: allocation.household)
        guard owed[key] == nil else {
            return problems.add(.duplicateAllocation, "household \(allocation.household) already has an allocation in distribution \(allocation.id)")
        }
        owed[key] = Owed(owed: allocation.amount.value, paid: 0)
        distributions.values[record].allocatedSoFar += allocation.amount.value
        let allocatedSoFar = distributions.values[record].allocatedSoFar
        let declared = distributions.values[record].declaration.allocated
        if allocatedSoFar > declared.value {
            problems.add(.allocationSum, "allocations of distribution \(allocation.id) reach \(Fen(allocatedSoFar).formatted), more than the declared \(declared.formatted)")
        }
    }

    private mutating func pay(_ payment: DividendPayment, seq: Int64, _ problems: inout RuleReport) {
        guard let record = distributions.index(forKey: payment.id) else {
            return problems.add(.undeclaredDistribution, "distribution \(payment.id) was never declared")
        }
        let key = key(id: payment.id, household: payment.household)
        guard let account = owed[key] else {
            return problems.add(.notAllocated, "household \(payment.household) is owed nothing by distribution \(payment.id)")
        }
        let paid = account.paid + payment.amount.value
        if paid > account.owed {
            problems.add(.overpayment, "household \(payment.household) is owed \(Fen(account.owed - account.paid).formatted) by distribution \(payment.id), not \(payment.amount.formatted)")
        }
        owed[key]?.paid = paid
        distributions.values[record].paid += payment.amount.value
        seqFlags.markReversible(seq)
        paymentEffects.append(PaymentEffect(seq: seq, key: key, amount: payment.amount.value))
    }

    private mutating func reverse(_ reversal: Reversal, seq: Int64, _ problems: inout RuleReport) {
        let target = reversal.target
        guard target < seq else {
            return problems.add(.missingTarget, "entry \(target) does not exist before entry \(seq)")
        }
        guard seqFlags.isReversible(target) else {
            return problems.add(.irreversible, "entry \(target) is of a kind that entry.reverse cannot undo")
        }
        guard !seqFlags.isReversed(target) else {
            return problems.add(.doubleReversal, "entry \(target) was already reversed")
        }
        seqFlags.markReversed(target)
        if let changes = shareEffects[target] {
            applyShares(seq: seq, changes.map { ($0.0, -$0.1) }, &problems)
        } else if let payment = paymentEffect(seq: target) {
            owed[payment.key]?.paid -= payment.amount
            distributions[distributionIDs[payment.key.distribution]]?.paid -= payment.amount
        }
        shareEffects[seq] = nil  // a reversal is itself never reversed
        seqFlags.clear(seq)
    }
}

/// Collects violations for one entry, or nothing when checking is off.
struct RuleReport {
    let seq: Int64
    let enabled: Bool
    private(set) var violations: [RuleViolation] = []

    init(seq: Int64, enabled: Bool) {
        self.seq = seq
        self.enabled = enabled
    }

    mutating func add(_ code: RuleCode, _ detail: String) {
        if enabled { violations.append(RuleViolation(seq: seq, code: code, detail: detail)) }
    }
}
