import LedgerCore
import MerkleLog

/// DESIGN §3 step 3: stored checkpoints, coverage, cosignatures (step 4, the checkpoints kept: ``Held``).
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
        // The last entry it covers: as stored when the pass has reached it, else by position (for
        // a checkpoint beyond the ledger's end, the last entry it says there is).
        let seq = size == count ? currentSeq ?? size - 1 : size - 1
        if let last = lastCheckpointSize, size <= last {
            return problems.add(seq: seq, .inconsistentCheckpoints, "a second checkpoint is filed under size \(size)")
        }
        lastCheckpointSize = size
        let coverage = pendingRuns
        pendingRuns = []

        let parsed: SignedCheckpoint
        do {
            guard let note = stored.note else { throw NoteError.malformedNote(stored.unreadable ?? "it is not UTF-8 text") }
            parsed = try SignedCheckpoint(parsing: note + cosignatureLines(stored, seq: seq))
        } catch {
            problems.add(seq: seq, .malformedCheckpoint, "checkpoint \(size) cannot be read: \(error)")
            return worker.submit(CheckpointJob(purpose: .stored, size: size, seq: seq, message: [], text: "", checks: [], coverage: coverage))
        }
        let checkpoint = parsed.checkpoint
        for i in held.indices where held[i].kept.checkpoint.size == size { held[i].note = parsed.note }
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

    /// The cosignature lines stored apart from `stored`'s note that are signature lines, each
    /// ending in a newline; each that is not is reported (`bad-cosignature`) and left out, so that
    /// the note and the other cosignatures are judged without it.
    private mutating func cosignatureLines(_ stored: StoredCheckpoint, seq: Int64) -> String {
        guard let note = stored.note else { return "" }
        var lines = ""
        for cosignature in stored.cosignatures {
            guard let line = cosignature.line, (try? SignedNote(parsing: note + line + "\n")) != nil else {
                let found = cosignature.line.map { MessageText.quoted(MessageText.oneLine(String($0.prefix(80)))) } ?? "something that is not text"
                problems.add(seq: seq, .badCosignature, "checkpoint \(stored.size): the cosignature filed under key \(MessageText.oneLine(cosignature.filedUnder)) "
                             + "holds \(found), not a signature line")
                continue
            }
            lines += line + "\n"
        }
        return lines
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
}
