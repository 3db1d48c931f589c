import Foundation
import LedgerReports
import Statements
import Testing

/// Statements printed by earlier releases of fenhong, kept in ledgers/statements-2026-11 (layout 1),
/// ledgers/statements-layout2 and ledgers/statements-layout3 with their proofs: a household holds
/// its paper for years, and `statement check` of a later fenhong must still accept it as printed,
/// and still reject it changed.
struct KeptStatementsTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ledgers")
    private static let kept = root.appendingPathComponent("statements-2026-11").path
    private static let bundle = root.appendingPathComponent("baixin").path

    /// Each statement kept, with the proof it was printed with.
    static let statements: [(statement: String, proof: String)] = [
        ("152223-007.txt", "152223-007"), ("152223-007.html", "152223-007"), ("152223-007-large-a5.html", "152223-007"),
        ("152223-007.pdf", "152223-007"), ("152223-007-large.pdf", "152223-007"),
        ("152223-019.txt", "152223-019"), ("152223-019.pdf", "152223-019"), ("152223-019-2020.txt", "152223-019-2020"),
    ]

    /// Statements printed in the later layouts, each folder by the release that printed it (layout
    /// 2 by 6c21138, layout 3 by 3ceca8f, layout 4 by e8eec80: its HTML forms and the PDFs it sets
    /// otherwise, for its text is layout 3's; layout 5 by this one: the statements it prints
    /// otherwise), each with the proof printed with it.
    static let laterLayouts: [(folder: String, statement: String, proof: String)] = ["statements-layout2", "statements-layout3"].flatMap { folder in
        [("152223-007.txt", "152223-007"), ("152223-007.html", "152223-007"), ("152223-007-large-a5.html", "152223-007"),
         ("152223-007.pdf", "152223-007"), ("152223-007-large.pdf", "152223-007"),
         ("152223-001.txt", "152223-001"), ("152223-001.pdf", "152223-001"), ("152223-001-2021.html", "152223-001-2021")].map { (folder, $0.0, $0.1) }
    } + [("152223-007.html", "152223-007"), ("152223-007-large-a5.html", "152223-007"), ("152223-001-2021.html", "152223-001-2021"),
         ("152223-007-large.pdf", "152223-007"), ("152223-002.pdf", "152223-002")].map { ("statements-layout4", $0.0, $0.1) }
      + [("152223-003.txt", "152223-003"), ("152223-003.html", "152223-003"), ("152223-003.pdf", "152223-003"),
         ("152223-003-large.pdf", "152223-003"), ("152223-019.txt", "152223-019"), ("152223-019.pdf", "152223-019"),
         ("152223-007-large.pdf", "152223-007")].map { ("statements-layout5", $0.0, $0.1) }

    /// Layout 5's kept statements print what layout 4 did not — household 003's shares gone to 028,
    /// a word kept whole — and one changed is rejected, named against layout 5.
    @Test func aLayout5StatementIsOfItsLayout() throws {
        let text = try String(contentsOfFile: "\(root("statements-layout5"))/152223-003.txt", encoding: .utf8)
        #expect(text.contains("2023-03-01  扶贫股     -10  转给户号152223-028，递补：脱贫户       216  c0762e73"))
        let words = try String(contentsOfFile: "\(root("statements-layout5"))/152223-019.txt", encoding: .utf8)
        #expect(words.contains("退ZLT2020-019A   -2,880.00    98  7561e047\n                          第97条：误"), "\(words)")
        let failures = try failures("152223-003.txt", proof: "152223-003", in: root("statements-layout5")) { bytes in
            bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "扶贫股     -10", with: "扶贫股      -1").utf8)
        }
        #expect(failures.map(\.rule) == [.notAsPrinted])
        #expect(failures.first?.detail.hasSuffix("(layout 5): its spaces differ, and a figure moved along its line is read in another column") == false)
        #expect(failures.first?.detail.contains("-1 转给户号152223-028") == true && failures.first?.detail.hasSuffix("(layout 5)") == true, "\(failures)")
    }

    @Test(arguments: laterLayouts)
    func aStatementPrintedInALaterLayoutStillPasses(_ kept: (folder: String, statement: String, proof: String)) throws {
        #expect(try failures(kept.statement, proof: kept.proof, in: root(kept.folder)) == [])
    }

    /// Each later folder is of its layout: layout 3 prints the rate per share, layout 2 does not;
    /// a figure changed is rejected, named against the layout it was printed in.
    @Test(arguments: [("statements-layout2", 2), ("statements-layout3", 3)])
    func aLaterLayoutChangedIsNamedAgainstIt(_ folder: String, _ layout: Int) throws {
        let text = try String(contentsOfFile: "\(root(folder))/152223-007.txt", encoding: .utf8)
        #expect(text.contains("余下4,400.00元÷50股＝每股88.00元") == (layout == 3))
        #expect(text.contains("提取公积公益金（10%）1,600.00元"))
        let failures = try failures("152223-007.txt", proof: "152223-007", in: root(folder)) { bytes in
            bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "2,880.00   231", with: "2,080.00   231").utf8)
        }
        #expect(failures.map(\.rule) == [.notAsPrinted])
        #expect(failures.first?.detail.hasSuffix("(layout \(layout))") == true, "\(failures)")
    }

    /// A kept HTML page of layout 4 is set for a screen reader, and layout 3's is not; one changed
    /// is rejected, named against the layout it was printed in.
    @Test(arguments: [("statements-layout3", 3), ("statements-layout4", 4)])
    func anHTMLPageChangedIsNamedAgainstItsLayout(_ folder: String, _ layout: Int) throws {
        let html = try String(contentsOfFile: "\(root(folder))/152223-007.html", encoding: .utf8)
        #expect(html.contains("<title>白辛嘎查 分红明细单 · 户号 152223-007 陈梅</title>") == (layout == 4))
        #expect(html.contains("<th scope=\"row\">2024-poverty</th>") == (layout == 4))
        // A payment's row named by its distribution, not its date.
        #expect(html.contains("<td>2024-12-28</td><th scope=\"row\">2024-poverty</th>") == (layout == 4))
        // Its masked ID heard as its first six digits and last four, not one number of ten.
        #expect(html.contains("152223<span aria-hidden=\"true\">********</span><span data-heard") == (layout == 4))
        let failures = try failures("152223-007.html", proof: "152223-007", in: root(folder)) { bytes in
            bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: ">2,880.00</td><td class=\"num\">231<", with: ">2,080.00</td><td class=\"num\">231<").utf8)
        }
        #expect(failures.map(\.rule) == [.notAsPrinted])
        #expect(failures.first?.detail.contains("(layout \(layout))") == true, "\(failures)")
    }

    private func root(_ folder: String) -> String { Self.root.appendingPathComponent(folder).path }

    private func failures(_ name: String, proof: String, in kept: String = kept,
                          changing change: ((inout [UInt8]) -> Void)? = nil) throws -> [StatementProofFailure] {
        var path = "\(kept)/\(name)"
        if let change {
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            change(&bytes)
            path = FileManager.default.temporaryDirectory.appendingPathComponent("changed-\(UUID().uuidString)-\(name)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        defer { if change != nil { try? FileManager.default.removeItem(atPath: path) } }
        let parsed = try StatementProof(parsing: try StatementSource.readProof("\(kept)/\(proof).proof.txt"))
        let trust = try StatementSource.trust(bundle: Self.bundle, proof: parsed)
        let statement = try StatementSource.statement(path)
        return parsed.check(against: trust, statementText: statement.text, printed: statement.printed)
    }

    @Test(arguments: statements)
    func aStatementPrintedInTheFirstLayoutStillPasses(_ kept: (statement: String, proof: String)) throws {
        #expect(try failures(kept.statement, proof: kept.proof) == [])
    }

    /// Printed now, the same statement is laid out anew: the first layout is not the current one,
    /// so the test above is a test of an older layout.
    @Test func theCurrentLayoutDiffersFromTheFirst() throws {
        let text = try String(contentsOfFile: "\(Self.kept)/152223-007.txt", encoding: .utf8)
        #expect(!text.contains("提取公积公益金（10%）"))
        #expect(StatementLayout.current > .first)
    }

    /// One figure changed in the text of a kept statement: rejected, at its line, against the
    /// layout it was printed in.
    @Test func aKeptStatementChangedIsRejectedAtItsLine() throws {
        let failures = try failures("152223-007.txt", proof: "152223-007") { bytes in
            var text = String(decoding: bytes, as: UTF8.self)
            text = text.replacingOccurrences(of: "2024-poverty  2024-12-15  10（含保底2,000.00）    2,880.00",
                                             with: "2024-poverty  2024-12-15  10（含保底2,000.00）    2,080.00")
            bytes = Array(text.utf8)
        }
        #expect(failures.map(\.rule).contains(.notAsPrinted))
        #expect(failures.contains { $0.location == "statement line 54" && $0.detail.contains("2,080.00") && $0.detail.contains("2,880.00") },
                "\(failures)")
    }

    /// Blank lines must be those printed: seventy, or two where one was printed, push a payment's
    /// （冲销） mark onto another page, away from its payment. Those before and after the statement
    /// are passed over.
    @Test func aRunOfBlankLinesIsADifference() throws {
        let moved = try failures("152223-019.txt", proof: "152223-019") { bytes in
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            let mark = lines.firstIndex { $0.contains("（冲销）") }!
            lines.insert(contentsOf: Array(repeating: "", count: 70), at: mark)
            bytes = Array(lines.joined(separator: "\n").utf8)
        }
        #expect(moved.map(\.rule) == [.notAsPrinted])
        #expect(moved.first?.detail.hasPrefix("it reads \"（70个空行）\"") == true, "\(moved)")
        let spaced = try failures("152223-019.txt", proof: "152223-019") { bytes in
            bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n\n", with: "\n\n\n").utf8)
        }
        #expect(spaced.first?.detail.hasPrefix("it reads \"（2个空行）\"; fenhong prints \"（1个空行）\"") == true, "\(spaced)")
        let framed = try failures("152223-019.txt", proof: "152223-019") { bytes in bytes = Array("\n\n".utf8) + bytes + Array("\n\n\n".utf8) }
        #expect(framed == [])
    }

    /// An HTML statement is compared as a browser reads it: saved again as GB18030 (which its
    /// <meta charset="utf-8"> belies: shown garbled), or with a form feed or line separator before
    /// the page (quirks mode), it is no longer the one printed; line feeds at either end are.
    @Test func aKeptHTMLStatementIsReadAsABrowserReadsIt() throws {
        let gb = try failures("152223-007.html", proof: "152223-007") { bytes in bytes = Self.gb18030(bytes) }
        #expect(gb.map(\.detail) == ["the HTML file is not UTF-8 text, as fenhong writes it and as its <meta charset=\"utf-8\"> says: a browser shows it garbled"])
        for prefix in ["\u{2028}", "\u{0C}", "\u{85}"] {
            let failures = try failures("152223-007.html", proof: "152223-007") { $0 = Array(prefix.utf8) + $0 }
            #expect(failures.map(\.rule) == [.notAsPrinted], "\(prefix.unicodeScalars.first!.value)")
            // Named, for it cannot be seen.
            #expect(failures.first?.detail.contains("⟨U+") == true, "\(failures)")
        }
        #expect(try failures("152223-007.html", proof: "152223-007") { $0 = Array("\r\n\n".utf8) + $0 + Array("\n\n".utf8) } == [])
    }

    /// A character that looks like a space or like another is named by its code point where the
    /// statement reads it: U+2000 for a space, U+3164 that shows nothing, the compatibility twin of
    /// 茶 (U+F9FE) — each had been shown as it is, the two lines of the message alike to the eye.
    @Test func aLookAlikeIsNamed() throws {
        for (genuine, lookAlike, named) in [("应分合计  18,158.49", "应分合计\u{2000}18,158.49", "应分合计⟨U+2000⟩18,158.49"),
                                            ("应分合计  18,158.49", "应分合计\u{3164}18,158.49", "应分合计⟨U+3164⟩18,158.49"),
                                            ("公积公益金（10%）", "公积公\u{F9FE}金（10%）", "公积公⟨U+F9FE⟩金（10%）")] {
            let failures = try failures("152223-007.txt", proof: "152223-007", in: root("statements-layout3")) { bytes in
                let text = String(decoding: bytes, as: UTF8.self)
                let range = try! #require(text.range(of: genuine))
                bytes = Array(text.replacingCharacters(in: range, with: lookAlike).utf8)
            }
            #expect(failures.map(\.rule) == [.notAsPrinted])
            #expect(failures.first?.detail.contains(named) == true, "\(failures)")
        }
    }

    /// `bytes` of UTF-8 as GB18030, through iconv (as a Windows editor saves them).
    private static func gb18030(_ bytes: [UInt8]) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        guard (try? process.run()) != nil else { return [] }
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
        let converted = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](converted)
    }

    /// A byte of a kept PDF's text changed: rejected, naming the run that differs.
    @Test func aKeptPDFChangedIsRejectedNamingTheRun() throws {
        let failures = try failures("152223-019.pdf", proof: "152223-019") { bytes in
            let run = Array("(2,880.00) Tj".utf8)
            guard let at = (0...(bytes.count - run.count)).first(where: { bytes[$0..<$0 + run.count].elementsEqual(run) }) else { return }
            bytes[at + 3] = UInt8(ascii: "0")  // 2,880.00 → 2,080.00
        }
        #expect(failures.contains { $0.rule == .notAsPrinted && $0.detail.contains("\"2,080.00\" where fenhong prints \"2,880.00\"") }, "\(failures)")
    }
}
