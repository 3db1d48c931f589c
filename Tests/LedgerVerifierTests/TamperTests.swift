import Foundation
import GRDB
import LedgerCore
import LedgerStore
import LedgerVerifier
import MerkleLog
import SeededRandom
import Testing

/// Tampering with a copy of a real ledger file, as someone with the sqlite3 shell would after
/// dropping the append-only triggers. Each test names the exact code and seq it must produce.
struct TamperTests {
    let fixture = Fixture.shared

    /// Editing an amount inside a stored body is caught by its stored hash, and breaks the chain.
    @Test func changedAmountIsHashMismatch() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE entry SET body = replace(body, '\"amount\":100000', '\"amount\":90000') WHERE seq = 14")
        }
        expectFirstProblem(report, "hash-mismatch", at: 14)
        expectProblem(report, "prev-mismatch", at: 15)
        expectProblem(report, "node-mismatch", at: 15)
        expectProblem(report, "root-mismatch", at: 14)
    }

    /// Re-hashing an edited body hides nothing: the next entry's prev no longer links to it.
    @Test func rehashedBodyBreaksTheChain() throws {
        let body = try fixture.body(14).replacingOccurrences(of: "\"amount\":100000", with: "\"amount\":90000")
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE entry SET body = ?, hash = ? WHERE seq = 14",
                           arguments: [body, Data(Entry.hash(body: Array(body.utf8)).bytes)])
        }
        expectNo(report, "hash-mismatch")
        expectFirstProblem(report, "root-mismatch", at: 14)
        expectProblem(report, "prev-mismatch", at: 15)
    }

    /// Deleting an entry in the middle leaves a gap in the stored seqs and a broken link.
    @Test func deletedMiddleEntryIsSeqGap() throws {
        let report = try fixture.tampered { db in try db.execute(sql: "DELETE FROM entry WHERE seq = 5") }
        expectFirstProblem(report, "seq-gap", at: 6)
        expectProblem(report, "prev-mismatch", at: 6)
    }

    /// Swapping two entries' bodies and hashes: each is out of place, and the chain breaks.
    @Test func swappedEntriesAreSeqGaps() throws {
        let report = try fixture.tampered { db in
            let rows = try Row.fetchAll(db, sql: "SELECT seq, body, hash FROM entry WHERE seq IN (5, 6) ORDER BY seq")
            for (row, seq) in zip(rows, [6, 5]) {
                try db.execute(sql: "UPDATE entry SET body = ?, hash = ? WHERE seq = ?", arguments: [row["body"], row["hash"], seq])
            }
        }
        expectFirstProblem(report, "seq-gap", at: 5)
        expectProblem(report, "prev-mismatch", at: 5)
        expectProblem(report, "seq-gap", at: 6)
    }

    /// A duplicated entry appended at the end is out of place, unchained and uncovered.
    @Test func duplicatedEntryIsSeqGap() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: "INSERT INTO entry (seq, body, hash) SELECT 19, body, hash FROM entry WHERE seq = 5")
        }
        expectFirstProblem(report, "seq-gap", at: 19)
        expectProblem(report, "prev-mismatch", at: 19)
        expectProblem(report, "uncovered-entry", at: 19)
    }

    /// Truncating the tail leaves a shorter ledger that is consistent in itself: only the
    /// checkpoint the inspector kept shows that entries were removed.
    @Test func truncatedLedgerFailsOnlyAgainstTrustedCheckpoint() throws {
        let truncate: (Database) throws -> Void = { db in
            try db.execute(sql: "DELETE FROM entry WHERE seq >= 15")
            try db.execute(sql: "DELETE FROM tree_node WHERE ((idx + 1) << level) > 15")
            try db.execute(sql: "DELETE FROM cosignature")
            try db.execute(sql: "DELETE FROM checkpoint WHERE size > 15")
        }
        expectExactly(try fixture.tampered(truncate), [])
        expectExactly(try fixture.tampered(trusted: fixture.head, truncate), [("inconsistent-with-trusted", 15)])
    }

    /// The inspector's cosignature deleted from the ledger (or the whole checkpoint it was on)
    /// leaves a ledger consistent in itself: the checkpoint she kept, which carries it, shows it.
    @Test func deletedCosignatureFailsAgainstTrustedCheckpoint() throws {
        let deleteCosignature: (Database) throws -> Void = { db in try db.execute(sql: "DELETE FROM cosignature") }
        expectExactly(try fixture.tampered(deleteCosignature), [])
        let report = try fixture.tampered(trusted: fixture.head, deleteCosignature)
        expectExactly(report, [("inconsistent-with-trusted", 18)])
        #expect(report.problems.first?.detail.hasSuffix("which the ledger's checkpoint of that size does not carry: it was deleted, or this copy of the ledger was made before the cosignature was added (a cosignature made on a bundle is added to the ledger by its accountant: fenhong cosignature add FILE)") == true)
        // A trusted checkpoint of another ledger accuses nothing else.
        let other = try SignedCheckpoint(parsing: fixture.head.note.serialized
            .replacingOccurrences(of: fixture.head.checkpoint.origin, with: "fenhong/152223/other"))
        let wrong = try fixture.tampered(trusted: other) { _ in }
        let trustedProblems = wrong.problems.filter { $0.code == "inconsistent-with-trusted" }
        #expect(trustedProblems.count == 1, "\(wrong.problems)")
        #expect(trustedProblems.first?.detail.contains("either the checkpoint kept for another ledger was given") == true)
    }

    /// A rewritten tail re-signed with the real key (a fork) is consistent in itself; the
    /// consistency proof to the trusted checkpoint fails.
    @Test func forkResignedWithRealKeyFailsAgainstTrustedCheckpoint() throws {
        var commands = fixture.commands
        commands[10].payloads = [.fundReceive(FundReceipt(amount: Fen(5_000), source: "旗财政", purpose: "集体经济扶持", date: Fixture.date))]
        expectExactly(try fixture.forged(commands), [])
        expectExactly(try fixture.forged(commands, trusted: fixture.head), [("inconsistent-with-trusted", 18)])
    }

    /// A checkpoint whose signature bytes were altered fails to verify; its entries lose their cover.
    @Test func forgedCheckpointSignatureIsBadSignature() throws {
        let note = try fixture.checkpoint(size: 8).note
        let signature = note.signatures[0]
        var bytes = signature.signature
        bytes[10] ^= 0x01
        let forged = SignedNote(text: note.text, signatures: [NoteSignature(name: signature.name, id: signature.id, signature: bytes)])
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE checkpoint SET note = ? WHERE size = 8", arguments: [forged.serialized])
        }
        expectExactly(report, [("bad-signature", 7), ("uncovered-entry", 7)])
    }

    /// A checkpoint signed by a key the ledger never added is refused.
    @Test func checkpointSignedByUnknownKey() throws {
        let mallory = try NoteSigner.generate(name: "baixin-accountant", algorithm: .ed25519)
        let checkpoint = try SignedCheckpoint.sign(fixture.checkpoint(size: 8).checkpoint, with: mallory)
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE checkpoint SET note = ? WHERE size = 8", arguments: [checkpoint.note.serialized])
        }
        expectExactly(report, [("unknown-key", 7), ("uncovered-entry", 7)])
    }

    /// A checkpoint signed with a key retired before it is refused, though the signature is valid.
    @Test func checkpointSignedByRetiredKey() throws {
        let checkpoint = try SignedCheckpoint.sign(fixture.head.checkpoint, with: fixture.deputy)
        let report = try fixture.tampered { db in
            try db.execute(sql: "DELETE FROM cosignature")
            try db.execute(sql: "UPDATE checkpoint SET note = ? WHERE size = 19", arguments: [checkpoint.note.serialized])
        }
        expectExactly(report, [("retired-key", 18), ("uncovered-entry", 18)])
    }

    /// An entry recorded with a retired key, by a forger holding that key, breaks the key rule.
    @Test func entryRecordedByRetiredKey() throws {
        var commands = fixture.commands
        commands[11].signer = fixture.deputy
        // The entry breaks the key rule; its checkpoint, signed by the same retired key, neither
        // counts as signed nor covers it.
        expectExactly(try fixture.forged(commands), [("retired-key", 18), ("retired-key", 18), ("uncovered-entry", 18)])
    }

    /// A checkpoint re-signed with the real key over a wrong root does not match the tree.
    @Test func checkpointWithWrongRootIsRootMismatch() throws {
        let wrong = try fixture.checkpoint(size: 7).checkpoint.root
        let checkpoint = try SignedCheckpoint.sign(Checkpoint(origin: Fixture.origin, size: 8, root: wrong), with: fixture.accountant)
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE checkpoint SET note = ? WHERE size = 8", arguments: [checkpoint.note.serialized])
        }
        expectExactly(report, [("root-mismatch", 7)])
    }

    /// A checkpoint for another origin, even correctly signed, is not this ledger's.
    @Test func checkpointForAnotherOrigin() throws {
        let root = try fixture.checkpoint(size: 8).checkpoint.root
        let checkpoint = try SignedCheckpoint.sign(Checkpoint(origin: "fenhong/152223/other", size: 8, root: root), with: fixture.accountant)
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE checkpoint SET note = ? WHERE size = 8", arguments: [checkpoint.note.serialized])
        }
        expectExactly(report, [("checkpoint-origin", 7)])
    }

    /// A replaced tree node is caught by comparison with the recomputed tree.
    @Test func replacedTreeNodeIsNodeMismatch() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE tree_node SET hash = zeroblob(32) WHERE level = 2 AND idx = 1")
        }
        expectExactly(report, [("node-mismatch", 7)])
    }

    /// Deleted and invented tree nodes are missing and extra.
    @Test func deletedAndInventedTreeNodes() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: "DELETE FROM tree_node WHERE level = 1 AND idx = 2")
            try db.execute(sql: "INSERT INTO tree_node (level, idx, hash) VALUES (1, 100, zeroblob(32))")
        }
        expectExactly(report, [("node-missing", 5), ("node-extra", 201)])
    }

    /// A dropped tree node table is reported once, not as a missing node per subtree.
    @Test func droppedTreeNodeTable() throws {
        let report = try fixture.tampered { db in try db.execute(sql: "DROP TABLE tree_node") }
        expectExactly(report, [("node-missing", nil)])
    }

    /// A replaced tree node table (a whole other tree) is a mismatch at every node.
    @Test func replacedTreeNodeTable() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE tree_node SET hash = randomblob(32)")
        }
        #expect(report.problems.count == 9 + 4 + 2 + 1)  // every node of levels 1…4 of a tree of 19 leaves
        expectFirstProblem(report, "node-mismatch", at: 1)
    }

    /// A body with an extra space is not canonical, even when its stored hash is updated.
    @Test func bodyWithExtraSpaceIsNotCanonical() throws {
        let body = try fixture.body(3).replacingOccurrences(of: "\",\"", with: "\", \"")
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE entry SET body = ?, hash = ? WHERE seq = 3",
                           arguments: [body, Data(Entry.hash(body: Array(body.utf8)).bytes)])
        }
        expectFirstProblem(report, "not-canonical", at: 3)
        expectProblem(report, "prev-mismatch", at: 4)
    }

    /// A body with its keys out of order is not canonical.
    @Test func bodyWithReorderedKeysIsNotCanonical() throws {
        let original = try fixture.body(3)
        let body = "{\"v\":1," + original.dropFirst().replacingOccurrences(of: ",\"v\":1", with: "")
        #expect(body != original && body.count == original.count)
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE entry SET body = ?, hash = ? WHERE seq = 3",
                           arguments: [body, Data(Entry.hash(body: Array(body.utf8)).bytes)])
        }
        expectFirstProblem(report, "not-canonical", at: 3)
    }

    /// A body that is not valid UTF-8 is read as its exact bytes and reported, not a crash.
    @Test func bodyWithInvalidUTF8IsNotCanonical() throws {
        let report = try fixture.tampered { db in
            // The generated columns would parse the body as JSON and refuse it: an adversary
            // rebuilds the table without them.
            try db.execute(sql: """
                CREATE TABLE plain (seq INTEGER PRIMARY KEY, body, hash);
                INSERT INTO plain SELECT seq, body, hash FROM entry;
                DROP TABLE entry;
                ALTER TABLE plain RENAME TO entry;
                """)
            try db.execute(sql: "UPDATE entry SET body = CAST(X'7BFF7D' AS TEXT) WHERE seq = 2")
        }
        expectFirstProblem(report, "not-canonical", at: 2)
        expectProblem(report, "hash-mismatch", at: 2)
    }

    /// A body of an unknown format version is reported as such.
    @Test func unknownVersion() throws {
        let body = try fixture.body(3).replacingOccurrences(of: "\"v\":1", with: "\"v\":2")
        let report = try fixture.tampered { db in
            try db.execute(sql: "UPDATE entry SET body = ?, hash = ? WHERE seq = 3",
                           arguments: [body, Data(Entry.hash(body: Array(body.utf8)).bytes)])
        }
        expectFirstProblem(report, "unknown-version", at: 3)
    }

    /// A stored hash that is not 32 bytes is a hash mismatch, not a crash.
    @Test func malformedStoredHash() throws {
        let report = try fixture.tampered { db in try db.execute(sql: "UPDATE entry SET hash = 'x' WHERE seq = 4") }
        expectExactly(report, [("hash-mismatch", 4)])
    }

    /// An altered cosignature does not verify, and the inspector is no longer counted as cosigning.
    @Test func forgedCosignature() throws {
        let line = fixture.head.note.signatures.last!
        var bytes = line.signature
        bytes[20] ^= 0x01
        let forged = NoteSignature(name: line.name, id: line.id, signature: bytes).line
        let report = try fixture.tampered { db in try db.execute(sql: "UPDATE cosignature SET line = ?", arguments: [forged]) }
        expectExactly(report, [("bad-cosignature", 18)])
        #expect(report.cosigned.map(\.size) == [0])
    }

    /// A junk row beside a checkpoint's real cosignature is that row's problem: the checkpoint
    /// still reads, covers its entries, and keeps the inspector's cosignature (one such row had
    /// made the checkpoint unreadable, its entries uncovered and the inspector's cosignature lost).
    @Test func junkCosignatureRow() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: "INSERT INTO cosignature (size, key_id, line) VALUES (19, '00000000', 'garbage')")
        }
        expectExactly(report, [("bad-cosignature", 18)])
        #expect(report.problems.first?.detail == "checkpoint 19: the cosignature filed under key 00000000 holds \"garbage\", not a signature line")
        #expect(report.cosigned.map(\.size) == [19])
    }

    /// A cosignature stored for a checkpoint that does not exist is reported.
    @Test func orphanCosignature() throws {
        let report = try fixture.tampered { db in
            try db.execute(sql: "INSERT INTO cosignature (size, key_id, line) VALUES (25, 'deadbeef', 'x')")
        }
        expectExactly(report, [("bad-cosignature", 24)])
    }

    /// A trusted checkpoint not signed by this ledger's keys is refused.
    @Test func trustedCheckpointByUnknownKey() throws {
        let mallory = try NoteSigner.generate(name: "baixin-accountant", algorithm: .ed25519)
        let trusted = try SignedCheckpoint.sign(fixture.head.checkpoint, with: mallory)
        let report = try Verifier.verify(LedgerStore.auditSource(path: fixture.ledger), trusted: trusted)
        expectExactly(report, [("inconsistent-with-trusted", nil)])
    }

    /// Flipped bytes anywhere in the file never crash the verifier: it throws "cannot run" or
    /// reports problems (seeded; the seed is printed on failure).
    @Test(arguments: 0..<40)
    func flippedBytesNeverCrash(seed: Int) throws {
        let path = try fixture.copy()
        defer { Fixture.discard(path) }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var generator = SplitMix64(seed: UInt64(seed))
        for _ in 0..<8 {
            let offset = Int(generator.next() % UInt64(bytes.count))
            bytes[offset] ^= UInt8(truncatingIfNeeded: generator.next() | 1)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try Verifier.verify(LedgerStore.auditSource(path: path))
        } catch is SourceError {
            // cannot run: exit 2
        }
    }

    /// A flipped byte inside a body is found, without SQLite noticing anything.
    @Test func flippedByteInBodyIsFound() throws {
        let path = try fixture.copy()
        defer { Fixture.discard(path) }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let needle = Array("王强".utf8)
        let offset = try #require((0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        bytes[offset + 1] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let report = try Verifier.verify(LedgerStore.auditSource(path: path))
        expectFirstProblem(report, "hash-mismatch", at: 2)
    }
}
