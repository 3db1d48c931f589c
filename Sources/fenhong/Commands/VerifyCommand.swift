import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a ledger file or an exported bundle: bodies, chain, tree, checkpoints, signatures, business rules.",
        discussion: """
            Give several paths, or a folder of ledgers (its *.fenhong files and bundle folders), to check many \
            villages in one run: each is reported in turn, then a summary line (with --json, one line each). \
            Exit status: 0 all intact, 1 problems found (each printed with its entry and rule), 2 one could not run.
            """)

    @Argument(help: "Ledger files, bundle folders written by `fenhong export`, or folders of them.") var paths: [String]
    @Option(parsing: .unconditional, help: "A checkpoint you kept earlier: the ledger must extend it (catches truncation and rewritten history).")
    var trusted: String?
    @Flag(help: "Print each report as one line of JSON.") var json = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give a ledger file, a bundle folder, or a folder of them") }
    }

    func run() throws {
        let expanded = paths.map(LedgerAudit.ledgers(at:))
        let ledgers = expanded.flatMap(\.ledgers)
        for skipped in expanded.flatMap(\.skipped) { Printer.stderr("fenhong: skipped \(skipped): not a .fenhong file or a bundle folder") }
        if trusted != nil && ledgers.count != 1 {
            throw ValidationError("--trusted is the checkpoint kept for one ledger; verify the \(ledgers.count) ledgers one at a time with their own")
        }
        if ledgers.isEmpty {
            let message = "\(paths.joined(separator: ", ")) holds no .fenhong file or bundle folder"
            if json { print(ReportPrinter.json(cannotRun: message), terminator: "") }
            throw ValidationError(message)
        }
        let kept = try trusted.map { try LedgerAudit.readTrusted($0) }
        var tally = (intact: 0, problems: 0, unreadable: 0)
        for (index, path) in ledgers.enumerated() {
            if !json && index > 0 { print("") }
            do {
                let report = try LedgerAudit.verify(path: path, trusted: kept) { count in
                    Printer.stderr("fenhong: \(path): verified \(count) entries…")
                }
                print(json ? ReportPrinter.json(report, path: path, trusted: kept) : ReportPrinter.text(report, trusted: kept), terminator: "")
                if report.ok { tally.intact += 1 } else { tally.problems += 1 }
            } catch {
                // A program reading --json gets JSON either way; the sentence also goes to stderr.
                if json { print(ReportPrinter.json(cannotRun: Fenhong.message(for: error), path: path), terminator: "") }
                if ledgers.count == 1 { throw error }
                Printer.stderr("fenhong: \(Fenhong.message(for: error))")
                tally.unreadable += 1
            }
        }
        if ledgers.count > 1 && !json {
            print("\n\(ledgers.count) ledgers: \(tally.intact) intact, \(tally.problems) with problems, \(tally.unreadable) could not be read")
        }
        if tally.unreadable > 0 { throw ExitCode(2) }
        if tally.problems > 0 { throw ExitCode(1) }
    }
}
