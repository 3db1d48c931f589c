import LedgerCore
import Testing

/// A full ID or bank card number anywhere in an entry is refused, shown masked — however it is
/// spaced, in whatever digits, in a key's name or a count; a voucher's serial, a date and number,
/// a list of figures or a masked number is not.
struct UnmaskedNumbersTests {
    private func body(_ fields: String) -> [UInt8] {
        Array(("{\"at\":\"2024-12-20T08:00:00Z\",\"by\":\"18679ef3\",\(fields),\"kind\":\"entry.reverse\","
               + "\"prev\":\"1234567890123456789012345678901234567890123456789012345678901234\",\"seq\":5,\"target\":3,\"v\":1}").utf8)
    }

    private func found(_ fields: String) -> String? {
        UnmaskedNumbers.violation(body: body(fields), seq: 5).map { String($0.detail.prefix { $0 != ":" }) }
    }

    @Test func fullNumbersAreFound() {
        let id = "the reason given holds what reads as a full ID number (152223********1234 here)"
        let card = "the reason given holds what reads as a full bank card number (****2314 here)"
        for (fields, detail) in [
            (#""reason":"退回 身份证152223198808081234""#, id),
            (#""reason":"退回至6228480012342314""#, card),
            (#""reason":"卡号 6228 4800 1234 2314""#, card),
            (#""reason":"卡号6228-4800-1234-2314""#, card),
            (#""reason":"1522 2319 8808 0812 34""#, id),
            (#""reason":"152223.19880808.1234""#, id),
            (#""reason":"１５２２２３　１９８８０８０８　１２３４""#, id),
            (#""reason":"152223\#u{200B}198808081234""#, id),
            (#""reason":"张三 152223198808081234 6228480012342314""#, id),
            (#""reason":"13800138000 152223198808081234""#, id),
            (#""reason":"1200 6228480012342314""#, card),
            (#""reason":"152223850315004""#, "the reason given holds what reads as a full ID number (152223*****5004 here)"),
            (#""reason":"15222319660305345x 退回""#, "the reason given holds what reads as a full ID number (152223********345X here)"),
            (#""members":6228480012342314"#, "the members given holds what reads as a full bank card number (****2314 here)"),
            (#""key":"insp152223198808081234+2d5f8164+BDwHYTpvbGUM""#, "the key given holds what reads as a full ID number (152223********1234 here)"),
            // Written out digit by digit in Chinese numerals, as a number is read out.
            (#""reason":"身份证一五二二二三一九八八〇八〇八一二三四""#, id),
            (#""reason":"卡号六二二八 四八〇〇 一二三四 二三幺四""#, card),
            (#""reason":"一五二二二三一九八八○八○八一二三四""#, id),  // ○ as an input method gives it for 〇
            (#""reason":"壹伍贰贰贰叁壹玖捌捌零捌零捌壹贰叁肆""#, id),  // capitals
            (#""reason":"一五两两两三一九八八〇八〇八一两三四""#, id),  // 两 for 二
            (#""reason":"一五二二二三、一九八八〇八〇八、一二三四""#, id),
            (#""reason":"身份证152223一九八八〇八〇八1234""#, id),  // digits and numerals mixed
            (#""reason":"卡号6228四八〇〇一二三四2314""#, card),
            (#""reason":"1522231988〇8〇81234""#, id),  // 〇 for a zero here and there: written so, not masked
        ] {
            #expect(found(fields) == detail, "\(fields)")
        }
        let violation = UnmaskedNumbers.violation(body: body(#""reference":"6228480012342314""#), seq: 5)
        #expect(violation?.code == .unmaskedNumber && violation?.seq == 5)
        #expect(violation.flatMap(UnmaskedNumbers.field) == "reference")
    }

    @Test func othersPass() {
        for fields in [
            #""reason":"银行流水号 202412280001234567""#,  // a serial, no card's beginning, no date of birth where one would be
            #""reason":"105100202412100008""#,  // a branch, a date and a number: 10 is no province
            #""reason":"凭证 2024-12-28-0001-0002""#,
            #""reason":"620 1200 3500 800 1500""#,  // figures
            #""reason":"62 63 64 65 66 67 68 69""#,
            #""reason":"152223********1234 退回""#,  // masked
            #""reason":"152223198808081235""#,  // its check character is wrong: no ID number
            #""reason":"4111111111111112""#,  // fails the Luhn check
            #""reason":"电话 13800138000，记-2024-12-0001""#,
            #""reason":"折股量化""#,
            #""reason":"二〇二四年一二月二八日 一卡通 一九八八年生""#,  // dates in numerals
            #""reason":"一二三四五六七八九〇一二三四五六七八""#,  // no province, no date
            #""reason":"卡号6228 〇〇〇〇 〇〇〇〇 0003""#,  // masked with 〇
            #""reason":"卡号622848〇〇〇〇〇〇〇〇〇〇18""#,
            #""reason":"152223〇〇〇〇〇〇〇〇1234""#,  // an ID masked so has no date of birth
            #""reason":"应分合计壹万捌仟壹佰伍拾捌元肆角玖分""#,  // an amount in capitals
            #""amount":288000"#,
        ] {
            #expect(found(fields) == nil, "\(fields)")
        }
    }

    /// A message echoes what was typed: any number of 15 digits or more in it is shown masked.
    @Test func messagesAreMasked() {
        #expect(UnmaskedNumbers.masked(in: "--household 152223198808081234 is not registered") == "--household 152223********1234 is not registered")
        #expect(UnmaskedNumbers.masked(in: "voucher ref6228480012342314 is already on line 2") == "voucher ref****2314 is already on line 2")
        #expect(UnmaskedNumbers.masked(in: "--account ６２２８４８００１２３４２３１４ is not") == "--account ****2314 is not")
        #expect(UnmaskedNumbers.masked(in: "entry 12 of 2024-12-28, 2,880.00") == "entry 12 of 2024-12-28, 2,880.00")
        #expect(UnmaskedNumbers.masked(in: "a date like 2019-12-28, 2019/12/28 or 2019年12月28日") == "a date like 2019-12-28, 2019/12/28 or 2019年12月28日")
        #expect(UnmaskedNumbers.masked(in: "beyond ±9,007,199,254,740,991, the largest") == "beyond ±9,007,199,254,740,991, the largest")
        #expect(UnmaskedNumbers.masked(in: "the value is 99999999999999999999, beyond") == "the value is ****9999, beyond")
        #expect(UnmaskedNumbers.masked(in: "reason 一五二二二三一九八八〇八〇八一二三四 is") == "reason 152223********1234 is")
        #expect(UnmaskedNumbers.masked(in: "二〇二四年十二月 一卡通") == "二〇二四年十二月 一卡通")
    }
}
