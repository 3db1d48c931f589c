import LedgerCore
import MerkleLog

/// A checkpoint kept from before (`--trusted`), which the ledger must extend, and what the pass
/// found of it: the root the entries give at its size, and the ledger's stored checkpoint of
/// that size. One is proven with an RFC 9162 consistency proof to the head; any other (a
/// village's several kept checkpoints) is held by its root at its size — the same thing, the
/// tree being recomputed from the entries — in the same pass.
struct Held {
    let kept: SignedCheckpoint
    /// How its problems name it besides "the trusted checkpoint" (nil: not needed).
    let name: String?
    /// True for the one a consistency proof is made from.
    let proven: Bool
    /// The recomputed root at its size, once reached.
    var root: TreeHash?
    /// The ledger's stored checkpoint of its size, once read.
    var note: SignedNote?

    init(kept: SignedCheckpoint, name: String?, proven: Bool) {
        self.kept = kept
        self.name = name
        self.proven = proven
    }

    /// `detail`, naming this checkpoint when it has a name.
    func named(_ detail: String) -> String { name.map { "\(detail) (\($0))" } ?? detail }
}

/// DESIGN §3 step 4: the checkpoints kept.
extension VerificationRun {
    /// Notes the root of every kept checkpoint whose size the pass has just reached, and sends
    /// its signatures to the second core.
    mutating func heldReached() {
        while heldNext < held.count, held[heldNext].kept.checkpoint.size == count {
            held[heldNext].root = frontier.root
            checkSignatures(of: held[heldNext])
            heldNext += 1
        }
    }

    /// Checks a kept checkpoint's signatures with the keys the ledger had at its size (or, for a
    /// ledger shorter than that, at its end).
    mutating func checkSignatures(of held: Held) {
        let trusted = held.kept
        // Another ledger's checkpoint is signed by its own keys: ``checkHeld()`` says which it is.
        if let origin = state.opening?.origin, trusted.checkpoint.origin != origin { return }
        let size = trusted.checkpoint.size
        let checks = trusted.note.signatures.compactMap { signature -> SignatureCheck? in
            guard let record = state.keys[signature.id], record.role == .accountant else { return nil }
            return SignatureCheck(signature: signature, key: record.key, role: .accountant,
                                  validAtSize: size == 0 || record.isValid(at: size - 1), retiredAt: record.retiredAt)
        }
        worker.submit(CheckpointJob(purpose: .trusted, size: size, seq: nil, message: Array(trusted.note.text.utf8),
                                    text: trusted.note.text, checks: checks, coverage: [], name: held.name))
    }

    /// The ledger must extend every kept checkpoint: checked once every entry is read.
    mutating func checkHeld() throws {
        for i in held.indices { try check(held[i]) }
    }

    /// The ledger must extend `held`: its root must be the recomputed root at its size, proven
    /// (for the one so marked) by an RFC 9162 consistency proof from its size to the head made
    /// from the recomputed tree.
    private mutating func check(_ held: Held) throws {
        let trusted = held.kept
        let m = trusted.checkpoint.size
        if let origin = state.opening?.origin, trusted.checkpoint.origin != origin {
            // Nothing else is compared: the checkpoint kept for another village says nothing of
            // this one's history, unless this ledger was renamed to escape it.
            return problems.add(seq: nil, .inconsistentWithTrusted, held.named("the trusted checkpoint is of \(trusted.checkpoint.origin), this ledger is \(origin): either the checkpoint kept for another ledger was given, or this ledger's history was rewritten under another name"))
        }
        guard m <= count else {
            checkSignatures(of: held)
            return problems.add(seq: count, .inconsistentWithTrusted,
                                held.named("the trusted checkpoint covers \(m) entries, the ledger has only \(count): "
                                           + (count == m - 1 ? "entry \(count) was removed (truncated)" : "entries \(count)…\(m - 1) were removed (truncated)")))
        }
        guard let rootAtM = held.root else { return }
        let detail = "the trusted checkpoint has root \(trusted.checkpoint.root.hex) at size \(m), the ledger's entries give \(rootAtM.hex): its history was rewritten or forked somewhere in entries 0…\(m - 1) (reported at the last of them)"
        guard m > 0 else {
            if rootAtM != trusted.checkpoint.root {
                problems.add(seq: nil, .inconsistentWithTrusted, held.named("the trusted checkpoint has root \(trusted.checkpoint.root.hex) at size 0; a tree of no entries has root \(rootAtM.hex) (RFC 9162)"))
            }
            return
        }
        guard held.proven, let proofNodes else {
            if rootAtM != trusted.checkpoint.root { return problems.add(seq: m - 1, .inconsistentWithTrusted, held.named(detail)) }
            return checkCosignatures(of: held)
        }
        let n = frontier.size
        do {
            let proof = try MerkleTree(reader: proofNodes).consistencyProof(from: Int(m), to: n)
            try ProofVerifier.verifyConsistency(size1: Int(m), size2: n, root1: trusted.checkpoint.root, root2: frontier.root, proof: proof)
        } catch {
            return problems.add(seq: m - 1, .inconsistentWithTrusted, held.named("\(detail) (consistency proof from \(m) to \(n): \(error))"))
        }
        // The same history: what was cosigned then must still be on record.
        checkCosignatures(of: held)
    }

    /// The cosignatures the kept checkpoint carries by the ledger's inspector keys are still on
    /// the ledger's checkpoint of that size: a cosignature (or the whole checkpoint) deleted since
    /// it was kept is reported.
    private mutating func checkCosignatures(of held: Held) {
        let trusted = held.kept
        let size = trusted.checkpoint.size
        // Only a cosignature that verifies was kept as evidence.
        for (signature, record) in trusted.note.inspectorCosignatures(state.keys) {
            guard let stored = held.note else {
                return problems.add(seq: size - 1, .inconsistentWithTrusted, held.named("the trusted checkpoint of size \(size) carries the cosignature of inspector \(signature.name) (\(signature.id)); the ledger has no checkpoint of that size any more: it was deleted"))
            }
            // Any valid cosignature by the same key will do: an inspector may cosign a copy twice,
            // keep one and hand the other back.
            if stored.cosignatureTime(by: record.key) == nil {
                problems.add(seq: size - 1, .inconsistentWithTrusted, held.named("the trusted checkpoint of size \(size) carries the cosignature of inspector \(signature.name) (\(signature.id)), which the ledger's checkpoint of that size does not carry: it was deleted, or this copy of the ledger was made before the cosignature was added (a cosignature made on a bundle is added to the ledger by its accountant: fenhong cosignature add FILE)"))
            }
        }
    }
}
