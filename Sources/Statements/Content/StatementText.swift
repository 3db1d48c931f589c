import LedgerCore

/// Reads a printed statement back: the lines that cite a ledger entry and the totals lines, as the
/// statement check compares them with the proof. Works on the text rendering and, after
/// ``plainLines(html:)``, on the HTML one.
public enum StatementText {
    /// A line that ends in an entry's seq and short hash, with the amounts printed on it.
    public struct CitingLine: Sendable, Equatable {
        /// The 1-based line number in the statement.
        public var number: Int
        /// The seq printed on the line.
        public var seq: Int64
        /// The 8 hex digits printed after it.
        public var shortHash: String
        /// The amounts printed before the seq, left to right ("2,880.00" → 288000 fen).
        public var amounts: [Fen]
    }

    /// The lines of `text` that cite an entry: a table row whose last two tokens are a seq and 8
    /// lowercase hex digits, or — in large print, where each cell of a row is a line
    /// `header：value` — the `条目：seq` line followed by `哈希：hash`, with the amounts of the
    /// cells before it.
    public static func citingLines(_ text: String) -> [CitingLine] {
        var found = [CitingLine]()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var cellAmounts = [Fen]()  // amounts of the `header：value` lines of the row being read
        for (offset, line) in lines.enumerated() {
            if let (header, value) = cell(line) {
                if header == StatementLabels.entry, let seq = Int64(value), seq >= 0, offset + 1 < lines.count,
                   let (next, hash) = cell(lines[offset + 1]), next == StatementLabels.hash, isShortHash(hash) {
                    found.append(CitingLine(number: offset + 1, seq: seq, shortHash: hash, amounts: cellAmounts))
                    cellAmounts = []
                } else if let amount = amount(value) {
                    cellAmounts.append(amount)
                }
                continue
            }
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init)
            guard tokens.count >= 2, let seq = Int64(tokens[tokens.count - 2]), seq >= 0,
                  isShortHash(tokens[tokens.count - 1])
            else {
                // A blank line ends a row; any other line may be a large-print value wrapped
                // onto a line of its own (`可分配收益：` then `16,000.00`).
                if tokens.isEmpty { cellAmounts = [] } else { cellAmounts += tokens.compactMap(amount) }
                continue
            }
            cellAmounts = []
            let amounts = tokens.dropLast(2).compactMap(amount)
            found.append(CitingLine(number: offset + 1, seq: seq, shortHash: tokens[tokens.count - 1], amounts: amounts))
        }
        return found
    }

    /// The lines of section `heading` (`【成员账户】`, or the heading alone in HTML and PDF) without
    /// spaces, up to the next section or a blank line; empty when there is no such section.
    public static func section(_ heading: String, in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.filter { !$0.isWhitespace }) }
        func isHeading(_ line: String, _ name: String) -> Bool { line == name || line == "【\(name)】" }
        guard let start = lines.firstIndex(where: { isHeading($0, heading) }) else { return [] }
        var rows = [String]()
        for line in lines[(start + 1)...] {
            if line.isEmpty || StatementLabels.sectionsAfterHoldings.contains(where: { isHeading(line, $0) }) { break }
            rows.append(line)
        }
        return rows
    }

    /// The day a statement is as of: `截至 2024年12月31日` in its subtitle.
    /// The year the heading prints (`2024 年度　截至 …`), nil for all years (`全部年度`) or none:
    /// read on the heading's line only, not wherever a reason or a reference says `年度`.
    public static func statementYear(in text: String) -> Int? {
        guard let range = text.range(of: "截至") else { return nil }
        let line = text[..<range.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        guard let year = line.range(of: "年度") else { return nil }
        return Int(line[..<year.lowerBound].trimmingCharacters(in: .whitespaces).suffix(4))
    }

    public static func statementDate(in text: String) -> LedgerDate? {
        guard let range = text.range(of: "截至") else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "\u{3000}" }
        let numbers = rest.prefix { $0 != "\n" }.split(whereSeparator: { "年月日".contains($0) }).prefix(3).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return LedgerDate(String(format: "%04d-%02d-%02d", numbers[0], numbers[1], numbers[2]))
    }

    /// The rows of the holdings section as `class units` (the totals row too), and the line of
    /// its heading; no rows when the statement says nothing is held or has no such section.
    /// Reads the table form (`扶贫股  10`) and large print (`股份类别：扶贫股` then `股数：10`).
    public static func holdings(in text: String) -> (line: Int?, rows: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func isHeading(_ line: String, _ names: [String]) -> Bool { names.contains(line) || names.contains { "【\($0)】" == line } }
        guard let start = lines.firstIndex(where: { isHeading($0, [StatementLabels.holdings]) }) else { return (nil, []) }
        var rows = [String]()
        var shareClass: String?
        for (index, line) in lines.enumerated().dropFirst(start + 1) {
            // Large print says the totals row's label alone (合计), then its units: not the
            // heading of the totals section, which is spelt the same.
            if line == "合计", index + 1 < lines.count, cell(Substring(lines[index + 1]))?.header == StatementLabels.units {
                shareClass = line
                continue
            }
            if isHeading(line, StatementLabels.sectionsAfterHoldings) { break }
            if let (header, value) = cell(Substring(line)) {
                if header == StatementLabels.shareClass { shareClass = value }
                if header == StatementLabels.units, let name = shareClass, let units = Int64(value) { rows.append("\(name) \(units)") }
                continue
            }
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
            if tokens.count == 2, tokens[0] != StatementLabels.shareClass, let units = Int64(tokens[1]) { rows.append("\(tokens[0]) \(units)") }
        }
        return (start + 1, rows)
    }

    /// A large-print cell line, `header：value` (either colon), trimmed; nil for any other line.
    private static func cell(_ line: Substring) -> (header: String, value: String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let header = String(trimmed[..<colon]), value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !header.isEmpty, !value.isEmpty, !header.contains(" ") else { return nil }
        return (header, value)
    }

    /// The root a statement prints (根指纹 Root), in 64 hex digits: read from its text without
    /// white space, for large print sets it on two lines; nil when it prints none.
    public static func printedRoot(in text: String) -> String? {
        let bare = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        guard let label = bare.range(of: "根指纹Root") else { return nil }
        let hex = bare[label.upperBound...].prefix { $0.isHexDigit }
        return hex.count >= 64 ? String(hex.prefix(64)) : nil
    }

    /// The value printed after `label` at the start of a line (e.g. "应分合计  2,880.00", "家庭人口  2 人"),
    /// its words joined by single spaces, with its line number.
    public static func labelled(_ label: String, in text: String) -> (number: Int, value: String)? {
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
            if tokens.count >= 2, tokens[0] == label { return (offset + 1, tokens.dropFirst().joined(separator: " ")) }
        }
        return nil
    }

    /// An amount as statements print it, `-2,880.00` or `16,000.00`; nil for anything else.
    public static func amount(_ token: String) -> Fen? {
        let body = token.hasPrefix("-") ? token.dropFirst() : Substring(token)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit),
              groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return try? Fen.parse(token, allowNegative: true)
    }

    /// The text of an HTML statement as lines: one per table row, list item or paragraph, cells
    /// separated by spaces, tags removed and entities decoded.
    public static func plainLines(html: String) -> String {
        var out = ""
        var tag = ""
        var inTag = false
        // Words for a screen reader alone (layout 4's 尾号 before a masked number's digits) are not seen.
        var heardOnly = false
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    if tag.hasPrefix("span data-heard") { heardOnly = true }
                    if heardOnly && tag == "/span" { heardOnly = false }
                    let name = tag.lowercased().split(separator: " ").first.map(String.init) ?? ""
                    if ["/td", "/th", "/dt", "/dd"].contains(name) { out += " " }
                    if ["/tr", "/div", "/p", "/h1", "/h2", "/li", "br", "br/", "/header", "/section"].contains(name) { out += "\n" }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else if character != "\n" && !heardOnly {
                out.append(character)
            }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            out = out.replacing(entity, with: character)
        }
        return out
    }

    static func isShortHash(_ token: String) -> Bool {
        token.utf8.count == 8 && token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
