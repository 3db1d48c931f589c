import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerReports
import Statements

struct StatementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statements",
        abstract: "Write every household's statement into a folder, with an index; shows progress.",
        discussion: "A household that fails is reported at the end and the others are still written; the exit status is then 1.")

    @OptionGroup var ledger: LedgerOption
    @Option(help: "The folder to write into (created if missing).") var out: String
    @Option(parsing: .unconditional, help: "Only the distributions whose record date falls in this year, with every payment of them.") var year: Int?
    @Option(help: "The statement date, YYYY-MM-DD (default: today).") var date: String?
    @OptionGroup var render: RenderOptions
    @Flag(help: "Write <household>.proof.txt beside each statement.") var proof = false
    @Flag(help: "Write each household's script for listening instead, <household>.speech.txt (read it with `fenhong statement --speech --out` for audio).")
    var speech = false

    func run() throws {
        let day = try date.map { try Parse.pastDate($0, option: "--date", advice: "statements are as of a day that has come") } ?? Parse.today()
        let year = try Parse.year(self.year, asOf: day)
        if speech && proof { throw ValidationError("--proof goes with printed statements (text, html or pdf), not with --speech") }
        if speech && render.formatGiven != nil { throw ValidationError("--speech writes scripts for listening; it does not go with --format") }
        let store = try ledger.open(readOnly: true)
        // A folder this command makes is removed again if the statements cannot be written.
        let fm = FileManager.default
        let made = !fm.fileExists(atPath: out)
        do {
            try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            var isFolder: ObjCBool = false
            let file = fm.fileExists(atPath: out, isDirectory: &isFolder) && !isFolder.boolValue
            throw ValidationError("cannot create \(out): \(file ? "\(out) is a file, not a folder" : OutputFile.whyNotCreatable(out))")
        }
        // The index is written over, and the other form's removed, only when fenhong wrote it.
        let indexFile = render.format == .text ? "index.txt" : "index.html"
        if let problem = StatementBatch.indexProblem(at: out + "/" + indexFile) {
            if made { try? fm.removeItem(atPath: out) }
            throw ValidationError(problem)
        }
        let options = render
        let bar = ProgressBarBox()
        let listening = speech
        let outcome: StatementBatch.Outcome
        do {
            outcome = try StatementBatch.write(
                store: store, to: out, year: year, date: day, fileExtension: speech ? "speech.txt" : render.format.fileExtension, proofs: proof,
                render: { listening ? Array(SpeechRenderer().render($0.listeningDocument()).utf8) : try options.render($0.document()) },
                progress: { _, total in bar.oneDone(of: total) })
        } catch {
            if made { try? fm.removeItem(atPath: out) }
            throw error
        }
        bar.finish()
        let items = outcome.items
        // A household withdrawn since (registered by mistake) has no statement: its files go, named.
        if !outcome.removedOfWithdrawn.isEmpty {
            Printer.stderr("fenhong: removed \(outcome.removedOfWithdrawn.joined(separator: ", ")): their households' registrations were withdrawn since; they have no statement")
        }
        let failures = items.filter { $0.failure != nil }.map { (household: $0.household, reason: $0.failure!) }
        let index = items.map { (household: $0.household, head: $0.head, file: $0.file ?? "", statement: $0.statement) }
        try writeIndex(index, date: day, to: out + "/" + indexFile)
        // The other form's index, from an earlier run, lists that run's files and totals: taken
        // for this one's, it would mislead. (Its statements stay; each says its date.)
        let stale = indexFile == "index.txt" ? "index.html" : "index.txt"
        let removedIndex = StatementBatch.removeIndex(at: out + "/" + stale)
        let removedProofs = items.count { $0.removedProof }
        let removed = (removedIndex ? [stale] : []) + (removedProofs > 0 ? [Printer.count(removedProofs, "proof")] : [])
        print("wrote \(Printer.count(index.count - failures.count, "statement")) and \(indexFile) into \(out)"
              + (removed.isEmpty ? "" : " (and removed what an earlier run left that would be taken for this one's: \(removed.joined(separator: ", ")))"))
        guard failures.isEmpty else {
            for failure in failures { Printer.stderr("fenhong: household \(failure.household) failed: \(failure.reason)") }
            throw ExitCode(1)
        }
    }


    /// index.html (for html and pdf) or index.txt at `path`: household, head, file, totals.
    private func writeIndex(_ rows: [(household: String, head: String, file: String, statement: HouseholdStatement?)], date: LedgerDate,
                            to path: String) throws {
        let columns: [StatementDocument.Column] = [
            .init("户号"), .init("户主"), .init("文件"), .init("应分", alignment: .right),
            .init("已付", alignment: .right), .init("未付", alignment: .right),
        ]
        let tableRows = rows.map { row in
            StatementDocument.Row([row.household, row.head, row.file.isEmpty ? "（失败）" : row.file,
                                   row.statement?.owed.formatted ?? "", row.statement?.paid.formatted ?? "",
                                   row.statement?.outstanding.formatted ?? ""])
        }
        func sum(_ value: (HouseholdStatement) -> Fen) -> String {
            Fen(rows.compactMap(\.statement).reduce(Int64(0)) { $0 + value($1).value }).formatted
        }
        var document = StatementDocument(
            title: StatementBatch.indexTitle(cooperative: rows.lazy.compactMap(\.statement).first.map { LedgerOpen.isCooperative($0.org) } ?? false),
            subtitleLines: [(year.map { "\($0) 年度" } ?? "全部年度") + "　截至 " + date.chinese],
            sections: [.init(heading: "", content: .table(.init(
                columns: columns, rows: tableRows,
                totals: .init(["合计", "\(rows.count) 户", "", sum(\.owed), sum(\.paid), sum(\.outstanding)]))))])
        // Each row headed by its household's number: a screen reader says whose file a link opens.
        document.typesetting = [.readableHTML]
        if render.format == .text {
            try StatementSource.write(Array(TextRenderer(widthMax: 100).render(document).utf8), to: path)
            return
        }
        // Link each file name to its statement, in one pass over the page (file names are ASCII household numbers).
        let html = HTMLRenderer().render(document).replacing(/<td>([0-9A-Za-z-]+\.(?:pdf|html))<\/td>/) { match in
            "<td><a href=\"\(match.1)\">\(match.1)</a></td>"
        }
        try StatementSource.write(Array(html.utf8), to: path)
    }
}
