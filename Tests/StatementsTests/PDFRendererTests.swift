import Foundation
import Testing
@testable import Statements

struct PDFRendererTests {
    /// The PDF's font shows every character of a village's statement; a head's name in Mongolian
    /// script or with a character beyond the BMP is refused by name, not printed as 〓 or blank.
    /// The text a PDF shows is read back run by run, as the renderer writes it: a literal string
    /// with its escapes, a hex string of UCS-2; an operator with no operand reads as nothing.
    @Test func pdfTextIsReadBack() {
        let content = Array("BT /F1 10 Tf 1 0 0 1 72 700 Tm (2,880.00 \\(a\\)) Tj\n/F2 10 Tf <9648 6885> Tj\n>>>> Tj ET".utf8)
        #expect(StatementProof.pdfText(content) == ["2,880.00 (a)", "陈梅"])
        #expect(StatementProof.pdfText(Array(String(repeating: ") Tj", count: 1_000).utf8)).count == 1_000)
        let rendered = PDFRenderer().render(SampleStatements.chenMei)
        #expect(StatementProof.pdfText(rendered).contains("2,880.00"))
    }

    @Test func charactersThePDFCannotShowAreNamed() throws {
        #expect(PDFCoverage.missing(in: SampleStatements.chenMei).isEmpty)
        #expect(PDFCoverage.missing(in: SampleStatements.longStatement(paymentCount: 60)).isEmpty)
        for printed in "陈梅其木格包金山巴特尔乌云呼和浩特扎赉特旗阿尔本格勒镇：，。（）“”—《》×￥¥€①０１ＡＺ々〇·•".unicodeScalars {
            #expect(PDFCoverage.prints(printed), "\(printed)")
        }
        var document = SampleStatements.chenMei
        document.owner = "户号 152223-019 王𠮷 ᠪᠠᠲᠤ"
        #expect(PDFCoverage.missing(in: document) == ["𠮷", "ᠪ", "ᠠ", "ᠲ", "ᠤ"])
        #expect(throws: PDFRenderer.MissingCharacters.self) { try PDFRenderer().checkedRender(document) }
        #expect(PDFRenderer.MissingCharacters(characters: ["𠮷"]).description
                == "the PDF's Chinese font (STSong-Light, not embedded) has no 𠮷 (U+20BB7): printed, it would be 〓 or nothing; "
                + "print this statement with --format html (set in the reader's own fonts) or text")
        #expect(try PDFRenderer().checkedRender(SampleStatements.chenMei) == PDFRenderer().render(SampleStatements.chenMei))
        // A Mongolian name written in Chinese keeps its middle dot, set as ・ (U+30FB), which the CMap maps.
        #expect(PDFFontMetrics.runs("阿尔斯楞·巴特尔").flatMap(\.codes).contains(0x30FB))
    }

    /// Every xref entry points at its "N 0 obj", startxref at "xref", and stream lengths are exact.
    @Test func xrefOffsetsPointAtObjects() throws {
        let bytes = PDFRenderer().render(SampleStatements.longStatement(paymentCount: 60))
        let text = String(decoding: bytes, as: UTF8.self)  // only used to find ASCII markers
        #expect(bytes.starts(with: Array("%PDF-1.4\n".utf8)))
        #expect(bytes.suffix(6) == ArraySlice("%%EOF\n".utf8))

        let startxref = try #require(Self.lastNumber(after: "startxref\n", in: bytes))
        #expect(Array(bytes[startxref..<startxref + 5]) == Array("xref\n".utf8))
        let header = Self.line(in: bytes, at: startxref + 5)
        let fields = header.split(separator: " ")
        #expect(fields.first == "0")
        let size = try #require(Int(fields.last ?? ""))
        #expect(text.contains("/Size \(size) "))
        let pageCount = try #require(Self.lastNumber(after: "/Count ", in: bytes, until: " "))
        #expect(pageCount > 1)
        #expect(size == 8 + 2 * pageCount + 1)  // 8 fixed objects, a page and its content per page, entry 0

        var offset = startxref + 5 + header.utf8.count + 1
        #expect(Array(bytes[offset..<offset + 20]) == Array("0000000000 65535 f \n".utf8))
        for number in 1..<size {
            offset += 20
            let entry = String(decoding: bytes[offset..<offset + 20], as: UTF8.self)
            #expect(entry.hasSuffix(" 00000 n \n"), "entry \(number): \(entry)")
            let objectOffset = try #require(Int(entry.prefix(10)))
            let expected = Array("\(number) 0 obj\n".utf8)
            #expect(Array(bytes[objectOffset..<objectOffset + expected.count]) == expected, "object \(number)")
        }

        // Each /Length matches the bytes between "stream\n" and "\nendstream".
        var searchFrom = 0
        var streams = 0
        while let lengthAt = Self.find(Array("/Length ".utf8), in: bytes, from: searchFrom) {
            let length = try #require(Int(Self.line(in: bytes, at: lengthAt + 8).prefix { $0.isNumber }))
            let streamStart = try #require(Self.find(Array("stream\n".utf8), in: bytes, from: lengthAt)) + 7
            #expect(Array(bytes[streamStart + length..<streamStart + length + 10]) == Array("\nendstream".utf8))
            searchFrom = streamStart + length
            streams += 1
        }
        #expect(streams == pageCount)
    }

    /// The font dictionaries name STSong-Light through UniGB-UCS2-H as the PDF spec requires.
    @Test func declaresNonEmbeddedChineseFont() {
        let text = String(decoding: PDFRenderer().render(SampleStatements.chenMei), as: UTF8.self)
        #expect(text.contains("/Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H"))
        #expect(text.contains("/Subtype /CIDFontType0 /BaseFont /STSong-Light"))
        #expect(text.contains("/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>"))
        #expect(text.contains("/BaseFont /Helvetica"))
        #expect(text.contains("/Producer (fenhong)"))
        #expect(text.contains("<96486885> Tj"))  // 陈梅 as UTF-16BE
        #expect(text.contains("(2,880.00) Tj"))  // amounts in Helvetica
        #expect(!text.contains("FontFile"))
    }

    /// The same document gives the same bytes; a date appears only when given.
    @Test func outputIsDeterministic() {
        let first = PDFRenderer().render(SampleStatements.chenMei)
        #expect(first == PDFRenderer().render(SampleStatements.chenMei))
        #expect(!String(decoding: first, as: UTF8.self).contains("CreationDate"))
        let dated = PDFRenderer(creationDate: .init(year: 2024, month: 12, day: 20, hour: 9, minute: 30))
            .render(SampleStatements.chenMei)
        #expect(String(decoding: dated, as: UTF8.self).contains("/CreationDate (D:20241220093000+08'00')"))
    }

    /// Characters outside the BMP, which UCS-2 cannot carry, print as the geta mark 〓 (U+3013).
    @Test func supplementaryCharactersBecomeGetaMark() {
        let runs = PDFFontMetrics.runs("陈𠀋 A")
        #expect(runs.count == 2)
        #expect(runs[0].codes == [0x9648, 0x3013])
        #expect(runs[1].codes == [0x20, 0x41])
        #expect(runs[1].widthUnits == 278 + 667)
    }

    /// Column fitting fills the line and caps only the widest columns when space runs out.
    @Test func columnsFitTheLine() {
        #expect(PDFLayout.fit([100, 100], into: 300, minimum: 10) == [150, 150])
        #expect(PDFLayout.fit([300, 50, 50], into: 300, minimum: 10) == [200, 50, 50])
        #expect(PDFLayout.fit([300, 250, 50], into: 300, minimum: 10) == [125, 125, 50])
    }

    /// A table that cannot fit the page without breaking a distribution id or a voucher's words is
    /// set block by block where the document asks (layout 3); one that fits stays a table.
    @Test func tooWideTablesByRow() throws {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func text(_ row: [String], byRow: Bool) throws -> String {
            let table = StatementDocument.Table(
                columns: [.init("日期"), .init("分配编号"), .init("摘要"), .init("凭证号", keepsWhole: true), .init("金额（元）", alignment: .right),
                          .init("条目", alignment: .right), .init("哈希")],
                rows: [StatementDocument.Row(row)])
            var document = StatementDocument(title: "测试", sections: [.init(heading: "支付明细", content: .table(table))])
            document.typesetting = byRow ? .tooWideTablesByRow : []
            let file = directory.appendingPathComponent("t.pdf")
            try Data(PDFRenderer().render(document)).write(to: file)
            return String(decoding: try Tool.run(pdftotext, ["-layout", file.path, "-"]).output, as: UTF8.self)
        }
        let wide = ["2025-12-20", "2025-poverty-supplement-east", "一卡通 ****2318", "一卡通-2025-东片-补发-000123456", "200.00", "248", "8b043258"]
        #expect(!(try text(wide, byRow: false)).contains("2025-poverty-supplement-east"))
        let blocks = try text(wide, byRow: true)
        for line in ["分配编号：2025-poverty-supplement-east", "凭证号：一卡通-2025-东片-补发-000123456", "哈希：8b043258"] {
            #expect(blocks.contains(line), "\(blocks)")
        }
        let narrow = try text(["2025-12-20", "2025", "一卡通 ****2318", "一卡通-2025-007", "200.00", "248", "8b043258"], byRow: true)
        #expect(!narrow.contains("凭证号：") && narrow.contains("一卡通-2025-007"), "\(narrow)")
    }

    /// A distribution id too wide for the label column of large print stands whole above its
    /// rule where the document asks (layout 3); it had been cut (`…-suppleme` over `nt-east`).
    @Test func longLabelsAboveInLargePrint() throws {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func text(_ typesetting: StatementDocument.Typesetting) throws -> String {
            var document = StatementDocument(title: "测试", sections: [.init(heading: "分配方式", content: .keyValues([
                .init("2025-poverty-supplement-east", "按股份分配；权重：扶贫股每股×1"), .init("", "1,000.00元÷50股＝每股20.00元"),
            ]))])
            document.typesetting = typesetting
            let file = directory.appendingPathComponent("l.pdf")
            try Data(PDFRenderer(largePrint: true).render(document)).write(to: file)
            return String(decoding: try Tool.run(pdftotext, ["-layout", file.path, "-"]).output, as: UTF8.self)
        }
        #expect(!(try text([])).contains("2025-poverty-supplement-east"))
        let above = try text(.longLabelsAbove)
        #expect(above.contains("2025-poverty-supplement-east\n"), "\(above)")
        #expect(above.contains("1,000.00元÷50股＝每股20.00元"), "\(above)")
    }

    /// A block of figures taller than a page (large print, many distributions) runs on under its
    /// heading where the document asks (layout 3): its heading had stood alone on a page.
    @Test func longBlocksRunOnUnderTheirHeading() throws {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func pages(_ typesetting: StatementDocument.Typesetting) throws -> [String] {
            var document = StatementDocument(title: "测试", sections: [
                .init(heading: "前文", content: .keyValues((1...10).map { .init("项\($0)", "值") })),
                .init(heading: "分配方式", content: .keyValues((1...60).map { .init("第\($0)项", "说明") })),
            ])
            document.typesetting = typesetting
            let file = directory.appendingPathComponent("b.pdf")
            try Data(PDFRenderer(largePrint: true).render(document)).write(to: file)
            return String(decoding: try Tool.run(pdftotext, ["-layout", file.path, "-"]).output, as: UTF8.self).split(separator: "\u{0C}").map(String.init)
        }
        let before = try pages([])
        let alone = try #require(before.first { $0.contains("分配方式") && !$0.contains("（续）") })
        #expect(!alone.contains("第1项"), "the heading alone on its page, as layout 2 set it")
        let now = try pages(.longBlocksAcrossPages)
        let first = try #require(now.first { $0.contains("分配方式") })
        #expect(first.contains("项10") && first.contains("第1项"), "\(first)")
        #expect(now.count < before.count)
    }

    /// The pages pdftotext reads from the PDF of `section` after `filler` lines of other text,
    /// for each filler in `fillers`: how a block falls at a page break, whatever comes before it.
    private func pagesAfterFiller(_ fillers: ClosedRange<Int>, then section: StatementDocument.Section) throws -> [(filler: Int, pages: [String])] {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        return try fillers.map { filler in
            let document = StatementDocument(title: "测试", sections: [
                .init(heading: "前文", content: .keyValues((1...filler).map { .init("项\($0)", "值") })), section,
            ])
            let file = directory.appendingPathComponent("f\(filler).pdf")
            try Data(PDFRenderer().render(document)).write(to: file)
            let (_, output) = try Tool.run(pdftotext, ["-layout", file.path, "-"])
            return (filler, String(decoding: output, as: UTF8.self).split(separator: "\u{0C}").map(String.init))
        }
    }

    /// A table's header never stands alone at the foot of a page: whatever text comes before it,
    /// the page that shows the header also shows the table's first row.
    @Test func tableHeaderStaysWithItsFirstRow() throws {
        let table = StatementDocument.Table(
            columns: [.init("表头甲"), .init("表头乙", alignment: .right)],
            rows: (1...3).map { StatementDocument.Row(["第\($0)行", "\($0).00"]) })
        for (filler, pages) in try pagesAfterFiller(20...80, then: .init(heading: "明细", content: .table(table))) {
            // The first page to show the header (later pages repeat it over the rows they carry).
            let page = try #require(pages.first { $0.contains("表头甲") })
            #expect(page.contains("第1行"), "with \(filler) lines before it, the header ends a page alone")
        }
    }

    /// The signature lines stay on one page, whatever comes before them: the household's own line
    /// never lands alone on the next page.
    @Test func signaturesStayTogether() throws {
        let signatures = ["经办人", "监督小组", "户主（或见证人、按手印）"].map { StatementDocument.SignatureLine($0) }
        var split = 0
        for (filler, pages) in try pagesAfterFiller(20...60, then: .init(heading: "签字", content: .signatures(signatures))) {
            let holding = pages.map { page in signatures.filter { page.contains($0.label) }.count }
            #expect(holding.filter { $0 > 0 } == [3], "with \(filler) lines before them: \(holding)")
            if pages.count > 1 && !pages[0].contains("经办人") { split += 1 }
        }
        #expect(split > 0, "no filler pushed the signatures to page 2: the test does not reach the page break")
    }

    /// Since layout 4, the totals, the notes and the signatures stand on one page whatever comes
    /// before them (a household signs beside the amounts it signs for), and a paragraph whole.
    @Test func signedBesideTheTotals() throws {
        var apart = 0, split = 0
        for filler in 20...60 {
            let sections: [StatementDocument.Section] = [
                .init(heading: "前文", content: .keyValues((1...filler).map { .init("项\($0)", "值") })),
                .init(heading: "合计", content: .keyValues([.init("应分合计", "2,880.00"), .init("已付合计", "2,880.00")])),
                .init(heading: "说明", content: .paragraph(.init(String(repeating: "本明细单由白辛嘎查股份经济合作社根据分红账本生成。", count: 6)))),
                .init(heading: "签字", content: .signatures(["经办人", "监督小组", "户主（或见证人、按手印）"].map { .init($0) })),
            ]
            let before = try pages(sections, .all), now = try pages(sections, [.all, .wholeTermsAndParagraphs, .signedBesideTotals])
            let signing = try #require(now.first { $0.contains("户主（或见证人") })
            #expect(signing.contains("已付合计") && signing.contains("本明细单"), "with \(filler) lines before: \(signing)")
            if before.first(where: { $0.contains("户主（或见证人") })?.contains("已付合计") == false { apart += 1 }
            if before.filter({ $0.contains("本明细单") }).count > 1 { split += 1 }
        }
        // Layout 3 had set them apart for some filler: the test reaches the page breaks.
        #expect(apart > 0 && split > 0, "\(apart) \(split)")
    }

    /// Since layout 4, a seal's label of several lines (an organisation of 30 characters, in large
    /// print) has room for them: it had run up over the household's own line.
    @Test func aLongSealHasRoomForItsLines() throws {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func overlap(_ typesetting: StatementDocument.Typesetting) throws -> Bool {
            var document = StatementDocument(title: "测试", sections: [
                .init(heading: "签字", content: .signatures([.init("经办人"), .init("户主（或见证人、按手印）"),
                                                            .init("内蒙古自治区兴安盟扎赉特旗阿尔本格勒镇白辛嘎查股份经济合作社（盖章）")])),
            ])
            document.typesetting = typesetting
            let file = directory.appendingPathComponent("seal.pdf")
            try Data(PDFRenderer(largePrint: true).render(document)).write(to: file)
            let html = String(decoding: try Tool.run(pdftotext, ["-bbox", file.path, "-"]).output, as: UTF8.self)
            // The bottom of the household's line, and the top of the seal's first line (y grows downwards).
            func box(_ word: String) -> (top: Double, bottom: Double)? {
                guard let line = html.split(separator: "\n").first(where: { $0.contains(">\(word)") }) else { return nil }
                func value(_ name: String) -> Double? {
                    line.firstRange(of: "\(name)=\"").flatMap { Double(line[$0.upperBound...].prefix { $0 != "\"" }) }
                }
                return value("yMin").flatMap { top in value("yMax").map { (top, $0) } }
            }
            let household = try #require(box("户主（或见证人、按手印）"))
            let seal = try #require(box("内蒙古自治区"))
            return seal.top < household.bottom
        }
        #expect(try overlap(.all))
        #expect(try !overlap([.all, .signedBesideTotals]))
    }

    /// Since layout 4, a block of terms taller than a page (分配方式 in large print) runs on with
    /// each term's further lines beside it: a page had begun with a rule's last line, its
    /// distribution on the page before.
    @Test func aTermKeepsItsLines() throws {
        // Every other term long enough to wrap in its column: its second line begins no page either.
        let terms = StatementDocument.Section(heading: "分配方式", content: .keyValues((1...30).flatMap { n in
            [.init("第\(n)项" + (n % 2 == 0 ? "经村民代表大会决议通过的补充分配批次" : ""), "规则\(n)"), .init("", "保底\(n)号"), .init("", "余下\(n)号")]
                as [StatementDocument.KeyValue]
        }))
        func orphans(_ typesetting: StatementDocument.Typesetting, largePrint: Bool = true) throws -> Int {
            let pages = try pages([terms], typesetting, largePrint: largePrint)
            return (1...30).filter { n in pages.contains { $0.contains("余下\(n)号") && !$0.contains("第\(n)项") } }.count
        }
        #expect(try orphans(.all) > 0)
        #expect(try orphans([.all, .wholeTermsAndParagraphs]) == 0)
        #expect(try orphans([.all, .wholeTermsAndParagraphs], largePrint: false) == 0)  // where a long term wraps in its column
    }

    /// The pages pdftotext reads from the PDF of `sections` set with `typesetting`.
    private func pages(_ sections: [StatementDocument.Section], _ typesetting: StatementDocument.Typesetting, largePrint: Bool = false) throws -> [String] {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var document = StatementDocument(title: "测试", sections: sections)
        document.typesetting = typesetting
        let file = directory.appendingPathComponent("p.pdf")
        try Data(PDFRenderer(largePrint: largePrint).render(document)).write(to: file)
        return String(decoding: try Tool.run(pdftotext, ["-layout", file.path, "-"]).output, as: UTF8.self).split(separator: "\u{0C}").map(String.init)
    }

    /// poppler extracts the Chinese name, the amount in figures and in capitals, and the Latin text,
    /// and rasterises a page (fails with install instructions where poppler is missing).
    @Test func popplerExtractsAndRendersTheStatement() throws {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let pdftoppm = try #require(Tool.path("pdftoppm"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("chen-mei.pdf")
        try Data(PDFRenderer().render(SampleStatements.chenMei)).write(to: file)

        let (status, output) = try Tool.run(pdftotext, ["-layout", file.path, "-"])
        #expect(status == 0)
        let text = String(decoding: output, as: UTF8.self)
        for expected in ["陈梅", "152223-001", "2,880.00", "贰仟捌佰捌拾元整", "Baixin", "户主（或见证人、按手印）"] {
            #expect(text.contains(expected), "pdftotext lost \(expected); \(Self.installHint)")
        }
        // pdftotext drops the narrow Helvetica spaces between Chinese runs, so compare without spaces.
        #expect(text.replacingOccurrences(of: " ", with: "").contains("第1页/共1页"))

        let prefix = directory.appendingPathComponent("page").path
        let (rasterStatus, _) = try Tool.run(pdftoppm, ["-r", "50", "-png", file.path, prefix])
        #expect(rasterStatus == 0)
        let png = try Data(contentsOf: URL(fileURLWithPath: prefix + "-1.png"))
        #expect(png.count > 1000)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// A long statement breaks onto numbered pages and repeats the table header on each.
    @Test func longStatementBreaksPagesWithPageNumbers() throws {
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("long.pdf")
        var document = SampleStatements.longStatement(paymentCount: 60)
        document.owner = "户号 152223-001 陈梅"
        try Data(PDFRenderer().render(document)).write(to: file)
        let text = String(decoding: try Tool.run(pdftotext, ["-layout", file.path, "-"]).output, as: UTF8.self)
        let pageCount = text.components(separatedBy: "\u{0C}").filter { !$0.isEmpty }.count  // form feed per page
        #expect(pageCount == 3)
        let compact = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        // Every page says whose it is, as well as which it is.
        for page in 1...pageCount { #expect(compact.contains("户号152223-001陈梅第\(page)页/共\(pageCount)页"), "\(compact)") }
        #expect(compact.contains("分红第60笔"))
        #expect(text.components(separatedBy: "支付方式").count - 1 == pageCount)  // header repeated on each page
        #expect(text.components(separatedBy: "（续）").count - 1 == pageCount - 1)  // and the section's heading, continued
        // Large print too: a page of blocks alone says which section they belong to.
        try Data(PDFRenderer(largePrint: true).render(document)).write(to: file)
        let large = String(decoding: try Tool.run(pdftotext, ["-layout", file.path, "-"]).output, as: UTF8.self)
        #expect(large.contains("（续）"), "\(large)")
    }

    /// Large print sets body text at 18 pt and spreads table rows over lines.
    @Test func largePrintUsesEighteenPointType() throws {
        let bytes = PDFRenderer(largePrint: true).render(SampleStatements.chenMei)
        let text = String(decoding: bytes, as: UTF8.self)
        let sizes = text.components(separatedBy: " Tf").dropLast().compactMap { Double($0.split(separator: " ").last!) }
        #expect(!sizes.isEmpty)
        #expect(sizes.min()! >= 18)
        let pdftotext = try #require(Tool.path("pdftotext"), Comment(rawValue: Self.installHint))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("large.pdf")
        try Data(bytes).write(to: file)
        let extracted = String(decoding: try Tool.run(pdftotext, ["-layout", file.path, "-"]).output, as: UTF8.self)
        #expect(extracted.contains("金额（元）：2,880.00"))
        #expect(extracted.contains("陈梅"))
    }

    static let installHint =
        "pdftotext/pdftoppm missing or without CJK support: apt-get install poppler-utils poppler-data fonts-wqy-zenhei"

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    static func line(in bytes: [UInt8], at start: Int) -> String {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func lastNumber(after marker: String, in bytes: [UInt8], until terminator: Character = "\n") -> Int? {
        var found: Int?
        var from = 0
        while let at = find(Array(marker.utf8), in: bytes, from: from) {
            found = at
            from = at + 1
        }
        guard let found else { return nil }
        return Int(line(in: bytes, at: found + marker.utf8.count).prefix { $0 != terminator })
    }
}
