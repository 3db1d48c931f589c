import Foundation
import LedgerCore
import LedgerReports
import LedgerStore
import LedgerVerifier
import Statements

/// The demo as a user runs it: a folder with the ledger, its bundle and the demo keys.
public struct DemoRun {
    public let folder: String
    public let entries: Int64
    public let checkpoints: Int
    /// The verification of the finished ledger, before it was cosigned.
    public let report: VerificationReport
    /// The head checkpoint with the inspector's cosignature.
    public let cosigned: SignedNote
    /// Chen Mei's statement as text, for the terminal.
    public let chenMeiStatement: String
    /// Each file written and what it is.
    public let files: [(String, String)]

    /// Creates `folder` (which must not exist) and fills it.
    public static func create(in folder: String) throws -> DemoRun {
        guard !FileManager.default.fileExists(atPath: folder) else { throw StoreError.outputExists(path: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ledger = folder + "/baixin.fenhong"
        let store = try DemoLedger.build(at: ledger)
        try KeyFile.write(DemoKeys.accountant, to: folder + "/accountant.key")
        try KeyFile.write(DemoKeys.inspector, to: folder + "/inspector.key")
        guard case .cosigned(let note, let report) = try LedgerAudit.cosign(path: ledger, with: DemoKeys.inspector, time: DemoLedger.cosignTime) else {
            throw SourceError("the demo ledger did not verify; this is a bug in the demo")
        }
        let summary = try BundleWriter.write(store: store, to: folder + "/bundle")
        let (statement, proof) = try chenMeiStatement(store)
        let document = statement.document()
        let base = folder + "/chen-mei-statement"
        try Data(PDFRenderer().render(document)).write(to: URL(fileURLWithPath: base + ".pdf"))
        // Its footer says how to check it: the proof it is checked with lies beside it.
        try Data(proof.serialized.utf8).write(to: URL(fileURLWithPath: base + ".proof.txt"))
        try Data(PDFRenderer(largePrint: true).render(document)).write(to: URL(fileURLWithPath: base + "-large-print.pdf"))
        // For a screen reader: a page of headings and tables, which a PDF without tags is not.
        try Data(HTMLRenderer().render(document).utf8).write(to: URL(fileURLWithPath: base + ".html"))
        let script = SpeechRenderer().render(statement.listeningDocument())
        try Data(script.utf8).write(to: URL(fileURLWithPath: base + "-speech.txt"))
        var audio: [(String, String)] = []
        if (try? SpeechSynthesizer.wav(script: script, to: URL(fileURLWithPath: base + ".wav"))) != nil {
            audio = [("chen-mei-statement.wav", "the statement read aloud in Mandarin (espeak-ng)")]
        }
        return DemoRun(folder: folder, entries: summary.entries, checkpoints: summary.checkpoints, report: report, cosigned: note,
                       chenMeiStatement: TextRenderer().render(document), files: [
            ("baixin.fenhong", "the ledger (SQLite): fenhong log --ledger \(folder)/baixin.fenhong"),
            ("bundle/", "what an inspector takes away: fenhong verify \(folder)/bundle"),
            ("chen-mei-statement.pdf", "Chen Mei's statement, A4 (also .html for a screen reader, -large-print.pdf, -speech.txt); check it with "
                + "fenhong statement check \(base).pdf --ledger \(ledger)"),
        ] + audio + [
            ("accountant.key", "demo accountant key (published seed: not for real use)"),
            ("inspector.key", "demo inspector key (published seed: not for real use)"),
        ])
    }

    /// Chen Mei's statement, all years, made against the cosigned head checkpoint, and its proof.
    static func chenMeiStatement(_ store: LedgerStore) throws -> (HouseholdStatement, StatementProof) {
        try store.withReader { reader in
            let head = try reader.latestCheckpoint()
            let statement = try HouseholdStatement.build(
                facts: try StatementSource.facts(reader, household: DemoVillage.chenMei), year: nil,
                date: LedgerDate("2024-12-31")!, checkpoint: try StatementSource.footer(reader, head))
            return (statement, try StatementSource.proof(reader, statement, head))
        }
    }
}
