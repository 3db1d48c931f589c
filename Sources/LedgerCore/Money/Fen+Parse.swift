extension Fen {
    /// Parses user input: `3000`, `3000.5`, `3,000.00`, `3000元`, `¥3,000.00`, ` 3000 `.
    ///
    /// Accepted: surrounding whitespace (including the ideographic space), one leading `-` when
    /// `allowNegative` is set, a leading `¥` or `￥`, a trailing `元`, ASCII digits grouped by
    /// commas in threes (or not grouped at all), and at most two decimals. Rejected: more than
    /// two decimals (even trailing zeros), misplaced commas, `+`, a bare `.5` or `5.`, anything
    /// else that is not a digit, and amounts above `Fen.max`.
    public static func parse(_ text: String, allowNegative: Bool = false) throws(MoneyError) -> Fen {
        var body = Substring(text).trimmingWhitespace()
        guard !body.isEmpty else { throw .empty }

        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        if body.first == "¥" || body.first == "￥" { body = body.dropFirst() }
        if !negative, body.first == "-" { negative = true; body = body.dropFirst() }
        if body.last == "元" { body = body.dropLast() }
        body = body.trimmingWhitespace()
        guard !body.isEmpty else { throw .notANumber(text) }

        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .notANumber(text) }
        let integerPart = parts[0]
        let fractionPart = parts.count == 2 ? parts[1] : nil

        guard !integerPart.isEmpty, integerPart.allSatisfy({ $0.isASCIIDigit || $0 == "," }) else {
            throw .notANumber(text)
        }
        if let fractionPart {
            guard !fractionPart.isEmpty, fractionPart.allSatisfy(\.isASCIIDigit) else { throw .notANumber(text) }
            guard fractionPart.count <= 2 else { throw .tooManyDecimals(text) }
        }
        if integerPart.contains(",") {
            let groups = integerPart.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw .misplacedComma(text)
            }
        }
        if negative, !allowNegative { throw .negative(text) }

        // Accumulate in fen, stopping as soon as the limit is passed so no step can overflow.
        let limit = Fen.max.value
        var fen: Int64 = 0
        for character in integerPart where character != "," {
            fen = fen * 10 + Int64(character.asciiValue! - 48)
            guard fen <= limit / 100 else { throw .overflow(text) }
        }
        fen *= 100
        if let fractionPart {
            var scale: Int64 = 10
            for character in fractionPart {
                fen += Int64(character.asciiValue! - 48) * scale
                scale /= 10
            }
        }
        guard fen <= limit else { throw .overflow(text) }
        return Fen(negative ? -fen : fen)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first.isWhitespace { result = result.dropFirst() }
        while let last = result.last, last.isWhitespace { result = result.dropLast() }
        return result
    }
}
