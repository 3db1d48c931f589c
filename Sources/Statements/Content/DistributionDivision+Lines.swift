import LedgerCore

// How a distribution's pool was divided, under its rule on a household's statement (since
// layout 3) and in the public posting: the minimums, then the rest divided by every household's
// units — the rate per share of DOMAIN §5, which a household multiplies by its own 份额 to find
// its amount.

extension DistributionDivision {
    /// The lines that say how the pool of the distribution declared with `rule` was divided,
    /// each a value without a label; none when nothing was divided.
    public func lines(rule: [String: JSONValue]) -> [StatementDocument.KeyValue] {
        let division = self
        let noun = Self.unitNoun(rule)
        var lines = [StatementDocument.KeyValue]()
        let minimums = division.minimumHouseholds > 0
        if minimums {
            let total = Fen(division.minimum.value &* Int64(division.minimumHouseholds))
            lines.append(.init("", "保底：\(division.minimumHouseholds)户×\(division.minimum.formatted)元＝\(total.formatted)元",
                               spoken: "保底共\(HouseholdStatement.spoken(Int64(division.minimumHouseholds)))户，每户\(division.minimum.spokenChinese)，共\(total.spokenChinese)。"))
        }
        let rest = minimums ? "余下" : ""
        let said = HouseholdStatement.spoken
        switch division.part {
        case .byUnits(let divided, let units, let collective):
            guard units > 0, divided > .zero else { break }
            let rate = Rate(Int128(divided.value), per: Int128(units))
            let held = collective > 0 ? "（含集体\(collective)\(noun)）" : ""
            let heldSaid = collective > 0 ? "（其中集体\(said(collective))\(noun)）" : ""
            lines.append(.init("", "\(rest)\(divided.formatted)元÷\(units)\(noun)\(held)＝每\(noun)\(rate.printed)元",
                               spoken: "\(rest)\(divided.spokenChinese)按\(said(units))\(noun)\(heldSaid)分，每\(noun)\(rate.spoken)。"))
        case .atRate(let rate, let units, let collective, let undistributed):
            let (total, overflow) = rate.value.multipliedReportingOverflow(by: units)
            guard units > 0, total > 0, !overflow else { break }
            let held = collective > 0 ? "（含集体\(collective)\(noun)）" : ""
            let heldSaid = collective > 0 ? "（其中集体\(said(collective))\(noun)）" : ""
            let left = undistributed > .zero ? "，另\(undistributed.formatted)元未分配" : ""
            let leftSaid = undistributed > .zero ? "，另\(undistributed.spokenChinese)未分配" : ""
            lines.append(.init("", "\(units)\(noun)\(held)×每\(noun)\(rate.formatted)元＝\(Fen(total).formatted)元\(left)",
                               spoken: "共\(said(units))\(noun)\(heldSaid)，每\(noun)\(rate.spokenChinese)，共\(Fen(total).spokenChinese)\(leftSaid)。"))
        case .cooperative(let rebate, let transactions, let byCapital, let capital):
            // Per 100 yuan of transactions (10,000 fen), as a member reckons a return.
            if transactions > 0, rebate > .zero {
                let rate = Rate(Int128(rebate.value) * 10_000, per: Int128(transactions), hundredsOfYuan: true)
                lines.append(.init("", "返还\(rebate.formatted)元÷交易额\(Fen(transactions).formatted)元＝每百元\(rate.printed)元",
                                   spoken: "按交易额返还\(rebate.spokenChinese)，每百元交易额返还\(rate.spoken)。"))
            }
            if let capital, capital > 0, byCapital > .zero {
                let rate = Rate(Int128(byCapital.value) * 10_000, per: Int128(capital), hundredsOfYuan: true)
                lines.append(.init("", "其余\(byCapital.formatted)元÷出资额等\(Fen(capital).formatted)元＝每百元\(rate.printed)元",
                                   spoken: "其余\(byCapital.spokenChinese)按出资额等分配，每百元出资额分得\(rate.spoken)。"))
            }
        }
        return lines
    }

    /// What a distribution's units count: shares (股), or 份 where classes weigh differently, households or people.
    static func unitNoun(_ rule: [String: JSONValue]) -> String {
        switch rule["basis"]?.stringValue {
        case "household"?: return "户"
        case "member"?: return "人"
        case "units"?:
            let weights = rule["classes"]?.objectValue?.values.compactMap(\.integerValue) ?? []
            return weights.allSatisfy { $0 == 1 } ? "股" : "份"
        default: return "份"
        }
    }
}

/// An amount in fen divided by a count, as a statement prints it: to the fen when it divides,
/// else as many decimals of a yuan as make any holder's units times it come within half a fen of
/// its exact share — two more than the count has digits, four at least: 2 × 79.24528 gives
/// 158.49, where 79.25 gave 158.50 — with 约 when those decimals are not exact. Read aloud digit
/// by digit after 点, as the page prints them, but for zeros at the end.
struct Rate {
    let printed: String
    let spoken: String

    /// `amount` fen (≥ 0) divided by `count` (> 0). With `hundredsOfYuan`, `count` is in fen and
    /// a holder's multiplier is its hundreds of yuan (a cooperative's rate per 100 yuan).
    init(_ amount: Int128, per count: Int128, hundredsOfYuan: Bool = false) {
        if amount % count == 0, let fen = Int64(exactly: amount / count) {
            printed = Fen(fen).formatted
            spoken = Fen(fen).spokenChinese
            return
        }
        let multiplier = hundredsOfYuan ? (count + 9_999) / 10_000 : count
        let decimals = min(12, max(4, String(multiplier).count + 2))
        var scale: Int128 = 1
        for _ in 0..<(decimals - 2) { scale *= 10 }
        // In 10^-decimals of a yuan, rounded half up.
        let scaled = (amount * scale * 2 + count) / (count * 2)
        let about = (amount * scale) % count == 0 ? "" : "约"
        var unit: Int128 = 1
        for _ in 0..<decimals { unit *= 10 }
        let whole = scaled / unit
        let fraction = String(scaled % unit)
        let digits = String(repeating: "0", count: decimals - fraction.count) + fraction
        let said = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        let spokenDigits = digits.reversed().drop { $0 == "0" }.reversed().map { said[Int(String($0))!] }.joined()
        // Beyond what Fen holds (a rebate over transactions of a few fen), the digits as they are.
        if let fen = Int64(exactly: whole * 100) {
            printed = about + String(Fen(fen).formatted.dropLast(3)) + "." + digits
            // Before 点, 2 is 二 (两点 is two o'clock).
            let wholeSaid = whole == 2 ? "二" : String(Fen(fen).spokenChinese.dropLast())
            spoken = about + wholeSaid + "点" + spokenDigits + "元"
        } else {
            printed = about + String(whole) + "." + digits
            spoken = about + String(whole).map { said[Int(String($0))!] }.joined() + "点" + spokenDigits + "元"
        }
    }
}
