import Foundation
import Testing

/// `statement check` holds a statement to the one fenhong prints from the ledger: what reading the
/// figures off it let through (a line citing nothing, a year or date the reader never sees, HTML
/// that hides one text and shows another, a PDF whose bytes differ but whose text does not) is
/// rejected; what a re-save does to a genuine one (Windows line ends, a byte-order mark,
/// no-break spaces) is not.
@Suite(.serialized)
struct StatementForgeryTests {
    /// The test ledger, and Chen Mei's statement as of 2024-12-31 written as `name` with its proof.
    private func statement(_ name: String, _ options: [String] = []) throws -> CLI {
        let cli = try CLI()
        try StatementLedger.create(in: cli)
        let made = try cli.execute(["statement", "--household", "152223-001", "--date", "2024-12-31", "--out", name, "--proof"] + options)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try cli.run("statement", "check", name).status == 0, "the genuine statement passes")
        return cli
    }

    private func write(_ cli: CLI, _ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: cli.folder.appendingPathComponent(name))
    }

    private func bytes(_ cli: CLI, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: cli.folder.appendingPathComponent(name)))
    }

    /// A deduction added below the payments, citing no entry, the totals left as they are: it
    /// passed before, since every line that cites an entry still matched.
    @Test func lineCitingNothingIsRejected() throws {
        let cli = try statement("chen.txt")
        var lines = try cli.file("chen.txt").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let paid = try #require(lines.firstIndex { $0.contains("BX-2024-0008") })
        lines.insert("  2024-12-30  2024  扣款  管理费  -500.00", at: paid + 1)
        try write(cli, "chen.txt", Array(lines.joined(separator: "\n").utf8))
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("REJECTED chen.txt statement line \(paid + 2): notAsPrinted: it reads \"2024-12-30 2024 扣款 管理费 -500.00\"; "
                + "fenhong prints \"（1个空行）\" for household 152223-001, 全部年度, 截至 2024-12-31, checkpoint 16 (layout 3)\n"),
                "\(check.stdout)")
        #expect(!check.stdout.contains("earlier version"), "a figure added is no matter of layout")
    }

    /// A statement printed before its payment was reversed is still the one printed then, and
    /// passes; but the check says that the ledger has recorded more of the household since.
    @Test func olderStatementIsNotedAsOvertaken() throws {
        let cli = try statement("chen.txt")
        #expect(try cli.execute(["reverse", "--seq", "15", "--reason", "退回：账号错误"]).status == 0)
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.hasSuffix("\nNOTE the ledger has recorded 1 more entry of household 152223-001 since (the last is entry 16, entry.reverse): "
                                       + "a statement printed now would differ; print a new one\n"), "\(check.stdout)")
    }

    /// A carriage return that makes a terminal print the next characters over the line's start,
    /// and a mark that combines with a space, are not white space: they are rejected.
    @Test func overprintingAndCombiningMarksAreRejected() throws {
        let cli = try statement("chen.txt")
        let text = try cli.file("chen.txt")
        for (edit, name) in [("未付余额          0.00", "a carriage return"), ("应分合计  ", "a combining overline")] {
            let forged = edit.hasPrefix("未付")
                ? text.replacingOccurrences(of: "未付余额          0.00", with: "未付余额          0.00\r\t  0.00")
                : text.replacingOccurrences(of: "应分合计  ", with: "应分合计 \u{0336} ")
            #expect(forged != text, "\(name)")
            try write(cli, "chen.txt", Array(forged.utf8))
            let check = try cli.run("statement", "check", "chen.txt")
            #expect(check.status == 1, "\(name): \(check.stdout)")
            #expect(check.stdout.contains("notAsPrinted"), "\(name): \(check.stdout)")
        }
    }

    /// A line pushed out of sight by more spaces than a printed line is wide is not the line
    /// printed; a file saved with a classic Mac's line ends (CR alone) is still the statement.
    @Test func linesPushedOutOfSightAreRejected() throws {
        let cli = try statement("chen.txt")
        let text = try cli.file("chen.txt")
        try write(cli, "chen.txt", Array(text.replacingOccurrences(of: "\n未付余额", with: "\n" + String(repeating: " ", count: 400) + "未付余额").utf8))
        let hidden = try cli.run("statement", "check", "chen.txt")
        #expect(hidden.status == 1, "\(hidden.stdout)")
        #expect(hidden.stdout.contains("notAsPrinted"), "\(hidden.stdout)")
        // Counted in columns from the line's start: 12 tabs (to column 96, after the label's 8)
        // or 47 ideographic spaces, and the figure lies beyond the widest line.
        for run in [String(repeating: "\t", count: 12), String(repeating: "\u{3000}", count: 47), String(repeating: " ", count: 95)] {
            try write(cli, "chen.txt", Array(text.replacingOccurrences(of: "\n未付余额", with: "\n未付余额" + run).utf8))
            let wide = try cli.run("statement", "check", "chen.txt")
            #expect(wide.status == 1 && wide.stdout.contains("notAsPrinted"), "\(wide.stdout)")
        }
        // A whole line moved right until it lies beyond the 80 columns a text statement prints.
        try write(cli, "chen.txt", Array(text.replacingOccurrences(of: "\n未付余额", with: "\n" + String(repeating: " ", count: 75) + "未付余额").utf8))
        let moved = try cli.run("statement", "check", "chen.txt")
        #expect(moved.status == 1 && moved.stdout.contains("notAsPrinted"), "\(moved.stdout)")
        try write(cli, "chen.txt", Array(text.replacingOccurrences(of: "\n", with: "\r").utf8))
        let mac = try cli.run("statement", "check", "chen.txt")
        #expect(mac.status == 0, "\(mac.stdout)\(mac.stderr)")
    }

    /// Against a bundle, a statement of a household the ledger does not have (here a number
    /// with a zero-width space in it, which looks the same) is rejected, not read for figures.
    @Test func unknownHouseholdIsRejectedAgainstABundle() throws {
        let cli = try statement("chen.txt")
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        let lookalike = "152223-0\u{200B}01"
        for file in ["chen.txt", "chen.proof.txt"] {
            try write(cli, file, Array(try cli.file(file).replacingOccurrences(of: "152223-001", with: lookalike).utf8))
        }
        let check = try cli.run("statement", "check", "chen.txt", "--bundle", "bundle")
        #expect(check.status == 1, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("household \(lookalike) is not registered in the ledger at checkpoint 16"), "\(check.stdout)")
    }

    /// Harmless handling still passes: a proof file saved again with a byte-order mark and
    /// Windows line ends, a statement saved by Chinese Notepad (GB18030), an HTML page with a
    /// line end added at its end.
    @Test func resavedProofAndEncodingsPass() throws {
        let cli = try statement("chen.txt")
        try write(cli, "chen.proof.txt", [0xEF, 0xBB, 0xBF] + Array(try cli.file("chen.proof.txt").replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(try cli.run("statement", "check", "chen.txt").status == 0)
        #expect(try cli.shell("iconv -f UTF-8 -t GB18030 chen.txt > gb.txt && cp chen.proof.txt gb.proof.txt").status == 0)
        let gb = try cli.run("statement", "check", "gb.txt")
        #expect(gb.status == 0, "\(gb.stdout)\(gb.stderr)")
        let html = try statement("chen.html", ["--format", "html"])
        try write(html, "chen.html", Array((try html.file("chen.html") + "\n\n").utf8))
        #expect(try html.run("statement", "check", "chen.html").status == 0)
    }

    /// A statement of all years is read as such even when a reversal's reason names a year
    /// (`2023 年度重复支付`): only the heading's line says which years it shows.
    @Test func yearIsReadFromTheHeadingOnly() throws {
        let cli = try CLI()
        try StatementLedger.create(in: cli)
        #expect(try cli.execute(["reverse", "--seq", "15", "--reason", "2023 年度重复支付"]).status == 0)
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt").status == 0)
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// A statement as of a day, made at a checkpoint the ledger had gone beyond before that day,
    /// would leave out what was recorded in between: it is not printed.
    @Test func staleStatementIsNotPrinted() throws {
        let cli = try CLI()
        try StatementLedger.create(in: cli)
        let stale = try cli.execute(["statement", "--household", "152223-001", "--size", "14", "--date", "2024-12-31"])
        #expect(stale.status == 2)
        #expect(stale.stderr == "fenhong: a statement as of 2024-12-31 made at checkpoint 14 would leave out entry 14 (entry.reverse), recorded on 2024-12-21; "
                + "give a later --size or an earlier --date\n", "\(stale.stderr)")
        #expect(try cli.execute(["statement", "--household", "152223-001", "--size", "14", "--date", "2024-12-20"]).status == 0)
        #expect(try cli.execute(["statement", "--household", "152223-001", "--date", "2099-01-01"]).stderr
                == "fenhong: --date 2099-01-01 is in the future; a statement is as of a day that has come\n")
    }

    /// A statement re-dated to a day to come (2099) says what nobody can know yet: rejected.
    @Test func statementAsOfADayToComeIsRejected() throws {
        let cli = try statement("chen.txt")
        try write(cli, "chen.txt", Array(try cli.file("chen.txt").replacingOccurrences(of: "截至 2024年12月31日", with: "截至 2099年12月31日").utf8))
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("REJECTED chen.txt statement: notAsPrinted: it is as of 2099-12-31, after today ("), "\(check.stdout)")
        #expect(!check.stdout.contains("NOTE"), "the layout of an older version is not the reason")
    }

    /// A one-year statement re-headed 全部年度 (all years) hides the years it leaves out.
    @Test func yearHeadingChangedIsRejected() throws {
        let cli = try statement("chen.txt", ["--year", "2024"])
        let text = try cli.file("chen.txt")
        #expect(text.contains("2024 年度"))
        try write(cli, "chen.txt", Array(text.replacingOccurrences(of: "2024 年度", with: "全部年度").utf8))
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 1)
        #expect(check.stdout.contains("notAsPrinted: it reads \"全部年度 截至 2024年12月31日\"; fenhong prints \"2024 年度 截至 2024年12月31日\""), "\(check.stdout)")
    }

    /// Saved again by Notepad (byte-order mark, CRLF) with no-break spaces from a word
    /// processor, a genuine statement still passes, with its proof and without it.
    @Test func resavedStatementPasses() throws {
        let cli = try statement("chen.txt")
        let text = "\u{FEFF}" + (try cli.file("chen.txt")).replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "户主  ", with: "户主\u{00A0}\u{00A0}")
        try write(cli, "chen.txt", Array(text.utf8))
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        try FileManager.default.removeItem(at: cli.folder.appendingPathComponent("chen.proof.txt"))
        let alone = try cli.run("statement", "check", "chen.txt")
        #expect(alone.status == 0, "\(alone.stdout)\(alone.stderr)")
    }

    /// HTML whose style sheet draws other figures over the real ones: its text reads as the
    /// genuine one, but it is not the page fenhong prints.
    @Test func htmlWithStyleDrawnFiguresIsRejected() throws {
        let cli = try statement("chen.html", ["--format", "html"])
        let html = try cli.file("chen.html").replacingOccurrences(of: "</style>", with: ".num{font-size:0}.num::after{content:\"2,380.00\";font-size:11pt}</style>")
        try write(cli, "chen.html", Array(html.utf8))
        let check = try cli.run("statement", "check", "chen.html")
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("REJECTED chen.html statement HTML source line "), "\(check.stdout)")
        #expect(check.stdout.contains("notAsPrinted: it reads \"") && check.stdout.contains(".num::after{content:\"2,380.00\""), "\(check.stdout)")
        // The same page re-saved on Windows passes.
        let genuine = try statement("chen.html", ["--format", "html"])
        try write(genuine, "chen.html", [0xEF, 0xBB, 0xBF] + Array(try genuine.file("chen.html").replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(try genuine.run("statement", "check", "chen.html").status == 0)
    }

    /// A figure moved along its line by spaces alone reads in another column: the 份额 2 moved
    /// up to the amount reads 2 158.49 under 应分（元）, and was accepted while runs of spaces were
    /// compared as one. A line's trailing spaces, Windows line ends, tabs at their stops and an
    /// ideographic space for two are the same statement.
    @Test func figureMovedByItsSpacesIsRejected() throws {
        let cli = try statement("chen.txt")
        let genuine = try cli.file("chen.txt")
        var lines = genuine.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let paid = try #require(lines.firstIndex { $0.contains("BX-2024-0008") })
        let row = lines[paid]
        let moved = row.replacingOccurrences(of: "BX-2024-0008    2,880.00", with: "BX-2024-0008 2,880.00   ")
        #expect(moved != row && moved.count == row.count)
        lines[paid] = moved
        try write(cli, "chen.txt", Array(lines.joined(separator: "\n").utf8))
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("REJECTED chen.txt statement line \(paid + 1): notAsPrinted: it reads \"\(moved.trimmingCharacters(in: .whitespaces))\"; fenhong prints \"\(row)\""), "\(check.stdout)")
        #expect(check.stdout.contains(": its spaces differ, and a figure moved along its line is read in another column"))

        let respaced = genuine.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            // Eight leading spaces as a tab, and two trailing spaces, on every line.
            (line.hasPrefix("        ") ? "\t" + line.dropFirst(8) : Substring(line)) + "  "
        }.joined(separator: "\r\n")
        try write(cli, "chen.txt", Array(respaced.utf8))
        #expect(try cli.run("statement", "check", "chen.txt").status == 0)
        // An ideographic space is two columns wide: for two spaces, nothing moves.
        let ideographic = genuine.replacingOccurrences(of: "应分合计  ", with: "应分合计\u{3000}")
        #expect(ideographic != genuine)
        try write(cli, "chen.txt", Array(ideographic.utf8))
        #expect(try cli.run("statement", "check", "chen.txt").status == 0)
    }

    /// A PDF changed in a way its extracted text does not show (here, bytes added after its end;
    /// a forger would change a font's drawing) is rejected: a PDF must be the one fenhong prints.
    @Test func pdfChangedBeyondItsTextIsRejected() throws {
        let cli = try statement("chen.pdf", ["--format", "pdf"])
        try write(cli, "chen.pdf", try bytes(cli, "chen.pdf") + Array("% 2,380.00\n".utf8))
        let check = try cli.run("statement", "check", "chen.pdf")
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("REJECTED chen.pdf statement: notAsPrinted: the PDF is not the one fenhong prints for household 152223-001, "
                + "全部年度, 截至 2024-12-31, checkpoint 16 (layout 5): its text reads alike, but its fonts or drawing differ; print it again with fenhong statement\nNOTE "), "\(check.stdout)")
    }

    /// A figure or a name changed in a PDF's text is named, as in a text statement (the PDF had
    /// been rejected without saying what differed).
    @Test func pdfTextChangedIsNamed() throws {
        let cli = try statement("chen.pdf", ["--format", "pdf"])
        let original = try bytes(cli, "chen.pdf")
        let amount = try #require(String(decoding: original, as: UTF8.self).firstRange(of: #/\(([0-9],)?[0-9]{3}\.[0-9]{2}\) Tj/#))
        let figure = String(String(decoding: original, as: UTF8.self)[amount]).dropFirst().prefix { $0 != ")" }
        let changed = (figure.first == "9" ? "8" : "9") + figure.dropFirst()  // its first digit another
        let edited = String(decoding: original, as: UTF8.self).replacingCharacters(in: amount, with: "(\(changed)) Tj")
        try write(cli, "chen.pdf", Array(edited.utf8))
        let check = try cli.run("statement", "check", "chen.pdf")
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("REJECTED chen.pdf statement: notAsPrinted: the PDF reads \"\(changed)\" where fenhong prints \"\(figure)\" for household 152223-001"),
                "\(check.stdout)")
        // The head's name (the CJK font's hex, UCS-2): 陈 is 9648.
        let renamed = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "<9648", with: "<738B")
        try write(cli, "chen.pdf", Array(renamed.utf8))
        #expect(try cli.run("statement", "check", "chen.pdf").stdout.contains("the PDF reads \"王"), "renamed")
    }
}
