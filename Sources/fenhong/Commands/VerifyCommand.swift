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
            Give several paths, or folders of ledgers (their *.fenhong files, SQLite files and bundle folders, \
            subfolders included), to check many villages in one run: each is reported in turn, then a summary \
            naming those not intact, the files passed over, and copies of one village's ledger that disagree \
            (with --json, one line each, then a summary line); an intact ledger is one line. With many ledgers, \
            --trusted may name a folder of kept checkpoints: each ledger is held to the one of its village. \
            --keep FOLDER then keeps each intact village's latest checkpoint there, one file a village, for next time: \
            `fenhong verify league --trusted kept --keep kept` at every visit. \
            Exit status: 0 all intact, 1 problems found (each printed with its entry and rule) or two copies of a \
            village disagree, 2 one could not run, or a village kept in --trusted FOLDER has no ledger in the run.
            """)

    @Argument(help: "Ledger files, bundle folders written by `fenhong export`, or folders of them.") var paths: [String]
    @Option(parsing: .unconditional, help: "A checkpoint you kept earlier, or a folder of them: each ledger must extend the one of its village (catches truncation and rewritten history).")
    var trusted: String?
    @Option(help: "After verifying, keep each intact village's latest checkpoint in this folder (one file a village, replaced only by one that extends it), to give as --trusted next time.")
    var keep: String?
    @Flag(help: "Print each report as one line of JSON.") var json = false
    @Flag(help: "Only some of the villages kept in --trusted FOLDER are given (a day's round): do not report the others as missing.")
    var partial = false
    @OptionGroup var newVillages: NewVillageOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give a ledger file, a bundle folder, or a folder of them") }
    }

    func run() throws {
        let sweep: LedgerSweep
        do {
            if let keep { try LedgerSweep.checkKeepFolder(keep) }
            sweep = try LedgerSweep(paths: paths, trusted: trusted, keep: keep, partial: partial, newVillages: newVillages.accepted)
        } catch {
            // A --trusted or --keep at fault stops the run before any ledger is read: said in
            // JSON too, to a program reading it.
            if json { print(ReportPrinter.json(cannotRun: Fenhong.message(for: error), path: paths.joined(separator: ", ")), terminator: "") }
            throw error
        }
        ReportPrinter.notes(of: sweep, trusted: trusted)
        if sweep.ledgers.isEmpty {
            let message = "\(paths.joined(separator: ", ")) holds no ledger file or bundle folder"
            if json { print(ReportPrinter.json(cannotRun: message, path: paths.joined(separator: ", ")), terminator: "") }
            throw ValidationError(message)
        }
        let many = sweep.ledgers.count > 1
        var outcomes: [(path: String, outcome: LedgerSweep.Outcome)] = []
        var unkept = 0
        sweep.verifyAll(progress: { path, count in Printer.stderr("fenhong: \(path): verified \(count) entries…") }) { path, outcome in
            let line = many && !json ? outcomeLine(outcome) : nil
            // A full report stands apart from what is around it; an intact ledger is a line.
            if !json, let previous = outcomes.last?.outcome, line == nil || outcomeLine(previous) == nil { print("") }
            switch outcome {
            case .verified(let report, let trusted):
                print(json ? ReportPrinter.json(report, path: path, trusted: trusted)
                           : line ?? ReportPrinter.text(report, trusted: trusted, advising: !many && keep == nil && self.trusted == nil), terminator: "")
                if report.ok && trusted == nil { unkept += 1 }
            case .cannotRun(let error):
                // A program reading --json gets JSON either way; a person reads it in the report,
                // or for a single ledger on stderr.
                if json { print(ReportPrinter.json(cannotRun: Fenhong.message(for: error), path: path), terminator: "") }
                if many && !json { print("\(path): could not be read: \(Fenhong.message(for: error))") }
            }
            outcomes.append((path, outcome))
        }
        if !many, case .cannotRun(let error)? = outcomes.first?.outcome { throw error }
        let summary = sweep.summary(outcomes)
        let keeping = keep.map { sweep.keep(outcomes, summary: summary, in: $0) }
        let summarized = many || !summary.keptWithoutLedger.isEmpty || !sweep.passedOver.isEmpty || !summary.newVillages.isEmpty
        if json {
            if summarized || keeping != nil { print(ReportPrinter.json(summary, of: sweep, keeping: keeping), terminator: "") }
        } else {
            var tail = summarized ? ReportPrinter.text(summary, of: sweep, unkept: keeping == nil ? unkept : 0) : ""
            if let keeping, let keep { tail += ReportPrinter.text(keeping, in: keep) }
            if !tail.isEmpty { print("\n" + tail, terminator: "") }
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    /// A ledger's outcome as one line when it is told whole in one (intact, nothing left
    /// unjudged; or could not be read), among many.
    private func outcomeLine(_ outcome: LedgerSweep.Outcome) -> String? {
        switch outcome {
        case .verified(let report, let trusted): ReportPrinter.line(report, trusted: trusted)
        case .cannotRun: ""  // its line is printed below
        }
    }
}
