/// An RFC 4180 reader over UTF-8 bytes, as Excel writes CSV: fields separated by commas,
/// records by CRLF, LF or a lone CR; a field in double quotes may hold commas, newlines and
/// doubled quotes (`""`). A CRLF inside a quoted field is read as LF. A quote inside an unquoted
/// field is kept as written, as Excel does. Working on bytes is exact because every delimiter
/// is ASCII and no UTF-8 sequence contains an ASCII byte.
struct CSVParser {
    private let text: [UInt8]
    private let file: String
    private let limits: CSVLimits
    private var index = 0
    /// The physical line `index` is on.
    private var line = 1

    init(text: [UInt8], file: String, limits: CSVLimits) {
        self.text = text
        self.file = file
        self.limits = limits
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private static func endsField(_ b: UInt8) -> Bool { b == comma || b == cr || b == lf }

    /// The next record, or nil at the end. `header` names columns in errors once it is known.
    mutating func next(header: [String] = []) throws(CSVError) -> CSVRecord? {
        guard index < text.count else { return nil }
        let startLine = line
        var fields = [String]()
        var fieldLines = [Int]()
        func fail(_ problem: CSVProblem, line: Int, field: Int?) -> CSVError {
            CSVError(file: file, line: line, column: field.flatMap { $0 < header.count ? header[$0] : nil }, problem: problem)
        }
        // Empty fields beyond the limit are dropped, not counted: a sheet whose used range once ran
        // far to the right saves every row with a tail of empty columns.
        var droppedEmpty = false
        while true {
            let fieldLine = line
            var bytes = [UInt8]()
            if index < text.count, text[index] == Self.quote {
                index += 1
                var closed = false
                while index < text.count {
                    let b = text[index]
                    if b == Self.quote {
                        if index + 1 < text.count, text[index + 1] == Self.quote {
                            bytes.append(Self.quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if b == Self.cr || b == Self.lf {
                        try newLine()
                        bytes.append(Self.lf)
                        continue
                    }
                    bytes.append(b)
                    index += 1
                }
                guard closed else { throw fail(.unclosedQuote, line: fieldLine, field: fields.count) }
                if index < text.count, !Self.endsField(text[index]) {
                    throw fail(.textAfterQuote, line: line, field: fields.count)
                }
            } else {
                while index < text.count, !Self.endsField(text[index]) {
                    bytes.append(text[index])
                    index += 1
                }
            }
            guard bytes.count <= limits.fieldBytesMax else {
                throw fail(.fieldTooLong(bytes: bytes.count, limit: limits.fieldBytesMax), line: fieldLine, field: fields.count)
            }
            if fields.count < limits.fieldsMax && !droppedEmpty {
                fields.append(String(decoding: bytes, as: UTF8.self))
                fieldLines.append(fieldLine)
            } else if bytes.isEmpty {
                droppedEmpty = true
            } else {
                throw fail(.tooManyFields(limit: limits.fieldsMax), line: line, field: nil)
            }
            if index < text.count, text[index] == Self.comma {
                index += 1
                continue
            }
            // End of record: a line ending or the end of the text.
            if index < text.count { try newLine() }
            let spans = fieldLines.last != startLine
            return CSVRecord(line: startLine, fields: fields, fieldLines: spans ? fieldLines : nil)
        }
    }

    /// Steps over CRLF, LF or CR at `index`, counting the line against the limit.
    private mutating func newLine() throws(CSVError) {
        if text[index] == Self.cr, index + 1 < text.count, text[index + 1] == Self.lf { index += 2 } else { index += 1 }
        line += 1
        if line > limits.linesMax, index < text.count {
            throw CSVError(file: file, line: nil, column: nil, problem: .tooManyLines(limit: limits.linesMax))
        }
    }
}
