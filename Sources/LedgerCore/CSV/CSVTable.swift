/// Named limits on what one CSV file may hold, so that a runaway file fails early and clearly.
public struct CSVLimits: Sendable {
    /// The most physical lines a file may have (header included).
    public var linesMax: Int
    /// The longest field, in bytes of UTF-8.
    public var fieldBytesMax: Int
    /// The most fields on one record.
    public var fieldsMax: Int

    public init(linesMax: Int, fieldBytesMax: Int, fieldsMax: Int) {
        self.linesMax = linesMax
        self.fieldBytesMax = fieldBytesMax
        self.fieldsMax = fieldsMax
    }

    /// A million lines (a county's households many times over), 4 KiB a field, 64 fields.
    public static let standard = CSVLimits(linesMax: 1_000_000, fieldBytesMax: 4096, fieldsMax: 64)
}

/// One record of a CSV file with the physical line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The physical line (from 1) on which the record starts.
    public let line: Int
    public let fields: [String]
    /// The line each field starts on, kept only for records that span lines.
    let fieldLines: [Int]?

    /// The physical line on which field `index` starts.
    public func line(ofField index: Int) -> Int {
        guard let fieldLines, index < fieldLines.count else { return line }
        return fieldLines[index]
    }
}

/// A CSV file read whole: its header, its records and the encoding it was in.
public struct CSVTable: Sendable {
    /// The file as the user named it, for messages.
    public let file: String
    public let encoding: CSVEncoding
    public let header: CSVRecord
    /// The records after the header, without blank ones.
    public let records: [CSVRecord]

    /// Reads CSV as Excel writes it (see ``CSVParser``), decoding UTF-8 or GB18030 first.
    public init(file: String, bytes: [UInt8], limits: CSVLimits = .standard) throws(CSVError) {
        self.file = file
        let text: [UInt8]
        do {
            (text, encoding) = try CSVEncoding.decode(bytes)
        } catch {
            var line: Int?
            if case .undecodable(let offset) = error {
                line = 1 + bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            }
            throw CSVError(file: file, line: line, column: nil, problem: error)
        }
        var parser = CSVParser(text: text, file: file, limits: limits)
        guard let header = try parser.next() else { throw CSVError(file: file, line: nil, column: nil, problem: .empty) }
        self.header = header
        var records = [CSVRecord]()
        while let record = try parser.next(header: header.fields) {
            if record.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            records.append(record)
        }
        self.records = records
    }
}
