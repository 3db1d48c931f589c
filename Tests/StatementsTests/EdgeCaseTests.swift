import Testing
@testable import Statements

struct EdgeCaseTests {
    /// Odd documents (empty, short and long rows, very long cells, emoji) render in every format
    /// without trapping, and the PDF still ends with a trailer.
    @Test func oddDocumentsRenderEverywhere() {
        let longCell = String(repeating: "很长的摘要文字", count: 300)
        let documents = [
            StatementDocument(title: ""),
            StatementDocument(title: "只有标题"),
            StatementDocument(title: "表格", sections: [
                .init(heading: "", content: .table(.init(
                    columns: [.init("A"), .init("金额", alignment: .right)],
                    rows: [.init([]), .init(["x", "1.00", "extra cell"]), .init([longCell, "2.00"]),
                           .init(["家👨‍👩‍👧", "3.00"])],
                    totals: .init(["合计"])))),
                .init(heading: "空", content: .keyValues([])),
                .init(heading: "空签字", content: .signatures([])),
                .init(heading: "段落", content: .paragraph(.init("\n\n  \t"))),
            ]),
        ]
        for document in documents {
            #expect(TextRenderer(widthMax: 20).render(document).hasSuffix("\n"))
            #expect(HTMLRenderer(largePrint: true).render(document).hasSuffix("</html>\n"))
            #expect(SpeechRenderer().render(document).hasSuffix("\n"))
            for largePrint in [false, true] {
                let pdf = PDFRenderer(largePrint: largePrint).render(document)
                #expect(pdf.suffix(6) == ArraySlice("%%EOF\n".utf8))
            }
        }
    }

    /// A table cell longer than a page is cut into page-sized rows rather than running off the page.
    @Test func tableRowLongerThanAPageStillBreaksPages() {
        let longCell = String(repeating: "很长的摘要文字", count: 900)
        let document = StatementDocument(title: "表格", sections: [
            .init(heading: "", content: .table(.init(columns: [.init("摘要")], rows: [.init([longCell])]))),
        ])
        let text = String(decoding: PDFRenderer().render(document), as: UTF8.self)
        #expect(text.contains("/Count 4"))
        // Body text stays above the bottom margin (48 pt) and the page-number band (9 pt);
        // below it are only the page numbers, set on baseline 44.
        let baselines = text.components(separatedBy: " Tm ").dropLast().compactMap {
            Double($0.split(separator: " ").last ?? "")
        }
        #expect(baselines.count > 150)
        #expect(baselines.allSatisfy { $0 == 44 || $0 > 48 + 9 })
        #expect(baselines.filter { $0 == 44 }.count == 4 * 7)  // 第 · i · 页 · / · 共 · n · 页 runs per page
    }
}
