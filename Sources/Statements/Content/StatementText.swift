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

    /// The lines of `text` that cite an entry: whose last two tokens are a seq and 8 lowercase hex digits.
    public static func citingLines(_ text: String) -> [CitingLine] {
        var found = [CitingLine]()
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).map(String.init)
            guard tokens.count >= 2, let seq = Int64(tokens[tokens.count - 2]), seq >= 0,
                  isShortHash(tokens[tokens.count - 1])
            else { continue }
            let amounts = tokens.dropLast(2).compactMap(amount)
            found.append(CitingLine(number: offset + 1, seq: seq, shortHash: tokens[tokens.count - 1], amounts: amounts))
        }
        return found
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
        for character in html {
            if inTag {
                if character == ">" {
                    inTag = false
                    let name = tag.lowercased().split(separator: " ").first.map(String.init) ?? ""
                    if ["/td", "/th", "/dt", "/dd"].contains(name) { out += " " }
                    if ["/tr", "/div", "/p", "/h1", "/h2", "/li", "br", "br/", "/header", "/section"].contains(name) { out += "\n" }
                } else {
                    tag.append(character)
                }
            } else if character == "<" {
                inTag = true
                tag = ""
            } else if character != "\n" {
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
