import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import MerkleLog
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

/// Reads what statements need from a ledger.
enum StatementSource {
    /// The checkpoint of `size`, or the latest.
    static func checkpoint(_ reader: LedgerReader, size: Int64?) throws -> SignedCheckpoint {
        guard let size else { return try reader.latestCheckpoint() }
        guard let checkpoint = try reader.checkpoint(size: size) else {
            throw ValidationError("--size \(size): the ledger has no checkpoint of that size")
        }
        return checkpoint
    }

    /// The checkpoint as a footer prints it: its signer, and each inspector's latest cosignature
    /// on a checkpoint no larger than it.
    static func footer(_ reader: LedgerReader, _ signed: SignedCheckpoint) throws -> StatementCheckpoint {
        let inspectors = try reader.entries(kind: .keyAdd).compactMap { entry -> NoteVerifierKey? in
            guard case .keyAdd(let change) = entry.payload, change.role == .inspector else { return nil }
            return try? NoteVerifierKey(vkey: change.key)
        }
        var latest = [String: StatementCheckpoint.Cosigner]()
        if !inspectors.isEmpty {
            for (size, text) in try reader.checkpoints() where size <= signed.checkpoint.size {
                guard let note = try? SignedNote(parsing: text), note.signatures.count > 1 else { continue }
                for key in inspectors {
                    if let time = note.cosignatureTime(by: key) {
                        latest[key.name] = .init(name: key.name, size: size, time: time)
                    }
                }
            }
        }
        return StatementCheckpoint(checkpoint: signed.checkpoint, signer: signed.note.signatures.first?.name ?? "",
                                   cosigners: latest.values.sorted { ($0.size, $0.name) < ($1.size, $1.name) })
    }

    /// One household's facts, by index (a single statement on a large ledger).
    static func facts(_ reader: LedgerReader, household: String) throws -> HouseholdFacts {
        guard case .ledgerOpen(let opening)? = try reader.entry(seq: 0)?.payload else {
            throw ValidationError("the ledger does not start with ledger.open")
        }
        let own = try reader.hashedEntries(household: household)
        let ids = Set(own.compactMap { item -> String? in
            switch item.entry.payload {
            case .dividendAllocate(let a): a.id
            case .dividendPay(let p): p.id
            default: nil
            }
        })
        let seqs = Set(own.map(\.entry.seq))
        let declarations = try reader.hashedEntries(kind: .dividendDeclare).filter { item in
            if case .dividendDeclare(let d) = item.entry.payload { return ids.contains(d.id) }
            return false
        }
        let reversals = try reader.hashedEntries(kind: .entryReverse).filter { item in
            if case .entryReverse(let r) = item.entry.payload { return seqs.contains(r.target) }
            return false
        }
        let records = (own + declarations + reversals).map { RecordedEntry(entry: $0.entry, hash: $0.hash) }
        return HouseholdFacts(opening: opening, household: household, entries: records)
    }

    /// `base` without its extension, then `suffix`: `chen.txt` → `chen.proof.txt`.
    static func sibling(of base: String, suffix: String) -> String {
        (base as NSString).deletingPathExtension + suffix
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
    }
}

struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Write a household's dividend statement (分红明细单), optionally with its proof.",
        discussion: """
            The statement lists holdings, every allocation and payment (reversals shown and marked 冲销) with \
            the seq and short hash of its entry, totals in figures and capitals, and the checkpoint it was made \
            against. --proof writes <name>.proof.txt beside it; `fenhong statement check` verifies both.
            """,
        subcommands: [StatementCheckCommand.self])

    @OptionGroup var ledger: LedgerOption
    @Option(help: "The household number (户号).") var household: String?
    @Option(help: "Only this year's allocations and payments.") var year: Int?
    @Option(help: "The statement date, YYYY-MM-DD (default: today); holdings are taken on it.") var date: String?
    @Option(help: "Make it against the checkpoint of this size (default: the latest).") var size: Int64?
    @OptionGroup var render: RenderOptions
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Flag(help: "Write the proof beside the statement: <name>.proof.txt (needs --out).") var proof = false
    @Flag(help: "Write a script for listening instead (and <name>.wav when espeak-ng is installed and --out is given).")
    var speech = false

    func run() throws {
        guard let household else { throw ValidationError("no household given: pass --household NUMBER") }
        if proof && out == nil { throw ValidationError("--proof needs --out FILE: the proof is written beside the statement") }
        let day = try date.map { try Parse.date($0, option: "--date") } ?? Parse.today()
        let store = try ledger.open(readOnly: true)
        let (statement, proofFile) = try store.withReader { reader -> (HouseholdStatement, StatementProof?) in
            let signed = try StatementSource.checkpoint(reader, size: size)
            let facts = try StatementSource.facts(reader, household: household)
            let statement = try HouseholdStatement.build(
                facts: facts, year: year, date: day, checkpoint: StatementSource.footer(reader, signed))
            guard proof else { return (statement, nil) }
            let made = try StatementProof.make(statement: statement, checkpoint: signed, tree: MerkleTree(reader: reader.subtreeReader)) { seq in
                guard let body = try reader.body(seq: seq) else { throw ValidationError("entry \(seq) is missing from the ledger") }
                return body
            }
            return (statement, made)
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
            or pdf when pdftotext is installed); its proof is <name>.proof.txt unless --proof names it.
            """)

    @Argument(help: "The statement, or a .proof.txt to check the proof alone.") var file: String
    @Option(help: "The proof file (default: <name>.proof.txt beside FILE).") var proof: String?
    @Option(help: "Check against an exported bundle instead of a ledger file.") var bundle: String?
    @OptionGroup var ledger: LedgerOption

    func run() throws {
        let proofOnly = file.hasSuffix(".proof.txt")
        let proofPath = proof ?? (proofOnly ? file : StatementSource.sibling(of: file, suffix: ".proof.txt"))
        let parsed: StatementProof
        do {
            parsed = try StatementProof(parsing: try Self.read(proofPath))
        } catch let error as StatementProofFormatError {
            throw ValidationError("\(proofPath): \(error)")
        }
        let statementText = proofOnly ? nil : try Self.statementText(file)
        let trust = try bundle.map { try Self.trust(bundle: $0, proof: parsed) } ?? Self.trust(ledger: ledger, proof: parsed)
        let failures = parsed.check(against: trust, statementText: statementText)
        let name = proofOnly ? proofPath : file
        guard failures.isEmpty else {
            for failure in failures { print("REJECTED \(name) \(failure)") }
            throw ExitCode(1)
        }
        let cp = parsed.checkpoint.checkpoint
        print("OK \(name): \(parsed.inclusions.count) entries of household \(parsed.household) are in checkpoint \(cp.size) of \(cp.origin)"
              + (statementText == nil ? "" : " and every amount printed matches them")
              + "; the ledger (\(trust.head.size) entries) extends it")
    }

    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The statement's text: as is, from HTML, or from a PDF through pdftotext.
    static func statementText(_ path: String) throws -> String {
        if path.lowercased().hasSuffix(".pdf") {
            guard let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile) else {
                throw ValidationError("cannot read the text of \(path): pdftotext is not installed (apt-get install poppler-utils)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pdftotext)
            process.arguments = ["-layout", path, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ValidationError("pdftotext could not read \(path)") }
            return String(decoding: data, as: UTF8.self)
        }
        let text = try read(path)
        return text.hasPrefix("<!DOCTYPE html") ? StatementText.plainLines(html: text) : text
    }

    /// The ledger as it stands: its accountant keys, size, root and a consistency proof.
    static func trust(ledger: LedgerOption, proof: StatementProof) throws -> StatementProofTrust {
        try ledger.open(readOnly: true).withReader { reader in
            let state = try reader.fullState()
            guard let opening = state.opening else { throw ValidationError("the ledger does not start with ledger.open") }
            let size = Int(try reader.size())
            let tree = MerkleTree(reader: reader.subtreeReader)
            return try trust(opening: opening, state: state, tree: tree, size: size, proof: proof)
        }
    }

    /// The bundle as it stands: entries.jsonl rebuilt into a tree, keys from its entries.
    static func trust(bundle: String, proof: StatementProof) throws -> StatementProofTrust {
        let path = bundle + "/entries.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
        var hashes = InMemorySubtreeHashes()
        var state = LedgerState()
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().enumerated() {
            let body = [UInt8](line)
            do {
                state.apply(try Entry.decode(body: body), check: false)
            } catch {
                throw ValidationError("\(path) line \(number + 1): \(error)")
            }
            hashes.append(Entry.hash(body: body))
        }
        guard let opening = state.opening else { throw ValidationError("\(path) does not start with ledger.open") }
        return try trust(opening: opening, state: state, tree: MerkleTree(reader: hashes), size: hashes.size, proof: proof)
    }

    static func trust<R: SubtreeHashReader>(
        opening: LedgerOpen, state: LedgerState, tree: MerkleTree<R>, size: Int, proof: StatementProof
    ) throws -> StatementProofTrust {
        let proofSize = proof.checkpoint.checkpoint.size
        let keys = state.keys.values.filter { $0.role == .accountant && $0.isValid(at: max(0, proofSize - 1)) }.map(\.key)
        let consistency = proofSize >= 1 && Int(proofSize) <= size ? try tree.consistencyProof(from: Int(proofSize), to: size) : nil
        let head = Checkpoint(origin: opening.origin, size: Int64(size), root: try tree.root(size: size))
        return StatementProofTrust(origin: opening.origin, accountantKeys: keys, head: head, consistency: consistency)
    }
}
