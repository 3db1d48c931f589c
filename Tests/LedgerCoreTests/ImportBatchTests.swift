import LedgerCore
import Testing

/// Rows → entry payloads: both header languages, masking, Excel's date forms, and exact errors.
struct ImportBatchTests {
    private func batch(_ kind: ImportKind, _ text: String) throws(CSVError) -> ImportBatch {
        try ImportBatch(kind: kind, table: CSVTable(file: "f.csv", bytes: Array(text.utf8)))
    }

    private func message(_ kind: ImportKind, _ text: String) -> String {
        do {
            _ = try batch(kind, text)
            return "no error"
        } catch {
            return error.description
        }
    }

    /// Chinese headers, full numbers masked before they reach a payload, Excel's 2018/6/1.
    @Test func householdsInChinese() throws {
        let b = try batch(.households, "户号,户主,人口,建档立卡,身份证号,账号,日期\n152223-001,陈梅,2,是,152223198001181234,6228 4800 1234 5678,2018/6/1\n")
        #expect(b.lines == [2])
        #expect(b.payloads == [.householdRegister(HouseholdRegistration(
            household: "152223-001", head: "陈梅", members: 2, poor: true, idMasked: "152223********1234",
            account: "****5678", date: LedgerDate("2018-06-01")!))])
    }

    /// A household paid in cash at the dividend meeting has 现金 for its account.
    @Test func householdPaidInCash() throws {
        let b = try batch(.households, "户号,户主,人口,身份证号,账号,日期\n152223-003,白音,1,152223198001181234,现金,2018/6/1\n")
        #expect(b.payloads == [.householdRegister(HouseholdRegistration(
            household: "152223-003", head: "白音", members: 1, poor: false, idMasked: "152223********1234",
            account: "cash", date: LedgerDate("2018-06-01")!))])
        #expect(message(.households, "户号,户主,人口,身份证号,账号,日期\n152223-003,白音,1,152223198001181234,支票,2018/6/1\n")
                == "f.csv line 2, column 账号: \"支票\" is not an account number, its masked form ****5678, or 现金 for a household paid in cash")
    }

    /// English headers in any case and order; the optional reason defaults; 集体 is the collective.
    @Test func sharesInEnglish() throws {
        let b = try batch(.shares, "Units,Holder,Class,Date\n10,152223-001,扶贫股,2018-06-02\n5,集体,collective,2018-06-02\n")
        #expect(b.payloads == [
            .sharesIssue(SharesChange(holder: "152223-001", shareClass: "poverty", units: 10, date: LedgerDate("2018-06-02")!, reason: ImportKind.defaultReason)),
            .sharesIssue(SharesChange(holder: "collective", shareClass: "collective", units: 5, date: LedgerDate("2018-06-02")!, reason: ImportKind.defaultReason)),
        ])
    }

    /// Each bad file is refused with the file, the physical line, the column as written and the reason.
    @Test func exactErrors() {
        let pay = "分配编号,户号,金额,方式,账号,凭证号,日期\n"
        let cases: [(ImportKind, String, String)] = [
            (.payments, pay + "2019,152223-001,12.345,银行,****5678,R1,2019-12-28\n",
             "f.csv line 2, column 金额: \"12.345\" has more than two decimal places, but amounts are exact to the fen (0.01 yuan)"),
            (.payments, pay + "2019,152223-001,1,支票,****5678,R1,2019-12-28\n",
             "f.csv line 2, column 方式: \"支票\" is not a payment channel (银行, 一卡通, 现金 or bank, card, cash)"),
            (.payments, pay + "2019,152223-001,1,现金,****5678,R1,2019-12-28\n",
             "f.csv line 2, column 账号: a cash payment has no account; leave it empty, not \"****5678\""),
            (.shares, "户号,股别,股数,日期,电话\n", "f.csv line 1, column 电话: unknown column; the columns are 户号, 股别, 股数, 日期, 事由 (or holder, class, units, date, reason)"),
            (.shares, "户号,股别,股数\n", "f.csv line 1: the column 日期 (date) is missing; the header has 户号, 股别, 股数"),
            // What a header no column matches likely means.
            (.shares, "户号\t股别\t股数\t日期\t事由\n", "f.csv line 1, column 户号\\t股别\\t股数\\t日期\\t事由: unknown column; the columns are 户号, 股别, 股数, 日期, 事由 "
             + "(or holder, class, units, date, reason); the file is separated by tabs, not commas: save it from Excel as CSV (逗号分隔)"),
            (.shares, "户号,户主,人口,身份证号,账号,日期\n", "f.csv line 1, column 户主: unknown column; the columns are 户号, 股别, 股数, 日期, 事由 "
             + "(or holder, class, units, date, reason); these are the columns of households: import it with fenhong import households f.csv"),
            (.shares, "白辛嘎查股份登记表,,,\n户号,股别,股数,日期\n", "f.csv line 1, column 白辛嘎查股份登记表: unknown column; the columns are 户号, 股别, 股数, 日期, 事由 "
             + "(or holder, class, units, date, reason); is it a title above the header? The first line is the header: delete the lines above it"),
            (.shares, "序号,户号,股别,股数,日期\n1,152223-001,人口股,3,2018-06-02\n2,合计,,3,\n", "f.csv line 3, column 户号: a totals row (合计) is no record: delete it from the file"),
            (.shares, "户号,股别,holder,股数,日期\n", "f.csv line 1, column holder: the column is given twice (first as column 1)"),
            (.shares, "户号,股别,股数,日期\n152223-001,人口股,3,2018-02-30\n", "f.csv line 2, column 日期: \"2018-02-30\" is not a date like 2019-12-28, 2019/12/28 or 2019年12月28日"),
            (.shares, "户号,股别,股数,日期\n152223-001,人口股,0,2018-02-01\n", "f.csv line 2, column 股数: \"0\" is not a whole number greater than zero"),
            (.shares, "户号,股别,股数,日期\n152223-001,人口股,1.5E+4,2018-02-01\n",
             "f.csv line 2, column 股数: \"1.5E+4\" is a number Excel wrote in scientific notation; format the column as a number without exponent (or as text) and type it again"),
            (.shares, "户号,股别,股数,日期\n152223-001,人口,3,2018-02-01\n",
             "f.csv line 2, column 股别: \"人口\" is not a share class (人口股, 扶贫股, 集体股, 劳龄股, 出资额, 公积金份额, 补助份额, 交易额 "
                + "or member, poverty, collective, labour, capital, reserve, subsidy, trade)"),
            (.shares, "户号,股别,股数,日期\n152223-001,人口股,3\n", "f.csv line 2: the row has 3 fields, the header has 4"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n\"152223-001\",\"陈\n梅\",2,1.52223E+17,****5678,2018-06-01\n",
             "f.csv line 3, column 身份证号: \"1.52223E+17\" is an ID number Excel turned into scientific notation; format the column as text and type it again"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,\"陈\n梅\",2,152223198001181234,****5678,2018-06-01\n",
             "f.csv line 2, column 户主: the value holds a line break or control character (\\n); type it on one line"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,陈梅,2,152223198001181235,****5678,2018-06-01\n",
             "f.csv line 2, column 身份证号: \"152223********1235\": its last character should be 4, not 5, for the 17 before it: a digit is mistyped (GB 11643 check digit)"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,陈梅,2,152223198001811234,****5678,2018-06-01\n",
             "f.csv line 2, column 身份证号: \"152223********1234\": its date of birth (characters 7–14) is no day of the calendar: a digit is mistyped"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152 001,陈梅,2,152223198001181234,****5678,2018-06-01\n",
             "f.csv line 2, column 户号: the value must be a household number of at most 32 letters, digits and -, not \"152 001\""),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,,2,152223198001181234,****5678,2018-06-01\n",
             "f.csv line 2, column 户主: the value is empty"),
            (.households, "household,head,members,id,account,date\n152223-001,a,2,152223198001181234,****5678,2018-06-01\n152223-002,b,2,152223197502073456,****5678,2018-06-01\n152223-001,c,2,152223196502011234,****5678,2018-06-01\n",
             "f.csv line 4, column household: household 152223-001 is already on line 2"),
            // One person under two household numbers; a row, a payment or an issue copied twice.
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-017,郭丽,2,152223198001181234,****5678,2018-06-01\n152223-071,郭丽,2,152223198001181234,****5678,2018-06-01\n",
             "f.csv line 3, column 身份证号: ID number 152223********1234 is already on line 2"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-017,郭丽,2,152223********1234,****5678,2018-06-01\n152223-071,郭丽,2,152223********1234,****5678,2018-06-01\n",
             "no error"),  // two of one name and masked ID may be two people: judged against the ledger only
            (.shares, "户号,股别,股数,日期,事由\n152223-001,人口股,6,2018/12/20,x\n152223-001,人口股,6,2018/12/20,x\n",
             "f.csv line 3, column 户号: the issue of 6 人口股 to 152223-001 on 2018-12-20 (x) is already on line 2"),
            (.payments, pay + "2019,152223-001,5,银行,****5678,PZ-1,2019-12-28\n2019,152223-001,5,银行,****5678,PZ-1,2019-12-28\n",
             "f.csv line 3, column 凭证号: the payment of 5.00 of distribution 2019 to household 152223-001 on 2019-12-28 with voucher PZ-1 is already on line 2"),
            (.payments, pay + "2019,152223-001,5,银行,****5678,PZ-1,2019-12-28\n2019,152223-001,7,银行,****5678,PZ-1,2019-12-28\n", "no error"),  // one batch voucher
            // What Excel does to numbers, names and dates, said as such.
            (.payments, pay + "2019,152223-001,5,银行,****5678,2.01912E+16,2019-12-28\n",
             "f.csv line 2, column 凭证号: \"2.01912E+16\" is a voucher number Excel turned into scientific notation, which loses its last digits; format the column as text and type it again"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,巴特?,2,152223198001181234,****5678,2018-06-01\n",
             "f.csv line 2, column 户主: \"巴特?\" holds a ?, which Excel writes for a character its \"CSV\" (GBK) cannot hold; save the sheet as \"CSV UTF-8\" and import that"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,陈梅,2,1.52223E17,****5678,2018-06-01\n",
             "f.csv line 2, column 身份证号: \"1.52223E17\" is an ID number Excel turned into scientific notation; format the column as text and type it again"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,陈梅,2,152223*******003X,****5678,2018-06-01\n",
             "f.csv line 2, column 身份证号: \"152223*******003X\" is not an ID number (15 or 18 characters) or its masked form 152223********1234"),
            (.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,陈梅,2,152223195102020000,****5678,2018-06-01\n",
             "f.csv line 2, column 身份证号: \"152223********0000\": its last character should be 6, not 0, for the 17 before it: a digit is mistyped (GB 11643 check digit), or Excel kept only its first 15 digits (format the column as text and type it again)"),
            (.shares, "户号,股别,股数,日期\n152223-001,人口股,3,43827\n",
             "f.csv line 2, column 日期: \"43827\" is not a date, but Excel's number for 2019-12-28: format the column as a date (yyyy-mm-dd) and save the file again"),
        ]
        for (kind, text, expected) in cases {
            #expect(message(kind, text) == expected)
        }
    }

    /// What is meant is read: an apostrophe Excel users type before a long number, digits typed
    /// full-width with a Chinese input method.
    @Test func spreadsheetHabits() throws {
        let h = try batch(.households, "户号,户主,人口,身份证号,账号,日期\n152223-001,陈梅,2,'152223198001181234,'6228480012345678,2018-06-01\n")
        #expect(h.payloads == [.householdRegister(HouseholdRegistration(
            household: "152223-001", head: "陈梅", members: 2, poor: false, idMasked: "152223********1234", account: "****5678", date: LedgerDate("2018-06-01")!))])
        #expect(try batch(.payments, "分配编号,户号,金额,方式,账号,凭证号,日期\n2019,152223-001,'1428.57,银行,****5678,PZ-1,2019-12-28\n").payloads.count == 1)
        let p = try batch(.payments, "分配编号,户号,金额,方式,账号,凭证号,日期\n2019,152223-001,\"１５，０００.５０\",银行,****5678,PZ-1,2019/12/28 0:00\n")
        #expect(p.payloads == [.dividendPay(DividendPayment(id: "2019", household: "152223-001", amount: Fen(1_500_050), channel: .bank,
                                                             account: "****5678", reference: "PZ-1", date: LedgerDate("2019-12-28")!))])
    }

    /// The headers and class names accountants write in their own sheets (户主姓名, 身份证号码,
    /// 银行卡号, 是否贫困户 …; 成员股, 农龄股) read as the ones the docs give.
    @Test func accountantsHeadersAndClassNames() throws {
        let h = try batch(.households, "户号,户主姓名,人口数,是否贫困户,身份证号码,银行卡号,登记日期\n152223-001,陈梅,2,是,152223198001181234,6228480012345678,2018-06-01\n")
        #expect(h.payloads == [.householdRegister(HouseholdRegistration(
            household: "152223-001", head: "陈梅", members: 2, poor: true, idMasked: "152223********1234", account: "****5678", date: LedgerDate("2018-06-01")!))])
        let s = try batch(.shares, "户号,股份类别,持股数,日期\n152223-001,成员股,3,2018-06-02\n152223-001,农龄股,2,2018-06-02\n")
        #expect(s.payloads.map { if case .sharesIssue(let c) = $0 { c.shareClass } else { "" } } == ["member", "labour"])
        let p = try batch(.payments, "分配编号,户号,金额（元）,支付方式,卡号,凭证号,支付日期\n2019,152223-001,5,银行,****5678,PZ-1,2019-12-28\n")
        #expect(p.payloads.count == 1)
    }

    /// What Excel and a sheet's layout do that would be read wrong without a word is refused,
    /// saying what happened: numbers Excel kept 15 digits of though their check passes, another
    /// kind of number in the account's column, an empty 建档立卡 cell below a merged 是, the
    /// totals and sign-off rows under the rows.
    @Test func whatASheetWouldMisleadIsRefused() {
        let head = "户号,户主,人口,建档立卡,身份证号,账号,日期\n"
        let cases: [(ImportKind, String, String)] = [
            // 152223196307069596 kept as 152223196307069000, whose check character 0 is right,
            // beside others Excel cut: refused, though its check passes.
            (.households, head + "152223-001,那仁,4,是,152223196307069000,6228482772040567,2018-11-30\n"
                + "152223-002,巴特尔,4,是,152223195908233000,6228482772040567,2018-11-30\n",
             "f.csv line 2, column 身份证号: \"152223********9000\" ends in 000, as every ID number does that Excel kept only 15 digits of, and so do others of this file: "
                + "format the column as text and type the numbers again (if this is truly the number, register the household with fenhong household add)"),
            // 6217009381476057 kept as 6217009381476050; 19 digits as …0000.
            (.households, head + "152223-002,汤凤英,4,否,152223198501087498,6217009381476050,2018-11-17\n",
             "f.csv line 2, column 账号: \"****6050\" has 0 for every digit after its 15th, as a number does that Excel kept only 15 digits of, and fails a card's check digit: "
                + "format the column as text and type the numbers again (if this is truly the account, register the household with fenhong household add)"),
            (.payments, "分配编号,户号,金额,方式,账号,凭证号,日期\n2019,152223-001,5,银行,6228480012345670000,PZ-1,2019-12-28\n",
             "f.csv line 2, column 账号: \"****0000\" has 0 for every digit after its 15th, as a number does that Excel kept only 15 digits of: "
                + "format the column as text and type the numbers again (if this is truly the account, record the payment with fenhong dividend pay)"),
            // Words beside the digits: shown as written, its digits masked (not a bare ****0567).
            (.households, head + "152223-003,宝梅,2,是,152223194709142275,信用社6228482772040567,2018-11-26\n",
             "f.csv line 2, column 账号: \"信用社****0567\" holds more than an account number: write its digits alone (spaces and dashes may part them), "
                + "or its masked form ****5678, or 现金 for a household paid in cash"),
            // Two accounts in one cell: neither taken.
            (.households, head + "152223-003,宝梅,2,是,152223194709142275,6228480012345678 6217000011112222,2018-11-26\n",
             "f.csv line 2, column 账号: \"****5678 ****2222\" holds 2 account numbers: give the one the household is paid into"),
            // Its digits parted by spaces or dashes are one number, masked as one.
            (.households, head + "152223-003,宝梅,2,是,152223194709142275,农商行 6228 4800 1234 5678,2018-11-26\n",
             "f.csv line 2, column 账号: \"农商行 ****5678\" holds more than an account number: write its digits alone (spaces and dashes may part them), "
                + "or its masked form ****5678, or 现金 for a household paid in cash"),
            (.households, head + "152223-003,宝梅,2,是,152223194709142275,152223198001181234,2018-11-26\n",
             "f.csv line 2, column 账号: \"152223********1234\" is an ID number, not an account: is a column shifted, or another number pasted?"),
            (.households, head + "152223-004,宝梅,2,是,152223194709142275,6228480012345678,2018-11-26\n152223-005,哈斯,3,,152223198001181234,6228480012345678,2018-11-26\n",
             "f.csv line 3, column 建档立卡: the value is empty: write 是 or 否 on every row, for an empty cell may mean either (a merged cell of 是 leaves the rows below it empty)"),
            (.households, "序号," + head + "1,152223-004,宝梅,2,是,152223194709142275,6228480012345678,2018-11-26\n合计,,,2,,,,\n",
             "f.csv line 3, column 户号: a totals row (合计) is no record: delete it from the file"),
            (.payments, "分配编号,户号,金额,方式,账号,凭证号,日期\n合 计,,\"2,880.00\",,,,\n",
             "f.csv line 2, column 户号: a totals row (合计) is no record: delete it from the file"),
            (.households, head + "152223-004,宝梅,2,是,152223194709142275,6228480012345678,2018-11-26\n制表人：张三,,,审核人：李四,,,\n",
             "f.csv line 3, column 户号: \"制表人：张三\" makes this a sign-off row under the sheet, no record: delete it from the file"),
            (.households, head + "152223-004,宝梅,2,是,152223194709142275,6228480012345678,2018-11-26\n,,,审核: 李四,,,\n",
             "f.csv line 3, column 户号: \"审核: 李四\" makes this a sign-off row under the sheet, no record: delete it from the file"),
        ]
        for (kind, text, expected) in cases {
            #expect(message(kind, text) == expected)
        }
        // A real card passes its check however many zeros it ends in; a passbook's sixteen digits
        // need not; no 建档立卡 column is 否.
        #expect(Masking.passesLuhn("4111111111111111") && !Masking.passesLuhn("4111111111111110"))
        // One real ID in about 1,100 ends in 000: alone in its file, nothing says Excel cut it.
        #expect((try? batch(.households, head + "152223-001,那仁,4,是,152223196307069000,6228482772040567,2018-11-30\n"))?.payloads.count == 1)
        let twoOf = (1...3).map { n in "152223-00\(n),甲,1,否,\(["152223196307069000", "152223196307069596", "152223198001181234"][n - 1]),现金,2018-11-30\n" }.joined()
        #expect((try? batch(.households, head + twoOf))?.payloads.count == 3)  // one of three, beside none failing
        let household = { (account: String) in
            (try? self.batch(.households, "户号,户主,人口,身份证号,账号,日期\n152223-004,宝梅,2,152223194709142275,\(account),2018-11-26\n"))?.payloads.map {
                if case .householdRegister(let r) = $0 { "\(r.account) \(r.poor)" } else { "" }
            }
        }
        #expect(household("6228480099990001") == ["****0001 false"])  // passes its check
        #expect(household("3301000012345670") == ["****5670 false"])  // a passbook's
        #expect(household("12345678901234500") == ["****4500 false"])  // seventeen digits, not begun as a card
        #expect(household("6228480000010080000") == nil)  // cut by Excel, though it passes the card check
        // Beside an account refused as cut, the passbook's 00 is Excel's too: refused, named.
        let beside = "户号,户主,人口,身份证号,账号,日期\n152223-004,宝梅,2,152223194709142275,6217000865690700000,2018-11-26\n"
            + "152223-005,乌兰,2,152223198001181234,12345678901234500,2018-11-26\n"
        #expect(message(.households, beside).hasPrefix("f.csv line 2, column 账号: \"****0000\" has 0 for every digit after its 15th"))
        #expect((try? batch(.households, beside)) == nil)
        do { _ = try batch(.households, beside) } catch {
            #expect(error.others.map(\.description) == ["f.csv line 3, column 账号: \"****4500\" has 0 for every digit after its 15th, as others of this file do that Excel kept only 15 digits of: "
                + "format the column as text and type the numbers again (if this is truly the account, register the household with fenhong household add)"])
        }
        #expect(household("4111111111110000") == nil)
    }

    /// The rows at fault named are the first in the file, whichever check found them (an ID that
    /// Excel cut is judged once every row is read).
    @Test func theFirstRowsAtFaultAreNamed() {
        let head = "户号,户主,人口,建档立卡,身份证号,账号,日期\n"
        let rows = ["152223-001,甲,1,否,152223196307069000,现金,2018-11-30", "152223-002,乙,1,否,152223195908233000,现金,2018-11-30"]
            + (3...60).map { "152223-\(String(format: "%03d", $0)),丙,0,否,152223198001181234,现金,2018-11-30" }
        do {
            _ = try batch(.households, head + rows.joined(separator: "\n") + "\n")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 2 && error.others.first?.line == 3, "\(error)")
            #expect(error.others.count == ImportBatch.faultsNamedMax - 1 && error.othersUnnamed == 60 - ImportBatch.faultsNamedMax)
        }
    }

    /// One person is compared by name as people write it: the dot of a Mongolian name however
    /// typed or left out, a full-width space padding a two-character name.
    @Test func namesAreComparedAsWritten() {
        let key = { (head: String) in ImportBatch.repeatKey(.householdRegister(HouseholdRegistration(
            household: "152223-001", head: head, members: 1, poor: false, idMasked: "152223********9596", account: "cash", date: LedgerDate("2018-11-30")!))) }
        #expect(Set(["那仁·巴特尔", "那仁•巴特尔", "那仁・巴特尔", "那仁巴特尔", "那仁 巴特尔", "那仁．巴特尔"].map(key)).count == 1)
        #expect(key("王　芳") == key("王芳"))
        #expect(key("王芳") != key("王方"))
        #expect(key("那仁.巴特尔") == key("那仁巴特尔") && key("J. Smith") != key("JSmith"))
    }

    /// Exported rows import as the same payloads (log --csv → import).
    @Test func exportedRowsImportBack() throws {
        let payloads: [EntryPayload] = [
            .dividendPay(DividendPayment(id: "2019", household: "152223-001", amount: Fen(166_667), channel: .bank, account: "****5678", reference: "R,1", date: LedgerDate("2019-12-28")!)),
            .dividendPay(DividendPayment(id: "2019", household: "152223-002", amount: Fen(5), channel: .cash, account: "cash", reference: "现金\"2\"", date: LedgerDate("2019-12-28")!)),
            .dividendPay(DividendPayment(id: "2019", household: "152223-003", amount: Fen(100_000_000), channel: .card, account: "****0001", reference: "R3", date: LedgerDate("2019-12-29")!)),
        ]
        let text = ImportKind.payments.csv(payloads)
        #expect(text.hasPrefix("\u{FEFF}分配编号,户号,金额,方式,账号,凭证号,日期\r\n2019,152223-001,1666.67,银行,****5678,\"R,1\",2019-12-28\r\n"))
        #expect(try batch(.payments, text).payloads == payloads)
    }
}
