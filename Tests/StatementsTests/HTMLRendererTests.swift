import Testing
@testable import Statements

struct HTMLRendererTests {
    /// Chen Mei's statement renders as the stored HTML snapshot.
    @Test func chenMeiStatementMatchesSnapshot() {
        let html = HTMLRenderer().render(SampleStatements.chenMei)
        if let mismatch = Snapshot.mismatch(html, stored: Snapshot.chenMeiHTML, file: "chen-mei.html.swift", symbol: "chenMeiHTML") { Issue.record(Comment(rawValue: mismatch)) }
    }

    /// Markup characters in any field are escaped, so a name cannot inject HTML.
    @Test func escapesMarkupCharacters() {
        #expect(HTMLRenderer.escape(#"<b>"陈&梅"</b> 'x'"#) == "&lt;b&gt;&quot;陈&amp;梅&quot;&lt;/b&gt; &#39;x&#39;")
        let document = StatementDocument(
            title: "A&B <分红>",
            sections: [.init(heading: "\"h\"", content: .keyValues([.init("<户主>", "陈梅 & \"家\"")]))])
        let html = HTMLRenderer().render(document)
        #expect(html.contains("<title>A&amp;B &lt;分红&gt;</title>"))
        #expect(html.contains("<dt>&lt;户主&gt;</dt><dd>陈梅 &amp; &quot;家&quot;</dd>"))
        #expect(html.contains("<h2>&quot;h&quot;</h2>"))
        #expect(!html.contains("<户主>"))
    }

    /// Since layout 3 a short mark is kept whole where the browser sets the lines: in a span that
    /// does not break, escaped inside; a longer parenthesis breaks as any text; before, no span.
    @Test func marksKeptWholeInABrowser() {
        var document = StatementDocument(title: "t", sections: [
            .init(heading: "h", content: .keyValues([.init("摘要", "一卡通（冲销）、（<a>）与（不止五个字的说明）")])),
            .init(heading: "t", content: .table(.init(columns: [.init("分配编号")], rows: [.init(["2024（已撤销）"])]))),
        ])
        let nowrap = "<span style=\"white-space:nowrap\">"
        #expect(!HTMLRenderer().render(document).contains(nowrap))
        document.typesetting = .marksWholeInHTML
        let html = HTMLRenderer().render(document)
        #expect(html.contains("<dd>一卡通\(nowrap)（冲销）</span>、\(nowrap)（&lt;a&gt;）</span>与（不止五个字的说明）</dd>"), "\(html)")
        #expect(html.contains("<td>2024\(nowrap)（已撤销）</span></td>"))
        #expect(HTMLRenderer(largePrint: true).render(document).contains("<p>分配编号：2024\(nowrap)（已撤销）</span></p>"))
    }

    /// The page is self-contained HTML5 in Chinese with A4 and A5 print rules and right-aligned money.
    @Test func pageDeclaresLanguageCharsetAndPaper() {
        let html = HTMLRenderer(paper: .a5).render(SampleStatements.chenMei)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@page a5 { size: A5;"))
        #expect(html.contains("<body class=\"paper-a5\">"))
        #expect(html.contains("<td class=\"num\">2,880.00</td>"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
    }

    /// Large print has no tables, one "header：value" per line, and type of at least 18 pt.
    @Test func largePrintHasNoTablesAndBigType() {
        let html = HTMLRenderer(largePrint: true).render(SampleStatements.chenMei)
        #expect(!html.contains("<table"))
        #expect(html.contains("<body class=\"paper-a4 large-print\">"))
        #expect(html.contains("<p>金额（元）：2,880.00</p>"))
        #expect(html.contains("<p>日期：2024年12月20日</p>"))
        #expect(html.contains("body.large-print { font-size: 20pt;"))
    }
}
