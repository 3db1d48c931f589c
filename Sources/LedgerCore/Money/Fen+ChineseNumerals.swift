extension Fen {
    /// The amount in capital numerals (大写) as written on vouchers and statements:
    /// `叁仟元整`, `壹拾万元整`, `零元整`, `叁元零伍分`, `柒仟肆佰零柒元肆角壹分`, `负伍角`.
    ///
    /// Follows the rules for filling in settlement vouchers (正确填写票据和结算凭证的基本规定):
    /// `整` after `元` when there are no 角 or 分; `壹拾` is never shortened to `拾`; a run of
    /// zeros inside the number is one `零`; `零` after `元` when the 角 digit is zero but the 分
    /// digit is not (`叁元零伍分`) or when the units digit of the yuan is zero and 角 follows
    /// (`壹佰元零伍角`, the first of the two permitted forms). Below one yuan the `零元` is left
    /// out (`伍角`, `伍分`). Negative amounts start with `负`.
    public var capitalNumerals: String {
        ChineseNumerals.capital.amount(value, wholeSuffix: "整", zeroYuanAfterRoundYuan: true)
    }

    /// The amount in everyday numerals for read-aloud statements:
    /// `两千八百八十元`, `三千元零五分`, `一万六千元`, `十万元`, `零元`, `负五角`.
    ///
    /// A leading `一十` is said `十`; `零` is spoken only for zeros inside the number and for
    /// a missing 角 before 分. A 2 is said `两` where Mandarin says it so — before 千, 万 and 亿,
    /// and alone before the first of 元, 角 and 分 said (`两万两千元`, `两元`, `两角`) — and `二`
    /// elsewhere (`二十二元`, `两元二角`, `五角二分`).
    public var spokenChinese: String {
        ChineseNumerals.spoken.amount(value, wholeSuffix: "", zeroYuanAfterRoundYuan: false)
    }
}

/// One set of Chinese numerals (capital or everyday) and how to write an amount with it.
private struct ChineseNumerals {
    let digits: [String]
    let tens: String, hundreds: String, thousands: String
    let shortenLeadingTen: Bool
    /// The 2 said before 千, 万, 亿 and alone before 元, 角, 分 (`两`); nil to write `digits[2]`.
    var two: String? = nil

    static let capital = ChineseNumerals(
        digits: ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"],
        tens: "拾", hundreds: "佰", thousands: "仟", shortenLeadingTen: false)
    static let spoken = ChineseNumerals(
        digits: ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"],
        tens: "十", hundreds: "百", thousands: "千", shortenLeadingTen: true, two: "两")

    /// Writes a whole amount of fen with `元`, `角`, `分`.
    func amount(_ fen: Int64, wholeSuffix: String, zeroYuanAfterRoundYuan: Bool) -> String {
        if fen == 0 { return digits[0] + "元" + wholeSuffix }
        let magnitude = fen.magnitude
        let yuan = magnitude / 100
        let jiao = Int(magnitude / 10 % 10)
        let fenDigit = Int(magnitude % 10)
        var text = fen < 0 ? "负" : ""
        // 两 only for the unit said first (两元, 两角, 两分); after it, 二 (两元二角, 五角二分).
        if yuan > 0 { text += (yuan == 2 ? alone(2) : integer(yuan)) + "元" }
        if jiao == 0, fenDigit == 0 { return text + wholeSuffix }
        if yuan > 0, jiao == 0 || (zeroYuanAfterRoundYuan && yuan % 10 == 0) { text += digits[0] }
        if jiao > 0 { text += (yuan == 0 ? alone(jiao) : digits[jiao]) + "角" }
        if fenDigit > 0 { text += (yuan == 0 && jiao == 0 ? alone(fenDigit) : digits[fenDigit]) + "分" }
        return text
    }

    /// A digit said alone before a unit (元, 角, 分, 万, 亿): `两` for 2 where it is so said.
    private func alone(_ digit: Int) -> String {
        digit == 2 ? two ?? digits[2] : digits[digit]
    }

    /// Writes `n > 0` with 万 and 亿 sections (亿亿 above 10^16).
    func integer(_ n: UInt64) -> String {
        var text = ""
        write(n, into: &text)
        if shortenLeadingTen, text.hasPrefix(digits[1] + tens) { text.removeFirst() }
        return text
    }

    private func write(_ n: UInt64, into text: inout String) {
        if n >= 1_0000_0000 {
            let high = n / 1_0000_0000
            if high == 2 { text += alone(2) } else { write(high, into: &text) }
            text += "亿"
            let low = n % 1_0000_0000
            if low > 0 {
                if low < 1000_0000 { text += digits[0] }
                write(low, into: &text)
            }
        } else if n >= 1_0000 {
            let high = Int(n / 1_0000)
            if high == 2 { text += alone(2) } else { writeSection(high, into: &text) }
            text += "万"
            let low = Int(n % 1_0000)
            if low > 0 {
                if low < 1000 { text += digits[0] }
                writeSection(low, into: &text)
            }
        } else {
            writeSection(Int(n), into: &text)
        }
    }

    /// Writes `1...9999`; zeros between digits become one `零`, trailing zeros vanish.
    private func writeSection(_ n: Int, into text: inout String) {
        let units = [thousands, hundreds, tens, ""]
        var divisor = 1000
        var started = false
        var pendingZero = false
        for unit in units {
            let digit = n / divisor % 10
            divisor /= 10
            if digit == 0 {
                if started { pendingZero = true }
                continue
            }
            if pendingZero { text += digits[0] }
            text += (unit == thousands && digit == 2 ? alone(2) : digits[digit]) + unit
            started = true
            pendingZero = false
        }
    }
}
