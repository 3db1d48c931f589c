/// Flows a `StatementDocument` onto PDF pages: lines, tables with ruling, page breaks.
///
/// Coordinates are PDF points with the origin at the bottom left. `cursor` is the top of the
/// free space on the current page and only moves down; whatever does not fit below it starts a
/// new page (a table repeats its header row there).
struct PDFLayout {
    /// Type sizes and spacing, in points.
    struct Style {
        var titleSize: Double
        var subtitleSize: Double
        var headingSize: Double
        var bodySize: Double
        var footerSize: Double
        var pageNumberSize: Double
        /// Line height as a multiple of the type size.
        var leading: Double
        var cellPaddingX: Double
        var cellPaddingY: Double
        /// Height of a signature line, room for a signature, seal or thumbprint.
        var signatureHeight: Double
        var margin: Double
        /// Tables become one "header：value" per line.
        var tablesAsBlocks: Bool

        /// 五号 (10.5 pt) body text on A4.
        static let standard = Style(
            titleSize: 18, subtitleSize: 11, headingSize: 12, bodySize: 10.5, footerSize: 8, pageNumberSize: 9,
            leading: 1.5, cellPaddingX: 5, cellPaddingY: 3, signatureHeight: 34, margin: 48, tablesAsBlocks: false)
        /// Nothing smaller than 18 pt; one item per line.
        static let largePrint = Style(
            titleSize: 26, subtitleSize: 18, headingSize: 21, bodySize: 18, footerSize: 18, pageNumberSize: 18,
            leading: 1.45, cellPaddingX: 6, cellPaddingY: 4, signatureHeight: 64, margin: 45, tablesAsBlocks: true)
    }

    let style: Style
    /// The document's ``StatementDocument/keepsMarksWhole``.
    var keepsMarks = false
    /// The document's ``StatementDocument/typesetting``.
    var typesetting: StatementDocument.Typesetting = []
    let pageWidth: Double
    let pageHeight: Double
    var donePages: [[UInt8]] = []
    var page = PDFBuffer()
    var cursor: Double
    /// The heading of the section being laid, which a page it runs onto repeats.
    var continuing: String?

    init(style: Style, pageWidth: Double, pageHeight: Double) {
        self.style = style
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.cursor = pageHeight - style.margin
    }

    var left: Double { style.margin }
    var right: Double { pageWidth - style.margin }
    var contentWidth: Double { right - left }
    /// The lowest point body content may reach; the page number sits below it.
    var bottom: Double { style.margin + style.pageNumberSize }

    // MARK: Document

    mutating func lay(_ document: StatementDocument) {
        lines(document.title, size: style.titleSize, bold: true, centered: true)
        for subtitle in document.subtitleLines {
            lines(subtitle, size: style.subtitleSize, centered: true)
        }
        space(style.bodySize * 0.3)
        rule(width: 1.2)
        space(2)
        rule(width: 0.4)
        // Measured once: the block it is kept on one page with is measured before it is set.
        let footerNeeds = document.footer.map(footerHeight)
        for (index, section) in document.sections.enumerated() {
            space(style.bodySize * 0.6)
            if typesetting.contains(.signedBesideTotals) { keepWithSignatures(document.sections, from: index, footerHeight: footerNeeds) }
            if case .table(let table) = section.content, !style.tablesAsBlocks {
                // Keep a table's heading and header with its first rows: never a header alone
                // at the foot of a page.
                let row = lineHeight(style.bodySize) + 2 * style.cellPaddingY
                ensure(lineHeight(style.headingSize) + Double(min(3, table.rows.count + 1)) * row)
            }
            if case .table(let table) = section.content, style.tablesAsBlocks, let first = table.rows.first ?? table.totals {
                // Large print: the heading with the first record's block, never alone at a page's foot.
                let lineCount = table.columns.indices.reduce(0) { count, column in
                    let value = table.cell(first, column)
                    if value.isEmpty { return count }
                    let header = table.columns[column].header
                    return count + wrap(header.isEmpty ? value : header + "：" + value, width: contentWidth, size: style.bodySize).count
                }
                ensure(lineHeight(style.headingSize) + Double(lineCount) * lineHeight(style.bodySize) + 2 * style.cellPaddingY + 2)
            }
            // A block of figures is kept whole (below), and its heading with it; one taller than a
            // page, where the document asks, runs on under its heading (which had stood alone).
            var runsOn = false
            if case .keyValues(let pairs) = section.content {
                let rows = keyValueRows(pairs.map { ($0.key, $0.value) }, size: style.bodySize).rows.count
                let height = lineHeight(style.headingSize) + Double(rows) * lineHeight(style.bodySize)
                runsOn = typesetting.contains(.longBlocksAcrossPages) && height > pageHeight - style.margin - bottom
                if !runsOn { ensure(height) }
            }
            if case .signatures(let signatures) = section.content {
                // The signatures are signed as one block: never the household's own line alone
                // on the next page.
                ensure(lineHeight(style.headingSize) + style.bodySize * 0.2 + signatures.reduce(0) { $0 + signatureHeight($1) })
            }
            if !section.heading.isEmpty { heading(section.heading) }
            // A section that runs onto the next page says so there: large print's blocks look
            // alike, and a page of them alone would not say what they are.
            continuing = section.heading.isEmpty ? nil : section.heading
            defer { continuing = nil }
            switch section.content {
            // A block of figures (the totals) is read as one: never split across pages.
            case .keyValues(let pairs): keyValues(pairs.map { ($0.key, $0.value) }, size: style.bodySize, keepTogether: !runsOn)
            case .table(let table): style.tablesAsBlocks ? tableAsBlocks(table) : tableWithRules(table)
            case .paragraph(let paragraph):
                let wrapped = wrap(paragraph.text, width: contentWidth, size: style.bodySize)
                if typesetting.contains(.wholeTermsAndParagraphs) { ensureWhole(wrapped.count) }
                lines(wrapped, size: style.bodySize)
            case .signatures(let signatures): signatureLines(signatures)
            }
        }
        if let footer = document.footer {
            space(style.bodySize)
            // Keep the verification block on one page: it is read as a whole.
            ensure(footerNeeds ?? footerHeight(footer))
            let pairs = footer.labelledLines.map { ($0.label, $0.value) }
            rule(width: 0.4)
            space(style.footerSize * 0.3)
            keyValues(pairs, size: style.footerSize)
            for note in footer.notes { lines(note, size: style.footerSize) }
        }
    }

    /// The content streams, each ending with its "第 i 页 / 共 n 页" line, after whose
    /// document it is when `owner` is given.
    mutating func finishedPages(owner: String? = nil) -> [[UInt8]] {
        donePages.append(page.bytes)
        page = PDFBuffer()
        let count = donePages.count
        for index in donePages.indices {
            var buffer = PDFBuffer(capacity: 128)
            buffer.bytes = donePages[index]
            let label = (owner.map { $0 + "　" } ?? "") + "第 \(index + 1) 页 / 共 \(count) 页"
            let width = PDFFontMetrics.width(label, size: style.pageNumberSize)
            Self.text(label, x: (pageWidth - width) / 2, baseline: style.margin - 4, size: style.pageNumberSize,
                      bold: false, into: &buffer)
            donePages[index] = buffer.bytes
        }
        return donePages
    }

    // MARK: Flow

    mutating func newPage() {
        donePages.append(page.bytes)
        page = PDFBuffer()
        cursor = pageHeight - style.margin
        if let continuing { heading(continuing + "（续）") }
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    mutating func ensure(_ height: Double) {
        if cursor - height < bottom && cursor < pageHeight - style.margin { newPage() }
    }

    mutating func space(_ height: Double) {
        cursor -= height
        if cursor < bottom { newPage() }
    }

    func lineHeight(_ size: Double) -> Double { size * style.leading }

    /// The baseline of a line of type `size` whose box starts at `top`: the slack of the leading
    /// is shared above and below, and STSong's ascent is 880/1000.
    func baseline(top: Double, size: Double) -> Double {
        top - size * (style.leading - 1) / 2 - size * 0.88
    }

    func wrap(_ text: String, width: Double, size: Double) -> [String] {
        LineBreaker.lines(text, widthMax: Int(width * 1000 / size), advance: PDFFontMetrics.advance, keepingMarks: keepsMarks,
                          cuttingEvenly: typesetting.contains(.evenCuts), keepingWords: typesetting.contains(.wholeWords))
    }

    /// The width of `text`'s widest run no break may fall inside, in 1/1000 of the type size.
    func widestUnbreakable(_ text: String) -> Int {
        LineBreaker.widestUnbreakable(text, advance: PDFFontMetrics.advance, keepingMarks: keepsMarks, keepingWords: typesetting.contains(.wholeWords))
    }

    mutating func lines(_ text: String, size: Double, bold: Bool = false, centered: Bool = false) {
        lines(wrap(text, width: contentWidth, size: size), size: size, bold: bold, centered: centered)
    }

    /// Lines already wrapped to the content's width.
    mutating func lines(_ wrapped: [String], size: Double, bold: Bool = false, centered: Bool = false) {
        for line in wrapped {
            ensure(lineHeight(size))
            let x = centered ? left + (contentWidth - PDFFontMetrics.width(line, size: size)) / 2 : left
            Self.text(line, x: x, baseline: baseline(top: cursor, size: size), size: size, bold: bold, into: &page)
            cursor -= lineHeight(size)
        }
    }

    mutating func heading(_ text: String) {
        // Keep a heading with at least one line of what follows.
        ensure(lineHeight(style.headingSize) + lineHeight(style.bodySize) * 2)
        let top = cursor
        lines(text, size: style.headingSize, bold: true)
        // A black bar in the left margin marks the heading, as on printed forms.
        fill(x: left - 8, y: cursor + style.headingSize * 0.25, width: 3, height: top - cursor - style.headingSize * 0.5)
        space(style.bodySize * 0.2)
    }

    mutating func rule(width: Double) {
        ensure(width)
        stroke(width: width, segments: [(left, cursor, right, cursor)])
        cursor -= width
    }

    /// Key–value pairs wrapped into rows of (key line, value line), keys in a column of their own.
    /// `termStarts`: the rows that begin a pair with a term of its own (a term's further lines,
    /// and a long term's wrapped lines, begin none).
    func keyValueRows(_ pairs: [(String, String)], size: Double) -> (keyColumn: Double, rows: [(String, String)], termStarts: Set<Int>) {
        // A label with a word wider than its column stands above its value, where asked.
        let above = { (key: String) in
            typesetting.contains(.longLabelsAbove)
                && Double(widestUnbreakable(key)) * size / 1000
                > contentWidth * 0.4 - size * 0.5
        }
        let keyWidthMax = pairs.filter { !above($0.0) }.map { PDFFontMetrics.width($0.0, size: size) }.max() ?? 0
        let keyColumn = min(keyWidthMax + size, contentWidth * 0.4)
        var rows: [(String, String)] = []
        var termStarts = Set<Int>()
        for (key, value) in pairs {
            if !key.isEmpty { termStarts.insert(rows.count) }
            if above(key) {
                rows += wrap(key, width: contentWidth, size: size).map { ($0, "") }
                rows += wrap(value, width: contentWidth - keyColumn, size: size).map { ("", $0) }
                continue
            }
            let keyLines = wrap(key, width: keyColumn - size * 0.5, size: size)
            let valueLines = wrap(value, width: contentWidth - keyColumn, size: size)
            for index in 0..<max(keyLines.count, valueLines.count) {
                rows.append((index < keyLines.count ? keyLines[index] : "", index < valueLines.count ? valueLines[index] : ""))
            }
        }
        return (keyColumn, rows, termStarts)
    }

    mutating func keyValues(_ pairs: [(String, String)], size: Double, keepTogether: Bool = false) {
        let (keyColumn, rows, termStarts) = keyValueRows(pairs, size: size)
        if keepTogether { ensure(Double(rows.count) * lineHeight(size)) }
        for (index, (key, value)) in rows.enumerated() {
            if typesetting.contains(.wholeTermsAndParagraphs), termStarts.contains(index) || index == 0 {
                // A term with its further lines (its own wrapped, and the values after it): the rows up to the next term's.
                let group = 1 + ((index + 1)..<rows.count).prefix { !termStarts.contains($0) }.count
                ensureWhole(group, size: size)
            }
            ensure(lineHeight(size))
            let y = baseline(top: cursor, size: size)
            Self.text(key, x: left, baseline: y, size: size, bold: true, into: &page)
            Self.text(value, x: left + keyColumn, baseline: y, size: size, bold: false, into: &page)
            cursor -= lineHeight(size)
        }
    }

    /// Room for `count` lines of `size` (the body's), on a new page if need be, when they fit on one.
    mutating func ensureWhole(_ count: Int, size: Double? = nil) {
        let height = Double(count) * lineHeight(size ?? style.bodySize)
        if height <= pageHeight - style.margin - bottom { ensure(height) }
    }

    /// The height of the verification block, which is set whole on a page.
    func footerHeight(_ footer: StatementDocument.VerificationFooter) -> Double {
        let pairs = footer.labelledLines.map { ($0.label, $0.value) }
        let noteLines = footer.notes.flatMap { wrap($0, width: contentWidth, size: style.footerSize) }
        let lineCount = keyValueRows(pairs, size: style.footerSize).rows.count + noteLines.count
        return Double(lineCount) * lineHeight(style.footerSize) + style.footerSize * 0.3 + 0.4
    }

    /// Before the first of the sections that end with the signatures — the totals, the notes,
    /// the signatures — room for all of them, on a new page if need be, when they fit on one;
    /// and for the verification block after them too, when all fit (or it would stand alone on
    /// a last page).
    mutating func keepWithSignatures(_ sections: [StatementDocument.Section], from index: Int, footerHeight: Double?) {
        guard index + 2 < sections.count, case .signatures = sections[index + 2].content,
              case .keyValues = sections[index].content, case .paragraph = sections[index + 1].content else { return }
        let body = style.bodySize
        let height = sections[index...(index + 2)].reduce(body * 1.2) { total, section in
            let heading = section.heading.isEmpty ? 0 : lineHeight(style.headingSize) + body * 0.2
            let content: Double = switch section.content {
            case .keyValues(let pairs): Double(keyValueRows(pairs.map { ($0.key, $0.value) }, size: body).rows.count) * lineHeight(body)
            case .paragraph(let paragraph): Double(wrap(paragraph.text, width: contentWidth, size: body).count) * lineHeight(body)
            case .signatures(let signatures): signatures.reduce(0) { $0 + signatureHeight($1) }
            case .table: 0
            }
            return total + heading + content
        }
        let page = pageHeight - style.margin - bottom
        let withFooter = height + (footerHeight.map { style.bodySize + $0 } ?? 0)
        if withFooter <= page { ensure(withFooter) } else if height <= page { ensure(height) }
    }

    /// The room a signature takes: the style's, or, where the document asks (layout 4), enough
    /// for a label of several lines (the seal of an organisation of 30 characters in large print
    /// had run up over the household's own line).
    func signatureHeight(_ signature: StatementDocument.SignatureLine) -> Double {
        guard typesetting.contains(.signedBesideTotals),
              PDFFontMetrics.width(signature.label, size: style.bodySize) > contentWidth * 0.5 else { return style.signatureHeight }
        let lines = wrap(signature.label, width: contentWidth * 0.5, size: style.bodySize).count
        return max(style.signatureHeight, Double(lines) * lineHeight(style.bodySize) + style.bodySize * 0.8)
    }

    mutating func signatureLines(_ signatures: [StatementDocument.SignatureLine]) {
        let size = style.bodySize
        // Every blank starts at one x, after the longest label, as on a printed form.
        let labelWidthMax = signatures.map { PDFFontMetrics.width($0.label, size: size) }.max() ?? 0
        let lineStart = left + min(labelWidthMax, contentWidth * 0.5) + size * 0.6
        let lineEnd = min(right, lineStart + max(contentWidth * 0.45, size * 10))
        for signature in signatures {
            let height = signatureHeight(signature)
            ensure(height)
            let labelLines = wrap(signature.label, width: contentWidth * 0.5, size: size)
            var y = cursor - height + size * 0.4 + lineHeight(size) * Double(labelLines.count - 1)
            for line in labelLines {
                Self.text(line, x: left, baseline: y, size: size, bold: false, into: &page)
                y -= lineHeight(size)
            }
            let lineY = cursor - height + size * 0.2
            stroke(width: 0.6, segments: [(lineStart, lineY, lineEnd, lineY)])
            cursor -= height
        }
    }

    // MARK: Drawing operators

    mutating func stroke(width: Double, segments: [(Double, Double, Double, Double)]) {
        page.append(number: width)
        page.append(" w\n")
        for (x1, y1, x2, y2) in segments {
            page.append(number: x1)
            page.append(" ")
            page.append(number: y1)
            page.append(" m ")
            page.append(number: x2)
            page.append(" ")
            page.append(number: y2)
            page.append(" l\n")
        }
        page.append("S\n")
    }

    mutating func fill(x: Double, y: Double, width: Double, height: Double, gray: Double = 0) {
        page.append(number: gray)
        page.append(" g ")
        page.append(number: x)
        page.append(" ")
        page.append(number: y)
        page.append(" ")
        page.append(number: width)
        page.append(" ")
        page.append(number: height)
        page.append(" re f 0 g\n")
    }

    /// Sets one line at (`x`, `baseline`), switching between Helvetica and STSong by script.
    /// Bold is simulated by stroking the glyph outlines as well (text render mode 2), since
    /// neither non-embedded font has a bold face every reader is sure to have.
    static func text(_ text: String, x: Double, baseline: Double, size: Double, bold: Bool, into out: inout PDFBuffer) {
        let runs = PDFFontMetrics.runs(text)
        if runs.isEmpty { return }
        out.append("BT\n")
        if bold {
            out.append("2 Tr ")
            out.append(number: size * 0.03)
            out.append(" w\n")
        }
        var runX = x
        var current: PDFFontMetrics.Font?
        for run in runs {
            if run.font != current {
                out.append(run.font == .latin ? "/F1 " : "/F2 ")
                out.append(number: size)
                out.append(" Tf\n")
                current = run.font
            }
            out.append("1 0 0 1 ")
            out.append(number: runX)
            out.append(" ")
            out.append(number: baseline)
            out.append(" Tm ")
            if run.font == .latin {
                out.append(literal: run.codes.map { UInt8($0) })
            } else {
                out.append("<")
                for code in run.codes { out.append(hex16: code) }
                out.append(">")
            }
            out.append(" Tj\n")
            runX += Double(run.widthUnits) * size / 1000
        }
        if bold { out.append("0 Tr\n") }
        out.append("ET\n")
    }
}
