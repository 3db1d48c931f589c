/// Parsers for the values people type into a spreadsheet. Each returns the value or the reason
/// it was refused, as a sentence fragment naming the text.
public enum ImportValues {
    /// `2018-06-01`, and the forms Excel turns dates into when it saves: `2018/6/1`, `2018-6-1`,
    /// `2018.6.1`, `2018年6月1日`.
    public static func date(_ text: String) -> Result<LedgerDate, CSVProblem> {
        let text = normalized(text)
        if let date = LedgerDate(text) { return .success(date) }
        // A date cell Excel saved with its time of day, midnight: `2018/11/30 0:00`.
        let dayAndTime = text.split(separator: " ", omittingEmptySubsequences: true)
        if dayAndTime.count == 2, dayAndTime[1].contains(":"),
           dayAndTime[1].split(separator: ":", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 == "0" } }) {
            return date(String(dayAndTime[0]))
        }
        var t = text
        if t.hasSuffix("日") { t.removeLast() }
        let parts = t.split(omittingEmptySubsequences: false) { "/-.年月".contains($0) }
        if parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
           parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            func two(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
            if let date = LedgerDate("\(parts[0])-\(two(parts[1]))-\(two(parts[2]))") { return .success(date) }
        }
        // A date cell Excel saved as its serial number: days since 1899-12-30 from 1900-03-01 on
        // (43827 is 2019-12-28).
        if text.count == 5, let serial = Int(text), serial >= 10_000, let first = LedgerDate("1900-01-01") {
            let day = first.adding(days: serial - 2)
            return .failure(.invalidValue("\(MessageText.quoted(text)) is not a date, but Excel's number for \(day): format the column as a date (yyyy-mm-dd) and save the file again"))
        }
        return .failure(.invalidValue("\(MessageText.quoted(text)) is not a date like 2019-12-28, 2019/12/28 or 2019年12月28日"))
    }

    /// 是/否, yes/no, true/false, 1/0, y/n.
    static func bool(_ text: String) -> Result<Bool, CSVProblem> {
        yesOrNo(text).map { .success($0) } ?? .failure(.invalidValue("\(MessageText.quoted(text)) is not 是 or 否 (yes or no)"))
    }

    /// 是/yes/y/true/1 or 否/no/n/false/0, in any case; nil for anything else.
    public static func yesOrNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "是", "yes", "y", "true", "1": true
        case "否", "no", "n", "false", "0": false
        default: nil
        }
    }

    /// A whole number greater than zero.
    static func positive(_ text: String) -> Result<Int64, CSVProblem> {
        guard let value = Int64(normalized(text)), value > 0 else {
            if isScientific(normalized(text)) {
                return .failure(.invalidValue("\(MessageText.quoted(text)) is a number Excel wrote in scientific notation; format the column as a number without exponent (or as text) and type it again"))
            }
            return .failure(.invalidValue("\(MessageText.quoted(text)) is not a whole number greater than zero"))
        }
        return .success(value)
    }

    /// An amount greater than zero.
    static func positiveAmount(_ text: String) -> Result<Fen, CSVProblem> {
        // A negative amount is refused as a zero one is: both are not more than zero.
        if normalized(text).hasPrefix("-") {
            return .failure(.invalidValue("the amount \(MessageText.quoted(text)) is negative; amounts are more than zero (a wrong record is undone with fenhong reverse)"))
        }
        return amount(text).flatMap { $0 > .zero ? .success($0) : .failure(.invalidValue("the amount \(MessageText.quoted(text)) is zero; amounts are more than zero")) }
    }

    /// An amount (`Fen.parse`): `3000`, `3,000.00`, `3000元`.
    public static func amount(_ text: String) -> Result<Fen, CSVProblem> {
        do {
            return .success(try Fen.parse(normalized(text)))
        } catch {
            if isScientific(normalized(text)) {
                return .failure(.invalidValue("\(MessageText.quoted(text)) is a number Excel wrote in scientific notation; format the column as a number without exponent (or as text) and type it again"))
            }
            var reason = error.description
            if reason.hasSuffix(".") { reason.removeLast() }
            return .failure(.invalidValue(reason))
        }
    }

    /// A full or masked ID number, masked (first 6, last 4).
    static func maskedID(_ text: String) -> Result<String, CSVProblem> {
        let text = normalized(text)
        if let masked = Masking.maskID(text) {
            if let problem = Masking.idNumberProblem(text) { return .failure(.invalidValue("\(MessageText.quoted(Masking.shown(text))): \(problem)")) }
            return .success(masked)
        }
        if isScientific(text) {
            return .failure(.invalidValue("\(MessageText.quoted(text)) is an ID number Excel turned into scientific notation; format the column as text and type it again"))
        }
        return .failure(.invalidValue("\(MessageText.quoted(Masking.shown(text))) is not an ID number (15 or 18 characters) or its masked form 152223********1234"))
    }

    /// True for a full 18-character ID number ending in 000, as every one does that Excel kept
    /// 15 digits of (and one real number in about 1,100).
    static func endsAsExcelCutsIDs(_ text: String) -> Bool {
        let text = normalized(text)
        return text.count == 18 && !Masking.isMaskedID(text) && text.hasSuffix("000")
    }

    /// The refusal of an ID number ending in 000 in a file that shows Excel cut its column.
    static func excelCutID(_ text: String) -> CSVProblem {
        .invalidValue("\(MessageText.quoted(Masking.shown(normalized(text)))) ends in 000, as every ID number does that Excel kept only 15 digits of, and so do others "
                      + "of this file: format the column as text and type the numbers again (if this is truly the number, register the household with fenhong household add)")
    }

    /// A household's payout account: `现金` or `cash` for cash, else as ``maskedAccount(_:)``.
    static func payoutAccount(_ text: String) -> Result<String, CSVProblem> {
        let text = normalized(text)
        if let problem = accountProblem(text, byHand: "register the household with fenhong household add") { return .failure(.invalidValue(problem)) }
        if let account = Masking.payoutAccount(text) { return .success(account) }
        if isScientific(text) { return maskedAccount(text) }  // says what Excel did
        if let mixed = withWords(text) { return .failure(.invalidValue("\(mixed), or 现金 for a household paid in cash")) }
        return .failure(.invalidValue("\(MessageText.quoted(Masking.shownAccount(text))) is not an account number, its masked form ****5678, or 现金 for a household paid in cash"))
    }

    /// A full or masked account number, masked to `****` and its last 4 digits.
    static func maskedAccount(_ text: String) -> Result<String, CSVProblem> {
        let text = normalized(text)
        if let problem = accountProblem(text, byHand: "record the payment with fenhong dividend pay") { return .failure(.invalidValue(problem)) }
        if let masked = Masking.maskAccount(text) { return .success(masked) }
        if isScientific(text) {
            return .failure(.invalidValue("\(MessageText.quoted(text)) is an account number Excel turned into scientific notation; format the column as text and type it again"))
        }
        if let mixed = withWords(text) { return .failure(.invalidValue(mixed)) }
        return .failure(.invalidValue("\(MessageText.quoted(Masking.shownAccount(text))) is not an account number or its masked form ****5678"))
    }

    /// The refusal of an account written with words beside its digits (信用社6228…): shown with
    /// its words and its digits masked, not as `****0567`, which reads as an account accepted.
    private static func withWords(_ text: String) -> String? {
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        guard digits >= 8, text.contains(where: { !($0.isASCII && $0.isNumber) && $0 != " " && $0 != "-" && $0 != "*" }) else { return nil }
        // A number is its digits with the spaces and dashes that part them (6228 4800 1234 5678):
        // one of 8 digits or more shown as **** and its last 4.
        let characters = Array(text)
        var shown = "", i = 0
        while i < characters.count {
            guard characters[i].isASCII && characters[i].isNumber else { shown.append(characters[i]); i += 1; continue }
            var end = i, run = ""
            while end < characters.count {
                if characters[end].isASCII && characters[end].isNumber { run.append(characters[end]); end += 1; continue }
                let parts = characters[end] == " " || characters[end] == "-"
                guard parts, end + 1 < characters.count, characters[end + 1].isASCII && characters[end + 1].isNumber else { break }
                end += 1
            }
            shown += run.count >= 8 ? "****" + run.suffix(4) : String(characters[i..<end])
            i = end
        }
        return "\(MessageText.quoted(shown)) holds more than an account number: write its digits alone (spaces and dashes may part them), or its masked form ****5678"
    }

    /// Why a full account number in a sheet cannot be the account meant, or nil: a card number
    /// Excel kept only 15 digits of (those after the 15th all 0), or an ID number in the account's column (a column
    /// shifted, another person's number pasted). Masked, either would be a wrong account kept for
    /// good, found out only when a payment into it is refused or made. `byHand` says how to
    /// record a number that truly is so.
    static func accountProblem(_ text: String, byHand: String) -> String? {
        // Two accounts in one cell (6228… 6217…) had been read as one, masked to the second's last 4.
        let numbers = text.split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "、" || $0 == "," || $0 == "，" })
            .filter { $0.filter { $0.isASCII && $0.isNumber }.count >= 12 }
        if numbers.count >= 2 {
            return "\(MessageText.quoted(numbers.map { "****" + $0.suffix(4) }.joined(separator: " "))) holds \(numbers.count) account numbers: give the one the household is paid into"
        }
        let digits = text.filter { $0 != " " && $0 != "-" }
        guard (15...19).contains(digits.count), digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }) else { return nil }
        // 0 for every digit after the 15th, as Excel writes a number it keeps 15 digits of. Three
        // zeros or more say it alone (one real account in a thousand ends so, and one cut by Excel
        // passes the card check one time in ten); one or two only of a number that begins as a
        // card does (a passbook's may end so) and fails the check every card passes.
        let cut = digits.count >= 16 && digits.allSatisfy(\.isNumber) && digits.dropFirst(15).allSatisfy { $0 == "0" }
        if cut, digits.count >= 18 || ["62", "4", "5"].contains(where: digits.hasPrefix) && !Masking.passesLuhn(digits) {
            return "\(MessageText.quoted(Masking.shownAccount(text))) has 0 for every digit after its 15th, as a number does that Excel kept only 15 digits of\(digits.count >= 18 ? "" : ", and fails a card's check digit"): "
                + "format the column as text and type the numbers again (if this is truly the account, \(byHand))"
        }
        // 18 characters only: a 15-digit account reads as an old ID number too often.
        if digits.count == 18, UnmaskedNumbers.find(in: digits)?.what == "ID number", !Masking.passesLuhn(digits) {
            return "\(MessageText.quoted(Masking.shown(text))) is an ID number, not an account: is a column shifted, or another number pasted?"
        }
        return nil
    }

    /// True for a cell that labels a totals row (合计, 总计, 小计, total), however spaced,
    /// punctuated or followed (合 计, 合计：, 合计（元）).
    public static func isTotalsLabel(_ text: String) -> Bool {
        let bare = String(text.lowercased().filter { !$0.isWhitespace && !$0.isPunctuation })
        return ["合计", "总计", "小计", "total"].contains { bare.hasPrefix($0) }  // 合计（元）, totals
    }

    /// True for a cell that signs a sheet off under its rows: 制表人：张三, 审核：李四, 会计:王五.
    public static func isSignOff(_ text: String) -> Bool {
        let bare = text.trimmingWhitespace()
        return ["制表人", "制表", "填表人", "填表", "审核人", "审核", "负责人", "会计", "出纳", "经办人", "监督人"].contains { role in
            bare.hasPrefix(role) && String(bare.dropFirst(role.count)).trimmingWhitespace().first.map { $0 == "：" || $0 == ":" } == true
        }
    }

    /// `text` without the characters no one sees: zero-width spaces and joiners, a byte-order mark
    /// (a voucher pasted from a web page or a chat carries them, and would pass for another).
    public static func withoutInvisibles(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x200B...0x200F).contains($0.value) && ![0x2060, 0xFEFF, 0x00AD].contains($0.value) }))
    }

    /// A voucher number (凭证号) as typed, without what no one sees: refused when Excel turned a
    /// long number into scientific notation (`2.01912E+16`), which two vouchers may share.
    static func reference(_ text: String) -> Result<String, CSVProblem> {
        let text = withoutInvisibles(withoutTextMark(text))
        guard !isScientific(text) else {
            return .failure(.invalidValue("\(MessageText.quoted(text)) is a voucher number Excel turned into scientific notation, which loses its last digits; format the column as text and type it again"))
        }
        return .success(text)
    }

    /// A household head's name: refused when it holds `?`, which is what Excel's GBK "CSV" writes
    /// for a character it cannot hold (a rare character of a name, a Mongolian letter).
    static func name(_ text: String) -> Result<String, CSVProblem> {
        guard !text.contains("?") else {
            return .failure(.invalidValue("\(MessageText.quoted(text)) holds a ?, which Excel writes for a character its \"CSV\" (GBK) cannot hold; save the sheet as \"CSV UTF-8\" and import that"))
        }
        return .success(text)
    }

    /// True for a number Excel wrote in scientific notation: `1.52223E+17`, `1.52223E17`.
    static func isScientific(_ text: String) -> Bool {
        let parts = text.uppercased().split(separator: "E", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return false }
        let exponent = parts[1].drop { $0 == "+" || $0 == "-" }
        return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `text` without the apostrophe Excel users type before a long number to keep it as text.
    static func withoutTextMark(_ text: String) -> String {
        text.hasPrefix("'") ? String(text.dropFirst()) : text
    }

    /// Full-width letters, digits and signs (`１４４１.４４`, `15，000.50`, `２０２６/８/１`, typed
    /// with a Chinese input method) as their ASCII forms.
    static func halfWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        }))
    }

    /// A number-like value as meant: half-width, without Excel's apostrophe (ID and account
    /// numbers, household numbers, counts, dates).
    public static func normalized(_ text: String) -> String { withoutTextMark(halfWidth(text)) }

    /// 人口股, 扶贫股, 集体股, 劳龄股 … or member, poverty, collective, labour ….
    static func shareClass(_ text: String) -> Result<String, CSVProblem> {
        if let name = ShareClass.named(text) { return .success(name) }
        return .failure(.invalidValue("\(MessageText.quoted(text)) is not a share class (\(ShareClass.named.map(ShareClass.displayName).joined(separator: ", ")) "
                                      + "or \(ShareClass.named.joined(separator: ", ")))"))
    }

    /// A household number, or the collective (`collective`, 集体).
    static func holder(_ text: String) -> String { Holder.named(normalized(text)) }

    /// 银行/bank, 一卡通/card, 现金/cash.
    static func channel(_ text: String) -> Result<PaymentChannel, CSVProblem> {
        guard let channel = PaymentChannel(named: text) else {
            return .failure(.invalidValue("\(MessageText.quoted(text)) is not a payment channel (银行, 一卡通, 现金 or bank, card, cash)"))
        }
        return .success(channel)
    }

    /// The Chinese name of a channel, as `fenhong log --csv` writes it.
    static func channelName(_ channel: PaymentChannel) -> String {
        switch channel {
        case .bank: "银行"
        case .card: "一卡通"
        case .cash: "现金"
        }
    }
}
