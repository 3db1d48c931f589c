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
        public func isValid(at seq: Int64) -> Bool { service.isValid(at: seq) }

        var service: KeyService { KeyService(id: key.id, role: role, addedAt: addedAt, retiredAt: retiredAt) }
    }

    /// What the rules need of a key to judge an entry it signed: plain values, kept for the key
    /// of the entry before (entries come in long runs by one key) without copying its record.
    struct KeyService: Sendable {
        let id: KeyID
        let role: KeyRole
        let addedAt: Int64
        let retiredAt: Int64?

        func isValid(at seq: Int64) -> Bool { seq >= addedAt && (retiredAt.map { seq < $0 } ?? true) }
    }

    /// A household as it stands after the entries applied so far.
    public struct HouseholdRecord: Sendable, Equatable {
        public internal(set) var registration: HouseholdRegistration
        /// Registered-poor status changes, oldest first: (effective date, poor).
        public internal(set) var poorHistory: [PovertyStatus.Change]

        /// Registered-poor at `date` (``PovertyStatus``).
        public func isPoor(on date: LedgerDate) -> Bool {
            PovertyStatus.isPoor(on: date, poorHistory)
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
        init(distribution: Int, household: Int) { packed = UInt64(distribution) << 32 | UInt64(household) }
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
        /// The day it was paid: a reversal of it is dated no earlier.
        let date: LedgerDate
    }

    /// How far a distribution's allocations and payments have come: plain numbers, updated by
    /// every allocation and payment without touching the declaration.
    struct DistributionTally: Sendable {
        var isDeclared = false
        var recordDate: LedgerDate?
        /// The days its list is posted for objections, when the declaration records them.
        var posting: PostingPeriod?
        var allocatable: Int64 = 0
        var allocated: Int64 = 0
        var paid: Int64 = 0
        /// The reversal that withdrew the declaration: nothing is owed by it any more.
        var withdrawnBy: Int64?
        /// A cooperative's: Σ of its allocations' returns by transactions, and how many carried one.
        var rebated: Int64 = 0
        var rebateLines: Int = 0
    }

    /// A declared distribution and how far its allocations have come.
    public struct DistributionRecord: Sendable, Equatable {
        public let seq: Int64
        public let declaration: DividendDeclaration
        public internal(set) var allocatedSoFar: Int64 = 0
        public internal(set) var paid: Int64 = 0
        /// The `entry.reverse` that withdrew the declaration, if any: then nothing is owed by it.
        public internal(set) var withdrawnBy: Int64?
    }


    /// The `ledger.open` entry, once applied.
    public private(set) var opening: LedgerOpen?
    public private(set) var keys: [KeyID: KeyRecord] = [:] {
        didSet { lastSigner = nil }
    }
    /// The key that signed the entry before.
    private var lastSigner: KeyService?
    /// Whether `opening` is set, without copying it out to know.
    private var isOpened = false
    public internal(set) var households: [String: HouseholdRecord] = [:]
    /// Every holding with its units now and the date of its latest change.
    var holdings: [ShareKey: Holding] = [:]
    /// Every class a holding was ever of.
    var shareClassesHeld: Set<String> = []
    /// Every share change, each linked to the one before it of its holding: read back only for a
    /// change dated before another of the same holding (``ShareChange``).
    var shareChanges = ChunkedArray<ShareChange>()
    /// By holding, for the few holdings with a change dated before another: one total per day.
    var holdingDays: [[DayTotal]] = []
    var owed = AllocationTable()
    /// Share changes a reversal may undo, by seq (few: issues, transfers, retirements), with
    /// the date they took effect.
    var shareEffects: [Int64: (date: LedgerDate, changes: [(ShareKey, Int64)])] = [:]
    /// The share entries that change what the collective holds (集体股), in order: a split by
    /// shares counts them at its record date (``collectiveUnits(_:)``).
    var collectiveShareSeqs: [Int64] = []
    /// Income recorded and not yet distributed, in fen: income − expenses − what each
    /// declaration takes (its distributable amount less its residual).
    public internal(set) var undistributedIncome: Int64 = 0
    /// What each income or expense record and each declaration added to ``undistributedIncome``,
    /// by seq (few), for a reversal to take back.
    var incomeEffects: [Int64: Int64] = [:]
    /// Each income (positive) and expense (negative) record by the day it names (few: a handful
    /// a year), for what a cooperative earned after its last Art. 44 distribution.
    var datedIncome: [(seq: Int64, date: LedgerDate, fen: Int64)] = []
    /// The entries a reversal may undo other than payments and share entries, by seq (few:
    /// receipts, investments, income and expense records, declarations): what each is to the
    /// date of a reversal of it.
    var undoneDays: [Int64: Reversal.Undone] = [:]
    /// Whether the ledger keeps the collective's income: it has recorded some income or expense.
    public internal(set) var keepsIncome = false
    /// Payments a reversal may undo, in seq order (many: kept compact, found by binary search).
    var paymentEffects = ChunkedArray<PaymentEffect>()
    /// One byte per seq: whether the entry may be reversed, and whether it was.
    var seqFlags = SeqFlags()
    /// The reversal of each reversed entry, by the entry's seq (few): named when it is reversed again.
    var reversedBy: [Int64: Int64] = [:]
    /// Every household named so far, interned: its index in `householdRegistered` and in `owed`.
    /// An allocation or payment costs one look-up of its household, not one per table.
    var householdNumbers = StringInterner()
    /// By interned household: registered (replayed, or named by ``assumeRegistered(_:)``).
    var householdRegistered: [Bool] = []
    /// By interned household: the effective date of its registration, when known (a state that
    /// assumed a household registered without its date checks no date against it).
    var householdSince: [LedgerDate?] = []
    /// By interned household: how many share entries name it and are not reversed
    /// (``countShareEntry(_:by:)``): a withdrawal of its registration asks for none.
    var shareEntriesStanding: [Int32] = []
    /// Every registration applied, in seq order: what a reversal of one withdraws.
    var registrations = ChunkedArray<Registration>()
    var registrationsBeyond: [Int64: Int] = [:]
    /// By interned household, the households withdrawn and the reversal of each (few).
    var withdrawnBy: [Int: Int64] = [:]
    /// The latest record date of a distribution declared so far, and its id: holdings and
    /// eligibility up to that day were the basis of a declared distribution.
    var settledThrough: (date: LedgerDate, id: String)?
    /// By share class, the latest record date a standing distribution counting it settled.
    var settledClasses = SettledClasses()
    /// Every distribution id named so far, interned; by the same index, its declaration (nil while
    /// it is named but not declared) and its running totals.
    var distributionIndex: [String: UInt32] = [:]
    var distributionIDs: [String] = []
    var declarations: [(seq: Int64, declaration: DividendDeclaration)?] = []
    var tallies: [DistributionTally] = []
    /// The allocations of the distribution declared last, while they come (``SplitBuffer``).
    var openSplit: SplitBuffer?
    /// How the distributions judged so far were divided (``divisions``).
    var divided: [String: DistributionDivision] = [:]
    /// The cooperatives' declarations (interned distributions), in the order declared.
    var cooperativeDeclarations: [Int] = []
    /// The distribution whose allocations may come now: the one just declared, until another entry.
    var allocating: Int?
    /// The number of entries applied.
    public private(set) var count: Int64 = 0

    /// By interned household: its registered-poor status as registered and updated, in the
    /// order recorded (kept only for households ever registered-poor, and only when
    /// ``replaysEverything``): who a guaranteed minimum was owed to at a record date.
    var povertyHistory: [Int: PovertyRecord] = [:]

    /// Only when ``replaysEverything``: every registration and update of members or status, and
    /// every share entry's changes to households, in the order recorded: the holdings, members
    /// and status at a record date that each allocation's units are held to (`allocation-units`).
    var householdFacts: [HouseholdFact] = []
    var shareRows: [ShareRow] = []
    /// The share classes named so far, interned for ``shareRows``.
    var shareClassNames: [String] = []
    var shareClassIndex: [String: Int32] = [:]
    /// By interned household, what reads its standing at a record date without replaying it.
    var standings = StandingIndex()
    /// Facts and rows read back for record dates so far: bounded (``recordDateWorkMax``), so
    /// that a forged ledger of endless declarations cannot keep a verifier busy for hours.
    var recordDateWork = 0
    /// What the rules could not judge, though nothing is wrong (a verifier's report says so):
    /// a cooperative's transactions that came from a volumes file.
    public internal(set) var notJudged: [RuleViolation] = []

    /// A household's registered-poor status changes, in the order recorded.
    struct PovertyRecord: Sendable {
        let household: String
        var changes: [PovertyStatus.Change] = []
    }

    /// Whether `households` keeps each household's record; the rules need only which are registered.
    public let keepsHouseholdRecords: Bool
    /// True for a state that applies every entry from entry 0 (a verifier): only it knows every
    /// household's registered-poor status, and so splits a distribution with a guaranteed minimum
    /// again too. A store's state for one command holds only the entries the command touches.
    public let replaysEverything: Bool

    /// An empty state. A verifier passes `keepingHouseholdRecords: false`: the rules need only
    /// which households are registered, and a league's records would cost it tens of megabytes;
    /// and `replayingEverything: true`.
    public init(keepingHouseholdRecords: Bool = true, replayingEverything: Bool = false) {
        keepsHouseholdRecords = keepingHouseholdRecords
        replaysEverything = replayingEverything
    }

    /// The declared distributions by id, with how far their allocations and payments have come.
    public var distributions: [String: DistributionRecord] {
        var byID = [String: DistributionRecord](minimumCapacity: distributionIDs.count)
        for d in distributionIDs.indices { byID[distributionIDs[d]] = record(d) }
        return byID
    }

    /// The record of interned distribution `d`, if declared.
    private func record(_ d: Int) -> DistributionRecord? {
        declarations[d].map {
            DistributionRecord(seq: $0.seq, declaration: $0.declaration, allocatedSoFar: tallies[d].allocated, paid: tallies[d].paid,
                               withdrawnBy: tallies[d].withdrawnBy)
        }
    }

    /// What `household` is owed and has been paid by distribution `id`, if it was allocated.
    public func allocation(id: String, household: String) -> (owed: Fen, paid: Fen)? {
        guard let d = distributionIndex[id], let h = householdNumbers.number(of: household) else { return nil }
        return owed[AllocationKey(distribution: Int(d), household: h)].map { (Fen($0.owed), Fen($0.paid)) }
    }

    /// True when entry `seq` has been reversed.
    public func isReversed(_ seq: Int64) -> Bool { seqFlags.isReversed(seq) }

    /// The interned index of `household`, interning it when new.
    mutating func intern(household: String) -> Int {
        let h = householdNumbers.intern(household)
        if h == householdRegistered.count {
            householdRegistered.append(false)
            householdSince.append(nil)
            shareEntriesStanding.append(0)
        }
        return h
    }

    /// The interned index of distribution `id`, interning it when new.
    private mutating func intern(distribution id: String) -> Int {
        // Allocations and payments come in long runs of one distribution.
        if let last = distributionIDs.last, last == id { return distributionIDs.count - 1 }
        if let d = distributionIndex[id] { return Int(d) }
        distributionIndex[id] = UInt32(distributionIDs.count)
        distributionIDs.append(id)
        declarations.append(nil)
        tallies.append(DistributionTally())
        return distributionIDs.count - 1
    }

    /// The units `holder` has of `shareClass` now.
    public func units(of holder: String, shareClass: String) -> Int64 {
        holdings[ShareKey(holder: holder, shareClass: shareClass)]?.units ?? 0
    }

    /// Each holder's units now, by class in class order (a class it held and holds no more, as 0):
    /// one pass over the holdings (a listing that filtered them for each of 50,000 households took 52 s).
    public func sharesByHolder() -> [String: [(shareClass: String, units: Int64)]] {
        var byHolder = [String: [(shareClass: String, units: Int64)]]()
        for (key, holding) in holdings { byHolder[key.holder, default: []].append((key.shareClass, holding.units)) }
        return byHolder.mapValues { $0.sorted { $0.shareClass < $1.shareClass } }
    }

    /// Applies `entry`, returning the rules it breaks (empty when it is valid). With
    /// `check: false` the entry is applied as trusted history and nothing is reported.
    @discardableResult
    public mutating func apply(_ entry: Entry, check: Bool = true) -> [RuleViolation] {
        var problems = RuleReport(seq: entry.seq, enabled: check)
        defer { count += 1 }
        if openSplit != nil || allocating != nil { closeSplit(before: entry, &problems) }
        checkSigner(entry, &problems)
        switch entry.payload {
        case .ledgerOpen(let open):
            if opening != nil || entry.seq != 0 { problems.add(.reopened, "only entry 0 may open the ledger") }
            if opening == nil, let key = try? NoteVerifierKey(vkey: open.key) {
                opening = open
                isOpened = true
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
            let h = intern(household: registration.household)
            if replaysEverything { keepFact(registration, h: h) }
            if householdRegistered[h] {
                problems.add(.duplicateHousehold, "household \(registration.household) is already registered")
            } else {
                // Registered as of a day a distribution by households or members already counted
                // would change whom it divided among (one by shares: its holdings, judged as such).
                requireUnsettledRegistration(registration.date, poor: registration.poor, &problems)
                if replaysEverything && registration.poor {
                    povertyHistory[h, default: PovertyRecord(household: registration.household)].changes.append((registration.date, true))
                }
                householdRegistered[h] = true
                householdSince[h] = registration.date
                withdrawnBy[h] = nil
                keepRegistration(seq: entry.seq, h: h)
                if keepsHouseholdRecords {
                    households[registration.household] = HouseholdRecord(
                        registration: registration, poorHistory: [(registration.date, registration.poor)])
                }
            }
        case .householdUpdate(let update):
            requireRegistered(update.household, by: update.date, &problems)
            if replaysEverything { keepFact(update) }
            // Registered-poor status is what a distribution counted, and the head and ID number what
            // its posting showed; members, what one by members counted (a birth registered late,
            // dated before a distribution by shares, had been refused as altering it); an account
            // for payments to come is none of these.
            if update.poor != nil || update.head != nil || update.idMasked != nil {
                requireUnsettled(update.date, &problems)
            } else if update.members != nil {
                requireUnsettledMembers(update.date, &problems)
            }
            updateHousehold(update, &problems)
            if replaysEverything, let poor = update.poor, let h = householdNumbers.number(of: update.household), householdRegistered[h] {
                povertyHistory[h, default: PovertyRecord(household: update.household)].changes.append((update.date, poor))
            }
        case .sharesIssue(let change):
            requireHolder(change.holder, &problems)
            requireRegistered(change.holder, by: change.date, &problems)
            requireUnsettled(change.date, classes: [change.shareClass], &problems)
            recordShares(seq: entry.seq, date: change.date, [(ShareKey(holder: change.holder, shareClass: change.shareClass), change.units)], &problems)
        case .sharesRetire(let change):
            requireHolder(change.holder, &problems)
            requireRegistered(change.holder, by: change.date, &problems)
            requireUnsettled(change.date, classes: [change.shareClass], &problems)
            recordShares(seq: entry.seq, date: change.date, [(ShareKey(holder: change.holder, shareClass: change.shareClass), -change.units)], &problems)
        case .sharesTransfer(let transfer):
            requireHolder(transfer.from, &problems)
            requireHolder(transfer.to, &problems)
            requireRegistered(transfer.from, by: transfer.date, &problems)
            requireRegistered(transfer.to, by: transfer.date, &problems)
            requireUnsettled(transfer.date, classes: [transfer.shareClass], &problems)
            recordShares(seq: entry.seq, date: transfer.date, [
                (ShareKey(holder: transfer.from, shareClass: transfer.shareClass), -transfer.units),
                (ShareKey(holder: transfer.to, shareClass: transfer.shareClass), transfer.units),
            ], transfer: true, &problems)
        case .fundReceive, .investmentMake:
            markReversible(entry)
        case .incomeRecord(let record):
            markReversible(entry)
            addIncome(record.amount.value, seq: entry.seq)
            datedIncome.append((entry.seq, record.date, record.amount.value))
        case .expenseRecord(let record):
            markReversible(entry)
            addIncome(-record.amount.value, seq: entry.seq)
            datedIncome.append((entry.seq, record.date, -record.amount.value))
        case .dividendDeclare(let declaration):
            let d = intern(distribution: declaration.id)
            if let withdrawal = tallies[d].withdrawnBy {
                problems.add(.duplicateDistribution, "distribution \(declaration.id) was already declared, and withdrawn by entry \(withdrawal); declare the correction under a new id")
            } else if tallies[d].isDeclared {
                problems.add(.duplicateDistribution, "distribution \(declaration.id) was already declared")
            } else {
                markReversible(entry)
                declarations[d] = (entry.seq, declaration)
                tallies[d].isDeclared = true
                tallies[d].allocatable = declaration.allocated.value
                tallies[d].recordDate = declaration.recordDate
                tallies[d].posting = declaration.posting
                if settledThrough.map({ declaration.recordDate > $0.date }) ?? true {
                    settledThrough = (declaration.recordDate, declaration.id)
                }
                settledClasses.add(declaration, cooperative: isCooperative)
                if declaration.rule["basis"] == .string("cooperative") {
                    checkRebate(declaration, &problems)
                    requireCooperativeOrder(declaration, &problems)
                    cooperativeDeclarations.append(d)
                } else if let why = passesOverArticle44(declaration) {
                    problems.add(.cooperativeRebate, why)
                }
                takeIncome(for: declaration, seq: entry.seq, &problems)
                openSplit(declaration, distribution: d, seq: entry.seq, &problems)
            }
        case .dividendAllocate(let allocation):
            allocate(allocation, seq: entry.seq, &problems)
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
        distributionIDs.indices.compactMap { d in record(d).map { (d, $0) } }.sorted { $0.1.seq < $1.1.seq }.flatMap { d, record -> [RuleViolation] in
            if let ids, !ids.contains(record.declaration.id) { return [] }
            var found = [RuleViolation]()
            if record.allocatedSoFar != record.declaration.allocated.value {
                found.append(RuleViolation(
                    seq: record.seq, code: .allocationSum,
                    detail: "the allocations of distribution \(record.declaration.id) add up to \(Fen(record.allocatedSoFar).formatted), the declaration says \(record.declaration.allocated.formatted)"))
            }
            // Returns by transactions, once recorded, are recorded whole (older ledgers record none).
            if tallies[d].rebateLines > 0, let total = record.declaration.rule["rebate"]?.integerValue, tallies[d].rebated != total {
                found.append(RuleViolation(
                    seq: record.seq, code: .cooperativeRebate,
                    detail: "the allocations of distribution \(record.declaration.id) return \(Fen(tallies[d].rebated).formatted) by transactions, the declaration says \(Fen(total).formatted)"))
            }
            return found
        } + (openSplit.map { Self.splitViolations($0) + missingMinimums($0) + unitViolations($0) } ?? [])
    }

    private mutating func checkSigner(_ entry: Entry, _ problems: inout RuleReport) {
        if case .ledgerOpen(let open) = entry.payload {
            if let key = try? NoteVerifierKey(vkey: open.key), key.id != entry.by {
                problems.add(.unknownKey, "entry 0 must be recorded by the key it names (\(key.id)), not \(entry.by)")
            }
            return
        }
        guard isOpened else { return problems.add(.notOpened, "the ledger does not start with ledger.open") }
        let record: KeyService
        if let last = lastSigner, last.id == entry.by {
            record = last
        } else {
            guard let found = keys[entry.by] else { return problems.add(.unknownKey, "key \(entry.by) was never added to this ledger") }
            record = found.service
            lastSigner = record
        }
        guard record.role == .accountant else { return problems.add(.wrongRole, "key \(entry.by) is an inspector key; only accountants record entries") }
        if entry.seq < record.addedAt {
            // A body whose seq comes before its key was added (a forged or reordered copy).
            problems.add(.unknownKey, "key \(entry.by) was added only at entry \(record.addedAt) and cannot record entry \(entry.seq)")
        } else if let retiredAt = record.retiredAt, entry.seq >= retiredAt {
            problems.add(.retiredKey, "key \(entry.by) was retired at entry \(retiredAt) and cannot record entry \(entry.seq)")
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

    private func requireHolder(_ holder: String, _ problems: inout RuleReport) {
        if holder != Holder.collective && !isRegistered(holder) {
            problems.add(.unknownHousehold, notRegistered(holder))
        }
    }

    private mutating func allocate(_ allocation: DividendAllocation, seq: Int64, _ problems: inout RuleReport) {
        // One lookup of the record, mutated in place through its index: this runs for every
        // allocation of a million-household distribution.
        let d = intern(distribution: allocation.id)
        guard tallies[d].isDeclared else {
            return problems.add(.undeclaredDistribution, "distribution \(allocation.id) was never declared")
        }
        if let withdrawal = tallies[d].withdrawnBy {
            return problems.add(.undeclaredDistribution, "distribution \(allocation.id) was withdrawn by entry \(withdrawal)")
        }
        let h = intern(household: allocation.household)
        if !householdRegistered[h] {
            problems.add(.unknownHousehold, notRegistered(allocation.household))
        }
        let key = AllocationKey(distribution: d, household: h)
        guard owed[key] == nil else {
            return problems.add(.duplicateAllocation, "household \(allocation.household) already has an allocation in distribution \(allocation.id)")
        }
        owed[key] = Owed(owed: allocation.amount.value, paid: 0)
        gatherSplit(allocation, distribution: d, household: h, seq: seq, &problems)
        if let rebate = allocation.rebate { rebateLine(rebate, allocation, d, &problems) }
        tallies[d].allocated = Self.sum(tallies[d].allocated, allocation.amount.value)
        let allocated = tallies[d].allocated, allocatable = tallies[d].allocatable
        if allocated > allocatable {
            problems.add(.allocationSum, "allocations of distribution \(allocation.id) reach \(Fen(allocated).formatted), more than the declared \(Fen(allocatable).formatted)")
        }
    }

    private mutating func pay(_ payment: DividendPayment, seq: Int64, _ problems: inout RuleReport) {
        let d = intern(distribution: payment.id)
        guard tallies[d].isDeclared else {
            return problems.add(.undeclaredDistribution, "distribution \(payment.id) was never declared")
        }
        if let withdrawal = tallies[d].withdrawnBy {
            return problems.add(.undeclaredDistribution, "distribution \(payment.id) was withdrawn by entry \(withdrawal); nothing is owed by it")
        }
        // Nothing is paid while the villagers may still object to the list (公示), which is posted
        // after the record date: said alone, it says the payment is early.
        if let posting = tallies[d].posting, payment.date <= posting.end {
            problems.add(.paidDuringPosting, "distribution \(payment.id) is posted for objections (公示) from \(posting.start) to \(posting.end); "
                         + "a payment dated \(payment.date) falls on or before the posting's last day (pay it, and date it, after \(posting.end))")
        } else if let recordDate = tallies[d].recordDate, payment.date < recordDate {
            // Who is owed is settled at the record date: a payment dated before it is a wrong date.
            problems.add(.paidBeforeRecordDate, "a payment dated \(payment.date) comes before distribution \(payment.id)'s record date \(recordDate)")
        }
        let key = AllocationKey(distribution: d, household: intern(household: payment.household))
        guard let account = owed[key] else {
            guard isRegistered(payment.household) else {
                return problems.add(.unknownHousehold, notRegistered(payment.household))
            }
            return problems.add(.notAllocated, "household \(payment.household) is owed nothing by distribution \(payment.id)")
        }
        let paid = Self.sum(account.paid, payment.amount.value)
        if paid > account.owed {
            if account.paid >= account.owed {
                problems.add(.overpayment, "household \(payment.household) has been paid all it is owed by distribution \(payment.id) (\(Fen(account.owed).formatted)); \(payment.amount.formatted) more is an overpayment")
            } else {
                problems.add(.overpayment, "household \(payment.household) is owed \(Fen(account.owed - account.paid).formatted) by distribution \(payment.id), not \(payment.amount.formatted)")
            }
        }
        owed[key]?.paid = paid
        tallies[d].paid = Self.sum(tallies[d].paid, payment.amount.value)
        seqFlags.markReversible(seq)
        paymentEffects.append(PaymentEffect(seq: seq, key: key, amount: payment.amount.value, date: payment.date))
    }

    /// A running total of amounts (each at most ``Fen/max``), held at `Int64.max` rather than
    /// overflowing: a forged ledger may repeat an allocation or payment ten thousand times. Past
    /// what it may reach, a total is already reported (`allocation-sum`, `overpayment`).
    static func sum(_ total: Int64, _ amount: Int64) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        return overflow ? .max : sum
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

    /// A violation found now of an earlier entry (its own seq).
    mutating func add(_ violation: RuleViolation) {
        if enabled { violations.append(violation) }
    }
}
