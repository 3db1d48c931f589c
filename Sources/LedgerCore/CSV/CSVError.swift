/// Why a CSV file was refused: the file, the physical line, the column (its header as written)
/// and the rule broken. Lines count from 1 as an editor shows them, embedded newlines included.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// The physical line at fault, if the problem has one.
    public let line: Int?
    /// The column's header as written in the file, if the problem is in one column.
    public let column: String?
    public let problem: CSVProblem
    /// Further rows of the same file at fault, each named on its own line after this one (an
    /// import reads every row before it refuses the file); and how many more there are, unnamed.
    public var others: [CSVError] = []
    public var othersUnnamed = 0

    public init(file: String, line: Int?, column: String?, problem: CSVProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// One sentence: `payments.csv line 3, column 金额: "12.345" has more than two decimal places …`.
    public var description: String { MessageText.oneLine(sentence) }

    /// The message before untrusted values in it are kept to one line.
    private var sentence: String {
        var place = file
        if let line { place += " line \(line)" }
        if let column { place += (line == nil ? " " : ", ") + "column \(column)" }
        return place + ": " + problem.description
    }
}

/// The rules a CSV file or one of its values can break.
public enum CSVProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither valid UTF-8 nor valid GB18030 at this byte offset.
    case undecodable(byteOffset: Int)
    /// UTF-16 text (Excel's "Unicode Text"), which is tab-separated and not CSV.
    case utf16
    /// No header line.
    case empty
    /// More physical lines than the named limit.
    case tooManyLines(limit: Int)
    /// A field longer than the named limit, in bytes of UTF-8.
    case fieldTooLong(bytes: Int, limit: Int)
    /// More fields on a line than the named limit.
    case tooManyFields(limit: Int)
    /// A quoted field whose closing quote never comes.
    case unclosedQuote
    /// Text after the closing quote of a field, before the next comma.
    case textAfterQuote
    /// A record with a different number of fields than the header.
    case fieldCount(expected: Int, found: Int)
    /// A header no column of this kind of file has.
    /// A header no column of the file's kind has; `hint` says what the file likely is.
    case unknownColumn(known: String, hint: String?)
    /// A header given twice (in one or two languages).
    case duplicateColumn(firstIndex: Int)
    /// A required column the header lacks.
    case missingColumn(name: String, header: String)
    /// A required value left empty.
    case emptyValue
    /// A value that does not parse; the reason names it.
    case invalidValue(String)
    /// The same key twice in one file.
    case duplicateInFile(what: String, firstLine: Int)
    /// A business rule of the ledger the row breaks (duplicate household, overpayment …).
    case rule(RuleViolation)

    public var description: String {
        switch self {
        case .undecodable(let offset): "the text at byte \(offset) of the file (counted from 0) is neither UTF-8 nor GB18030; save the sheet as CSV UTF-8 or CSV (GB18030)"
        case .utf16: "the file is UTF-16 (Excel's Unicode Text), not CSV; save the sheet as CSV UTF-8"
        case .empty: "the file is empty; the first line must name the columns"
        case .tooManyLines(let limit): "the file has more than \(limit) lines, the most one import reads; split it"
        case .fieldTooLong(let bytes, let limit): "the field has \(bytes) bytes, more than the limit of \(limit)"
        case .tooManyFields(let limit): "the line has more than \(limit) fields"
        case .unclosedQuote: "the quoted field that starts here is never closed (a \" is missing)"
        case .textAfterQuote: "there is text after the closing quote; write a quote inside a quoted field as \"\""
        case .fieldCount(let expected, let found): "the row has \(found) fields, the header has \(expected)"
        case .unknownColumn(let known, let hint): "unknown column; the columns are \(known)" + (hint.map { "; \($0)" } ?? "")
        case .duplicateColumn(let first): "the column is given twice (first as column \(first + 1))"
        case .missingColumn(let name, let header): "the column \(name) is missing; the header has \(header)"
        case .emptyValue: "the value is empty"
        case .invalidValue(let reason): reason
        case .duplicateInFile(let what, let firstLine): "\(what) is already on line \(firstLine)"
        case .rule(let violation): violation.detail
        }
    }
}
