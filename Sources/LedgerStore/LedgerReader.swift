import Foundation
import GRDB
import LedgerCore
import MerkleLog

/// Read access to a ledger inside one transaction: a consistent view of entries, tree nodes and
/// checkpoints. Obtain one with ``LedgerStore/withReader(_:)`` or inside ``LedgerStore/append``.
public struct LedgerReader {
    let db: Database
    let path: String

    /// The number of entries.
    public func size() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq) + 1, 0) FROM entry") ?? 0
    }

    /// The stored hash of entry `seq`.
    public func entryHash(seq: Int64) throws -> EntryHash {
        let statement = try db.cachedStatement(sql: "SELECT hash FROM entry WHERE seq = ?")
        guard let data = try Data.fetchOne(statement, arguments: [seq]), let hash = EntryHash(bytes: data) else {
            throw StoreError.notALedger(path: path, reason: "entry \(seq) is missing or has a malformed hash")
        }
        return hash
    }

    /// The complete-subtree hashes, for roots and proofs.
    public var subtreeReader: SQLiteSubtreeReader { SQLiteSubtreeReader(db: db, path: path) }

    /// The entry `seq`, decoded.
    public func entry(seq: Int64) throws -> Entry? {
        try entries(sql: "SELECT seq, body, hash FROM entry WHERE seq = ?", arguments: [seq]).first
    }

    /// Every entry in order (a village ledger; readers of a large one use ``forEachEntry(_:)``).
    public func allEntries() throws -> [Entry] {
        try entries(sql: Self.everyEntry, arguments: [])
    }

    /// Every entry in order, one at a time, each held to its stored hash and place as
    /// ``allEntries()`` holds them: a command that prints or replays a whole ledger keeps none
    /// (a million entries held at once took 360 MB).
    public func forEachEntry(_ body: (Entry) throws -> Void) throws {
        try forEachHashedEntry(sql: Self.everyEntry, arguments: []) { entry, _ in try body(entry) }
    }

    private static let everyEntry = "SELECT seq, body, hash FROM entry ORDER BY seq"

    /// The entries that name `household`, in order.
    public func entries(household: String) throws -> [Entry] {
        try entries(sql: "SELECT seq, body, hash FROM entry WHERE household = ? OR counterpart = ? ORDER BY seq",
                    arguments: [household, household])
    }

    /// The entry that already records what `payload` would record — a share issue of the same
    /// holder, class, quantity, date and reason, a payment of the same distribution, household,
    /// voucher, amount and date (``ImportBatch/repeatKey(_:)``) — and that no reversal took back;
    /// nil when none does, or for a payload of another kind.
    public func standingRecord(like payload: EntryPayload) throws -> Entry? {
        let household: String
        switch payload {
        case .sharesIssue(let issue): household = issue.holder
        case .dividendPay(let payment): household = payment.household
        default: return nil
        }
        guard let key = ImportBatch.repeatKey(payload) else { return nil }
        let same = try entries(household: household).filter { ImportBatch.repeatKey($0.payload) == key }
        guard !same.isEmpty else { return nil }
        let reversed = Set(try entries(kind: .entryReverse).compactMap { entry -> Int64? in
            if case .entryReverse(let r) = entry.payload { r.target } else { nil }
        })
        return same.first { !reversed.contains($0.seq) }
    }

    /// The household numbers registered, as their bodies name them (a registration withdrawn, by
    /// a reversal of it, registers none).
    public func registeredHouseholds() throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT DISTINCT household FROM entry WHERE +kind = 'household.register' AND household IS NOT NULL
            AND seq NOT IN (SELECT target FROM entry WHERE kind IN \(Schema.rareKindList) AND kind = 'entry.reverse' AND target IS NOT NULL)
            ORDER BY household
            """)
    }

    /// The registration of `household` and its updates, in order: what it is registered as on
    /// any day. Read through the household index without the entries of its dividends. A
    /// household registered again after a withdrawal starts afresh: from its latest registration.
    public func registration(household: String) throws -> [Entry] {
        let all = try entries(sql: """
            SELECT seq, body, hash FROM entry WHERE household = ? AND distribution IS NULL
            AND +kind IN ('household.register', 'household.update') ORDER BY seq
            """, arguments: [household])
        guard let latest = all.lastIndex(where: { $0.kind == .householdRegister }) else { return all }
        return Array(all[latest...])
    }

    /// The entries that name `household` and the reversals of any of them, or of a declaration
    /// that allocated to it (its withdrawal), in order: its history as `log --household` shows
    /// it (a reversal names only the entry it undoes).
    public func history(household: String) throws -> [Entry] {
        let own = try entries(household: household)
        let allocatedBy = Set(own.compactMap { entry -> String? in
            if case .dividendAllocate(let a) = entry.payload { a.id } else { nil }
        })
        let declarations = allocatedBy.isEmpty ? [] : try entries(kind: .dividendDeclare).filter { entry in
            if case .dividendDeclare(let d) = entry.payload { allocatedBy.contains(d.id) } else { false }
        }
        let seqs = Set(own.map(\.seq) + declarations.map(\.seq))
        let reversals = try entries(kind: .entryReverse).filter { entry in
            if case .entryReverse(let r) = entry.payload { seqs.contains(r.target) } else { false }
        }
        return (own + reversals).sorted { $0.seq < $1.seq }
    }

    /// The share classes ever issued in the ledger.
    public func shareClasses() throws -> Set<String> {
        Set(try entries(kind: .sharesIssue).compactMap { entry in
            if case .sharesIssue(let change) = entry.payload { change.shareClass } else { nil }
        })
    }

    /// The entries of kind `kind`, in order.
    public func entries(kind: EntryKind) throws -> [Entry] {
        try entries(sql: "SELECT seq, body, hash FROM entry WHERE \(Schema.kindCondition(kind)) ORDER BY seq", arguments: [kind.rawValue])
    }

    /// The entries of distribution `id`, in order.
    public func entries(distribution id: String) throws -> [Entry] {
        try entries(sql: "SELECT seq, body, hash FROM entry WHERE distribution = ? ORDER BY seq", arguments: [id])
    }

    /// Calls `body` with each entry's seq and exact body bytes, in seq order, without decoding:
    /// the hot loop of exports and of the verify floor.
    public func forEachBody(_ body: (Int64, UnsafeRawBufferPointer) throws -> Void) throws {
        let rows = RawRows(try db.makeStatement(sql: "SELECT seq, body FROM entry ORDER BY seq"))
        while try rows.step() {
            try body(rows.integer(0) ?? -1, rows.bytes(1))
        }
    }

    /// Every body in seq order, each held to its stored hash and to its place (seq 0, 1, 2 …):
    /// what a command passes on (a bundle) is never an entry changed outside fenhong.
    public func forEachCheckedBody(_ body: (Int64, UnsafeRawBufferPointer) throws -> Void) throws {
        let rows = RawRows(try db.makeStatement(sql: "SELECT seq, body, hash FROM entry ORDER BY seq"))
        var expected: Int64 = 0
        while try rows.step() {
            let seq = rows.integer(0) ?? -1, bytes = rows.bytes(1), stored = rows.bytes(2)
            guard seq == expected, stored.count == 32, Entry.hash(body: Array(bytes)).bytes.elementsEqual(stored) else {
                throw StoreError.changedOutside(path: path, seq: max(seq, expected))
            }
            try body(seq, bytes)
            expected += 1
        }
    }

    /// The entries `sql` selects (`seq, body, hash`), decoded.
    func entries(sql: String, arguments: StatementArguments) throws -> [Entry] {
        // Gathered as they come: entries with their hashes, then mapped, had held both arrays at once.
        var out = [Entry]()
        try forEachHashedEntry(sql: sql, arguments: arguments) { entry, _ in out.append(entry) }
        return out
    }

    /// The entries `sql` selects (`seq, body, hash`), each decoded and held to its stored hash and
    /// seq: a command never builds on, nor prints, an entry changed outside fenhong (the sqlite3
    /// shell with the triggers dropped). It judges only what it reads; `fenhong verify` judges all.
    func hashedEntries(sql: String, arguments: StatementArguments) throws -> [HashedEntry] {
        var out = [HashedEntry]()
        try forEachHashedEntry(sql: sql, arguments: arguments) { out.append(($0, $1)) }
        return out
    }

    /// As ``hashedEntries(sql:arguments:)``, one entry at a time: a command that reads the whole
    /// ledger keeps only what it needs.
    ///
    /// Rows are read here and decoded and hashed on the other core a batch ahead (a million
    /// entries read for a statement's rates took 2.4 s on one), handed to `body` in order; what is
    /// wrong with a row is thrown at its place, after the rows before it.
    func forEachHashedEntry(sql: String, arguments: StatementArguments, _ body: (Entry, EntryHash) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        let path = self.path
        var batch = [StoredRow]()
        var inFlight: Ahead<[Result<HashedEntry, StoreError>]>?
        do {
            while let row = try cursor.next() {
                let stored = try Self.stored(row, path: path)
                batch.append(stored)
                if case .unreadable = stored { break }
                guard batch.count == Self.decodeBatch else { continue }
                // The next batch is in flight before the one before it is handed over: should that
                // throw, the one waited for below is the one still running, never one claimed.
                let previous = inFlight
                inFlight = Ahead { [batch] in Self.decoded(batch, path: path) }
                batch = []
                if let previous { try Self.deliver(previous.wait(), to: body) }
            }
            if let previous = inFlight {
                inFlight = nil
                try Self.deliver(previous.wait(), to: body)
            }
            try Self.deliver(Self.decoded(batch, path: path), to: body)
        } catch {
            _ = inFlight?.wait()  // no thread left hashing in OpenSSL when the caller exits on the error
            throw error
        }
    }

    /// Rows decoded on the other core together.
    private static let decodeBatch = 1024

    /// One row as read: its seq, body and stored hash, or why it cannot be read.
    private enum StoredRow: Sendable {
        case row(seq: Int64, body: [UInt8], hash: EntryHash)
        case unreadable(StoreError)
    }

    private static func stored(_ row: Row, path: String) throws -> StoredRow {
        guard let seq = integer(row, 0) else {
            return .unreadable(.notALedger(path: path, reason: "an entry's seq is not an integer (run fenhong verify)"))
        }
        let bytes = try row.withUnsafeData(atIndex: 1) { data in data.map { [UInt8]($0) } ?? [] }
        guard case .blob(let hashData) = (row[2] as DatabaseValue).storage, let hash = EntryHash(bytes: hashData) else {
            return .unreadable(.notALedger(path: path, reason: "entry \(seq) has a malformed hash (run fenhong verify)"))
        }
        return .row(seq: seq, body: bytes, hash: hash)
    }

    /// Each row decoded and held to its stored hash and seq.
    private static func decoded(_ rows: [StoredRow], path: String) -> [Result<HashedEntry, StoreError>] {
        rows.map { stored in
            guard case .row(let seq, let bytes, let hash) = stored else {
                if case .unreadable(let error) = stored { return .failure(error) }
                preconditionFailure("a row is read or unreadable")
            }
            let entry: Entry
            do {
                entry = try Entry.decode(body: bytes)
            } catch {
                return .failure(.notALedger(path: path, reason: "entry \(seq) cannot be read: \(error) (run fenhong verify)"))
            }
            guard Entry.hash(body: bytes) == hash, entry.seq == seq else { return .failure(.changedOutside(path: path, seq: seq)) }
            return .success((entry, hash))
        }
    }

    private static func deliver(_ decoded: [Result<HashedEntry, StoreError>], to body: (Entry, EntryHash) throws -> Void) throws {
        for item in decoded {
            let (entry, hash) = try item.get()
            try body(entry, hash)
        }
    }

    /// The business state, complete: every entry replayed as trusted history.
    public func fullState() throws -> LedgerState {
        var state = LedgerState()
        try forEachEntry { state.apply($0, check: false) }
        return state
    }

    // The queries below mark `+kind` so that SQLite looks entries up by household (a few rows)
    // rather than by kind (a fraction of the whole ledger).

    /// The part of the business state that the rules need to judge `payloads`: the opening,
    /// every key change, declaration and reversal, and the histories ``EntryReferences``
    /// names. Replayed as trusted history (each entry was checked when it was written).
    public func state(for payloads: [EntryPayload]) throws -> LedgerState {
        var refs = EntryReferences()
        for payload in payloads { refs.add(payload) }
        // A distribution by shares divides by the collective's own shares too: the split of its
        // allocations (`allocation-split`) needs what the collective held at the record date.
        if payloads.contains(where: { $0.kind == .dividendDeclare }) { refs.shareHolders.insert(Holder.collective) }
        var targets = [Entry]()
        // Distributions whose declaration a reversal withdraws: the rules need what each has paid.
        var withdrawn = Set<String>()
        // Households whose registration a reversal withdraws: the rules need their registration
        // itself, their shares and their allocations.
        var withdrawing = Set<String>()
        for target in refs.targets.sorted() {
            guard let entry = try entry(seq: target) else { continue }
            targets.append(entry)
            refs.add(entry.payload)
            if case .dividendDeclare(let declaration) = entry.payload { withdrawn.insert(declaration.id) }
            if case .householdRegister(let registration) = entry.payload { withdrawing.insert(registration.household) }
        }
        refs.registrations.subtract(withdrawing)
        refs.shareHolders.formUnion(withdrawing)
        var seqs = Set<Int64>()
        var relevant = [Entry]()
        func add(_ entries: [Entry]) {
            for entry in entries where seqs.insert(entry.seq).inserted { relevant.append(entry) }
        }
        let rare = try entries(sql: "SELECT seq, body, hash FROM entry WHERE kind IN \(Schema.rareKindList)", arguments: [])
        add(rare)
        add(targets)
        // Each reversal by its target: a registration reversed withdrew its household.
        var reversalOf = [Int64: Int64]()
        for entry in rare { if case .entryReverse(let reversal) = entry.payload { reversalOf[reversal.target] = entry.seq } }
        // A declaration takes its amount from the income recorded and not yet distributed: the
        // rules need every income and expense record (a few a year).
        if payloads.contains(where: { $0.kind == .dividendDeclare }) {
            add(try entries(sql: "SELECT seq, body, hash FROM entry WHERE kind IN ('income.record', 'expense.record')", arguments: []))
        }
        // The rules need only to know which of the named households are registered, not their
        // records: one indexed lookup, no bodies decoded. `distribution IS NULL` keeps the seek to
        // a household's entries outside distributions (a registration has none), so SQLite does
        // not parse each of its allocations and payments for its kind (1,000 households on a
        // 1M-entry ledger: 26 ms → 3 ms).
        var registered = [String]()
        var withdrawnHouseholds = [String: Int64]()
        if !refs.registrations.isEmpty {
            for row in try Row.fetchAll(db.cachedStatement(sql: Self.registeredAmong), arguments: [Self.jsonArray(refs.registrations)]) {
                guard let household = Self.text(row, 0), let seq = Self.integer(row, 1) else { throw malformed("a household registration") }
                if let by = reversalOf[seq] { withdrawnHouseholds[household] = by } else { registered.append(household) }
            }
        }
        // Registration dates only where a rule compares a date with them (share entries and
        // updates): reading them parses each registration's body, which a command of a thousand
        // payments need not pay for.
        var since = [String: LedgerDate]()
        let dated = refs.shareHolders.union(payloads.compactMap { payload in
            if case .householdUpdate(let update) = payload { update.household } else { nil }
        })
        if !dated.isEmpty {
            for row in try Row.fetchAll(db.cachedStatement(sql: Self.registrationDates), arguments: [Self.jsonArray(dated)]) {
                guard let household = Self.text(row, 0), let date = Self.text(row, 1).flatMap(LedgerDate.init), let seq = Self.integer(row, 2) else {
                    throw malformed("a household registration")
                }
                if reversalOf[seq] == nil && !withdrawing.contains(household) { since[household] = date }
            }
        }
        if !refs.shareHolders.isEmpty {
            let holders = Self.jsonArray(refs.shareHolders)
            // Two indexed lookups: an OR of the two columns would scan the whole table.
            add(try entries(sql: """
                SELECT seq, body, hash FROM entry WHERE household IN (SELECT value FROM json_each(?)) AND distribution IS NULL
                AND +kind GLOB 'shares.*'
                UNION SELECT seq, body, hash FROM entry WHERE counterpart IN (SELECT value FROM json_each(?)) AND +kind GLOB 'shares.*'
                """, arguments: [holders, holders]))
        }
        if !withdrawn.isEmpty {
            add(try entries(sql: Self.distributionHistory, arguments: [Self.jsonArray(withdrawn)]))
        }
        if !withdrawing.isEmpty {
            add(try entries(sql: Self.allocationsOf, arguments: [Self.jsonArray(withdrawing)]))
        }
        if !refs.payees.isEmpty {
            add(try entries(sql: Self.payeeHistory, arguments: [Self.jsonArray(Set(refs.payees.map(\.household))), Self.jsonArray(Set(refs.payees.map(\.distribution)))]))
        }
        var state = LedgerState()
        state.assumeRegistered(registered)
        state.assumeRegistered(since: since)
        // Withdrawn and registered again: registered.
        for household in registered { withdrawnHouseholds[household] = nil }
        state.assumeWithdrawn(withdrawnHouseholds)
        for entry in relevant.sorted(by: { $0.seq < $1.seq }) { state.apply(entry, check: false) }
        return state
    }

    /// Which of the households (a JSON array) are registered.
    static let registeredAmong = """
        SELECT household, seq FROM entry WHERE +kind = 'household.register'
        AND household IN (SELECT value FROM json_each(?)) AND distribution IS NULL
        """

    /// The registration dates of the households (a JSON array).
    static let registrationDates = """
        SELECT household, json_extract(body, '$.date'), seq FROM entry WHERE +kind = 'household.register'
        AND household IN (SELECT value FROM json_each(?)) AND distribution IS NULL
        """

    /// Every allocation and payment of the distributions (a JSON array), through their index.
    static let distributionHistory = """
        SELECT seq, body, hash FROM entry WHERE distribution IN (SELECT value FROM json_each(?))
        AND +kind IN ('dividend.allocate', 'dividend.pay')
        """

    /// Every allocation and payment of the households (a JSON array), through their index.
    static let allocationsOf = """
        SELECT seq, body, hash FROM entry WHERE household IN (SELECT value FROM json_each(?))
        AND +kind IN ('dividend.allocate', 'dividend.pay')
        """

    /// The allocations and payments of the households (a JSON array) in the distributions (a
    /// JSON array) a command pays: found through the (household, distribution) index.
    static let payeeHistory = """
        SELECT seq, body, hash FROM entry WHERE +kind IN ('dividend.allocate', 'dividend.pay')
        AND household IN (SELECT value FROM json_each(?)) AND distribution IN (SELECT value FROM json_each(?))
        """

    /// `values` as a JSON array for `json_each`, in no particular order (SQLite reads it as a set).
    private static func jsonArray(_ values: Set<String>) -> String {
        String(decoding: CanonicalJSON.encode(.array(values.map { .string($0) })), as: UTF8.self)
    }

    /// All checkpoints, oldest first, each with its cosignature lines added.
    public func checkpoints() throws -> [(size: Int64, note: String)] {
        var cosignatures = [Int64: [String]]()
        for row in try Row.fetchAll(db, sql: "SELECT size, line FROM cosignature ORDER BY size, key_id") {
            guard let size = Self.integer(row, 0), let line = Self.text(row, 1) else { throw malformed("a cosignature") }
            cosignatures[size, default: []].append(line)
        }
        return try Row.fetchAll(db, sql: "SELECT size, note FROM checkpoint ORDER BY size").map { row in
            guard let size = Self.integer(row, 0), let note = Self.text(row, 1) else { throw malformed("a checkpoint") }
            return (size, note + (cosignatures[size] ?? []).map { $0 + "\n" }.joined())
        }
    }

    /// A row of a table a command reads that is not as the store writes it: the file was edited.
    private func malformed(_ what: String) -> StoreError {
        StoreError.notALedger(path: path, reason: "\(what) is not stored as fenhong stores it (run fenhong verify)")
    }

    /// A column SQLite holds as an integer; nil for anything else (NULL, text, a real, a blob),
    /// which GRDB's typed subscript would trap on.
    static func integer(_ row: Row, _ index: Int) -> Int64? {
        if case .int64(let value) = (row[index] as DatabaseValue).storage { value } else { nil }
    }

    /// A column SQLite holds as text; nil for anything else.
    static func text(_ row: Row, _ index: Int) -> String? {
        if case .string(let value) = (row[index] as DatabaseValue).storage { value } else { nil }
    }

    /// The newest checkpoint with its cosignatures.
    public func latestCheckpoint() throws -> SignedCheckpoint {
        guard let row = try Row.fetchOne(db, sql: "SELECT size FROM checkpoint ORDER BY size DESC LIMIT 1") else {
            throw StoreError.notALedger(path: path, reason: "it has no checkpoint")
        }
        guard let size = Self.integer(row, 0), let checkpoint = try checkpoint(size: size) else { throw malformed("the latest checkpoint") }
        return checkpoint
    }

    /// The checkpoint of `size` with its cosignatures, if there is one.
    public func checkpoint(size: Int64) throws -> SignedCheckpoint? {
        guard let note = try String.fetchOne(db, sql: "SELECT note FROM checkpoint WHERE size = ?", arguments: [size]) else { return nil }
        let lines = try String.fetchAll(db, sql: "SELECT line FROM cosignature WHERE size = ? ORDER BY key_id", arguments: [size])
        do {
            return try SignedCheckpoint(parsing: note + lines.map { $0 + "\n" }.joined())
        } catch {
            throw StoreError.notALedger(path: path, reason: "checkpoint \(size) cannot be read: \(error)")
        }
    }
}

/// Complete-subtree hashes from SQLite: level 0 from `entry.hash`, higher levels from `tree_node`.
public struct SQLiteSubtreeReader: SubtreeHashReader {
    let db: Database
    let path: String

    public func subtreeHash(level: Int, index: Int) throws -> TreeHash {
        let statement = level == 0
            ? try db.cachedStatement(sql: "SELECT hash FROM entry WHERE seq = ?")
            : try db.cachedStatement(sql: "SELECT hash FROM tree_node WHERE level = ? AND idx = ?")
        let arguments: StatementArguments = level == 0 ? [index] : [level, index]
        guard let data = try Data.fetchOne(statement, arguments: arguments), let hash = TreeHash(bytes: data) else {
            throw StoreError.notALedger(path: path, reason: "tree node (level \(level), index \(index)) is missing")
        }
        return hash
    }
}

extension LedgerStore {
    /// Runs `body` with a consistent read view of the ledger.
    public func withReader<T>(_ body: (LedgerReader) throws -> T) throws -> T {
        try read { db in try body(LedgerReader(db: db, path: path)) }
    }
}
