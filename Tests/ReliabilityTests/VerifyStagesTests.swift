import Bench
import Foundation
import LedgerVerifier
import Testing

/// `fenhong bench stages`: every stage runs over every entry of a real ledger; what it reports is
/// the figures, so only its shape is held here, never a time.
struct VerifyStagesTests {
    @Test func timesEveryStageOverEveryEntry() throws {
        let folder = try Reliability.folder("stages")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try SyntheticLedger(entries: 3_000, seed: 5).generate(at: folder + "/ledger.fenhong")
        let stages = try VerifyStages.measure(ledgerAt: folder + "/ledger.fenhong")
        #expect(Int64(stages.entries) == summary.entries)
        #expect(stages.decoded == stages.entries)
        #expect(stages.ruleViolations == 0)
        #expect(stages.stages.map(\.name) == [
            "read every entry (seq, body, hash) through SQLite", "read, and copy the bodies batch by batch",
            "leaf hash SHA-256(0x00 ‖ body)", "decode and check the form of each body",
            "business rules (LedgerState.apply, in order)", "tree: append every leaf, hash every node",
            "read every stored tree node through SQLite",
        ])
        #expect(stages.stages.allSatisfy { $0.seconds > 0 })
        #expect(stages.text.split(separator: "\n").count == 7)
    }

    @Test func aMissingLedgerIsNamed() {
        #expect(throws: SourceError.self) { try VerifyStages.measure(ledgerAt: "/nonexistent/ledger.fenhong") }
    }
}
