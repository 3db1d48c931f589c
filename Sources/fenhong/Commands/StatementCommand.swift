import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import MerkleLog
import LedgerReports
import Statements

/// The output formats of statements and postings.
enum DocumentFormat: String, ExpressibleByArgument, CaseIterable {
    case text, html, pdf

    var fileExtension: String { rawValue == "text" ? "txt" : rawValue }
}

/// Options shared by `statement`, `statements` and `disclosure`: how a document is rendered.
struct RenderOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "text (terminal, dot-matrix), html (print CSS) or pdf (default: text).") var formatGiven: DocumentFormat?

    /// The format asked for; text when none was.
    var format: DocumentFormat { formatGiven ?? .text }
    @Flag(help: "Large print: 18 pt or more, one item a line (html, pdf).") var largePrint = false
    @Option(help: "Paper for html: a4 or a5 (default: a4; a PDF is A4).") var paper: String?

    /// Options that would be ignored are refused: a large-print request must not yield small print.
    func validate() throws {
        if largePrint && format == .text { throw ValidationError("--large-print goes with --format html or pdf; text is printed as it is") }
        if let paper, format != .html { throw ValidationError("--paper \(paper) goes with --format html; a PDF is printed on A4, text as it is") }
    }

    func render(_ document: StatementDocument) throws -> [UInt8] {
        switch format {
        case .text: return Array(TextRenderer().render(document).utf8)
        case .html:
            guard let paper = HTMLRenderer.Paper(rawValue: paper ?? "a4") else { throw ValidationError("--paper \(paper ?? "") is not a4 or a5") }
            return Array(HTMLRenderer(paper: paper, largePrint: largePrint).render(document).utf8)
        case .pdf: return try PDFRenderer(largePrint: largePrint).checkedRender(document)
        }
    }
}

struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Write a household's dividend statement (分红明细单), optionally with its proof.",
        // Written out: the generated line ends in `<subcommand>`, as if `check` were required.
        usage: """
            fenhong statement --household <household> [--year <year>] [--date <date>] [--size <size>] [--format <format>] [--large-print] [--paper <paper>] [--out <out>] [--proof] [--speech] [--ledger <ledger>]
              fenhong statement check <file> [--proof-file <proof-file>] [--bundle <bundle>] [--ledger <ledger>] [--trusted <trusted>]
            """,
        discussion: """
            The statement lists holdings, every allocation and payment (reversals shown and marked 冲销) with \
            the seq and short hash of its entry, totals in figures and capitals, and the checkpoint it was made \
            against. --proof writes <name>.proof.txt beside it; `fenhong statement check` verifies both.
            """,
        subcommands: [StatementCheckCommand.self])

    @OptionGroup var ledger: LedgerOption
    @Option(help: "The household number (户号).", transform: Parse.householdNumber) var household: String?
    @Option(parsing: .unconditional, help: "Only the distributions whose record date falls in this year, with every payment of them.") var year: Int?
    @Option(help: "The statement date, YYYY-MM-DD (default: today); holdings are taken on it.") var date: String?
    @Option(parsing: .unconditional, help: "Make it against the checkpoint of this size (default: the latest).") var size: Int64?
    @OptionGroup var render: RenderOptions
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Write the proof beside the statement: <name>.proof.txt (needs --out).") var proof = false
    @Flag(help: "Write a script for listening instead (and <name>.wav when espeak-ng is installed and --out is given).")
    var speech = false

    func run() throws {
        guard let household else { throw ValidationError("no household given: pass --household NUMBER") }
        if proof && out == nil { throw ValidationError("--proof needs --out FILE: the proof is written beside the statement") }
        if proof && speech { throw ValidationError("--proof goes with a printed statement (text, html or pdf), not with --speech") }
        if speech && render.formatGiven != nil { throw ValidationError("--speech writes a script for listening; it does not go with --format") }
        if render.format == .pdf, out == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format pdf needs --out FILE: a PDF is not for the terminal")
        }
        // Never over a ledger, a key or any file fenhong did not print; both files written, or
        // neither: the proof's place is judged before the statement is written.
        if let out, let taken = OutputFile.notFenhongsToReplace(out) {
            throw ValidationError("\(taken); nothing was written: give another --out file, or remove it first")
        }
        if proof, let out, let taken = OutputFile.notFenhongsToReplace(StatementSource.sibling(of: out, suffix: ".proof.txt")) {
            throw ValidationError("cannot write the proof beside \(out): \(taken); nothing was written")
        }
        let day = try date.map { try Parse.pastDate($0, option: "--date", advice: "a statement is as of a day that has come") } ?? Parse.today()
        let chosenYear = try Parse.year(year, asOf: day)
        let store = try ledger.open(readOnly: true)
        let (statement, proofFile) = try store.withReader { reader -> (HouseholdStatement, StatementProof?) in
            let signed = try StatementSource.checkpoint(reader, size: size)
            let facts = try StatementSource.facts(reader, household: household)
            // As of a day before it joined, a household's statement would show it with nothing.
            let registered = facts.entries.lazy.compactMap { record -> LedgerDate? in
                if case .householdRegister(let registration) = record.entry.payload { registration.date } else { nil }
            }.first
            if let registered, day < registered {
                throw ValidationError("--date \(day) is before household \(household) was registered, on \(registered): a statement shows a household from then on")
            }
            // Made at an older checkpoint, as of a day the ledger had gone beyond it, it would leave things out.
            if let left = facts.entries(after: signed.checkpoint.size, recordedBefore: day).first {
                throw ValidationError("a statement as of \(day) made at checkpoint \(signed.checkpoint.size) would leave out entry \(left.seq) (\(left.entry.kind.rawValue)), recorded on \(left.entry.at.date); give a later --size or an earlier --date")
            }
            let statement = try HouseholdStatement.build(
                facts: facts, year: chosenYear, date: day, checkpoint: StatementSource.footer(reader, signed))
            guard proof else { return (statement, nil) }
            return (statement, try StatementSource.proof(reader, statement, signed))
        }
        let document = statement.document()
        if speech {
            let script = SpeechRenderer().render(statement.listeningDocument())
            guard let out else { print(script, terminator: ""); return }
            try StatementSource.write(Array(script.utf8), to: out)
            let wav = StatementSource.sibling(of: out, suffix: ".wav")
            // Never through a link, as no file fenhong writes is, nor over a file it did not write.
            if let taken = OutputFile.notFenhongsToReplace(wav) {
                Printer.stderr("wrote \(out); no audio: \(taken)")
                return
            }
            do {
                try SpeechSynthesizer.wav(script: script, to: URL(fileURLWithPath: wav))
                Printer.stderr("wrote \(out) and \(wav)")
            } catch {
                Printer.stderr("wrote \(out); no audio: \(error)")
            }
        } else {
            let bytes = try render.render(document)
            if let out {
                try StatementSource.write(bytes, to: out)
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
        if let proofFile, let out {
            let path = StatementSource.sibling(of: out, suffix: ".proof.txt")
            try StatementSource.write(Array(proofFile.serialized.utf8), to: path)
            Printer.stderr("wrote \(path): \(proofFile.inclusions.count) entries proved against checkpoint \(proofFile.checkpoint.checkpoint.size)")
        }
    }
}

struct StatementCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a statement and its proof against the ledger (exit 0 intact, 1 rejected, 2 could not run).",
        discussion: """
            Every proved entry must hash into the checkpoint's tree, the checkpoint must be signed by an \
            accountant key of the ledger, the ledger must have only grown since, and every amount, hash and \
            total printed on the statement must match the proved entries. FILE is the statement (text, html, \
            or pdf when pdftotext is installed); its proof is <name>.proof.txt unless --proof-file names it. \
            A statement brought without its proof is checked against a proof made again from the ledger or bundle, \
            for the household, checkpoint size, year and date it prints. With --trusted, the ledger must also extend \
            a checkpoint kept from before.
            """)

    @Argument(help: "The statement, or a .proof.txt to check the proof alone.") var file: String
    // Not `--proof`: `statement` itself has a `--proof` flag, which would take the option's name
    // and leave its file an unexpected argument.
    @Option(name: .customLong("proof-file"), help: "The proof file (default: <name>.proof.txt beside FILE).") var proof: String?
    @Option(help: "Check against an exported bundle instead of a ledger file.") var bundle: String?
    @Option(name: .customLong("trusted"),
            help: "A checkpoint kept from before (fenhong checkpoint, or a bundle's checkpoints/<size>.txt), or a folder of them (verify --keep): the ledger must extend its village's.")
    var kept: String?
    @OptionGroup var ledger: LedgerOption

    func validate() throws {
        if bundle != nil, ledger.ledger != nil {
            throw ValidationError("give --ledger or --bundle, not both: a statement is checked against one of them")
        }
    }

    func run() throws {
        let against: StatementCheck.Against = try bundle.map { .bundle($0) } ?? .ledger(try ledger.path)
        let verdict = try StatementCheck(file: file, proofFile: proof, against: against, kept: kept, today: Parse.today()).run()
        for line in verdict.lines { print(line) }
        if !verdict.accepted { throw ExitCode(1) }
    }
}
