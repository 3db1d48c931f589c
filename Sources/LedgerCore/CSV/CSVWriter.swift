/// Writes CSV as Excel's "CSV UTF-8" does: a BOM (so that Excel shows the Chinese), CRLF line
/// ends, and fields quoted when they hold a comma, a quote, a newline or edge whitespace.
public enum CSVWriter {
    /// The UTF-8 byte order mark.
    public static let bom = "\u{FEFF}"

    /// One record and its CRLF.
    public static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// The field, in quotes with inner quotes doubled when it needs them.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.first?.isWhitespace == true || field.last?.isWhitespace == true
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }
}
