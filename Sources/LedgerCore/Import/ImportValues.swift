/// Parsers for the values people type into a spreadsheet. Each returns the value or the reason
/// it was refused, as a sentence fragment naming the text.
public enum ImportValues {
    /// `2018-06-01`, and the forms Excel turns dates into when it saves: `2018/6/1`, `2018-6-1`,
    /// `2018.6.1`, `2018年6月1日`.
    static func date(_ text: String) -> Result<LedgerDate, CSVProblem> {
        if let date = LedgerDate(text) { return .success(date) }
        var t = text
        if t.hasSuffix("日") { t.removeLast() }
        let parts = t.split(omittingEmptySubsequences: false) { "/-.年月".contains($0) }
        if parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
           parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            func two(_ s: Substring) -> String { s.count == 1 ? "0" + s : String(s) }
            if let date = LedgerDate("\(parts[0])-\(two(parts[1]))-\(two(parts[2]))") { return .success(date) }
        }
        return .failure(.invalidValue("\(MessageText.quoted(text)) is not a date YYYY-MM-DD"))
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
        guard let value = Int64(text), value > 0 else {
            return .failure(.invalidValue("\(MessageText.quoted(text)) is not a whole number greater than zero"))
        }
        return .success(value)
    }

    /// An amount greater than zero.
    static func positiveAmount(_ text: String) -> Result<Fen, CSVProblem> {
        amount(text).flatMap { $0 > .zero ? .success($0) : .failure(.invalidValue("the amount \(MessageText.quoted(text)) is zero")) }
    }

    /// An amount (`Fen.parse`): `3000`, `3,000.00`, `3000元`.
    static func amount(_ text: String) -> Result<Fen, CSVProblem> {
        do {
            return .success(try Fen.parse(text))
        } catch {
            var reason = error.description
            if reason.hasSuffix(".") { reason.removeLast() }
            return .failure(.invalidValue(reason))
        }
    }

    /// A full or masked ID number, masked (first 6, last 4).
    static func maskedID(_ text: String) -> Result<String, CSVProblem> {
        if let masked = Masking.maskID(text) {
            if let problem = Masking.idNumberProblem(text) { return .failure(.invalidValue("\(MessageText.quoted(text)): \(problem)")) }
            return .success(masked)
        }
        if text.uppercased().contains("E+") {
            return .failure(.invalidValue("\(MessageText.quoted(text)) is an ID number Excel turned into scientific notation; format the column as text and type it again"))
        }
        return .failure(.invalidValue("\(MessageText.quoted(text)) is not an ID number (15 or 18 characters) or its masked form 152223********1234"))
    }

    /// A household's payout account: `现金` or `cash` for cash, else as ``maskedAccount(_:)``.
    static func payoutAccount(_ text: String) -> Result<String, CSVProblem> {
        if let account = Masking.payoutAccount(text) { return .success(account) }
        if text.uppercased().contains("E+") { return maskedAccount(text) }  // says what Excel did
        return .failure(.invalidValue("\(MessageText.quoted(text)) is not an account number, its masked form ****5678, or 现金 for a household paid in cash"))
    }

    /// A full or masked account number, masked to `****` and its last 4 digits.
    static func maskedAccount(_ text: String) -> Result<String, CSVProblem> {
        if let masked = Masking.maskAccount(text) { return .success(masked) }
        if text.uppercased().contains("E+") {
            return .failure(.invalidValue("\(MessageText.quoted(text)) is an account number Excel turned into scientific notation; format the column as text and type it again"))
        }
        return .failure(.invalidValue("\(MessageText.quoted(text)) is not an account number or its masked form ****5678"))
    }

    /// 人口股, 扶贫股, 集体股, 劳龄股 … or member, poverty, collective, labour ….
    static func shareClass(_ text: String) -> Result<String, CSVProblem> {
        if let name = ShareClass.named(text) { return .success(name) }
        return .failure(.invalidValue("\(MessageText.quoted(text)) is not a share class (人口股, 扶贫股, 集体股, 劳龄股 or member, poverty, collective, labour)"))
    }

    /// A household number, or the collective (`collective`, 集体).
    static func holder(_ text: String) -> String { Holder.named(text) }

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
