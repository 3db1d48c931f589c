/// Renders a statement as plain text for terminals and dot-matrix printers.
///
/// Columns are aligned by display width (`DisplayWidth`), so "陈梅" takes four columns and
/// "2,880.00" eight. Rulings use ASCII "-" and "=" only: box-drawing characters are
/// East-Asian-ambiguous and print two columns wide on Chinese printers, breaking alignment.
public struct TextRenderer: Sendable {
    /// The widest line produced, in display columns; at least 20.
    public var widthMax: Int

    /// Creates a renderer for lines of at most `widthMax` columns (80 fits a terminal and
    /// a narrow-carriage dot-matrix printer at 10 cpi).
    public init(widthMax: Int = 80) {
        precondition(widthMax >= 20, "widthMax must be at least 20 columns")
        self.widthMax = widthMax
    }

    /// The document's ``StatementDocument/keepsMarksWhole``, while it is rendered.
    private var keepsMarks = false
    /// The document's ``StatementDocument/typesetting``, while it is rendered.
    private var typesetting: StatementDocument.Typesetting = []

    /// The statement as lines joined by "\n", ending with a newline.
    public func render(_ document: StatementDocument) -> String {
        var renderer = self
        renderer.keepsMarks = document.keepsMarksWhole
        renderer.typesetting = document.typesetting
        return renderer.rendered(document)
    }

    private func rendered(_ document: StatementDocument) -> String {
        var lines: [String] = []
        for line in wrap(document.title) { lines.append(centered(line)) }
        for subtitle in document.subtitleLines {
            for line in wrap(subtitle) { lines.append(centered(line)) }
        }
        lines.append(String(repeating: "=", count: widthMax))
        for section in document.sections {
            lines.append("")
            if !section.heading.isEmpty {
                lines.append(contentsOf: wrap("【" + section.heading + "】"))
            }
            switch section.content {
            case .keyValues(let pairs): renderKeyValues(pairs, into: &lines)
            case .table(let table): renderTable(table, into: &lines)
            case .paragraph(let paragraph): lines.append(contentsOf: wrap(paragraph.text))
            case .signatures(let signatures): renderSignatures(signatures, into: &lines)
            }
        }
        if let footer = document.footer {
            lines.append("")
            lines.append(String(repeating: "-", count: widthMax))
            renderKeyValues(footer.labelledLines.map { .init($0.label, $0.value) }, into: &lines)
            for note in footer.notes { lines.append(contentsOf: wrap(note)) }
        }
        return lines.map(trimmingTrailingSpaces).joined(separator: "\n") + "\n"
    }

    private func wrap(_ text: String, width: Int? = nil) -> [String] {
        LineBreaker.lines(text, widthMax: width ?? widthMax, advance: DisplayWidth.of, keepingMarks: keepsMarks,
                          cuttingEvenly: typesetting.contains(.evenCuts), keepingWords: typesetting.contains(.wholeWords))
    }

    private func widestUnbreakable(_ text: String) -> Int {
        LineBreaker.widestUnbreakable(text, advance: DisplayWidth.of, keepingMarks: keepsMarks, keepingWords: typesetting.contains(.wholeWords))
    }

    private func centered(_ line: String) -> String {
        let margin = max(0, (widthMax - DisplayWidth.of(line)) / 2)
        return String(repeating: " ", count: margin) + line
    }

    private func renderKeyValues(_ pairs: [StatementDocument.KeyValue], into lines: inout [String]) {
        // A label with a word wider than half the line stands above its value, where asked.
        let above = { (key: String) in
            typesetting.contains(.longLabelsAbove) && widestUnbreakable(key) > widthMax / 2
        }
        let keyWidth = min(pairs.filter { !above($0.key) }.map { DisplayWidth.of($0.key) }.max() ?? 0, widthMax / 2)
        let valueWidth = widthMax - keyWidth - 2
        for pair in pairs {
            if above(pair.key) {
                lines.append(contentsOf: wrap(pair.key))
                lines.append(contentsOf: wrap(pair.value, width: valueWidth).map { String(repeating: " ", count: keyWidth + 2) + $0 })
                continue
            }
            let keyLines = wrap(pair.key, width: keyWidth)
            let valueLines = wrap(pair.value, width: valueWidth)
            for index in 0..<max(keyLines.count, valueLines.count) {
                let key = index < keyLines.count ? keyLines[index] : ""
                let value = index < valueLines.count ? valueLines[index] : ""
                lines.append(pad(key, to: keyWidth, .left) + "  " + value)
            }
        }
    }

    private func renderSignatures(_ signatures: [StatementDocument.SignatureLine], into lines: inout [String]) {
        let labelWidth = min(signatures.map { DisplayWidth.of($0.label) }.max() ?? 0, widthMax / 2)
        let blankWidth = max(10, min(40, widthMax - labelWidth - 2))
        for signature in signatures {
            lines.append("")
            let labelLines = wrap(signature.label, width: labelWidth)
            for (index, label) in labelLines.enumerated() {
                let blank = index == labelLines.count - 1 ? String(repeating: "_", count: blankWidth) : ""
                lines.append(pad(label, to: labelWidth, .left) + "  " + blank)
            }
        }
    }

    private func renderTable(_ table: StatementDocument.Table, into lines: inout [String]) {
        let gap = 2
        let columnCount = table.columns.count
        var allRows = [StatementDocument.Row(table.columns.map(\.header))] + table.rows
        if let totals = table.totals { allRows.append(totals) }
        var widths = (0..<columnCount).map { column in
            allRows.map { DisplayWidth.of(table.cell($0, column)) }.max() ?? 0
        }
        // Columns give way first down to their widest run no line may break inside — a word, an
        // amount; Chinese breaks between any two characters: "一卡通 ****2318" or "误记户号：此款实付"
        // on two lines reads as well as on one. A column of codes keeps its cells whole the
        // longest: a voucher number cut in two reads as another voucher.
        let whole = (0..<columnCount).map { table.columns[$0].keepsWhole }
        let graceful = (0..<columnCount).map { column in
            whole[column] ? widths[column] : allRows.map { row in widestUnbreakable(table.cell(row, column)) }.max() ?? 0
        }
        let available = widthMax - gap * (columnCount - 1)
        shrink(&widths, toFit: available, floors: graceful)
        // Then a column of codes wraps between its words — "现金-2019-012 见证人:村务监督委员会"
        // after its voucher number — before any date, amount or hash is cut.
        let wordWise = (0..<columnCount).map { column in
            whole[column] ? allRows.map { row in table.cell(row, column).split(separator: " ").map { DisplayWidth.of(String($0)) }.max() ?? 0 }.max() ?? 0 : graceful[column]
        }
        shrink(&widths, toFit: available, floors: wordWise)
        // Beyond that a date, an amount, a hash or a mark would be cut: row by row instead, where
        // the document asks for it (since layout 3).
        if typesetting.contains(.tooWideTablesByRow), widths.reduce(0, +) > available { return renderTableByRow(table, into: &lines) }
        shrink(&widths, toFit: available, floors: (0..<columnCount).map { whole[$0] ? widths[$0] : 0 })
        shrink(&widths, toFit: available)
        let totalWidth = widths.reduce(0, +) + gap * (columnCount - 1)
        let rule = String(repeating: "-", count: min(widthMax, totalWidth))

        func emit(_ row: StatementDocument.Row) {
            let cellLines = (0..<columnCount).map { wrap(table.cell(row, $0), width: max(1, widths[$0])) }
            let height = cellLines.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                var parts: [String] = []
                for column in 0..<columnCount {
                    let text = lineIndex < cellLines[column].count ? cellLines[column][lineIndex] : ""
                    // Headers follow their column, so "金额（元）" sits over the amounts.
                    parts.append(pad(text, to: widths[column], table.columns[column].alignment))
                }
                lines.append(parts.joined(separator: String(repeating: " ", count: gap)))
            }
        }

        emit(allRows[0])
        lines.append(rule)
        for row in table.rows { emit(row) }
        if let totals = table.totals {
            lines.append(rule)
            emit(totals)
        }
    }

    /// A table too wide for the line, each row as the header and value of each cell on a line of
    /// its own (an empty cell left out; the totals row's label on a line above its cells), rows
    /// between rules.
    private func renderTableByRow(_ table: StatementDocument.Table, into lines: inout [String]) {
        let rule = String(repeating: "-", count: widthMax)
        func pairs(_ row: StatementDocument.Row, from first: Int) -> [StatementDocument.KeyValue] {
            table.columns.indices.dropFirst(first).compactMap { column in
                let value = table.cell(row, column)
                return value.isEmpty ? nil : .init(table.columns[column].header, value)
            }
        }
        for (index, row) in table.rows.enumerated() {
            if index > 0 { lines.append(rule) }
            renderKeyValues(pairs(row, from: 0), into: &lines)
        }
        if let totals = table.totals {
            lines.append(rule)
            lines.append(contentsOf: wrap(table.cell(totals, 0)))
            renderKeyValues(pairs(totals, from: 1), into: &lines)
        }
    }

    /// Narrows the widest columns, one column at a time, until the sum fits `available`, none
    /// below its floor (by default two CJK characters).
    private func shrink(_ widths: inout [Int], toFit available: Int, floors: [Int]? = nil) {
        let floors = floors.map { $0.map { max($0, 4) } } ?? Array(repeating: 4, count: widths.count)
        while widths.reduce(0, +) > available {
            guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { return }
            widths[widest] -= 1
        }
    }

    private func pad(_ text: String, to width: Int, _ alignment: StatementDocument.Alignment) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return alignment == .right ? fill + text : text + fill
    }

    private func trimmingTrailingSpaces(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
