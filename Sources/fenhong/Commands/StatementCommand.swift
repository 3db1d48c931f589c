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
    @Option(help: "text (terminal, dot-matrix), html (print CSS) or pdf.") var format: DocumentFormat = .text
    @Flag(help: "Large print: 18 pt or more, one item a line (html, pdf).") var largePrint = false
    @Option(help: "Paper for html: a4 or a5.") var paper: String = "a4"

    /// Options that would be ignored are refused: a large-print request must not yield small print.
    func validate() throws {
        if largePrint && format == .text { throw ValidationError("--large-print goes with --format html or pdf; text is printed as it is") }
    }

    func render(_ document: StatementDocument) throws -> [UInt8] {
        switch format {
        case .text: return Array(TextRenderer().render(document).utf8)
        case .html:
            guard let paper = HTMLRenderer.Paper(rawValue: paper) else { throw ValidationError("--paper \(paper) is not a4 or a5") }
            return Array(HTMLRenderer(paper: paper, largePrint: largePrint).render(document).utf8)
        case .pdf: return PDFRenderer(largePrint: largePrint).render(document)
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
              fenhong statement check <file> [--proof-file <proof-file>] [--bundle <bundle>] [--ledger <ledger>]
            """,
        discussion: """
            The statement lists holdings, every allocation and payment (reversals shown and marked 冲销) with \
            the seq and short hash of its entry, totals in figures and capitals, and the checkpoint it was made \
            against. --proof writes <name>.proof.txt beside it; `fenhong statement check` verifies both.
            """,
        subcommands: [StatementCheckCommand.self])

    @OptionGroup var ledger: LedgerOption
    @Option(help: "The household number (户号).") var household: String?
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
        if render.format == .pdf, out == nil, isatty(STDOUT_FILENO) != 0 {
            throw ValidationError("--format pdf needs --out FILE: a PDF is not for the terminal")
        }
        let day = try date.map { try Parse.pastDate($0, option: "--date", advice: "a statement is as of a day that has come") } ?? Parse.today()
        let chosenYear = try Parse.year(year, asOf: day)
        let store = try ledger.open(readOnly: true)
        let (statement, proofFile) = try store.withReader { reader -> (HouseholdStatement, StatementProof?) in
            let signed = try StatementSource.checkpoint(reader, size: size)
            let facts = try StatementSource.facts(reader, household: household)
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
            let script = SpeechRenderer().render(document)
            guard let out else { print(script, terminator: ""); return }
            try StatementSource.write(Array(script.utf8), to: out)
            let wav = StatementSource.sibling(of: out, suffix: ".wav")
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
            A statement brought without its proof is checked against a proof made again from the ledger, for the \
            household, checkpoint size, year and date it prints.
            """)

    @Argument(help: "The statement, or a .proof.txt to check the proof alone.") var file: String
    // Not `--proof`: `statement` itself has a `--proof` flag, which would take the option's name
    // and leave its file an unexpected argument.
    @Option(name: .customLong("proof-file"), help: "The proof file (default: <name>.proof.txt beside FILE).") var proof: String?
    @Option(help: "Check against an exported bundle instead of a ledger file.") var bundle: String?
    @Option(name: .customLong("trusted"),
            help: "A checkpoint kept from before (fenhong checkpoint, or a bundle's checkpoints/<size>.txt): the ledger must extend it.")
    var kept: String?
    @OptionGroup var ledger: LedgerOption

    /// A proof as a note names it: household, checkpoint, year and date.
    static func describe(_ proof: StatementProof) -> String {
        "household \(proof.household), checkpoint \(proof.checkpoint.checkpoint.size), \(proof.year.map { "\($0) 年度" } ?? "全部年度")"
            + (proof.date.map { ", 截至 \($0)" } ?? "")
    }

    func validate() throws {
        if bundle != nil, ledger.ledger != nil {
            throw ValidationError("give --ledger or --bundle, not both: a statement is checked against one of them")
        }
    }

    func run() throws {
        let proofOnly = file.hasSuffix(".proof.txt")
        let proofPath = proof ?? (proofOnly ? file : StatementSource.sibling(of: file, suffix: ".proof.txt"))
        // The statement first: a missing statement is named as such, not as its missing proof.
        let statement = proofOnly ? nil : try StatementSource.statement(file)
        let statementText = statement?.text
        var parsed: StatementProof
        var rebuilt = false
        // A household may bring the statement alone: its proof is made again from the ledger or bundle.
        func rebuiltProof(_ statementText: String) throws -> StatementProof {
            if let bundle { return try StatementSource.proof(rebuiltFor: statementText, bundle: bundle) }
            return try StatementSource.proof(rebuiltFor: statementText, ledgerPath: try ledger.path)
        }
        if proof == nil, let statementText, !FileManager.default.fileExists(atPath: proofPath) {
            do {
                parsed = try rebuiltProof(statementText)
            } catch let mismatch as StatementSource.NotOfThisLedger {
                print("REJECTED \(file) statement: \(mismatch)")
                throw ExitCode(1)
            }
            rebuilt = true
        } else {
            do {
                parsed = try StatementProof(parsing: try StatementSource.readProof(proofPath))
            } catch let error as StatementProofFormatError {
                throw ValidationError("\(proofPath): \(error)")
            }
        }
        func trusted(_ proof: StatementProof) throws -> StatementProofTrust {
            var trust = try bundle.map { try StatementSource.trust(bundle: $0, proof: proof) } ?? StatementSource.trust(ledgerPath: try ledger.path, proof: proof)
            trust.today = Parse.today()
            return trust
        }
        var trust = try trusted(parsed)
        var failures = parsed.check(against: trust, statementText: statementText, printed: statement?.printed)
        // The proof beside a statement may be another's: `chen.txt` and `chen.pdf` printed at
        // different sizes, or for another year, share `chen.proof.txt`, the later one's. A
        // statement its default proof rejects, and which is not that proof's statement, passes
        // when it is the statement fenhong prints from the ledger for what it prints — as one
        // brought without a proof does; else its own proof's verdict stands.
        if !failures.isEmpty, !rebuilt, proof == nil, let statementText,
           let printed = try? StatementSource.PrintedIdentity(statementText), !printed.matches(parsed),
           let again = try? rebuiltProof(statementText), let againTrust = try? trusted(again),
           again.check(against: againTrust, statementText: statementText, printed: statement?.printed).isEmpty {
            print("NOTE \(proofPath) is the proof of another statement (\(Self.describe(parsed))), not of \(file) (\(Self.describe(again))): "
                  + "the proof was made again from the \(bundle == nil ? "ledger" : "bundle")")
            (parsed, trust, failures, rebuilt) = (again, againTrust, [], true)
        }
        let name = proofOnly ? proofPath : file
        if let kept {
            // Held to a checkpoint kept from before: a ledger made afresh under the same origin,
            // with a key of its own, prints and checks its own statements, but does not extend it.
            let checkpoint = try LedgerAudit.readTrusted(kept)
            if let why = try StatementSource.notExtending(checkpoint, ledgerPath: bundle == nil ? try ledger.path : nil, bundle: bundle) {
                print("REJECTED \(name) ledger: inconsistentWithTrusted: \(why)")
                for failure in failures { print("REJECTED \(name) \(failure)") }
                throw ExitCode(1)
            }
        }
        guard failures.isEmpty else {
            for failure in failures { print("REJECTED \(name) \(failure)") }
            let checkpoint = parsed.checkpoint.checkpoint
            if let statementText, let root = StatementText.labelled("根指纹", in: statementText)?.value.split(separator: " ").last,
               root != checkpoint.root.hex, StatementSource.printedSize(statementText) == checkpoint.size {
                // The ledger's checkpoint of the size the statement prints is not the one it was printed at.
                print("NOTE \(name) prints root \(root) for checkpoint \(checkpoint.size), but the ledger's checkpoint \(checkpoint.size) has root "
                      + "\(checkpoint.root.hex): the statement was altered, or the ledger was rewritten and signed again since it was printed; "
                      + "keep this statement, and verify the ledger against a checkpoint kept from before (fenhong verify --trusted)")
            } else if failures.allSatisfy({ $0.rule == .notAsPrinted }),
                      failures.contains(where: { $0.location.contains("line") || $0.detail.hasPrefix("the PDF") }) {
                // Only the layout differs from the statement printed now, not any figure checked.
                print("NOTE a statement printed by an earlier version of fenhong, whose layout differed, is not the one printed now either: "
                      + "print a new one (fenhong statement) and compare its figures with the household's copy; a figure that differs is no matter of layout")
            }
            throw ExitCode(1)
        }
        let cp = parsed.checkpoint.checkpoint
        print("OK \(name): \(parsed.inclusions.count) entries of household \(parsed.household) are in checkpoint \(cp.size) of \(cp.origin)"
              + (statementText == nil ? "" : ", and the household and every amount printed match them")
              + "; the ledger (\(trust.head.size) entries) extends it"
              + (rebuilt ? " (\(FileManager.default.fileExists(atPath: proofPath) ? "its proof file is another's" : "no proof file"): "
                  + "the proof was made again from the \(bundle == nil ? "ledger" : "bundle"))" : "")
              + (kept.map { "; it extends the checkpoint kept in \($0)" } ?? ""))
        let later = trust.entries(after: cp.size)
        if let last = later.last {
            print("NOTE the ledger has recorded \(later.count) more \(later.count == 1 ? "entry" : "entries") of household \(parsed.household) since "
                  + "(the last is entry \(last.seq), \(last.entry.kind.rawValue)): a statement printed now would differ; print a new one")
        }
    }
}
