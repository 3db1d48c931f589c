/// Renders a statement as one self-contained HTML5 page (no scripts, no external files).
///
/// The page prints on A4 by default and on A5 with `paper: .a5` (a named `@page` chosen by a
/// class on `<body>`). `largePrint` sets every line at 20 pt or more and turns each table row
/// into a block of "header：value" lines, for readers with low vision.
public struct HTMLRenderer: Sendable {
    /// The paper the print CSS targets.
    public enum Paper: String, Sendable {
        /// 210 × 297 mm.
        case a4
        /// 148 × 210 mm.
        case a5
    }

    /// The paper size for printing.
    public var paper: Paper
    /// One item per line at 20 pt or more, no multi-column tables.
    public var largePrint: Bool

    /// Creates a renderer.
    public init(paper: Paper = .a4, largePrint: Bool = false) {
        self.paper = paper
        self.largePrint = largePrint
    }

    /// Whether the document's ``StatementDocument/typesetting`` keeps marks whole in HTML, while it is rendered.
    private var keepsMarks = false
    /// Whether it is set for a screen reader (``StatementDocument/Typesetting/readableHTML``), while it is rendered.
    private var readable = false

    /// The complete page, UTF-8 text starting with `<!DOCTYPE html>`.
    public func render(_ document: StatementDocument) -> String {
        var renderer = self
        renderer.keepsMarks = document.typesetting.contains(.marksWholeInHTML)
        renderer.readable = document.typesetting.contains(.readableHTML)
        return renderer.page(document)
    }

    private func page(_ document: StatementDocument) -> String {
        var html = ""
        html += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"fenhong\">\n"
        // A window or tab named by whose statement it is: thirty of one village had one title.
        let title = readable ? document.title + (document.owner.map { " · " + $0 } ?? "") : document.title
        html += "<title>\(Self.escape(title))</title>\n<style>\n\(Self.css)</style>\n"
        // A term's further values each on a line of their own, under its first (the style sheet
        // above is every layout's, and stays as it was).
        if readable { html += "<style>\n\(Self.readableCSS)</style>\n" }
        html += "</head>\n"
        var classes = ["paper-\(paper.rawValue)"]
        if largePrint { classes.append("large-print") }
        html += "<body class=\"\(classes.joined(separator: " "))\">\n<main>\n<header>\n"
        html += "<h1>\(Self.escape(document.title))</h1>\n"
        for line in document.subtitleLines {
            html += "<p class=\"subtitle\">\(Self.escape(line))</p>\n"
        }
        html += "</header>\n"
        for (index, section) in document.sections.enumerated() {
            html += "<section>\n"
            // Its heading names its table, read out when a screen reader enters it.
            let id = readable && !section.heading.isEmpty ? "s\(index + 1)" : nil
            if !section.heading.isEmpty { html += "<h2\(id.map { " id=\"\($0)\"" } ?? "")>\(Self.escape(section.heading))</h2>\n" }
            switch section.content {
            case .keyValues(let pairs): html += keyValues(pairs.map { ($0.key, $0.value) })
            case .table(let table): html += largePrint ? tableAsBlocks(table) : tableAsTable(table, labelledBy: id)
            case .paragraph(let paragraph): html += "<p>\(text(paragraph.text))</p>\n"
            case .signatures(let signatures): html += self.signatures(signatures)
            }
            html += "</section>\n"
        }
        if let footer = document.footer {
            html += "<footer>\n" + keyValues(footer.labelledLines.map { ($0.label, $0.value) }, englishInLabels: readable)
            for note in footer.notes { html += "<p>\(Self.escape(note))</p>\n" }
            html += "</footer>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    /// `englishInLabels`: the English words of a label (账本 Origin) are marked English, read so.
    private func keyValues(_ pairs: [(String, String)], englishInLabels: Bool = false) -> String {
        // Set for a screen reader, a line going on from the term above is one more of its values, in its group.
        var groups: [(key: String, values: [String])] = []
        for (key, value) in pairs {
            if readable, key.isEmpty, !groups.isEmpty { groups[groups.count - 1].values.append(value) } else { groups.append((key, [value])) }
        }
        var html = "<dl class=\"fields\">\n"
        for group in groups {
            // A line going on from the term above has none of its own: a screen reader passes the empty term over.
            let term = group.key.isEmpty ? "<dt aria-hidden=\"true\"></dt>" : "<dt>\(englishInLabels ? Self.markingEnglish(group.key) : text(group.key))</dt>"
            html += "<div>\(term)" + group.values.map { "<dd>\(text($0))</dd>" }.joined() + "</div>\n"
        }
        return html + "</dl>\n"
    }

    /// `label` escaped, each run of Latin letters in it marked English (`<span lang="en">Origin</span>`).
    private static func markingEnglish(_ label: String) -> String {
        var html = "", word = ""
        func flush() {
            if !word.isEmpty { html += "<span lang=\"en\">\(escape(word))</span>" }
            word = ""
        }
        for character in label {
            if character.isASCII && character.isLetter {
                word.append(character)
            } else {
                flush()
                html += escape(String(character))
            }
        }
        flush()
        return html
    }

    /// `labelledBy`: the id of the heading that names the table (when ``readable``), whose header
    /// cells then say which column they head and each row's first cell which row it is, so that a
    /// screen reader says "2019-poverty, 应分（元）, 2,880.00" moving down a column.
    private func tableAsTable(_ table: StatementDocument.Table, labelledBy: String? = nil) -> String {
        func cellClass(_ column: Int) -> String {
            table.columns[column].alignment == .right ? " class=\"num\"" : ""
        }
        func row(_ row: StatementDocument.Row, tag: String, scope: String? = nil) -> String {
            var html = "<tr>"
            for column in table.columns.indices {
                let (cellTag, cellScope) = scope == "row" && column == table.rowHeader ? ("th", "row") : (tag, scope == "col" ? "col" : nil)
                html += "<\(cellTag)\(cellClass(column))\(cellScope.map { " scope=\"\($0)\"" } ?? "")>\(text(table.cell(row, column)))</\(cellTag)>"
            }
            return html + "</tr>\n"
        }
        let scoped = readable
        var html = "<table\(labelledBy.map { " aria-labelledby=\"\($0)\"" } ?? "")>\n<thead>\n"
        html += row(.init(table.columns.map(\.header)), tag: "th", scope: scoped ? "col" : nil)
        html += "</thead>\n<tbody>\n"
        for body in table.rows { html += row(body, tag: "td", scope: scoped ? "row" : nil) }
        html += "</tbody>\n"
        if let totals = table.totals { html += "<tfoot>\n" + row(totals, tag: "td", scope: scoped ? "row" : nil) + "</tfoot>\n" }
        return html + "</table>\n"
    }

    /// Large print: each row is a block with one "header：value" per line.
    private func tableAsBlocks(_ table: StatementDocument.Table) -> String {
        func block(_ row: StatementDocument.Row, extraClass: String) -> String {
            var html = "<div class=\"row\(extraClass)\">\n"
            for column in table.columns.indices {
                let value = table.cell(row, column)
                if value.isEmpty { continue }
                // A totals row's first cell is its label (合计), said alone.
                let header = extraClass.isEmpty || column > 0 ? table.columns[column].header : ""
                html += "<p>\(header.isEmpty ? "" : Self.escape(header) + "：")\(text(value))</p>\n"
            }
            return html + "</div>\n"
        }
        var html = ""
        for body in table.rows { html += block(body, extraClass: "") }
        if let totals = table.totals { html += block(totals, extraClass: " totals") }
        return html
    }

    private func signatures(_ signatures: [StatementDocument.SignatureLine]) -> String {
        var html = "<div class=\"signatures\">\n"
        for signature in signatures {
            html += "<div class=\"signature\"><span class=\"label\">\(Self.escape(signature.label))</span>"
            html += "<span class=\"sign-here\"></span></div>\n"
        }
        return html + "</div>\n"
    }

    /// `text` escaped; with ``keepsMarks``, each short mark in full-width parentheses (（冲销）,
    /// （已撤销）: ``LineBreaker/markLengthMax``) in a span the browser does not break. Inline, so
    /// that the style sheet, which every layout shares, stays as it was.
    private func text(_ text: String) -> String {
        let html = marksKept(text)
        // A masked number's stars are not read out (a screen reader said "星号" eight times): what
        // they stand for is, unseen — 尾号2318, or an ID's first six digits, 后四位, its last four
        // (not one number of ten).
        guard readable, html.contains("****") else { return html }
        var out = "", stars = 0
        func flush() {
            if stars >= 4 {
                let afterDigits = out.last.map { $0.isASCII && $0.isNumber } ?? false
                out += "<span aria-hidden=\"true\">" + String(repeating: "*", count: stars) + "</span>"
                out += "<span \(Self.heardOnly)>\(afterDigits ? "，后四位" : "尾号")</span>"
            } else {
                out += String(repeating: "*", count: stars)
            }
            stars = 0
        }
        for character in html {
            if character == "*" { stars += 1; continue }
            flush()
            out.append(character)
        }
        flush()
        return out
    }

    private func marksKept(_ text: String) -> String {
        guard keepsMarks, text.unicodeScalars.contains("（") else { return Self.escape(text) }
        let scalars = Array(text.unicodeScalars)
        var html = "", from = 0, open = 0
        func escaped(_ range: Range<Int>) -> String { Self.escape(String(String.UnicodeScalarView(scalars[range]))) }
        while open < scalars.count {
            guard scalars[open] == "（",
                  let close = scalars[(open + 1)...].prefix(LineBreaker.markLengthMax + 1).firstIndex(of: "）") else { open += 1; continue }
            html += escaped(from..<open) + "<span style=\"white-space:nowrap\">" + escaped(open..<close + 1) + "</span>"
            (from, open) = (close + 1, close + 1)
        }
        return html + escaped(from..<scalars.count)
    }

    /// The attributes of a span a screen reader reads and no one sees (and no statement check
    /// reads back: ``StatementText/plainLines(html:)`` passes its words over).
    static let heardOnly = "data-heard style=\"position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap\""

    /// `text` with `& < > " '` replaced by character references, safe in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// What a page set for a screen reader adds to ``css``.
    static let readableCSS = """
        dl.fields div { flex-wrap: wrap; row-gap: 0; }
        dl.fields dd + dd { flex: 0 0 100%; box-sizing: border-box; padding-left: 8em; }
        body.large-print dl.fields dd + dd { padding-left: 0; }
        tbody th { background: none; font-weight: normal; }
        tfoot th { background: none; border-top: 2px solid #000; }

        """

    /// Screen and print styles; money right-aligned in tabular figures.
    static let css = """
        @page { size: A4; margin: 18mm 16mm; }
        @page a5 { size: A5; margin: 10mm 10mm; }
        body.paper-a5 { page: a5; }
        body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "WenQuanYi Zen Hei", serif; \
        font-size: 11pt; line-height: 1.5; color: #000; background: #fff; margin: 0; }
        main { max-width: 180mm; margin: 0 auto; padding: 8mm; }
        body.paper-a5 main { max-width: 128mm; }
        body.paper-a5 { font-size: 9.5pt; }
        header { text-align: center; border-bottom: 2px solid #000; margin-bottom: 1em; }
        h1 { font-size: 1.7em; margin: 0 0 0.2em; letter-spacing: 0.1em; }
        h2 { font-size: 1.15em; margin: 1.2em 0 0.4em; border-left: 4px solid #000; padding-left: 0.4em; }
        .subtitle { margin: 0.1em 0; }
        dl.fields { margin: 0; }
        dl.fields div { display: flex; gap: 1em; }
        dl.fields dt { min-width: 7em; font-weight: bold; }
        dl.fields dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #000; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tfoot td { font-weight: bold; border-top: 2px solid #000; }
        .signatures { display: flex; flex-wrap: wrap; gap: 1em 2em; margin-top: 1em; }
        .signature { display: flex; align-items: flex-end; flex: 1 1 45%; min-height: 3.5em; }
        .signature .label { white-space: nowrap; }
        .signature .sign-here { flex: 1; border-bottom: 1px solid #000; margin-left: 0.5em; min-width: 6em; }
        footer { margin-top: 2em; border-top: 1px solid #000; font-size: 0.8em; word-break: break-all; }
        body.large-print { font-size: 20pt; line-height: 1.6; }
        body.large-print main { max-width: none; }
        body.large-print dl.fields div { display: block; }
        body.large-print .row { border-top: 2px solid #000; padding: 0.3em 0; }
        body.large-print .row p { margin: 0.2em 0; }
        body.large-print .row.totals { border-top: 4px double #000; font-weight: bold; }
        body.large-print .signature { flex: 1 1 100%; min-height: 3em; }
        body.large-print footer { font-size: 18pt; }
        @media print { main { padding: 0; max-width: none; } section, .row, tr, .signature { break-inside: avoid; } }

        """
}
