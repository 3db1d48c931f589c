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
    @Option(help: "Only this year's allocations and payments.") var year: Int?
    @Option(help: "The statement date, YYYY-MM-DD (default: today).") var date: String?
    @OptionGroup var render: RenderOptions
    @Flag(help: "Write <household>.proof.txt beside each statement.") var proof = false

    func run() throws {
        let day = try date.map { try Parse.date($0, option: "--date") } ?? Parse.today()
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw ValidationError("cannot create \(out): \((error as NSError).localizedDescription)")
        }
        let store = try ledger.open(readOnly: true)
        var failures = [(household: String, reason: String)]()
        var index = [(household: String, head: String, file: String, statement: HouseholdStatement?)]()
        try store.withReader { reader in
            let signed = try StatementSource.checkpoint(reader, size: nil)
            let footer = try StatementSource.footer(reader, signed)
            let records = try reader.allHashedEntries().map { RecordedEntry(entry: $0.entry, hash: $0.hash) }
            guard let (households, facts) = HouseholdFacts.collect(from: records) else {
                throw ValidationError("the ledger does not start with ledger.open")
            }
            let tree = MerkleTree(reader: reader.subtreeReader)
            var progress = ProgressBar(total: households.count)
            for household in households {
                let file = household + "." + render.format.fileExtension
                do {
                    let statement = try HouseholdStatement.build(facts: facts[household]!, year: year, date: day, checkpoint: footer)
                    try StatementSource.write(try render.render(statement.document()), to: out + "/" + file)
                    if proof {
                        let made = try StatementProof.make(statement: statement, checkpoint: signed, tree: tree) { seq in
                            guard let body = try reader.body(seq: seq) else { throw ValidationError("entry \(seq) is missing") }
                            return body
                        }
                        try StatementSource.write(Array(made.serialized.utf8), to: out + "/" + household + ".proof.txt")
                    }
                    index.append((household, statement.head, file, statement))
                } catch {
                    failures.append((household, "\(error)"))
                    index.append((household, facts[household]?.entries.lazy.compactMap(Self.head).first ?? "", "", nil))
                }
                progress.advance()
            }
            progress.finish()
        }
        let indexFile = try writeIndex(index)
        print("wrote \(index.count - failures.count) statements and \(indexFile) into \(out)")
        guard failures.isEmpty else {
            for failure in failures { Printer.stderr("fenhong: household \(failure.household) failed: \(failure.reason)") }
            throw ExitCode(1)
        }
    }

    static func head(_ record: RecordedEntry) -> String? {
        if case .householdRegister(let r) = record.entry.payload { return r.head }
        return nil
    }

    /// index.html (for html and pdf) or index.txt: household, head, file, totals.
    private func writeIndex(_ rows: [(household: String, head: String, file: String, statement: HouseholdStatement?)]) throws -> String {
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
        let document = StatementDocument(
            title: "分红明细单目录", subtitleLines: [year.map { "\($0) 年度" } ?? "全部年度"],
            sections: [.init(heading: "", content: .table(.init(
                columns: columns, rows: tableRows,
                totals: .init(["合计", "\(rows.count) 户", "", sum(\.owed), sum(\.paid), sum(\.outstanding)]))))])
        if render.format == .text {
            try StatementSource.write(Array(TextRenderer(widthMax: 100).render(document).utf8), to: out + "/index.txt")
            return "index.txt"
        }
        // Link each file name to its statement, in one pass over the page (file names are ASCII household numbers).
        let html = HTMLRenderer().render(document).replacing(/<td>([0-9A-Za-z-]+\.(?:pdf|html))<\/td>/) { match in
            "<td><a href=\"\(match.1)\">\(match.1)</a></td>"
        }
        try StatementSource.write(Array(html.utf8), to: out + "/index.html")
        return "index.html"
    }
}

/// `\r[#####     ] 120/847` on stderr, redrawn when the bar or count changes visibly.
struct ProgressBar {
    let total: Int
    private(set) var done = 0
    private var lastDrawn = -1
    static let width = 30

    init(total: Int) { self.total = total }

    mutating func advance() {
        done += 1
        // Redraw at most ~200 times a run: every call on small ledgers, every n-th on large ones.
        let step = max(1, total / 200)
        if done == total || done - lastDrawn >= step { draw() }
    }

    mutating func finish() {
        if lastDrawn != done { draw() }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private mutating func draw() {
        lastDrawn = done
        let filled = total == 0 ? Self.width : done * Self.width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: Self.width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }
}
