import LedgerCore
import PropertyBased
import Testing

struct MoneyTests {
    // MARK: Parsing

    /// The accepted spellings from the issue all parse to the exact number of fen.
    @Test(arguments: [
        ("3000", 300_000), ("3000.5", 300_050), ("3,000.00", 300_000), ("3000元", 300_000),
        ("¥3,000.00", 300_000), ("￥3000", 300_000), (" 3000 ", 300_000), ("\u{3000}3000\u{3000}", 300_000),
        ("0", 0), ("0.05", 5), ("7,407.41", 740_741), ("1,234,567.89", 123_456_789), ("007", 700),
        ("10000000000000", 1_000_000_000_000_000),
    ] as [(String, Int64)])
    func parsesAcceptedForms(text: String, fen: Int64) throws {
        #expect(try Fen.parse(text) == Fen(fen))
    }

    /// Each malformed input is rejected with the error that names what is wrong with it.
    @Test(arguments: [
        ("3000.001", MoneyError.tooManyDecimals("3000.001")),
        ("3000.500", .tooManyDecimals("3000.500")),
        ("abc", .notANumber("abc")),
        ("-5", .negative("-5")),
        ("", .empty),
        ("   ", .empty),
        ("99999999999999999999", .overflow("99999999999999999999")),
        ("10000000000000.01", .overflow("10000000000000.01")),
        ("1,00.00", .misplacedComma("1,00.00")),
        ("1000,000", .misplacedComma("1000,000")),
        ("3,000,", .misplacedComma("3,000,")),
        (",300", .misplacedComma(",300")),
        ("+5", .notANumber("+5")),
        (".5", .notANumber(".5")),
        ("5.", .notANumber("5.")),
        ("1.2.3", .notANumber("1.2.3")),
        ("元", .notANumber("元")),
        ("3 000", .notANumber("3 000")),
        ("--5", .notANumber("--5")),
        ("５", .notANumber("５")),
    ])
    func rejectsMalformedInput(text: String, error: MoneyError) {
        #expect(throws: error) { try Fen.parse(text) }
    }

    /// Negative amounts parse only when the caller allows them, with the sign before or after ¥.
    @Test func negativeNeedsPermission() throws {
        #expect(try Fen.parse("-5", allowNegative: true) == Fen(-500))
        #expect(try Fen.parse("-¥2,880.00", allowNegative: true) == Fen(-288_000))
        #expect(try Fen.parse("¥-0.05", allowNegative: true) == Fen(-5))
        #expect(throws: MoneyError.overflow("-99999999999999999999")) {
            try Fen.parse("-99999999999999999999", allowNegative: true)
        }
    }

    /// Every error description is one sentence that quotes the input.
    @Test func errorDescriptionsNameTheInput() {
        #expect(MoneyError.tooManyDecimals("3000.001").description.contains("\"3000.001\""))
        #expect(MoneyError.overflow("1e30").description.contains("10,000,000,000,000.00"))
        #expect(MoneyError.empty.description.hasSuffix("."))
    }

    // MARK: Formatting

    /// Amounts print with thousands separators, two decimals and a leading minus.
    @Test(arguments: [
        (300_000, "3,000.00"), (-5, "-0.05"), (0, "0.00"), (5, "0.05"), (99_999, "999.99"),
        (100_000, "1,000.00"), (740_741, "7,407.41"), (1_000_000_000_000_000, "10,000,000,000,000.00"),
        (Int64.min, "-92,233,720,368,547,758.08"),
    ] as [(Int64, String)])
    func formatsWithSeparators(fen: Int64, text: String) {
        #expect(Fen(fen).formatted == text)
        #expect(Fen(fen).description == text)
    }

    /// Capital numerals (大写) follow the voucher rules for 零, 整, 角 and 分.
    @Test(arguments: [
        (300_000, "叁仟元整"), (288_000, "贰仟捌佰捌拾元整"), (10_000_000, "壹拾万元整"), (0, "零元整"),
        (305, "叁元零伍分"), (1_005_000, "壹万零伍拾元整"), (740_741, "柒仟肆佰零柒元肆角壹分"),
        (1_600_000, "壹万陆仟元整"), (10_050, "壹佰元零伍角"), (168_032, "壹仟陆佰捌拾元零叁角贰分"),
        (1_640_902, "壹万陆仟肆佰零玖元零贰分"), (140_950, "壹仟肆佰零玖元伍角"), (50, "伍角"), (5, "伍分"),
        (-50, "负伍角"), (-288_000, "负贰仟捌佰捌拾元整"), (1_000, "壹拾元整"), (1_500, "壹拾伍元整"),
        (100_000_500, "壹佰万零伍元整"), (10_000_000_000, "壹亿元整"), (10_005_000_000, "壹亿零伍万元整"), (10_050_000_000, "壹亿零伍拾万元整"),
        (1_000_000_000_000_000, "壹拾万亿元整"), (12_345_678_912_345, "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟壹佰贰拾叁元肆角伍分"),
    ] as [(Int64, String)])
    func capitalNumerals(fen: Int64, text: String) {
        #expect(Fen(fen).capitalNumerals == text)
    }

    /// Read-aloud numerals use everyday digits and say a leading 一十 as 十.
    @Test(arguments: [
        (288_000, "两千八百八十元"), (300_005, "三千元零五分"), (1_600_000, "一万六千元"), (0, "零元"),
        (10_000_000, "十万元"), (1_500, "十五元"), (11_000, "一百一十元"), (740_741, "七千四百零七元四角一分"),
        (50, "五角"), (-5, "负五分"), (1_005_000, "一万零五十元"), (288_050, "两千八百八十元五角"),
        // 两 where Mandarin says it: before 千, 万, 亿, and alone before the first of 元, 角, 分; 二 elsewhere.
        (2_000_000, "两万元"), (2_220_022, "两万两千二百元二角二分"), (200, "两元"), (1_200, "十二元"), (2_200, "二十二元"),
        (20, "两角"), (2, "两分"), (52, "五角二分"), (202, "两元零二分"), (22, "两角二分"),
        (20_000, "二百元"), (20_000_000_000, "两亿元"), (200_000_000_000, "二十亿元"), (2_000_000_000_000, "二百亿元"),
    ] as [(Int64, String)])
    func spokenChinese(fen: Int64, text: String) {
        #expect(Fen(fen).spokenChinese == text)
    }

    // MARK: Arithmetic

    /// Whole yuan convert to fen exactly.
    @Test func yuanInitialiser() {
        #expect(Fen(yuan: 3000) == Fen(300_000))
        #expect(Fen(yuan: -2) == Fen(-200))
        #expect(Fen.zero.value == 0)
    }

    /// Checked arithmetic refuses results beyond `Fen.max` and otherwise matches the operators.
    @Test func checkedArithmetic() throws {
        #expect(try Fen(100).adding(Fen(5)) == Fen(105))
        #expect(try Fen(100).subtracting(Fen(105)) == Fen(-5))
        #expect(Fen(100) + Fen(5) == Fen(105))
        #expect(Fen(100) - Fen(105) == Fen(-5))
        #expect(throws: MoneyError.overflow("10,000,000,000,000.00 + 0.01")) { try Fen.max.adding(Fen(1)) }
        #expect(throws: MoneyError.self) { try Fen(-Fen.max.value).subtracting(Fen(1)) }
        #expect(throws: MoneyError.self) { try Fen(Int64.max).adding(Fen(1)) }
    }

    /// Basis points are exact and rounded as asked; 200,000.00 × 8% = 16,000.00 (DOMAIN §9.1).
    @Test func basisPointsRounding() {
        let fund = Fen(yuan: 200_000)
        #expect(fund.basisPoints(800, rounding: .halfUp) == Fen(yuan: 16_000))
        #expect(fund.basisPoints(600, rounding: .down) == Fen(yuan: 12_000))
        #expect(fund.basisPoints(1000, rounding: .up) == Fen(yuan: 20_000))
        // 75,584.10 × 27% = 20,407.707 (Heyang)
        #expect(Fen(7_558_410).basisPoints(2700, rounding: .halfUp) == Fen(2_040_771))
        #expect(Fen(7_558_410).basisPoints(2700, rounding: .down) == Fen(2_040_770))
        // 12,345.67 × 60% = 7,407.402 (Art. 44 boundary)
        #expect(Fen(1_234_567).basisPoints(6000, rounding: .up) == Fen(740_741))
        #expect(Fen(1_234_567).basisPoints(6000, rounding: .halfUp) == Fen(740_740))
        #expect(Fen(1).basisPoints(5000, rounding: .halfUp) == Fen(1))
        #expect(Fen(-1).basisPoints(5000, rounding: .halfUp) == Fen(-1))
        #expect(Fen(-1).basisPoints(5000, rounding: .down) == Fen(0))
        #expect(Fen.max.basisPoints(10_000, rounding: .down) == Fen.max)
    }

    // MARK: Properties

    /// Formatting then parsing gives back every amount in `-max...max`.
    @Test func formattedRoundTrips() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -Fen.max.value...Fen.max.value)) { fen throws in
            #expect(try Fen.parse(Fen(fen).formatted, allowNegative: true) == Fen(fen))
        }
    }

    /// Small amounts, where the digit patterns are dense, round-trip too, also as `¥…元`.
    @Test func smallAmountsRoundTrip() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: 0...1_000_000)) { fen throws in
            let text = Fen(fen).formatted
            #expect(try Fen.parse(text) == Fen(fen))
            #expect(try Fen.parse("¥" + text + "元") == Fen(fen))
            #expect(try Fen.parse(text.replacingAll(",", with: "")) == Fen(fen))
        }
    }

    /// Checked addition agrees with exact Int128 addition and fails exactly outside the limit.
    @Test func addingMatchesExactSum() async {
        let range = -Fen.max.value...Fen.max.value
        await propertyCheck(input: Gen.int64(in: range), Gen.int64(in: range)) { a, b throws in
            let exact = Int128(a) + Int128(b)
            if exact.magnitude <= UInt128(Fen.max.value) {
                #expect(try Fen(a).adding(Fen(b)).value == Int64(exact))
            } else {
                #expect(throws: MoneyError.self) { try Fen(a).adding(Fen(b)) }
            }
        }
    }

    /// Rounding up never gives less than the exact value and half-up lies between down and up.
    @Test func basisPointsBrackets() async {
        await propertyCheck(input: Gen.int64(in: 0...Fen.max.value), Gen.int64(in: 0...10_000)) { fen, bp in
            let amount = Fen(fen)
            let down = amount.basisPoints(bp, rounding: .down)
            let up = amount.basisPoints(bp, rounding: .up)
            let half = amount.basisPoints(bp, rounding: .halfUp)
            #expect(Int128(down.value) * 10_000 <= Int128(fen) * Int128(bp))
            #expect(Int128(up.value) * 10_000 >= Int128(fen) * Int128(bp))
            #expect(up.value - down.value <= 1)
            #expect(down <= half && half <= up)
        }
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
