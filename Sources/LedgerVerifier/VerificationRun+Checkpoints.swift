import LedgerCore
import MerkleLog

/// DESIGN §3 steps 3 and 4: stored checkpoints, coverage, cosignatures, the trusted checkpoint.
///
/// A checkpoint of size S is checked when the pass has read S entries, against the recomputed
/// root and the keys as the first S entries define them: its signer must be an accountant key
/// valid at entry S − 1 (`KeyRecord.isValid(at:)`). Its signatures go to the second core.
extension VerificationRun {
    /// Checks every stored checkpoint whose size the pass has reached.
    mutating func checkpointsDue() throws {
        while let stored = nextCheckpoint, stored.size <= count {
            check(stored)
            nextCheckpoint = try checkpointCursor.next()
        }
    }

    /// Checks the checkpoints beyond the last entry, then reports the entries no checkpoint covers.
    mutating func finishCheckpoints() throws {
        while let stored = nextCheckpoint {
            check(stored)
            nextCheckpoint = try checkpointCursor.next()
        }
        let last = lastCheckpointSize.map { "the last checkpoint has size \($0)" } ?? "the ledger has no checkpoint"
        for run in pendingRuns {
            let entries = run.first == run.last ? "entry \(run.first) is" : "entries \(run.first)…\(run.last) are"
            problems.add(seq: run.first, .uncoveredEntry, "\(entries) covered by no checkpoint (\(last))")
        }
        pendingRuns = []
    }

    private mutating func check(_ stored: StoredCheckpoint) {
        checkpointsChecked += 1
        let size = stored.size
        guard size >= 1 else {
            return problems.add(seq: nil, .malformedCheckpoint, "a checkpoint is filed under size \(size); sizes start at 1")
        }
        // The last entry it covers: as stored when the pass has reached it, else by position.
        let seq = size == count ? currentSeq ?? size - 1 : size - 1
        if let last = lastCheckpointSize, size <= last {
            return problems.add(seq: seq, .inconsistentCheckpoints, "a second checkpoint is filed under size \(size)")
        }
        lastCheckpointSize = size
        let coverage = pendingRuns
        pendingRuns = []

        let parsed: SignedCheckpoint
        do {
            guard let note = stored.note else { throw NoteError.malformedNote("it is not UTF-8 text") }
            parsed = try SignedCheckpoint(parsing: note)
        } catch {
            problems.add(seq: seq, .malformedCheckpoint, "checkpoint \(size) cannot be read: \(error)")
            return worker.submit(CheckpointJob(purpose: .stored, size: size, seq: seq, message: [], text: "", checks: [], coverage: coverage))
        }
        let checkpoint = parsed.checkpoint
        if let trusted, size == trusted.checkpoint.size { notesAtTrustedSize = parsed.note }
        latestNote = (size, parsed.note)
        if checkpoint.size != size {
            problems.add(seq: seq, .inconsistentCheckpoints, "the checkpoint filed under size \(size) says size \(checkpoint.size)")
        }
        if let origin = state.opening?.origin, checkpoint.origin != origin {
            problems.add(seq: seq, .checkpointOrigin, "checkpoint \(size): expected origin \(origin), found \(checkpoint.origin)")
        }
        if size > count {
            problems.add(seq: seq, .rootMismatch, "checkpoint \(size) covers \(size) entries, but the ledger has only \(count)")
        } else if checkpoint.size == size, checkpoint.root != frontier.root {
            problems.add(seq: seq, .rootMismatch, "checkpoint \(size): expected root \(frontier.root.hex) (recomputed from the entries), found \(checkpoint.root.hex)")
        }

        // A checkpoint beyond the ledger's end is already reported; its signatures decide
        // nothing, and it covers none of the entries before it.
        guard size <= count else {
            return worker.submit(CheckpointJob(purpose: .stored, size: size, seq: seq, message: [], text: "", checks: [], coverage: coverage))
        }
        var checks: [SignatureCheck] = []
        // One check per distinct signature: a note may repeat one line hundreds of times, each
        // an Ed25519 verification.
        var seen = Set<[UInt8]>()
        for signature in parsed.note.signatures where seen.insert(signature.signature).inserted {
            if let record = state.keys[signature.id] {
                checks.append(Self.signatureCheck(signature, record, size: size))
            } else if deferred.count < Self.deferredMax {
                deferred.append((size, parsed.note.text, signature))
            } else {
                problems.add(seq: seq, .unknownKey, "checkpoint \(size) is signed by \(signature.name) (\(signature.id)), a key this ledger had not added by then")
            }
        }
        worker.submit(CheckpointJob(purpose: .stored, size: size, seq: seq, message: Array(parsed.note.text.utf8),
                                    text: parsed.note.text, checks: checks, coverage: coverage))
    }

    /// What to check of `signature` by a key the ledger knows: an accountant's signature must be
    /// by a key valid at the checkpoint's last entry; an inspector's cosignature by a key not
    /// retired by then (an inspector may cosign checkpoints older than its own key.add).
    static func signatureCheck(_ signature: NoteSignature, _ record: LedgerState.KeyRecord, size: Int64) -> SignatureCheck {
        let valid = record.role == .accountant
            ? record.isValid(at: size - 1)
            : record.retiredAt.map { size - 1 < $0 } ?? true
        return SignatureCheck(signature: signature, key: record.key, role: record.role, validAtSize: valid, retiredAt: record.retiredAt)
    }

    /// Judges the signature lines whose keys were unknown at their checkpoint, with every key
    /// the ledger ever added.
    mutating func resolveDeferred() {
        for (size, text, signature) in deferred {
            let who = "\(signature.name) (\(signature.id))"
            guard let record = state.keys[signature.id] else {
                problems.add(seq: size - 1, .unknownKey, "checkpoint \(size) is signed by \(who), a key this ledger never added")
                continue
            }
            guard record.role == .inspector else {
                problems.add(seq: size - 1, .unknownKey, "checkpoint \(size) is signed by \(who), which was added only at entry \(record.addedAt)")
                continue
            }
            worker.submit(CheckpointJob(purpose: .deferred, size: size, seq: size - 1, message: Array(text.utf8), text: text,
                                        checks: [Self.signatureCheck(signature, record, size: size)], coverage: []))
        }
        deferred = []
    }

    /// Checks the trusted checkpoint's signatures with the keys the ledger had at its size (or,
    /// for a ledger shorter than that, at its end).
    mutating func checkTrustedSignatures(_ trusted: SignedCheckpoint) {
        // Another ledger's checkpoint is signed by its own keys: ``checkTrusted()`` says which it is.
        if let origin = state.opening?.origin, trusted.checkpoint.origin != origin { return }
        let size = trusted.checkpoint.size
        let checks = trusted.note.signatures.compactMap { signature -> SignatureCheck? in
            guard let record = state.keys[signature.id], record.role == .accountant else { return nil }
            return SignatureCheck(signature: signature, key: record.key, role: .accountant,
                                  validAtSize: size == 0 || record.isValid(at: size - 1), retiredAt: record.retiredAt)
        }
        worker.submit(CheckpointJob(purpose: .trusted, size: size, seq: nil, message: Array(trusted.note.text.utf8),
                                    text: trusted.note.text, checks: checks, coverage: []))
    }

    /// The cosignatures the trusted checkpoint carries by the ledger's inspector keys are still
    /// on the ledger's checkpoint of that size: a cosignature (or the whole checkpoint) deleted
    /// since it was kept is reported.
    mutating func checkKeptCosignatures(_ trusted: SignedCheckpoint) {
        let size = trusted.checkpoint.size
        for signature in trusted.note.signatures {
            guard let record = state.keys[signature.id], record.role == .inspector, record.key.name == signature.name,
                  // Only a cosignature that verifies was kept as evidence.
                  SignedNote(text: trusted.note.text, signatures: [signature]).cosignatureTime(by: record.key) != nil
            else { continue }
            guard let stored = notesAtTrustedSize else {
                return problems.add(seq: size - 1, .inconsistentWithTrusted, "the trusted checkpoint of size \(size) carries the cosignature of inspector \(signature.name) (\(signature.id)); the ledger has no checkpoint of that size any more: it was deleted")
            }
            // Any valid cosignature by the same key will do: an inspector may cosign a copy twice,
            // keep one and hand the other back.
            if stored.cosignatureTime(by: record.key) == nil {
                problems.add(seq: size - 1, .inconsistentWithTrusted, "the trusted checkpoint of size \(size) carries the cosignature of inspector \(signature.name) (\(signature.id)), which the ledger's checkpoint of that size no longer has: it was deleted")
            }
        }
    }

    /// DESIGN §3 step 4: the ledger must extend the trusted checkpoint. Its root must be the
    /// recomputed root at its size, proven by an RFC 9162 consistency proof from its size to the
    /// head made from the recomputed tree.
    mutating func checkTrusted() throws {
        guard let trusted else { return }
        let m = trusted.checkpoint.size
        if let origin = state.opening?.origin, trusted.checkpoint.origin != origin {
            // Nothing else is compared: the checkpoint kept for another village says nothing of
            // this one's history, unless this ledger was renamed to escape it.
            return problems.add(seq: nil, .inconsistentWithTrusted, "the trusted checkpoint is of \(trusted.checkpoint.origin), this ledger is \(origin): either the checkpoint kept for another ledger was given, or this ledger's history was rewritten under another name")
        }
        guard m <= count else {
            checkTrustedSignatures(trusted)
            return problems.add(seq: count, .inconsistentWithTrusted,
                                "the trusted checkpoint covers \(m) entries, the ledger has only \(count): entries \(count)…\(m - 1) were removed (truncated)")
        }
        guard let rootAtM = rootAtTrustedSize else { return }
        let detail = "the trusted checkpoint has root \(trusted.checkpoint.root.hex) at size \(m), the ledger's entries give \(rootAtM.hex): its history was rewritten or forked somewhere in entries 0…\(m - 1) (reported at the last of them)"
        guard m > 0, let proofNodes else {
            if rootAtM != trusted.checkpoint.root { problems.add(seq: nil, .inconsistentWithTrusted, detail) }
            return
        }
        let n = frontier.size
        do {
            let proof = try MerkleTree(reader: proofNodes).consistencyProof(from: Int(m), to: n)
            try ProofVerifier.verifyConsistency(size1: Int(m), size2: n, root1: trusted.checkpoint.root, root2: frontier.root, proof: proof)
        } catch {
            return problems.add(seq: m - 1, .inconsistentWithTrusted, "\(detail) (consistency proof from \(m) to \(n): \(error))")
        }
        // The same history: what was cosigned then must still be on record.
        checkKeptCosignatures(trusted)
    }
}
