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
        switch division.part {
        case .byUnits(let divided, let units, let collective):
            guard units > 0 else { break }
            let rate = Rate(Int128(divided.value), per: Int128(units))
            let held = collective > 0 ? "（含集体\(collective)\(noun)）" : ""
            lines.append(.init("", "\(rest)\(divided.formatted)元÷\(units)\(noun)\(held)＝每\(noun)\(rate.printed)元",
                               spoken: "\(rest)\(divided.spokenChinese)按\(HouseholdStatement.spoken(units))\(noun)分，每\(noun)\(rate.spoken)。"))
        case .atRate(let rate, let units):
            let (total, overflow) = rate.value.multipliedReportingOverflow(by: units)
            guard units > 0, !overflow else { break }
            lines.append(.init("", "\(units)\(noun)×每\(noun)\(rate.formatted)元＝\(Fen(total).formatted)元",
                               spoken: "共\(HouseholdStatement.spoken(units))\(noun)，每\(noun)\(rate.spokenChinese)，共\(Fen(total).spokenChinese)。"))
        case .cooperative(let rebate, let transactions, let byCapital, let capital):
            // Per 100 yuan of transactions (10,000 fen), as a member reckons a return.
            if transactions > 0, rebate > .zero {
                let rate = Rate(Int128(rebate.value) * 10_000, per: Int128(transactions))
                lines.append(.init("", "返还\(rebate.formatted)元÷交易额\(Fen(transactions).formatted)元＝每百元\(rate.printed)元",
                                   spoken: "按交易额返还\(rebate.spokenChinese)，每百元交易额返还\(rate.spoken)。"))
            }
            if let capital, capital > 0, byCapital > .zero {
                let rate = Rate(Int128(byCapital.value) * 10_000, per: Int128(capital))
                lines.append(.init("", "其余\(byCapital.formatted)元÷出资额等\(Fen(capital).formatted)元＝每百元\(rate.printed)元",
                                   spoken: "其余\(byCapital.spokenChinese)按出资额等分配，每百元出资额等分\(rate.spoken)。"))
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

/// An amount in fen divided by a count, as a statement prints it: exact to the fen when it
/// divides, else "约" and four decimals of a yuan, enough that a household's units times it give
/// its amount to the fen.
struct Rate {
    let printed: String
    let spoken: String

    /// `amount` fen (≥ 0) divided by `count` (> 0).
    init(_ amount: Int128, per count: Int128) {
        if amount % count == 0, let fen = Int64(exactly: amount / count) {
            printed = Fen(fen).formatted
            spoken = Fen(fen).spokenChinese
            return
        }
        // In hundredths of a fen, rounded half up.
        let hundredths = (amount * 200 + count) / (count * 2)
        let fen = Int64(clamping: hundredths / 100), extra = Int(hundredths % 100)
        let about = (amount * 100) % count == 0 ? "" : "约"
        printed = about + Fen(fen).formatted + (extra < 10 ? "0" : "") + String(extra)
        spoken = "约" + Fen(Int64(clamping: (hundredths + 50) / 100)).spokenChinese  // to the fen, as said
    }
}
