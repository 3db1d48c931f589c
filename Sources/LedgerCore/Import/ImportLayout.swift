/// Where each column of an import file is, found from its header.
struct ImportLayout {
    let kind: ImportKind
    let file: String
    let width: Int
    /// The index of each column present, by English name.
    let indexes: [String: Int]
    /// Each column's header as written, by English name.
    let headers: [String: String]

    init(kind: ImportKind, table: CSVTable) throws(CSVError) {
        self.kind = kind
        file = table.file
        let header = table.header
        // Excel leaves trailing empty columns; they are ignored.
        var names = header.fields.map { $0.trimmingWhitespace() }
        while names.last?.isEmpty == true { names.removeLast() }
        width = names.count
        var indexes = [String: Int](), headers = [String: String]()
        let known = kind.columns.map(\.chinese).joined(separator: ", ") + " (or " + kind.columns.map(\.english).joined(separator: ", ") + ")"
        for (index, name) in names.enumerated() {
            // A sheet's row numbers (序号) carry nothing a row records: passed over.
            if Self.rowNumbers.contains(name.lowercased()) { continue }
            guard let column = kind.columns.first(where: { $0.matches(name) }) else {
                throw CSVError(file: file, line: header.line(ofField: index), column: name.isEmpty ? "\(index + 1)" : name,
                               problem: .unknownColumn(known: known, hint: Self.hint(names, kind: kind, file: file)))
            }
            if let first = indexes.updateValue(index, forKey: column.english) {
                throw CSVError(file: file, line: header.line(ofField: index), column: name, problem: .duplicateColumn(firstIndex: first))
            }
            headers[column.english] = name
        }
        for column in kind.columns where column.required && indexes[column.english] == nil {
            throw CSVError(file: file, line: header.line, column: nil,
                           problem: .missingColumn(name: column.bothNames, header: names.joined(separator: ", ")))
        }
        self.indexes = indexes
        self.headers = headers
    }

    /// Headers of a column of row numbers, which is passed over.
    static let rowNumbers: Set<String> = ["序号", "no.", "#"]

    /// What a header no column of `kind` matches likely means: a file separated by tabs, a file
    /// of another kind, or a title above the header.
    static func hint(_ names: [String], kind: ImportKind, file: String) -> String? {
        if names.contains(where: { $0.contains("\t") }) {
            return "the file is separated by tabs, not commas: save it from Excel as CSV (逗号分隔)"
        }
        let given = names.filter { !$0.isEmpty && !rowNumbers.contains($0.lowercased()) }
        if let other = ImportKind.allCases.first(where: { other in
            other != kind && given.allSatisfy { name in other.columns.contains { $0.matches(name) } }
        }) {
            return "these are the columns of \(other.rawValue): import it with fenhong import \(other.rawValue) \(file)"
        }
        if given.count == 1 { return "is it a title above the header? The first line is the header: delete the lines above it" }
        return nil
    }

    /// The values of one record, checked for width.
    func row(_ record: CSVRecord) throws(CSVError) -> ImportRow {
        var fields = record.fields
        while fields.count > width, fields.last?.trimmingWhitespace().isEmpty == true { fields.removeLast() }
        guard fields.count == width else {
            throw CSVError(file: file, line: record.line, column: nil, problem: .fieldCount(expected: width, found: fields.count))
        }
        return ImportRow(layout: self, record: record, fields: fields)
    }
}

extension String {
    /// Without leading and trailing whitespace (the ideographic space included).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
