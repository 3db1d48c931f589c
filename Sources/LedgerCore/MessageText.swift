/// Untrusted text as error messages show it: on one line, so that a value read from a file or
/// typed by a user can neither break a message in two nor forge the lines after it (a verifier
/// report, the CLI's one-line errors). Found by the fuzz tests: a `\u2028` escape in an entry,
/// a CR in a checkpoint, a newline in an amount all reached messages as line breaks.
public enum MessageText {
    /// The most characters of a value quoted in full; longer values are cut with `…`.
    public static let quotedLengthMax = 80

    /// `text` with every line break and control character written as an escape (`\n`, `\r`,
    /// `\t`, `\u{2028}`): one line, whatever the input. Text without them is returned as is.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `text` in double quotes, on one line, cut after ``quotedLengthMax`` characters.
    public static func quoted(_ text: some StringProtocol) -> String {
        let cut = text.count > quotedLengthMax ? String(text.prefix(quotedLengthMax)) + "…" : String(text)
        return "\"" + oneLine(cut) + "\""
    }

    /// C0 and C1 controls (line feed, carriage return, vertical tab, form feed, next line …) and
    /// the Unicode line and paragraph separators.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
