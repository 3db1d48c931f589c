import LedgerCore
import LedgerStore
import LedgerVerifier
import Testing

/// A village's several kept checkpoints, held to in one pass: each must be extended by the
/// ledger, and its problems name it.
@Suite struct HeldCheckpointsTests {
    let fixture = Fixture.shared

    @Test func everyCheckpointKeptIsHeldTo() throws {
        let early = try fixture.checkpoint(size: 8), middle = try fixture.checkpoint(size: 15)
        let kept = [Verifier.Trusted(fixture.head), Verifier.Trusted(early, name: "K8"), Verifier.Trusted(middle, name: "K15")]
        expectExactly(try fixture.tampered(heldTo: kept) { _ in }, [])

        // A fork re-signed with the real key: each kept checkpoint it does not extend, by name.
        var commands = fixture.commands
        commands[3].payloads = [.incomeRecord(CashFlow(amount: Fen(700_000), category: "rent", counterparty: "扎赉特旗光伏", date: Fixture.date))]
        expectExactly(try fixture.forged(commands), [])
        let fork = try fixture.forged(commands, heldTo: [Verifier.Trusted(fixture.head), Verifier.Trusted(early, name: "K8"), Verifier.Trusted(middle, name: "K15")])
        expectExactly(fork, [("inconsistent-with-trusted", 7), ("inconsistent-with-trusted", 14), ("inconsistent-with-trusted", 18)])
        #expect(fork.problems[0].detail.hasSuffix("entries 0…7 (reported at the last of them) (K8)"),
                "\(fork.problems)")
        #expect(fork.problems[1].detail.hasSuffix("entries 0…14 (reported at the last of them) (K15)"), "\(fork.problems)")
        #expect(fork.problems[2].detail.contains("(consistency proof from 19 to 19:") && !fork.problems[2].detail.contains("(K"), "\(fork.problems)")

        // The cosignature on a kept checkpoint that is not the largest is held to as well.
        let deleted = try fixture.tampered(heldTo: [Verifier.Trusted(early), Verifier.Trusted(fixture.head, name: "K19")]) { db in
            try db.execute(sql: "DELETE FROM cosignature")
        }
        expectExactly(deleted, [("inconsistent-with-trusted", 18)])
        #expect(deleted.problems.first?.detail.hasSuffix("does not carry: it was deleted, or this copy of the ledger was made before the cosignature was added (a cosignature made on a bundle is added to the ledger by its accountant: fenhong cosignature add FILE) (K19)") == true, "\(deleted.problems)")

        // A kept checkpoint beyond a truncated ledger's end, named.
        let cut = try fixture.tampered(heldTo: [Verifier.Trusted(early), Verifier.Trusted(fixture.head, name: "K19")]) { db in
            try db.execute(sql: "DELETE FROM entry WHERE seq >= 15")
            try db.execute(sql: "DELETE FROM tree_node WHERE ((idx + 1) << level) > 15")
            try db.execute(sql: "DELETE FROM cosignature")
            try db.execute(sql: "DELETE FROM checkpoint WHERE size > 15")
        }
        expectExactly(cut, [("inconsistent-with-trusted", 15)])
        #expect(cut.problems.first?.detail.hasSuffix("were removed (truncated) (K19)") == true, "\(cut.problems)")
    }
}
