/// Full ID or bank card numbers in an entry — in a reason, a voucher, a counterparty, a head's
/// name, a key's name, or a count typed in the wrong column. The ledger holds personal numbers
/// only masked (DESIGN §2 "Personal data"; 政务公开 去标识化): its `idMasked` and `account` fields
/// are masked when given, but a full number typed elsewhere would be kept for good, and printed on
/// statements and postings.
///
/// Judged when an entry is written (`unmasked-number`); `fenhong verify` does not judge it.
///
/// A number is read as people write one: digits of any script (full-width from an input method
/// too, or Chinese numerals written digit by digit, with digits or without — 一五二二二三…, ○ for
/// 〇, 两, the capitals 壹…; four 〇 or more in a row among digits mask a card number), in groups
/// separated by up to three spaces, dashes, dots, slashes, underscores, commas or 、 (of any
/// width, zero-width ones included). It is taken for a full one only when it reads as one,
/// so that a bank's serial or a list of figures passes: 18 characters with a province's code, a
/// date of birth and a right check character (GB 11643) anywhere in the digits; 15 digits alone
/// with a province's code and a date of birth (an ID of before 1999); or 16–19 digits, alone or in
/// groups of four, beginning as a bank card does (62 UnionPay, 4, 5, 9558, 95599) with a right
/// Luhn check digit.
public enum UnmaskedNumbers {
    /// The fields the ledger writes itself, or masks: never judged.
    static let exempt: Set<String> = ["prev", "by", "at", "idMasked", "account", "kind", "v", "seq", "target"]

    /// The problem with the body of entry `seq`, about to be written, if one of its fields holds a
    /// full ID or card number; the message shows it masked.
    public static func violation(body: [UInt8], seq: Int64) -> RuleViolation? {
        // Most bodies hold no 15 digits in a row, separators aside: nothing is parsed.
        guard mayHoldFullNumber(body), case .object(let members)? = try? JSONParser.parse(body) else { return nil }
        for (field, value) in members.sorted(by: { $0.key < $1.key }) where !exempt.contains(field) {
            // A key's name, before its ID and public key, is text like any other.
            let judged = field == "key" ? value.stringValue.map { JSONValue.string(String($0.prefix { $0 != "+" })) } ?? value : value
            guard let found = find(in: judged) else { continue }
            return RuleViolation(seq: seq, code: .unmaskedNumber,
                                 detail: "the \(field) given holds what reads as a full \(found.what) (\(found.shown) here): the ledger keeps such numbers only masked, "
                                    + "for good and in print; write it masked so, or leave it out")
        }
        return nil
    }

    /// The field a violation of this rule names (`reason`, `reference`, `head` …): an import
    /// names the column of that name.
    public static func field(of violation: RuleViolation) -> String? {
        guard violation.code == .unmaskedNumber, violation.detail.hasPrefix("the "),
              let end = violation.detail.range(of: " given holds ") else { return nil }
        return String(violation.detail[violation.detail.index(violation.detail.startIndex, offsetBy: 4)..<end.lowerBound])
    }

    /// `text` with every full ID or card number in it shown masked, and any other run of 15
    /// digits or more as `****` and its last 4 (a number mistyped by a digit is still someone's);
    /// figures and dates written with separators stay as they are. For messages, which are read
    /// aloud, pasted into chats and logged, and echo what was typed.
    public static func masked(in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0
        for token in tokens(scalars) where token.digits.count >= 15 {
            let shown = find(token).map(\.shown) ?? token.groups.first { $0.count >= 15 }.map { "****" + $0.suffix(4) }
            guard let shown else { continue }
            out.append(contentsOf: scalars[i..<token.range.lowerBound])
            out.append(contentsOf: shown.unicodeScalars)
            i = token.range.upperBound
        }
        out.append(contentsOf: scalars[i...])
        return String(out)
    }

    /// A full number a value holds, what it is and how a message shows it.
    static func find(in value: JSONValue) -> (what: String, shown: String)? {
        switch value {
        case .string(let text): find(in: text)
        case .integer(let number) where number.magnitude >= 100_000_000_000_000: find(in: String(number.magnitude))
        case .array(let elements): elements.lazy.compactMap(find).first
        case .object(let members): members.sorted { $0.key < $1.key }.lazy.compactMap { find(in: $0.value) }.first
        case .integer, .bool, .null: nil
        }
    }

    /// The first full ID or card number in `text`, and how a message shows it.
    static func find(in text: String) -> (what: String, shown: String)? {
        tokens(Array(text.unicodeScalars)).lazy.filter { $0.digits.count >= 15 }.compactMap(find).first
    }

    /// The full ID or card number a token's digits hold, if any.
    private static func find(_ token: Token) -> (what: String, shown: String)? {
        let digits = String(token.digits)
        if let id = idNumber(digits) { return ("ID number", idShown(id)) }
        let groups = token.groups
        if !token.isMaskedWithZeros, let card = (groups + (groupedAsCard(groups) ? [digits] : [])).first(where: isCardNumber) {
            return ("bank card number", "****" + card.suffix(4))
        }
        if let old = groups.first(where: { $0.count == 15 && oldIDNumber($0) }) { return ("ID number", idShown(old)) }
        return nil
    }

    /// A run of digit groups in `scalars`: where it lies, its digits (ASCII, an ID's check
    /// character as X) and its groups.
    struct Token {
        var range: Range<Int>
        var digits: [Character] = []
        var groups: [String] = []
        /// True when four zeros or more in a row are written 〇 or ○ among digits and no other
        /// Chinese numeral: a card number masked so (6228 〇〇〇〇 〇〇〇〇 0003, 622848〇〇〇〇〇〇18),
        /// which may pass the Luhn check by chance. (An ID number masked so has no date of birth:
        /// it is judged as any.)
        var isMaskedWithZeros = false
    }

    static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens = [Token](), i = 0
        while i < scalars.count {
            guard digit(scalars[i]) != nil else { i += 1; continue }
            // Digits and Chinese numerals may mix (152223一九八八…); which ones it holds tells a
            // number masked with 〇 among its digits.
            var zeroRun = 0, longestZeroRun = 0, otherChinese = false, others = false
            func digitHere(_ scalar: Unicode.Scalar) -> Character? {
                guard let d = digit(scalar) else { return nil }
                if scalar.value == 0x3007 || scalar.value == 0x25CB {
                    zeroRun += 1
                    longestZeroRun = max(longestZeroRun, zeroRun)
                } else {
                    zeroRun = 0
                    if chineseDigit(scalar.value) != nil { otherChinese = true } else { others = true }
                }
                return d
            }
            var token = Token(range: i..<i), group = ""
            var j = i
            while j < scalars.count {
                if let d = digitHere(scalars[j]) {
                    group.append(d)
                    j += 1
                    continue
                }
                // An ID's check character ends its group.
                if "XxＸｘ".unicodeScalars.contains(scalars[j]), (group.count == 17 || (token.digits.count + group.count) % 18 == 17) {
                    group.append("X")
                    j += 1
                }
                // Up to three separators, then more digits: the same number. (、 parts the groups of
                // one written in Chinese numerals.)
                var k = j
                while k < scalars.count, k - j < 3, isSeparator(scalars[k]) || scalars[k] == "、" { k += 1 }
                guard k > j, k < scalars.count, digit(scalars[k]) != nil, !group.hasSuffix("X") else { break }
                token.digits += group
                token.groups.append(group)
                group = ""
                j = k
            }
            token.digits += group
            token.groups.append(group)
            token.range = i..<j
            token.isMaskedWithZeros = longestZeroRun >= 4 && others && !otherChinese
            tokens.append(token)
            i = max(j, i + 1)
        }
        return tokens
    }

    /// The digit a scalar writes, in any script, as ASCII; a Chinese numeral too
    /// (``chineseDigit(_:)``), as a number is written out digit by digit (一五二二二三…).
    private static func digit(_ scalar: Unicode.Scalar) -> Character? {
        if let value = chineseDigit(scalar.value) { return Character(Unicode.Scalar(UInt8(48 + value))) }
        guard scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue, value >= 0, value <= 9 else { return nil }
        return Character(Unicode.Scalar(UInt8(48 + Int(value))))
    }

    /// The digit a Chinese numeral writes, by code point: 〇 (and ○, which input methods give for
    /// it), 零, 一 (幺, as a digit is read out) to 九, 两 for 二, and the capitals 壹 to 玖.
    static func chineseDigit(_ value: UInt32) -> Int? {
        switch value {
        case 0x3007, 0x25CB, 0x96F6: 0
        case 0x4E00, 0x5E7A, 0x58F9: 1
        case 0x4E8C, 0x4E24, 0x8D30: 2
        case 0x4E09, 0x53C1: 3
        case 0x56DB, 0x8086: 4
        case 0x4E94, 0x4F0D: 5
        case 0x516D, 0x9646: 6
        case 0x4E03, 0x67D2: 7
        case 0x516B, 0x634C: 8
        case 0x4E5D, 0x7396: 9
        default: nil
        }
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .dashPunctuation
            || [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x2E, 0xFF0E, 0x2F, 0xFF0F, 0x5F, 0xFF3F, 0x2C, 0xFF0C, 0x2212].contains(scalar.value)
    }

    /// The 18 characters of `digits` that read as an ID number, if any do.
    private static func idNumber(_ digits: String) -> String? {
        let chars = Array(digits)
        guard chars.count >= 18 else { return nil }
        for start in 0...(chars.count - 18) {
            let window = String(chars[start..<start + 18])
            guard !window.dropLast().contains("X"), plausibleRegion(window), Masking.birthDate(window) != nil,
                  Masking.idNumberProblem(window) == nil, birthYearPlausible(window, at: 6, digits: 4) else { continue }
            return window
        }
        return nil
    }

    /// 15 digits that read as an ID number of before 1999: a province's code and a date of birth.
    private static func oldIDNumber(_ digits: String) -> Bool {
        digits.count == 15 && !digits.contains("X") && plausibleRegion(digits) && Masking.birthDate(digits) != nil
    }

    /// The first two digits are a province's (GB/T 2260), as an ID number's are.
    private static func plausibleRegion(_ number: String) -> Bool {
        guard let code = Int(number.prefix(2)) else { return false }
        return [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82].contains(code)
    }

    private static func birthYearPlausible(_ number: String, at offset: Int, digits: Int) -> Bool {
        guard let year = Int(number.dropFirst(offset).prefix(digits)) else { return false }
        return (1900...2100).contains(year)
    }

    private static func idShown(_ id: String) -> String {
        String(id.prefix(6)) + String(repeating: "*", count: id.count - 10) + String(id.suffix(4))
    }

    /// Groups of four (the last of one to four), or six and the rest, as card numbers are written.
    private static func groupedAsCard(_ groups: [String]) -> Bool {
        guard groups.count > 1 else { return false }
        if groups.count == 2 && groups[0].count == 6 { return true }
        return groups.dropLast().allSatisfy { $0.count == 4 } && (1...4).contains(groups.last!.count)
    }

    private static func isCardNumber(_ digits: String) -> Bool {
        guard (16...19).contains(digits.count), digits.allSatisfy(\.isNumber),
              ["62", "4", "5", "9558", "95599"].contains(where: digits.hasPrefix) else { return false }
        return Masking.passesLuhn(digits)
    }

    /// True when `body` may hold 15 digits or more with only separators between them: a cheap
    /// test on its bytes before it is parsed. ASCII digits count, and so does every character
    /// beyond ASCII that could be a digit (full-width, of another script, a Chinese numeral); any
    /// other CJK ideograph or a kana neither counts nor breaks the run; any other ASCII character
    /// but a separator does.
    static func mayHoldFullNumber(_ body: [UInt8]) -> Bool {
        var run = 0, i = 0
        while i < body.count {
            let b = body[i]
            switch b {
            case 0x30...0x39: run += 1
            case 0x20, 0x2C, 0x2D, 0x2E, 0x2F, 0x5F: break
            case 0x80...0xBF: break  // a continuation byte: its lead byte was judged
            case 0xE3...0xE9:
                // Kana and CJK ideographs: a Chinese numeral counts, the others pass.
                if i + 2 < body.count {
                    let scalar = UInt32(b & 0x0F) << 12 | UInt32(body[i + 1] & 0x3F) << 6 | UInt32(body[i + 2] & 0x3F)
                    if chineseDigit(scalar) != nil { run += 1 }
                }
            case 0xC0...: run += 1
            default: run = 0
            }
            if run >= 15 { return true }
            i += 1
        }
        return false
    }
}
