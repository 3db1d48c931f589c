/// Personal data that may enter the permanent, partly public ledger only in masked form
/// (DESIGN §2 "Personal data"; 政务公开 去标识化).
public enum Masking {
    /// True for an ID number showing at most its first 6 and last 4 characters, the rest `*`:
    /// `152223********1234`.
    public static func isMaskedID(_ text: String) -> Bool {
        let chars = Array(text)
        guard (15...18).contains(chars.count) else { return false }
        func visibleOrStar(_ c: Character) -> Bool { c == "*" || (c.isASCII && (c.isNumber || c == "X" || c == "x")) }
        return chars[6..<(chars.count - 4)].allSatisfy { $0 == "*" }
            && chars.prefix(6).allSatisfy(visibleOrStar) && chars.suffix(4).allSatisfy(visibleOrStar)
    }

    /// True for an account showing at most its last 4 digits after `*`s: `****5678`.
    public static func isMaskedAccount(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count >= 5, chars.count <= 40 else { return false }
        let tail = chars.suffix(4)
        let head = chars.dropLast(4)
        return head.allSatisfy { $0 == "*" } && tail.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Masks a full ID number to its first 6 and last 4 characters; masked input is returned as is.
    public static func maskID(_ text: String) -> String? {
        if isMaskedID(text) { return text }
        let chars = Array(text.uppercased())
        guard (15...18).contains(chars.count), chars.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X") }) else { return nil }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }

    /// Masks a full account number to `****` and its last 4 digits; masked input is returned as is.
    public static func maskAccount(_ text: String) -> String? {
        if isMaskedAccount(text) { return text }
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard digits.count >= 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "****" + String(digits.suffix(4))
    }
}
