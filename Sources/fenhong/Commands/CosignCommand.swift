import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

/// `fenhong cosignature add FILE`: the accountant adds an inspector's cosignature made on a copy.
struct CosignatureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosignature", abstract: "Add to the ledger the cosignature an inspector made on a copy of it.",
        subcommands: [CosignatureAddCommand.self])
}

struct CosignatureAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add the cosignatures of a checkpoint an inspector cosigned (the output of `fenhong cosign` on a bundle).",
        discussion: "Each must be by an inspector key of the ledger and verify over the ledger's own checkpoint of that size.")

    @Argument(help: "The cosigned checkpoint the inspector gave back.") var file: String
    @OptionGroup var ledger: LedgerOption

    func run() throws {
        let kept = try LedgerAudit.readTrusted(file, label: "cosigned checkpoint",
                                               wanted: "give the ledger as --ledger, and as the file the checkpoint the inspector cosigned (`fenhong cosign` on a bundle prints it)")
        guard kept.note.signatures.count > 1 else {
            throw ValidationError("\(file) carries the accountant's signature only, no inspector's cosignature: give the checkpoint `fenhong cosign` printed")
        }
        let added = try LedgerAudit.addCosignatures(path: try ledger.path, from: kept)
        if added.isEmpty {
            print("checkpoint \(kept.checkpoint.size) already carries every cosignature in \(file)")
        } else {
            print("added to checkpoint \(kept.checkpoint.size) the cosignature of inspector \(added.joined(separator: ", "))")
        }
    }
}

struct CosignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosign",
        abstract: "Verify the whole ledger, then add your inspector cosignature to its head checkpoint.",
        discussion: """
            Nothing is cosigned unless verification finds no problem (exit 1 otherwise). On a bundle (a copy) nothing is \
            written: the cosigned checkpoint is printed, for the accountant's `fenhong cosignature add`. \
            Give several paths, or folders of ledgers, to cosign many villages in one run: every ledger is verified \
            first, held to its village's checkpoint in --trusted FOLDER, then of each village whose copies are all \
            intact and agree one copy is cosigned (never two histories of one village). Each cosigned checkpoint is \
            kept in --keep FOLDER (a copy's, for its accountant to add), which a run of many requires: \
            `fenhong cosign league --key inspector.key --trusted kept --keep kept`. \
            Exit status: 0 every ledger cosigned (or cosigned before); 1 one has problems, or two copies of a village \
            disagree; 2 one could not be read or cosigned (a village that never enrolled the key: its accountant \
            enrols it with `fenhong key add --role inspector`), or a village kept in --trusted FOLDER has no ledger in the run.
            """)

    @Argument(help: "Ledger files or bundle folders, as for verify, or folders of them (or --ledger).") var paths: [String] = []
    @OptionGroup var ledger: LedgerOption
    @OptionGroup var key: KeyOption
    @Option(parsing: .unconditional, help: "The checkpoint you kept last time, or a folder of them: nothing is cosigned unless the ledger extends its village's.") var trusted: String?
    @Option(help: "Keep each cosigned checkpoint in this folder, one file a village, as verify --keep does.") var keep: String?
    @Flag(help: "Only some of the villages kept in --trusted FOLDER are given (a day's round): do not report the others as missing.")
    var partial = false
    @OptionGroup var newVillages: NewVillageOptions

    func run() throws {
        if !paths.isEmpty, ledger.ledger != nil { throw ValidationError("give the ledger once: as PATH or as --ledger") }
        let signer = try key.signer()
        try LedgerAudit.checkInspector(signer)
        if let keep { try LedgerSweep.checkKeepFolder(keep) }
        if paths.isEmpty, ledger.ledger == nil, (ProcessInfo.processInfo.environment["FENHONG_LEDGER"] ?? "").isEmpty {
            throw ValidationError("no ledger given: pass PATH (ledger files, bundles, or folders of them), --ledger FILE, or set FENHONG_LEDGER")
        }
        let sweep = try LedgerSweep(paths: paths.isEmpty ? [try ledger.path] : paths, trusted: trusted, keep: keep, partial: partial, newVillages: newVillages.accepted)
        ReportPrinter.notes(of: sweep, trusted: trusted)
        let time = UInt64(Date().timeIntervalSince1970)
        guard sweep.ledgers.count > 1 else {
            guard let path = sweep.ledgers.first else {
                throw ValidationError("\((paths.isEmpty ? [try ledger.path] : paths).joined(separator: ", ")) holds no ledger file or bundle folder")
            }
            return try cosignOne(path, sweep: sweep, signer: signer, time: time)
        }
        guard let keep else {
            throw ValidationError("cosigning many villages keeps each cosigned checkpoint: give --keep FOLDER (the folder of --trusted, to keep using it)")
        }
        try cosignMany(sweep, signer: signer, time: time, keep: keep)
    }

    /// One ledger: the cosigned checkpoint printed (stdout holds nothing else), what was done on stderr.
    private func cosignOne(_ path: String, sweep: LedgerSweep, signer: NoteSigner, time: UInt64) throws {
        let done = sweep.cosign(path, with: signer, time: time) { count in Printer.stderr("fenhong: verified \(count) entries…") }
        guard case .verified(let report, let trusted) = done.outcome, let cosigning = done.cosigning else {
            if case .cannotRun(let error) = done.outcome { throw error }
            return
        }
        if let trusted, report.ok { Printer.stderr("fenhong: \(path) extends the checkpoint kept of size \(trusted.checkpoint.size)") }
        switch try cosigning.get() {
        case .cosigned(let note, _):
            print(note.serialized, terminator: "")
        case .cosignedCopy(let note, let report):
            print(note.serialized, terminator: "")
            Printer.stderr("fenhong: \(path) is a copy: nothing was written; give the checkpoint printed above (size \(report.size)) to the village's accountant, who adds it with `fenhong cosignature add FILE`")
        case .alreadyCosigned(let note, let report):
            Printer.stderr("fenhong: this inspector already cosigned checkpoint \(report.size)")
            print(note.serialized, terminator: "")
        case .refused:
            print(ReportPrinter.text(report, trusted: trusted), terminator: "")
            Printer.stderr("fenhong: \(path) did not verify; nothing was cosigned")
            throw ExitCode(1)
        }
        let outcomes = [(path, done.outcome)]
        let summary = sweep.summary(outcomes)
        if let keep {
            let keeping = sweep.keep(outcomes, summary: summary, in: keep, heads: done.cosigned.map { [path: $0.serialized] } ?? [:])
            Printer.stderr(ReportPrinter.text(keeping, in: keep).split(separator: "\n").map { "fenhong: \($0)" }.joined(separator: "\n"))
        }
        // A village whose checkpoint is kept in --trusted FOLDER but whose ledger was not given.
        for kept in summary.keptWithoutLedger { Printer.stderr("fenhong: " + ReportPrinter.missing(kept)) }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    /// Many ledgers (``LedgerSweep/cosignAll(with:time:keep:progress:each:)``): a line each as it
    /// is done (a full report for one with problems), then a summary, what was kept, and the
    /// kept files to give to the accountants of villages cosigned on a copy.
    private func cosignMany(_ sweep: LedgerSweep, signer: NoteSigner, time: UInt64, keep: String) throws {
        var tally = CosignTally()
        let run = sweep.cosignAll(with: signer, time: time, keep: keep,
                                  progress: { path, count in Printer.stderr("fenhong: \(path): verified \(count) entries…") }) { path, _, step in
            let line = switch step {
            case .tried(let done): tally.line(path, done)
            case .passedOver(let reason): tally.skipped(path, reason)
            }
            tally.lines += 1
            // Written at once, not buffered: a line a ledger even when stdout is a file and the run is stopped.
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        var tail = "\n" + tally.summary + ReportPrinter.text(run.summary, of: sweep, unkept: 0) + ReportPrinter.text(run.keeping, in: keep)
        for (file, origin, copy) in run.handOver {
            tail += "give \(file) to the accountant of \(origin) (cosigned on the copy \(copy)), who adds it with `fenhong cosignature add \(file)`\n"
        }
        for (copy, note) in run.unkept {
            tail += "the checkpoint cosigned on the copy \(copy) could not be kept (see above); give it to the village's accountant, "
                + "who adds it with `fenhong cosignature add FILE`:\n\(note.serialized)"
        }
        FileHandle.standardOutput.write(Data(tail.utf8))
        // 2 when one could not be read or cosigned, a copy's cosigned checkpoint not kept, or a
        // village kept has no ledger; else 1 when one has problems or two copies disagree (as verify).
        let code = tally.failed > 0 || !run.unkept.isEmpty ? 2 : max(run.summary.exitCode, tally.refused > 0 ? 1 : 0)
        if code != 0 { throw ExitCode(code) }
    }
}

/// The lines `cosign` of many villages prints, and its counts.
private struct CosignTally {
    var cosigned = 0, copies = 0, already = 0
    /// Copies of a village cosigned on another copy of it.
    var passedOver = 0
    /// Lines written so far: a full report stands apart from the lines before it.
    var lines = 0
    /// Not cosigned: with problems or in a village in trouble; or for another reason (unreadable,
    /// a key not enrolled).
    var refused = 0, failed = 0

    /// One ledger's line: what was cosigned, or why not (a full report when it has problems).
    mutating func line(_ path: String, _ done: LedgerSweep.Cosigning) -> String {
        switch (done.outcome, done.cosigning) {
        case (.cannotRun(let error), _):
            failed += 1
            return "\(path): could not be read: \(Fenhong.message(for: error))\n"
        case (.verified(let report, let trusted), .success(.refused)?):
            refused += 1
            return (lines > 0 ? "\n" : "") + ReportPrinter.text(report, trusted: trusted, advising: false) + "\(path): not cosigned\n\n"
        case (.verified(let verified, let trusted), .success(.cosigned(_, let report))?):
            cosigned += 1
            return "\(path): cosigned checkpoint \(report.size)\(Self.of(verified)), root \(report.root.hex); \(Self.held(trusted))\n"
        case (.verified(let verified, let trusted), .success(.cosignedCopy(_, let report))?):
            copies += 1
            return "\(path): a copy: cosigned checkpoint \(report.size)\(Self.of(verified)), root \(report.root.hex); \(Self.held(trusted)); nothing written to it\n"
        case (.verified(_, let trusted), .success(.alreadyCosigned(_, let report))?):
            already += 1
            return "\(path): checkpoint \(report.size) was already cosigned by this inspector; \(Self.held(trusted))\n"
        case (_, .failure(let error)?):
            failed += 1
            return "\(path): not cosigned: \(Fenhong.message(for: error))\n"
        case (.verified, nil):
            failed += 1
            return "\(path): not cosigned\n"
        }
    }

    /// An intact ledger not cosigned: its village is in trouble, or another copy of it is cosigned.
    mutating func skipped(_ path: String, _ reason: LedgerSweep.PassedOver) -> String {
        switch reason {
        case .anotherCopyCosigned: passedOver += 1
        case .newVillage: failed += 1  // not cosigned until the inspector says it belongs: exit 2
        case .villageInTrouble: refused += 1
        }
        return "\(path): not cosigned: \(reason)\n"
    }

    /// ` of ORIGIN`: which village a line is about, whatever its file's name.
    private static func of(_ report: VerificationReport) -> String { report.origin.map { " of \($0)" } ?? "" }

    private static func held(_ trusted: SignedCheckpoint?) -> String {
        trusted.map { "extends the checkpoint kept of size \($0.checkpoint.size)" } ?? "held to no kept checkpoint"
    }

    var summary: String {
        "cosigned \(cosigned) \(cosigned == 1 ? "ledger" : "ledgers") and \(copies) \(copies == 1 ? "copy" : "copies") (bundles); "
            + "\(already) already cosigned; \(refused + failed) not cosigned"
            + (passedOver > 0 ? "; \(passedOver) \(passedOver == 1 ? "copy" : "copies") of a village cosigned on another copy\n" : "\n")
    }
}
