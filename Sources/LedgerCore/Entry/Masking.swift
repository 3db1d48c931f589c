/// Personal data that may enter the permanent, partly public ledger only in masked form
/// (DESIGN §2 "Personal data"; 政务公开 去标识化).
public enum Masking {
    /// True for an ID number showing at most its first 6 and last 4 characters, the rest `*`:
    /// `152223********1234`. Read as bytes: every character of a mask is ASCII, so a string with
    /// any other byte is no mask (and every registration and payment is checked this way).
    public static func isMaskedID(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard (15...18).contains(count) else { return false }
            for (i, byte) in bytes.enumerated() {
                let shown = i < 6 || i >= count - 4
                let allowed = byte == UInt8(ascii: "*")
                    || (shown && (isDigit(byte) || byte == UInt8(ascii: "X") || byte == UInt8(ascii: "x")))
                guard allowed else { return false }
            }
            return true
        }
    }

    /// True for an account showing at most its last 4 digits after `*`s: `****5678`.
    public static func isMaskedAccount(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard count >= 5, count <= 40 else { return false }
            for (i, byte) in bytes.enumerated() {
                guard i < count - 4 ? byte == UInt8(ascii: "*") : isDigit(byte) else { return false }
            }
            return true
        }
    }

    /// The account of a household paid in cash, signed for at the dividend meeting (现金领取).
    public static let cash = "cash"

    /// True for a household's payout account: a masked account, or ``cash``.
    public static func isPayoutAccount(_ text: String) -> Bool { text == cash || isMaskedAccount(text) }

    /// A household's payout account as given: `cash` or `现金` for cash, else a full or masked
    /// account number, masked; nil for anything else.
    public static func payoutAccount(_ text: String) -> String? {
        text == cash || text == "现金" ? cash : maskAccount(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Masks a full ID number to its first 6 and last 4 characters; masked input is returned as is.
    public static func maskID(_ text: String) -> String? {
        // A masked check character is written as a full one is: X, not x.
        // A resident ID number, masked or not, has 18 characters, or 15 (before 1999).
        if isMaskedID(text) { return text.count == 15 || text.count == 18 ? text.uppercased() : nil }
        // A resident ID number has 18 characters (the last a check digit, 0–9 or X), or 15 digits
        // (before 1999): a digit left out or typed twice is not masked into a plausible one.
        let chars = Array(text.uppercased())
        let isDigit = { (c: Character) in c.isASCII && c.isNumber }
        guard (chars.count == 18 && chars.dropLast().allSatisfy(isDigit) && (isDigit(chars[17]) || chars[17] == "X"))
                || (chars.count == 15 && chars.allSatisfy(isDigit)) else { return nil }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }

    /// The date of birth a full ID number holds (`YYYYMMDD` at characters 7–14 of 18; `YYMMDD`,
    /// 19xx, at 7–12 of 15), when it is a day of the calendar; nil for a masked or malformed one.
    public static func birthDate(_ text: String) -> LedgerDate? {
        let chars = Array(text.uppercased())
        guard chars.count == 18 || chars.count == 15, !isMaskedID(text), chars.prefix(chars.count == 18 ? 14 : 12).allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let birth = String(chars[6..<(chars.count == 18 ? 14 : 12)])
        let year = chars.count == 18 ? birth.prefix(4) : "19" + birth.prefix(2)
        return LedgerDate("\(year)-\(birth.dropLast(2).suffix(2))-\(birth.suffix(2))")
    }

    /// Why a full ID number cannot be right, or nil: the date of birth it holds (characters 7–14
    /// of 18, `YYYYMMDD`; 7–12 of 15, `YYMMDD` in the 1900s) must be a day of the calendar, and
    /// the last of 18 characters is a check over the other 17 (GB 11643, ISO 7064 MOD 11-2), so
    /// one digit mistyped, or two swapped, shows. Nil for a masked or malformed number, which has
    /// no check to make.
    public static func idNumberProblem(_ text: String) -> String? {
        let chars = Array(text.uppercased())
        guard chars.count == 18 || chars.count == 15, !isMaskedID(text) else { return nil }
        var digits: [Int] = []
        for c in chars.prefix(17) {
            guard let digit = c.wholeNumberValue, c.isASCII else { return nil }
            digits.append(digit)
        }
        let birthEnd = chars.count == 18 ? 14 : 12
        guard birthDate(text) != nil else {
            return "its date of birth (characters 7–\(birthEnd)) is no day of the calendar: a digit is mistyped"
        }
        guard chars.count == 18, chars[17] == "X" || chars[17].isASCII && chars[17].isNumber else { return nil }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let expected = Array("10X98765432")[sum % 11]
        guard chars[17] != expected else { return nil }
        // Excel keeps 15 digits of a number: an ID number typed into a number cell ends in 000.
        let excel = text.hasSuffix("000") ? ", or Excel kept only its first 15 digits (format the column as text and type it again)" : ""
        return "its last character should be \(expected), not \(chars[17]), for the 17 before it: a digit is mistyped (GB 11643 check digit)\(excel)"
    }

    /// What a message may show of a value given for an ID or account number: masked as the ledger
    /// masks them — its first 6 and last 4 characters, or `****` and its last 4 for a shorter
    /// one — when it holds 8 digits or more (a full number, or one mistyped), else as given. A
    /// message names the file, line and column (or the option) of the value; it is read aloud,
    /// pasted into chats and kept in logs, where a full number must not go.
    public static func shown(_ text: String) -> String {
        let chars = Array(text)
        guard chars.filter({ $0.isASCII && $0.isNumber }).count >= 8 else { return text }
        guard chars.count >= 11 else { return "****" + String(chars.suffix(4)) }
        return String(chars.prefix(6)) + String(repeating: "*", count: chars.count - 10) + String(chars.suffix(4))
    }

    /// What a message may show of a value given for an account number: `****` and its last 4
    /// characters, as the ledger masks accounts, when it holds 8 digits or more, else as given.
    public static func shownAccount(_ text: String) -> String {
        text.filter({ $0.isASCII && $0.isNumber }).count >= 8 ? "****" + String(text.suffix(4)) : text
    }

    /// True when the last of `digits` (ASCII digits only) is their Luhn check digit, as every bank
    /// card number's is (ISO/IEC 7812).
    public static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (i, c) in digits.reversed().enumerated() {
            guard var d = c.wholeNumberValue, c.isASCII else { return false }
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    /// Masks a full account number to `****` and its last 4 digits; masked input is returned as is.
    public static func maskAccount(_ text: String) -> String? {
        if isMaskedAccount(text) { return text }
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard digits.count >= 8, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "****" + String(digits.suffix(4))
    }
}
