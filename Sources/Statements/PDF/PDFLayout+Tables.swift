/// Tables on PDF pages: ruled grids for standard print, "header：value" blocks for large print.
extension PDFLayout {
    mutating func tableAsBlocks(_ table: StatementDocument.Table) {
        func block(_ row: StatementDocument.Row, totals: Bool) {
            // A totals row's first cell is its label (合计), said alone, not as a value of its column.
            let cells = table.columns.indices.compactMap { column -> String? in
                let value = table.cell(row, column)
                if value.isEmpty { return nil }
                let header = table.columns[column].header
                return header.isEmpty || (totals && column == 0) ? value : header + "：" + value
            }
            // A block is read as one record, and checked as one (its 条目 and 哈希 lines belong
            // together): never split across pages.
            let lineCount = cells.reduce(0) { $0 + wrap($1, width: contentWidth, size: style.bodySize).count }
            ensure(Double(lineCount) * lineHeight(style.bodySize) + 2 * style.cellPaddingY + 2)
            stroke(width: totals ? 2 : 0.8, segments: [(left, cursor, right, cursor)])
            space(style.cellPaddingY)
            for cell in cells { lines(cell, size: style.bodySize, bold: totals) }
            space(style.cellPaddingY)
        }
        for row in table.rows { block(row, totals: false) }
        if let totals = table.totals { block(totals, totals: true) }
        stroke(width: 0.8, segments: [(left, cursor, right, cursor)])
    }

    mutating func tableWithRules(_ table: StatementDocument.Table) {
        let size = style.bodySize
        let padding = style.cellPaddingX
        let header = StatementDocument.Row(table.columns.map(\.header))
        var everyRow = [header] + table.rows
        if let totals = table.totals { everyRow.append(totals) }
        let natural = table.columns.indices.map { column in
            everyRow.map { PDFFontMetrics.width(table.cell($0, column), size: size) }.max()! + 2 * padding
        }
        let widths = Self.fit(natural, into: contentWidth, minimum: size * 2 + 2 * padding)
        // A column narrower than what it may not break — a date, an amount, a hash, a mark, a
        // voucher's words — would break it: block by block instead, where the document asks.
        if typesetting.contains(.tooWideTablesByRow) {
            let floors = table.columns.indices.map { column in
                everyRow.map { row in
                    let cell = table.cell(row, column)
                    let units = table.columns[column].keepsWhole
                        ? cell.split(separator: " ").map { PDFFontMetrics.width(String($0), size: 1000) }.max() ?? 0
                        : Double(widestUnbreakable(cell))
                    return units * size / 1000 + 2 * padding
                }.max()!
            }
            if zip(widths, floors).contains(where: { $0 < $1 - 0.001 }) { return tableAsBlocks(table) }
        }

        drawRow(header, table: table, widths: widths, kind: .header)
        for row in table.rows {
            drawRow(row, table: table, widths: widths, kind: .body, repeatHeader: header)
        }
        if let totals = table.totals {
            drawRow(totals, table: table, widths: widths, kind: .totals, repeatHeader: header)
        }
    }

    /// Header rows are shaded, totals ruled heavier above; both are set bold.
    enum RowKind { case header, body, totals }

    /// Draws one table row; a row too tall for the rest of the page continues on the next one
    /// (after the repeated header), so no text runs off the bottom.
    mutating func drawRow(
        _ row: StatementDocument.Row, table: StatementDocument.Table, widths: [Double], kind: RowKind,
        repeatHeader: StatementDocument.Row? = nil
    ) {
        let size = style.bodySize
        var remaining = table.columns.indices.map {
            wrap(table.cell(row, $0), width: widths[$0] - 2 * style.cellPaddingX, size: size)[...]
        }
        while true {
            let lineCount = max(1, remaining.map(\.count).max() ?? 1)
            let fitting = Int((cursor - bottom - 2 * style.cellPaddingY) / lineHeight(size))
            let pageIsFresh = cursor >= pageHeight - style.margin
            if lineCount <= fitting || (pageIsFresh && fitting < 1) {
                drawCells(remaining, table: table, widths: widths, kind: kind, lineCount: lineCount)
                return
            }
            // Split only where at least two lines fit; otherwise move the whole row on.
            if fitting >= 2 {
                drawCells(remaining.map { $0.prefix(fitting) }, table: table, widths: widths, kind: kind, lineCount: fitting)
                remaining = remaining.map { $0.dropFirst(fitting) }
            }
            newPage()
            if let repeatHeader { drawRow(repeatHeader, table: table, widths: widths, kind: .header) }
        }
    }

    /// Draws the ruling and the given lines of each cell at the cursor, `lineCount` lines high.
    mutating func drawCells(
        _ cellLines: [ArraySlice<String>], table: StatementDocument.Table, widths: [Double], kind: RowKind,
        lineCount: Int
    ) {
        let size = style.bodySize
        let padding = style.cellPaddingX
        let height = Double(lineCount) * lineHeight(size) + 2 * style.cellPaddingY
        let top = cursor
        let rowBottom = top - height
        let tableRight = left + widths.reduce(0, +)
        if kind == .header { fill(x: left, y: rowBottom, width: tableRight - left, height: height, gray: 0.9) }
        var segments = [(left, top, tableRight, top), (left, rowBottom, tableRight, rowBottom)]
        var x = left
        for width in widths {
            segments.append((x, top, x, rowBottom))
            x += width
        }
        segments.append((tableRight, top, tableRight, rowBottom))
        stroke(width: 0.5, segments: segments)
        if kind == .totals { stroke(width: 1.5, segments: [(left, top, tableRight, top)]) }

        x = left
        for column in table.columns.indices {
            var lineTop = top - style.cellPaddingY
            for line in cellLines[column] {
                let lineX = table.columns[column].alignment == .right
                    ? x + widths[column] - padding - PDFFontMetrics.width(line, size: size)
                    : x + padding
                Self.text(line, x: lineX, baseline: baseline(top: lineTop, size: size), size: size,
                          bold: kind != .body, into: &page)
                lineTop -= lineHeight(size)
            }
            x += widths[column]
        }
        cursor = rowBottom
    }

    /// Column widths that fill `available` exactly: spare room is shared equally; too wide a
    /// table caps its widest columns at one common width (never below `minimum`), so narrow
    /// columns such as amounts are not wrapped while a long description is.
    static func fit(_ natural: [Double], into available: Double, minimum: Double) -> [Double] {
        let total = natural.reduce(0, +)
        if total <= available {
            let extra = (available - total) / Double(natural.count)
            return natural.map { $0 + extra }
        }
        let sorted = natural.sorted(by: >)
        var cap = minimum
        var cappedCount = 0
        var rest = total
        for width in sorted {
            cappedCount += 1
            rest -= width
            let candidate = (available - rest) / Double(cappedCount)
            let next = cappedCount < sorted.count ? sorted[cappedCount] : 0
            if candidate >= next {
                cap = max(minimum, candidate)
                break
            }
        }
        return natural.map { min($0, cap) }
    }
}
