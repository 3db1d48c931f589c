extension Fen {
    /// The amount in yuan with thousands separators and two decimals: `3,000.00`, `-0.05`, `0.00`.
    ///
    /// `Fen.parse(x.formatted, allowNegative: true) == x` for every `x` in `-max...max`.
    public var formatted: String {
        let magnitude = value.magnitude
        let yuanDigits = String(magnitude / 100)
        let fen = magnitude % 100
        var result = ""
        result.reserveCapacity(yuanDigits.utf8.count + yuanDigits.utf8.count / 3 + 4)
        if value < 0 { result.append("-") }
        var untilComma = yuanDigits.utf8.count % 3
        if untilComma == 0 { untilComma = 3 }
        for digit in yuanDigits {
            if untilComma == 0 {
                result.append(",")
                untilComma = 3
            }
            result.append(digit)
            untilComma -= 1
        }
        result.append(".")
        if fen < 10 { result.append("0") }
        result.append(String(fen))
        return result
    }
}
