import LedgerCore
import Testing

/// A full ID or bank card number typed into an entry's text is refused, shown masked; a voucher's
/// serial, a date and number, or a masked number is not.
struct UnmaskedNumbersTests {
    private func body(_ fields: String) -> [UInt8] {
        Array(("{\"at\":\"2024-12-20T08:00:00Z\",\"by\":\"18679ef3\",\"kind\":\"entry.reverse\","
               + "\"prev\":\"1234567890123456789012345678901234567890123456789012345678901234\",\(fields),\"seq\":5,\"target\":3,\"v\":1}").utf8)
    }

    @Test func fullNumbersAreFound() {
        let cases: [(String, String)] = [
            (#""reason":"退回 身份证152223198001021222""#, "the reason given holds what reads as a full ID number (152223********1222 here)"),
            (#""reason":"退回至6228480012342318""#, "the reason given holds what reads as a full bank card number (****2318 here)"),
            (#""reason":"卡号 6228 4800 1234 2318""#, "the reason given holds what reads as a full bank card number (****2318 here)"),
            (#""reference":"１５２２２３１９６６０３０５３４５Ｘ""#, "the reference given holds what reads as a full ID number (152223********345X here)"),
            (#""reason":"15222319660305345x 退回""#, "the reason given holds what reads as a full ID number (152223********345X here)"),
        ]
        for (fields, detail) in cases {
            let found = UnmaskedNumbers.violation(body: body(fields), seq: 5)
            #expect(found?.code == .unmaskedNumber, "\(fields)")
            #expect(found?.seq == 5)
            #expect(found?.detail.hasPrefix(detail) == true, "\(fields): \(String(describing: found))")
            #expect(found.flatMap(UnmaskedNumbers.field) == (fields.contains("reference") ? "reference" : "reason"))
        }
    }

    @Test func othersPass() {
        for fields in [
            #""reason":"银行流水号 202412280001234567""#,  // a serial, no card's beginning
            #""reason":"凭证 2024-12-28-0001-0002""#,
            #""reason":"152223********1222 退回""#,  // masked
            #""reason":"152223198001021223""#,  // its check character is wrong: no ID number
            #""reason":"4111111111111112""#,  // fails the Luhn check
            #""reason":"折股量化""#,
        ] {
            #expect(UnmaskedNumbers.violation(body: body(fields), seq: 5) == nil, "\(fields)")
        }
    }
}
