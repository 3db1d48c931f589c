/// Full ID or bank card numbers in an entry's text — a reason, a voucher, a counterparty, a
/// head's name. The ledger holds personal numbers only masked (DESIGN §2 "Personal data"; 政务公开
/// 去标识化): its `idMasked` and `account` fields are masked when given, but a full number typed
/// into a text field would be kept for good, and printed on statements and postings.
///
/// Judged when an entry is written (`unmasked-number`); `fenhong verify` does not judge it. A
/// number is taken for a full one only when it reads as one: 18 characters whose date of birth is
/// a day of the calendar and whose check character is right (GB 11643), or 16–19 digits that begin
/// as Chinese debit cards do (62 UnionPay, 9558, 95599; 4 and 5 when they pass the Luhn check),
/// spaces between groups of digits allowed — not a bank's 20-digit serial or a date and number.
public enum UnmaskedNumbers {
    /// The fields never judged: hashes, keys and times the ledger writes, and the masked fields.
    static let exempt: Set<String> = ["prev", "key", "by", "at", "idMasked", "account", "kind"]

    /// The problem with the body of entry `seq`, about to be written, if one of its text fields
    /// holds a full ID or card number; the message shows it masked.
    public static func violation(body: [UInt8], seq: Int64) -> RuleViolation? {
        // Most bodies hold no run of 15 digits (a hash's hex seldom does): nothing is parsed.
        guard hasLongDigitRun(body), case .object(let members)? = try? JSONParser.parse(body) else { return nil }
        for (field, value) in members.sorted(by: { $0.key < $1.key }) where !exempt.contains(field) {
            guard let (what, shown) = find(in: value) else { continue }
            return RuleViolation(seq: seq, code: .unmaskedNumber,
                                 detail: "the \(field) given holds what reads as a full \(what) (\(shown) here): the ledger keeps such numbers only masked, "
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

    private static func find(in value: JSONValue) -> (what: String, shown: String)? {
        switch value {
        case .string(let text): find(in: text)
        case .array(let elements): elements.lazy.compactMap(find).first
        case .object(let members): members.sorted { $0.key < $1.key }.lazy.compactMap { find(in: $0.value) }.first
        case .integer, .bool, .null: nil
        }
    }

    /// The first full ID or card number in `text`, and how a message shows it.
    static func find(in text: String) -> (what: String, shown: String)? {
        for run in digitRuns(text) {
            if run.count == 18, Masking.idNumberProblem(run) == nil, Masking.birthDate(run) != nil {
                return ("ID number", Masking.maskID(run) ?? "")
            }
            if (16...19).contains(run.count), run.allSatisfy(\.isNumber), isCardNumber(run) {
                return ("bank card number", "****" + run.suffix(4))
            }
        }
        return nil
    }

    /// The runs of digits in `text` (full-width read as ASCII, one space between groups allowed,
    /// an X after 17 digits kept as an ID number's check character).
    static func digitRuns(_ text: String) -> [String] {
        var runs = [String](), run = "", pendingSpace = false
        func end() { if run.count >= 15 { runs.append(run) }; run = ""; pendingSpace = false }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let digit: Character? = (0x30...0x39).contains(v) ? Character(scalar)
                : (0xFF10...0xFF19).contains(v) ? Character(Unicode.Scalar(v - 0xFF10 + 0x30)!) : nil
            if let digit {
                run.append(digit)
                pendingSpace = false
            } else if (v == 0x58 || v == 0x78 || v == 0xFF38 || v == 0xFF58), run.count == 17 {
                run.append("X")
                end()
            } else if v == 0x20, !run.isEmpty, !pendingSpace {
                pendingSpace = true
            } else {
                end()
            }
        }
        end()
        return runs
    }

    /// UnionPay's (62) and the old bank cards' (9558, 95599) by their beginning, for a number
    /// typed from a passbook may be one digit off; other cards (4, 5) only when they pass the Luhn check.
    private static func isCardNumber(_ digits: String) -> Bool {
        if ["62", "9558", "95599"].contains(where: digits.hasPrefix) { return true }
        guard ["4", "5"].contains(where: digits.hasPrefix) else { return false }
        var sum = 0
        for (i, c) in digits.reversed().enumerated() {
            var d = c.wholeNumberValue ?? 0
            if i % 2 == 1 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return sum % 10 == 0
    }

    /// True when `body` holds 15 digits in a row, ASCII or full-width (a cheap test before parsing).
    static func hasLongDigitRun(_ body: [UInt8]) -> Bool {
        var run = 0, i = 0
        while i < body.count {
            let b = body[i]
            if b >= 0x30 && b <= 0x39 {
                run += 1
                if run >= 15 { return true }
            } else if b == 0xEF, i + 2 < body.count, body[i + 1] == 0xBC, (0x90...0x99).contains(body[i + 2]) {
                run += 1
                if run >= 15 { return true }
                i += 2
            } else if b != 0x20 {
                run = 0
            }
            i += 1
        }
        return false
    }
}
