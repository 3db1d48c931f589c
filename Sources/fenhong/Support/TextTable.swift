import Statements

/// Columns aligned by display width, so that Chinese names (two columns each) line up.
struct TextTable {
    var headers: [String]
    /// Columns aligned right (amounts, counts).
    var rightAligned: Set<Int>
    var rows: [[String]] = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    var rendered: String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - DisplayWidth.of(row[column]))
                return rightAligned.contains(column) ? pad + row[column] : row[column] + pad
            }.joined(separator: "  ").trimmedRight
        }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trimmedRight: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
