import Foundation
import LedgerCore
import LedgerStore
import Statements

/// `fenhong statement check`: a printed statement, or a proof alone, held to a ledger or an
/// exported bundle (FORMAT §10). Decides the verdict and words every line of it; the command
/// only prints them.
public struct StatementCheck {
    public enum Against: Sendable {
        case ledger(String)
        case bundle(String)
    }

    /// The lines to print (REJECTED …, NOTE …, OK …) and whether the statement stands.
    public struct Verdict: Sendable {
        public var lines: [String]
        public var accepted: Bool
    }

    /// The statement, or a `.proof.txt` to check the proof alone.
    public let file: String
    /// The proof file given (`--proof-file`); else `<name>.proof.txt` beside the statement.
    public let proofFile: String?
    public let against: Against
    /// A checkpoint kept from before (`--trusted`), which the ledger must extend.
    public let kept: String?
    public let today: LedgerDate

    public init(file: String, proofFile: String?, against: Against, kept: String?, today: LedgerDate) {
        (self.file, self.proofFile, self.against, self.kept, self.today) = (file, proofFile, against, kept, today)
    }

    private var proofOnly: Bool { file.hasSuffix(".proof.txt") }
    private var proofPath: String { proofFile ?? (proofOnly ? file : StatementSource.sibling(of: file, suffix: ".proof.txt")) }
    private var sourceName: String { if case .bundle = against { "bundle" } else { "ledger" } }

    /// The checkpoints `--trusted` names, largest first: the file, or of a folder of kept
    /// checkpoints (an inspector's `--keep` folder) every one kept of the ledger's village.
    private func keptCheckpoints(_ path: String) throws -> [LedgerSweep.Kept] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [LedgerSweep.Kept(path: path, checkpoint: try LedgerAudit.readTrusted(path))]
        }
        let source: String = switch against { case .ledger(let ledger): ledger; case .bundle(let bundle): bundle }
        guard let origin = LedgerAudit.origin(of: source) else { throw ReportError("\(source): its entry 0 cannot be read; verify it (fenhong verify \(source))") }
        let kept = try LedgerSweep.keptCheckpoints(in: path).filter { $0.checkpoint.checkpoint.origin == origin }
        guard !kept.isEmpty else { throw ReportError("--trusted \(path) holds no checkpoint kept of \(origin), the village of \(source)") }
        return kept
    }

    public func run() throws -> Verdict {
        var lines: [String] = []
        // The statement first: a missing statement is named as such, not as its missing proof.
        let statement = proofOnly ? nil : try StatementSource.statement(file)
        let statementText = statement?.text
        if let statementText, SpeechRenderer.isScript(statementText) {
            throw ReportError("\(file) is a listening script (fenhong statement --speech): words to be heard, not a printed statement, it cannot be "
                              + "checked; check the printed statement (text, HTML or PDF) printed with it, or print the script again and compare")
        }
        var parsed: StatementProof
        var rebuilt = false
        /// Why the proof was made again, when not for want of one.
        var remade: String?
        if proofFile == nil, let statementText, !FileManager.default.fileExists(atPath: proofPath) {
            // A household may bring the statement alone: its proof is made again.
            do {
                parsed = try rebuiltProof(statementText)
            } catch let mismatch as StatementSource.NotOfThisLedger {
                return Verdict(lines: ["REJECTED \(file) statement: \(mismatch)"], accepted: false)
            }
            rebuilt = true
        } else {
            do {
                parsed = try StatementProof(parsing: try StatementSource.readProof(proofPath))
            } catch let error as StatementProofFormatError {
                // A proof beside the statement that does not read leaves the statement to be
                // checked all the same, with one made again (a stray line had stopped the check).
                guard proofFile == nil, let statementText else { throw ReportError("\(proofPath): \(error)") }
                let again: StatementProof
                do {
                    again = try rebuiltProof(statementText)
                } catch let mismatch as StatementSource.NotOfThisLedger {
                    // Nor can it be made again (the ledger cut short since, another ledger's): said, as for a statement brought alone.
                    return Verdict(lines: ["NOTE \(proofPath) does not read as a proof (\(error))", "REJECTED \(file) statement: \(mismatch)"], accepted: false)
                } catch {
                    throw ReportError("\(proofPath): \(error)")
                }
                lines.append("NOTE \(proofPath) does not read as a proof (\(error)): the proof was made again from the \(sourceName); print a new one with the statement (fenhong statement --proof)")
                (parsed, rebuilt, remade) = (again, true, "its proof file does not read")
            }
        }
        var trust = try trusted(parsed)
        var failures = parsed.check(against: trust, statementText: statementText, printed: statement?.printed)
        // The proof beside a statement may be another's: `chen.txt` and `chen.pdf` printed at
        // different sizes, or for another year, share `chen.proof.txt`, the later one's. A
        // statement its default proof rejects, and which is not that proof's statement, passes
        // when it is the statement fenhong prints for what it prints — as one brought without a
        // proof does; else its own proof's verdict stands.
        if !failures.isEmpty, !rebuilt, proofFile == nil, let statementText,
           let printed = try? StatementSource.PrintedIdentity(statementText), !printed.matches(parsed),
           let again = try? rebuiltProof(statementText), let againTrust = try? trusted(again),
           again.check(against: againTrust, statementText: statementText, printed: statement?.printed).isEmpty {
            lines.append("NOTE \(proofPath) is the proof of another statement (\(Self.describe(parsed))), not of \(file) (\(Self.describe(again))): "
                         + "the proof was made again from the \(sourceName)")
            (parsed, trust, failures, rebuilt) = (again, againTrust, [], true)
        }
        // A proof given for a statement it is not of is named so, not read as the statement's fault
        // (another household's proof had been reported as the household number changed).
        if !failures.isEmpty, proofFile != nil, let statementText, let printed = try? StatementSource.PrintedIdentity(statementText), !printed.matches(parsed) {
            return Verdict(lines: ["REJECTED \(file) proof: \(proofPath) is the proof of \(Self.describe(parsed)), not of this statement "
                                   + "(household \(printed.household), checkpoint \(printed.size), \(printed.year.map { "\($0) 年度" } ?? "全部年度"), 截至 \(printed.date)): "
                                   + "give its own proof, or none, and the proof is made again from the \(sourceName)"], accepted: false)
        }
        // A proof of this statement that is damaged — a block left out or changed — while the
        // statement is the one fenhong prints: the statement stands, the proof is named.
        if !failures.isEmpty, !rebuilt, Self.areProofFaults(failures), let statementText,
           let again = try? rebuiltProof(statementText), let againTrust = try? trusted(again),
           again.check(against: againTrust, statementText: statementText, printed: statement?.printed).isEmpty {
            lines.append("NOTE \(proofPath) is damaged (\(failures[0])\(failures.count > 1 ? ", and \(failures.count - 1) more" : "")): "
                         + "the statement was checked with a proof made again from the \(sourceName); print a new proof with it (fenhong statement --proof)")
            (parsed, trust, failures, rebuilt, remade) = (again, againTrust, [], true, "its proof file is damaged")
        }
        // A proof made again from a ledger whose checkpoint of the size the statement prints has
        // another root than it prints: the ledger is no measure of it (rewritten since, or the
        // root changed on the paper), and what that ledger would print is not said as its figure.
        if rebuilt, let statementText, let otherRoot = Self.otherRoot(statementText, parsed.checkpoint.checkpoint, in: sourceName) { failures = [otherRoot] }
        let name = proofOnly ? proofPath : file
        let kept = try self.kept.map(keptCheckpoints) ?? []
        if !kept.isEmpty {
            // Held to the checkpoints kept from before: a ledger made afresh under the same origin,
            // with a key of its own, prints and checks its own statements, but does not extend them.
            if let why = try StatementSource.notExtending(kept.map { (kept.count > 1 ? $0.path : nil, $0.checkpoint) }, against: against) {
                lines.append("REJECTED \(name) ledger: inconsistentWithTrusted: \(why)")
                lines += failures.map { "REJECTED \(name) \($0)" }
                return Verdict(lines: lines, accepted: false)
            }
        }
        guard failures.isEmpty else {
            lines += failures.map { "REJECTED \(name) \($0)" }
            if let note = Self.rejectionNote(name: name, statementText: statementText, checkpoint: parsed.checkpoint.checkpoint, failures: failures) {
                lines.append(note)
            }
            return Verdict(lines: lines, accepted: false)
        }
        let cp = parsed.checkpoint.checkpoint
        // Entries, not blocks: a block given twice proves one entry.
        lines.append("OK \(name): \(Set(parsed.inclusions.map(\.index)).count) entries of household \(parsed.household) are in checkpoint \(cp.size) of \(cp.origin)"
                     + (statementText == nil ? "" : ", and the household and every amount printed match them")
                     + "; the ledger (\(trust.head.size) entries) extends it"
                     + (rebuilt ? " (\(remade ?? (FileManager.default.fileExists(atPath: proofPath) ? "its proof file is another's" : "no proof file")): "
                        + "the proof was made again from the \(sourceName))" : "")
                     + (kept.first.map { "; it extends the checkpoint kept in \($0.path)" } ?? "")
                     + (kept.count > 1 ? " and the \(kept.count - 1) smaller \(kept.count == 2 ? "one" : "ones") kept of this village" : ""))
        if kept.isEmpty {
            // As `verify` says it: a ledger given as it stands proves only that it prints this.
            lines.append("NOTE held to no kept checkpoint: the \(sourceName) was taken as it stands, and one rewritten and signed again before "
                         + "the statement was printed would print it too; check it with --trusted and a checkpoint kept from before")
        }
        let later = trust.entries(after: cp.size)
        if let last = later.last {
            // Withdrawn since, the household has no statement to print now.
            let now = trust.withdrawal.map { "its registration was withdrawn by entry \($0) (registered by mistake): it has no statement now" }
                ?? "a statement printed now would differ; print a new one"
            lines.append("NOTE the ledger has recorded \(later.count) more \(later.count == 1 ? "entry" : "entries") of household \(parsed.household) since "
                         + "(the last is entry \(last.seq), \(last.entry.kind.rawValue)): \(now)")
        }
        return Verdict(lines: lines, accepted: true)
    }

    /// The proof of `statementText` made again from the ledger or bundle.
    private func rebuiltProof(_ statementText: String) throws -> StatementProof {
        switch against {
        case .bundle(let bundle): try StatementSource.proof(rebuiltFor: statementText, bundle: bundle)
        case .ledger(let path): try StatementSource.proof(rebuiltFor: statementText, ledgerPath: path)
        }
    }

    /// The ledger or bundle as it stands, for `proof`.
    private func trusted(_ proof: StatementProof) throws -> StatementProofTrust {
        var trust = switch against {
        case .bundle(let bundle): try StatementSource.trust(bundle: bundle, proof: proof)
        case .ledger(let path): try StatementSource.trust(ledgerPath: path, proof: proof)
        }
        trust.today = today
        return trust
    }

    /// The failure of a statement whose printed root is not `checkpoint`'s, the checkpoint of the
    /// size it prints in the ledger or bundle (`source`); nil when it is.
    static func otherRoot(_ statementText: String, _ checkpoint: Checkpoint, in source: String) -> StatementProofFailure? {
        guard let printed = StatementText.printedRoot(in: statementText), StatementSource.printedSize(statementText) == checkpoint.size,
              printed != checkpoint.root.hex else { return nil }
        return .init(rule: .footerMismatch, location: "statement",
                     detail: "it prints root \(printed) for checkpoint \(checkpoint.size); the \(source)'s checkpoint \(checkpoint.size) has root "
                        + "\(checkpoint.root.hex), so its figures are not compared with what the \(source) prints")
    }

    /// True when the failures are all the proof's own: of its blocks — a block left out, one
    /// whose body or path does not prove its entry — or any, under a checkpoint no accountant key
    /// signed (a character of its root changed), which proves nothing; not of a signed checkpoint
    /// the ledger does not extend, which a rewritten ledger would show. (The statement stands only
    /// if it then passes whole with a proof made again.)
    static func areProofFaults(_ failures: [StatementProofFailure]) -> Bool {
        // Held to an unsigned checkpoint, every line's failure is the proof's doing too.
        if failures.contains(where: { $0.rule == .checkpointSignature }) { return true }
        return failures.allSatisfy { $0.location == "proof" || $0.location.hasPrefix("proof entry") }
    }

    /// True when a line's failure reads other amounts than fenhong prints there (`it reads "…";
    /// fenhong prints "…"`): no matter of layout, which an older version's statement would be.
    static func figuresDiffer(_ failure: StatementProofFailure) -> Bool {
        let parts = failure.detail.components(separatedBy: "\"; fenhong prints \"")
        guard parts.count == 2 else { return false }
        func amounts(_ text: String) -> [String] {
            text.split(whereSeparator: { !($0.isNumber || $0 == "," || $0 == "." || $0 == "-") })
                .map(String.init).filter { $0.contains(".") && $0.last?.isNumber == true }
        }
        return amounts(parts[0]) != amounts(parts[1].components(separatedBy: "\" for household").first ?? parts[1])
    }

    /// A proof as a note names it: household, checkpoint, year and date.
    static func describe(_ proof: StatementProof) -> String {
        "household \(proof.household), checkpoint \(proof.checkpoint.checkpoint.size), \(proof.year.map { "\($0) 年度" } ?? "全部年度")"
            + (proof.date.map { ", 截至 \($0)" } ?? "")
    }

    /// What a rejection means when the ledger does not extend the proof's checkpoint (cut, or
    /// rewritten and signed again since): the statement was held to its proof alone, and how
    /// little that checks is said; nil for other failures.
    static func rewrittenNote(name: String, checkpoint: Checkpoint, failures: [StatementProofFailure]) -> String? {
        let rewritten: Set<StatementProofFailure.Rule> = [.notConsistent, .ledgerTruncated]
        // A checkpoint no accountant key signed is no evidence of a rewrite: the proof is at fault.
        guard failures.contains(where: { rewritten.contains($0.rule) }), !failures.contains(where: { $0.rule == .checkpointSignature }) else { return nil }
        let gone = "the ledger does not extend checkpoint \(checkpoint.size) (root \(checkpoint.root.hex)) that the proof of \(name) is signed at: "
            + "it was rewritten or cut short and signed again since, or the proof is not of this ledger; "
        let unchecked = "nothing else on it can be checked without the ledger as it was (lines citing no entry, rules, holdings, names, "
            + "accounts, vouchers, dates)"
        guard failures.allSatisfy({ rewritten.contains($0.rule) }) else {
            return "NOTE " + gone + "held to its proof alone, the amounts \(name)'s lines cite entries for, or its totals, differ from those entries "
                + "(above); \(unchecked). Keep the statement and its proof, and verify the ledger against a checkpoint kept from before (fenhong verify --trusted)"
        }
        return "NOTE " + gone + "held to its proof alone, the amounts \(name)'s lines cite entries for, and its totals, agree with those entries "
            + "signed then; \(unchecked). Keep the statement and its proof — a signed checkpoint the ledger does not extend is evidence — "
            + "and verify the ledger against a checkpoint kept from before (fenhong verify --trusted)"
    }

    /// What a rejection may mean, when the failures say more than themselves: a printed root
    /// that is not the checkpoint's, or a layout alone that differs from the one printed now.
    static func rejectionNote(name: String, statementText: String?, checkpoint: Checkpoint, failures: [StatementProofFailure]) -> String? {
        if let note = rewrittenNote(name: name, checkpoint: checkpoint, failures: failures) { return note }
        // A checkpoint no accountant key signed is no checkpoint of the ledger: nothing is said of
        // its root as if it were (a damaged proof's had been named as the ledger's).
        if failures.contains(where: { $0.rule == .checkpointSignature }) {
            guard statementText != nil else { return nil }
            return "NOTE the proof's checkpoint carries no signature by an accountant key of the ledger, so the proof proves nothing, and the statement "
                + "is not what the ledger prints either (it was checked with a proof made again from it): the statement was altered, or the ledger was "
                + "rewritten since; verify the ledger against a checkpoint kept from before (fenhong verify --trusted)"
        }
        if let statementText, let root = StatementText.printedRoot(in: statementText),
           root != checkpoint.root.hex, StatementSource.printedSize(statementText) == checkpoint.size {
            // The ledger's checkpoint of the size the statement prints is not the one it was printed at.
            return "NOTE \(name) prints root \(root) for checkpoint \(checkpoint.size), but the ledger's checkpoint \(checkpoint.size) has root "
                + "\(checkpoint.root.hex): the statement was altered, or the ledger was rewritten and signed again since it was printed; "
                + "keep this statement, and verify the ledger against a checkpoint kept from before (fenhong verify --trusted)"
        }
        guard failures.allSatisfy({ $0.rule == .notAsPrinted }),
              failures.contains(where: { $0.location.contains("line") || $0.detail.hasPrefix("the PDF") }),
              !failures.contains(where: figuresDiffer) else { return nil }
        // Every layout released since layouts are kept was tried: only a statement printed before
        // then may differ by layout alone — not one as of a day since (it was printed that day or later).
        let said = "NOTE none of the layouts fenhong has released prints it so: a line was changed, added, moved or left out"
        if let date = statementText.flatMap(StatementText.statementDate(in:)), date >= layoutsKeptSince { return said }
        return said + " — unless it was printed before 2026-11-30, when fenhong began keeping its layouts; then print a new one (fenhong statement) "
            + "and compare its figures with the household's copy, for a figure that differs is no matter of layout"
    }

    /// The day fenhong began keeping the layouts it prints statements in (``StatementLayout``).
    static let layoutsKeptSince = LedgerDate("2026-11-30")!
}
