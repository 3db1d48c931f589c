import Foundation
import GRDB
import LedgerCore
import MerkleLog

/// What one write command appended.
public struct AppendResult: Sendable {
    public let entries: [Entry]
    public let hashes: [EntryHash]
    public let checkpoint: SignedCheckpoint
}

extension LedgerStore {
    /// Appends the entries `build` returns, all or nothing, and a checkpoint signed by `signer`.
    ///
    /// `build` runs inside the write transaction, after the lock is taken, so what it reads is
    /// what the entries are appended to. Every entry is checked against the business rules
    /// (``LedgerState``) first; one broken rule writes nothing. `otherAccounts`: a payment into
    /// an account other than its household's registered one is recorded, as made (the accountant
    /// said so), instead of refused (``PaymentAccount``).
    @discardableResult
    public func append(signer: NoteSigner, at time: LedgerTime, otherAccounts: Bool = false,
                       _ build: (LedgerReader) throws -> [EntryPayload]) throws -> AppendResult {
        try Self.translating(path) {
            try queue.writeWithoutTransaction { db in
                var result: AppendResult?
                try db.inTransaction(.immediate) {
                    result = try appendLocked(db, signer: signer, at: time, otherAccounts: otherAccounts, build)
                    return .commit
                }
                return result!
            }
        }
    }

    /// The most entries a write holds every body of to its stored hash before appending: a
    /// village's ledger of a few thousand entries costs milliseconds, 200,000 about 0.15 s.
    static let bodiesCheckedOnWrite: Int64 = 200_000

    /// Appends `payloads` (a convenience over the closure form).
    @discardableResult
    public func append(_ payloads: [EntryPayload], signer: NoteSigner, at time: LedgerTime, otherAccounts: Bool = false) throws -> AppendResult {
        try append(signer: signer, at: time, otherAccounts: otherAccounts) { _ in payloads }
    }

    private func appendLocked(_ db: Database, signer: NoteSigner, at time: LedgerTime, otherAccounts: Bool,
                              _ build: (LedgerReader) throws -> [EntryPayload]) throws -> AppendResult {
        let reader = LedgerReader(db: db, path: path)
        // Nothing is added to a ledger changed outside fenhong (bytes flipped in a body, a file
        // cut short), which every command reading it refuses: each body held to its stored hash
        // and its place, up to ``bodiesCheckedOnWrite`` entries (a village's ledger, whole);
        // beyond, the entries a write reads are held so, and `verify` holds them all.
        let size = try reader.size()  // the write lock is held: nothing is added before this command's entries
        if size <= Self.bodiesCheckedOnWrite { try reader.forEachCheckedBody { _, _ in } }
        let payloads = try build(reader)
        precondition(!payloads.isEmpty, "a command appends at least one entry")
        var frontier = try TreeFrontier(size: Int(size), reader: reader.subtreeReader)
        if size > 0 { try requireSignedHead(reader, size: size, root: frontier.root, signer: signer.verifier) }
        var prev = try size == 0 ? EntryHash.zero : reader.entryHash(seq: size - 1)

        var state = try reader.state(for: payloads)
        var entries = [Entry]()
        var hashes = [EntryHash]()
        var violations = [RuleViolation]()
        var declared = Set<String>()
        let insert = try RowInsert(db)
        entries.reserveCapacity(payloads.count)
        var encoder = EncodingAhead(payloads, firstSeq: size, at: time, by: signer.id)
        while let (start, encoded) = encoder.next() {
            for (offset, result) in encoded.enumerated() {
                let index = start + offset
                var (body, prevOffset): ([UInt8], Int)
                do { (body, prevOffset) = try result.get() } catch { throw StoreError.invalidEntry(error) }
                Entry.setPrev(prev, in: &body, at: prevOffset)
                let entry = Entry(seq: size + Int64(index), prev: prev, at: time, by: signer.id, payload: payloads[index])
                violations += state.apply(entry)
                if let unmasked = UnmaskedNumbers.violation(body: body, seq: entry.seq) { violations.append(unmasked) }
                if case .dividendDeclare(let d) = entry.payload { declared.insert(d.id) }
                let hash = Entry.hash(body: body)
                try insert.entry(seq: entry.seq, body: body, hash: hash)
                for node in frontier.append(hash) { try insert.node(node) }
                prev = hash
                entries.append(entry)
                hashes.append(hash)
            }
        }
        violations += state.unfinishedDistributions(ids: declared)
        violations += try PovertyShares.violations(payloads, firstSeq: size) { household in try reader.registration(household: household).map(\.payload) }
        violations += CollectiveAccounts.violations(payloads, firstSeq: size)
        if !otherAccounts {
            violations += try PaymentAccount.violations(payloads, firstSeq: size) { household in try reader.registration(household: household).map(\.payload) }
        }
        guard violations.isEmpty else { throw StoreError.rules(violations) }
        guard let origin = state.opening?.origin else { throw StoreError.notALedger(path: path, reason: "it has no ledger.open entry") }
        let checkpoint = try SignedCheckpoint.sign(Checkpoint(origin: origin, size: Int64(frontier.size), root: frontier.root), with: signer)
        try db.execute(sql: "INSERT INTO checkpoint (size, note) VALUES (?, ?)",
                       arguments: [frontier.size, checkpoint.note.serialized])
        return AppendResult(entries: entries, hashes: hashes, checkpoint: checkpoint)
    }

    /// Refuses to append to a ledger whose head is not what its latest checkpoint signed: the
    /// head must be that checkpoint's size, its root the tree's there, and its signature an
    /// accountant key's. Every fenhong append writes its checkpoint in the same transaction, so
    /// a ledger fenhong wrote always passes; a row inserted beside it, or a history rewritten with
    /// its checkpoints deleted, would otherwise be signed by the accountant's next command.
    private func requireSignedHead(_ reader: LedgerReader, size: Int64, root: TreeHash, signer: NoteVerifierKey) throws {
        let latest = try reader.latestCheckpoint()
        guard latest.checkpoint.size == size else {
            throw StoreError.unsignedHead(path: path, reason: "it holds \(size) entries, but its latest checkpoint covers \(latest.checkpoint.size)")
        }
        guard latest.checkpoint.root == root else {
            throw StoreError.unsignedHead(path: path, reason: "its tree's root at \(size) entries is not the one its latest checkpoint signed")
        }
        // Most often the key about to sign signed the checkpoint before: one verification, no reading.
        if latest.note.isSigned(by: signer) { return }
        var keys = try reader.entries(kind: .keyAdd).compactMap { entry -> String? in
            if case .keyAdd(let change) = entry.payload, change.role == .accountant { change.key } else { nil }
        }
        if case .ledgerOpen(let opening)? = try reader.entry(seq: 0)?.payload { keys.append(opening.key) }
        guard keys.compactMap({ try? NoteVerifierKey(vkey: $0) }).contains(where: { latest.note.isSigned(by: $0) }) else {
            throw StoreError.unsignedHead(path: path, reason: "its latest checkpoint carries no valid signature by an accountant key of the ledger")
        }
    }

    /// Adds an inspector's cosignature line to the checkpoint of `size`.
    public func addCosignature(size: Int64, keyID: KeyID, line: String) throws {
        try addCosignatures(size: size, [(keyID, line)])
    }

    /// Adds inspectors' cosignature lines to the checkpoint of `size`, all in one transaction.
    public func addCosignatures(size: Int64, _ lines: [(keyID: KeyID, line: String)]) throws {
        try Self.translating(path) {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for (keyID, line) in lines {
                        try db.execute(sql: "INSERT INTO cosignature (size, key_id, line) VALUES (?, ?, ?)",
                                       arguments: [size, keyID.hex, line])
                    }
                    return .commit
                }
            }
        }
    }
}
