import Demo
import Foundation
import LedgerReports
import LedgerStore
import Statements
import Testing
import TestScratch

/// ledgers/baixin is exactly what `fenhong demo` builds, and it verifies.
struct CommittedBundleTests {
    private var committed: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ledgers/baixin")
    }

    private func files(in folder: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)!
        return (enumerator.allObjects as! [String]).filter { !$0.hasSuffix("/") && !$0.hasSuffix("checkpoints") }.sorted()
    }

    /// A fresh demo's bundle matches the committed one file for file, byte for byte.
    @Test func demoRegeneratesTheCommittedBundle() throws {
        let folder = try Scratch.folder("demo")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try DemoRun.create(in: folder.path + "/demo")  // the demo creates its folder
        let fresh = folder.appendingPathComponent("demo/bundle")
        let names = try files(in: committed)
        #expect(names == (try files(in: fresh)))
        #expect(names.contains("entries.jsonl") && names.contains("checkpoints/241.txt"))
        for name in names {
            let a = try Data(contentsOf: committed.appendingPathComponent(name))
            let b = try Data(contentsOf: fresh.appendingPathComponent(name))
            #expect(a == b, "\(name) differs from the committed bundle: regenerate with `fenhong demo` and copy bundle/ to ledgers/baixin")
        }
        #expect(run.entries == 241)

        // Chen Mei's statement comes with the proof its footer tells an inspector to check.
        let demo = folder.path + "/demo"
        let proof = try StatementProof(parsing: try String(contentsOfFile: demo + "/chen-mei-statement.proof.txt", encoding: .utf8))
        let trust = try StatementSource.trust(ledgerPath: demo + "/baixin.fenhong", proof: proof)
        let pdf = try StatementSource.statement(demo + "/chen-mei-statement.pdf")
        #expect(proof.check(against: trust, statementText: pdf.text, printed: pdf.printed) == [])
        // The figures read off it hold too, without comparing it with the PDF printed again.
        #expect(proof.check(against: trust, statementText: pdf.text) == [])
        // And so does her large-print copy, eight pages long: no record is split across a page,
        // and a page's first line reads as any other.
        let largePrint = try StatementSource.statement(demo + "/chen-mei-statement-large-print.pdf")
        #expect(proof.check(against: trust, statementText: largePrint.text, printed: largePrint.printed) == [])
        #expect(proof.check(against: trust, statementText: largePrint.text) == [])
        // Her HTML copy, for a screen reader, checks with the same proof.
        let html = try StatementSource.statement(demo + "/chen-mei-statement.html")
        #expect(proof.check(against: trust, statementText: html.text, printed: html.printed) == [])
    }

    /// The committed bundle verifies, and its head checkpoint carries the inspector's cosignature.
    @Test func committedBundleVerifies() throws {
        let report = try LedgerAudit.verify(path: committed.path, trusted: nil)
        #expect(report.ok, "\(report.problems)")
        #expect(report.entries == 241)
        #expect(report.cosigned.map(\.size) == [241])
    }
}
