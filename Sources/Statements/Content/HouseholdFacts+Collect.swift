import LedgerCore

extension HouseholdFacts {
    /// True for an entry that ``collect(from:)`` may file under `household`, or that it needs to
    /// file others: the opening, the household's own entries, every declaration and reversal,
    /// and the keys. A check of one household's statement keeps only these while it reads a ledger.
    public static func mayConcern(_ entry: Entry, household: String) -> Bool {
        switch entry.payload {
        case .ledgerOpen, .keyAdd, .keyRetire, .dividendDeclare, .entryReverse: true
        case .householdRegister(let r): r.household == household
        case .householdUpdate(let u): u.household == household
        case .sharesIssue(let c), .sharesRetire(let c): c.holder == household
        case .sharesTransfer(let t): t.from == household || t.to == household
        case .dividendAllocate(let a): a.household == household
        case .dividendPay(let p): p.household == household
        default: false
        }
    }

    /// The facts of every household, from all the ledger's entries in one pass: each household gets
    /// the entries naming it, the declarations of the distributions that allocated to or paid it
    /// or passed over its 扶贫股, and the reversals of its entries and of those declarations. Households are listed in order
    /// of registration, one withdrawn among them (``HouseholdFacts/withdrawal(before:)``).
    ///
    /// How the distributions were divided is the rules' judgement of `entries`, replayed here;
    /// a caller that keeps only some entries (``mayConcern(_:household:)``) gives the whole
    /// ledger's `divisions`.
    ///
    /// Returns nil when the entries do not start with `ledger.open`.
    public static func collect(from entries: [RecordedEntry], divisions given: [String: DistributionDivision]? = nil)
        -> (households: [String], facts: [String: HouseholdFacts])? {
        guard let first = entries.first, case .ledgerOpen(let opening) = first.entry.payload else { return nil }
        let divisions = given ?? Self.divisions(of: entries.lazy.map(\.entry))
        var order = [String]()
        var byHousehold = [String: [RecordedEntry]]()
        var distributionsOf = [String: Set<String>]()
        var declarations = [String: RecordedEntry]()
        var ownerOf = [Int64: [String]]()
        var withdrawals = [Int64: [RecordedEntry]]()  // every reversal, by target: a declaration's is its withdrawal
        func add(_ household: String, _ record: RecordedEntry) {
            byHousehold[household, default: []].append(record)
            ownerOf[record.seq, default: []].append(household)
        }
        for record in entries {
            switch record.entry.payload {
            case .householdRegister(let r):
                if byHousehold[r.household] == nil { order.append(r.household) }
                add(r.household, record)
            case .householdUpdate(let u): add(u.household, record)
            case .sharesIssue(let c), .sharesRetire(let c): if c.holder != Holder.collective { add(c.holder, record) }
            case .sharesTransfer(let t):
                if t.from != Holder.collective { add(t.from, record) }
                if t.to != Holder.collective { add(t.to, record) }
            // The first declaration of an id is the one (the rules refuse a second): a later one,
            // beyond the checkpoint or forged, never stands in its place.
            case .dividendDeclare(let d): if declarations[d.id] == nil { declarations[d.id] = record }
            case .dividendAllocate(let a):
                add(a.household, record)
                // Its declaration's reversal (a withdrawal) goes on this household's statement too.
                if let declared = declarations[a.id] { ownerOf[declared.seq, default: []].append(a.household) }
                distributionsOf[a.household, default: []].insert(a.id)
            case .dividendPay(let p):
                add(p.household, record)
                distributionsOf[p.household, default: []].insert(p.id)
            case .entryReverse(let r):
                for household in ownerOf[r.target] ?? [] { byHousehold[household, default: []].append(record) }
                withdrawals[r.target, default: []].append(record)
            default: break
            }
        }
        let allDeclarations = Array(declarations.values)
        var facts = [String: HouseholdFacts]()
        for household in order {
            var own = byHousehold[household] ?? []
            // Those that passed over its 扶贫股, with their withdrawals, before its own are added.
            let passing = passingOverPovertyShares(household, own: own, declarations: allDeclarations)
            own += passing + passing.flatMap { withdrawals[$0.seq] ?? [] }
            own += (distributionsOf[household] ?? []).compactMap { declarations[$0] }
            own.sort { $0.seq < $1.seq }
            facts[household] = HouseholdFacts(opening: opening, household: household, entries: own, divisions: divisions)
        }
        return (order, facts)
    }

    /// How the distributions of `entries` (every entry of a ledger, in order) were divided.
    public static func divisions(of entries: some Sequence<Entry>) -> [String: DistributionDivision] {
        var state = LedgerState.judgingDivisions
        for entry in entries { _ = state.apply(entry) }
        return state.divisions
    }
}
