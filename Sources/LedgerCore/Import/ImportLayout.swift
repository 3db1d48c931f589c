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
            guard let column = kind.columns.first(where: { $0.matches(name) }) else {
                throw CSVError(file: file, line: header.line(ofField: index), column: name.isEmpty ? "\(index + 1)" : name,
                               problem: .unknownColumn(known: known))
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
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
