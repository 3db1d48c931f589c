import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a ledger file or an exported bundle: bodies, chain, tree, checkpoints, signatures, business rules.",
        discussion: "Exit status: 0 intact, 1 problems found (each printed with its entry and rule), 2 could not run.")

    @Argument(help: "A ledger file, or a bundle folder written by `fenhong export`.") var path: String
    @Option(help: "A checkpoint you kept earlier: the ledger must extend it (catches truncation and rewritten history).")
    var trusted: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        let report: VerificationReport
        let kept: SignedCheckpoint?
        do {
            kept = try trusted.map(LedgerAudit.readTrusted)
            report = try LedgerAudit.verify(path: path, trusted: kept) { count in
                Printer.stderr("fenhong: verified \(count) entries…")
            }
        } catch {
            // A program reading --json gets JSON either way; the sentence still goes to stderr (exit 2).
            if json { print(ReportPrinter.json(cannotRun: Fenhong.message(for: error)), terminator: "") }
            throw error
        }
        print(json ? ReportPrinter.json(report) : ReportPrinter.text(report, trusted: kept), terminator: "")
        if !report.ok { throw ExitCode(1) }
    }
}
