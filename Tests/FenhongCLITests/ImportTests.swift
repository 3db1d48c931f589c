import Foundation
import Testing

/// `fenhong import` through the binary: Excel's encodings, exact errors, nothing written on any
/// error, and the round trip through `fenhong log --csv`.
@Suite(.serialized)
struct ImportTests {
    static let households = "household,head,members,poor,id,account,date\r\n"
        + "152223-001,陈梅,2,yes,152223198001181234,6228480012345678,2018-06-01\r\n"
        + "152223-002,\"包,金山\",4,no,152223197502073456,****4321,2018/6/1\r\n"
        + "152223-003,\"其木格 \"\"阿妈\"\"\",3,1,15222319660305345X,6217000011112222,2018-06-01\r\n"
    static let shares = "户号,股别,股数,日期,事由\n152223-001,扶贫股,10,2018-06-02,折股量化\n152223-002,人口股,4,2018-06-02,折股量化\n152223-003,人口股,3,2018-06-02,\"折股量化\n基准日2017-12-31\"\n"

    private func ledger(_ name: String = "v.fenhong") throws -> CLI {
        let cli = try CLI()
        cli.environment = ["FENHONG_LEDGER": name, "FENHONG_KEY": "a.key"]
        try cli.run("key", "generate", "--name", "accountant", "--out", "a.key")
        #expect(try cli.execute(["init", "--origin", "fenhong/152223/baixin", "--org", "白辛嘎查", "--village", "白辛嘎查",
                                 "--at", "2018-06-01T08:00:00Z"]).status == 0)
        return cli
    }

    private func write(_ cli: CLI, _ name: String, _ text: String, bom: Bool = false) throws {
        try Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)).write(to: cli.folder.appendingPathComponent(name))
    }

    private func entryCount(_ cli: CLI) throws -> Int {
        try cli.run("log", "--json").stdout.split(separator: "\n").count
    }

    /// A village with households and shares imported and a distribution declared: 10,000.00 over 3 households.
    private func village() throws -> CLI {
        let cli = try ledger()
        try write(cli, "households.csv", Self.households, bom: true)
        try write(cli, "shares.csv", Self.shares)
        #expect(try cli.execute(["import", "households", "households.csv"]).status == 0)
        #expect(try cli.execute(["import", "shares", "shares.csv"]).status == 0)
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-15", "--pool", "10000",
                                 "--basis", "household", "--at", "2019-12-20T08:00:00Z"]).status == 0)
        return cli
    }

    /// UTF-8 with BOM and CRLF (English headers), and GB18030 (Chinese headers, from iconv) both import; full numbers never reach the ledger.
    @Test func excelEncodingsImport() throws {
        let cli = try ledger()
        try write(cli, "households.csv", Self.households, bom: true)
        let run = try cli.execute(["import", "households", "households.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("read households.csv (UTF-8 with BOM): 3 rows\nrecorded entries 1–3  3 × household.register\ncheckpoint 4  root "))

        try write(cli, "shares.utf8.csv", Self.shares)
        #expect(try cli.shell("iconv -f UTF-8 -t GB18030 shares.utf8.csv > shares.csv").status == 0)
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("shares.csv")).starts(with: [0xBB, 0xA7, 0xBA, 0xC5]))  // 户号 in GB18030
        let shares = try cli.execute(["import", "shares", "shares.csv"])
        #expect(shares.status == 0, "\(shares.stderr)")
        #expect(shares.stdout.hasPrefix("read shares.csv (GB18030): 3 rows\nrecorded entries 4–6  3 × shares.issue"))

        let log = try cli.run("log", "--json").stdout
        #expect(log.split(separator: "\n").count == 7)
        #expect(log.contains(#""head":"包,金山","household":"152223-002","idMasked":"152223********3456""#))
        #expect(log.contains(#""idMasked":"152223********345X""#))
        #expect(log.contains(#""reason":"折股量化\n基准日2017-12-31""#))
        for secret in ["198001011234", "62284800", "6217000011"] { #expect(!log.contains(secret)) }
        let list = try cli.run("household", "list").stdout
        #expect(list.contains("152223-001  陈梅  members 2  registered-poor  ****5678  poverty 10"), "\(list)")
    }

    /// Each bad file is refused with one exact line naming file, line, column and reason, and writes nothing.
    /// Today in this machine's time zone, as `fenhong` takes it.
    private static var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = .current
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }

    @Test func badFilesAreRefusedAndWriteNothing() throws {
        let cli = try village()
        let before = try entryCount(cli)
        let pay = "分配编号,户号,金额,方式,账号,凭证号,日期\n"
        let shares = "户号,股别,股数,日期\n"
        let households = "户号,户主,人口,建档立卡,身份证号,账号,日期\n"
        let cases: [(kind: String, text: String, message: String)] = [
            ("payments", pay + "2019,152223-001,100,银行,****5678,R1,2019-12-28\n2019,152223-002,12.345,银行,****4321,R2,2019-12-28\n",
             "bad.csv line 3, column 金额: \"12.345\" has more than two decimal places, but amounts are exact to the fen (0.01 yuan)"),
            ("shares", "户号,股别,股数,日期,备注\n152223-001,人口股,1,2020-01-01,x\n",
             "bad.csv line 1, column 备注: unknown column; the columns are 户号, 股别, 股数, 日期, 事由 (or holder, class, units, date, reason)"),
            ("shares", "户号,股别,日期\n152223-001,人口股,2020-01-01\n",
             "bad.csv line 1: the column 股数 (units) is missing; the header has 户号, 股别, 日期"),
            ("shares", shares + "152223-001,人口股,1,2020-01-01\n152223-002,人口股,1,2019-02-30\n",
             "bad.csv line 3, column 日期: \"2019-02-30\" is not a date like 2019-12-28, 2019/12/28 or 2019年12月28日"),
            ("households", households + "152223-009,张三,2,否,152223199001191234,****9999,2019-01-01\n152223-010,李四,2,否,152223199001185678,****8888,2019-01-01\n152223-009,王五,1,否,152223199001099999,****7777,2019-01-01\n",
             "bad.csv line 4, column 户号: household 152223-009 is already on line 2"),
            ("households", households + "152223-009,张三,2,否,152223199001191234,****9999,2020-01-01\n152223-002,包金山,4,否,152223197502073456,****4321,2020-01-01\n",
             "bad.csv line 3, column 户号: household 152223-002 is already registered"),
            // Registered as of a day distribution 2019 already counted: it would change whom it divided among.
            ("households", households + "152223-009,张三,2,否,152223199001191234,****9999,2019-01-01\n",
             "bad.csv line 2, column 日期: distribution 2019 was divided among the households registered as of 2019-12-15; a registration dated 2019-01-01 would alter them "
             + "(date it after 2019-12-15; if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)"),
            ("shares", shares + "152223-001,人口股,1,2020-01-01\n152223-404,人口股,1,2020-01-01\n",
             "bad.csv line 3, column 户号: household 152223-404 is not registered"),
            ("shares", shares + "152223-001,人口股,1,2020-01-01\n\"152223-002,人口股,1,2020-01-01\n152223-003,人口股,1,2020-01-01\n",
             "bad.csv line 3, column 户号: the quoted field that starts here is never closed (a \" is missing)"),
            ("payments", pay + "2019,152223-001,3000,银行,****5678,R1,2019-12-28\n2019,152223-001,333.35,现金,,R2,2019-12-28\n",
             "bad.csv line 3, column 金额: household 152223-001 is owed 333.34 by distribution 2019, not 333.35"),
            ("payments", pay + "2020,152223-001,1,银行,****5678,R1,2019-12-28\n",
             "bad.csv line 2, column 分配编号: distribution 2020 was never declared"),
            ("shares", shares + "152223-001,人口股,1,2020-01-01\n152223-002,人口股,99999999999999999,2020-01-01\n",
             "bad.csv line 3, column 股数: the value is ****9999, beyond ±9,007,199,254,740,991, the largest whole number a ledger can hold"),
            // 2042 for 2024: a date not yet come is a typing mistake, in any kind of file.
            ("shares", shares + "152223-001,人口股,1,2020-01-01\n152223-002,人口股,1,2099-12-20\n",
             "bad.csv line 3, column 日期: 2099-12-20 is after today, \(Self.today); the ledger records what has happened"),
            ("households", households + "152223-009,张三,2,否,152223203001011239,****9999,2020-01-01\n",
             "bad.csv line 2, column 身份证号: \"152223********1239\": its date of birth (characters 7–14) is after today, \(Self.today): a digit is mistyped"),
            ("households", households + "152223-009,张三,2,否,152223199001191234,****9999,2099-01-01\n",
             "bad.csv line 2, column 日期: 2099-01-01 is after today, \(Self.today); the ledger records what has happened"),
            ("payments", pay + "2019,152223-001,100,银行,****5678,R1,2099-12-28\n",
             "bad.csv line 2, column 日期: 2099-12-28 is after today, \(Self.today); the ledger records what has happened"),
        ]
        for (kind, text, message) in cases {
            try write(cli, "bad.csv", text)
            let run = try cli.execute(["import", kind, "bad.csv"])
            #expect(run.status == 2, "\(message)")
            #expect(run.stderr == "fenhong: " + message + "\n")
            #expect(run.stdout.isEmpty)
        }
        #expect(try entryCount(cli) == before)
    }

    /// import → log --csv → import into a fresh ledger gives the same entries (their `at`, and so `prev`, aside).
    @Test func logCSVRoundTrip() throws {
        let cli = try village()
        let payments = "分配编号,户号,金额,方式,账号,凭证号,日期\n2019,152223-001,\"3,333.34\",一卡通,6228480012345678,R1,2019-12-28\n2019,152223-002,1000元,现金,,R2,2019-12-28\n"
        try write(cli, "payments.csv", payments)
        #expect(try cli.execute(["import", "payments", "payments.csv"]).status == 0)
        for (kind, file) in [("household.register", "h.csv"), ("shares", "s.csv"), ("dividend.pay", "p.csv")] {
            let run = try cli.execute(["log", "--csv", "--kind", kind])
            #expect(run.status == 0, "\(run.stderr)")
            try write(cli, file, run.stdout)
        }
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("p.csv")) == Data("\u{FEFF}分配编号,户号,金额,方式,账号,凭证号,日期\r\n2019,152223-001,3333.34,一卡通,****5678,R1,2019-12-28\r\n2019,152223-002,1000.00,现金,,R2,2019-12-28\r\n".utf8))

        cli.environment["FENHONG_LEDGER"] = "copy.fenhong"
        #expect(try cli.execute(["init", "--origin", "fenhong/152223/baixin", "--org", "白辛嘎查", "--village", "白辛嘎查",
                                 "--at", "2018-06-01T08:00:00Z"]).status == 0)
        for (kind, file) in [("households", "h.csv"), ("shares", "s.csv")] {
            let run = try cli.execute(["import", kind, file, "--at", "2024-01-01T08:00:00Z"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-15", "--pool", "10000",
                                 "--basis", "household", "--at", "2024-01-01T08:00:00Z"]).status == 0)
        #expect(try cli.execute(["import", "payments", "p.csv", "--at", "2024-01-01T08:00:00Z"]).status == 0)

        func withoutTime(_ ledger: String) throws -> [String] {
            try cli.execute(["log", "--json", "--ledger", ledger]).stdout.split(separator: "\n").map {
                String($0).replacing(/"at":"[^"]*",/, with: "").replacing(/"prev":"[0-9a-f]*",/, with: "")
            }
        }
        let original = try withoutTime("v.fenhong"), copy = try withoutTime("copy.fenhong")
        #expect(original.count == 13)
        #expect(original == copy)
        #expect(try cli.execute(["log", "--json"]).stdout.contains(#""at":"2024-01-01T08:00:00Z""#))
    }

    /// After an update, a transfer, a retirement and a reversed payment, log --csv writes the ledger as
    /// it stands; imported into a fresh ledger it gives the same households, holdings and payments.
    @Test func logCSVFoldsUpdatesTransfersRetirementsAndReversals() throws {
        let cli = try village()  // entries 0–10: open, 3 households, 3 issues, the 2019 distribution
        let writes: [[String]] = [
            ["household", "update", "--household", "152223-002", "--head", "包银山", "--id", "152223199003097890", "--members", "5", "--poor", "是",
             "--account", "6228480099990001", "--date", "2020-03-01", "--reason", "分户后重新登记"],                      // 11
            ["shares", "transfer", "--from", "152223-003", "--to", "152223-002", "--class", "member", "--units", "1",
             "--date", "2020-04-01", "--reason", "分户"],                                                            // 12
            ["shares", "retire", "--holder", "152223-001", "--class", "poverty", "--units", "4", "--date", "2021-01-01",
             "--reason", "脱贫退出"],                                                                                  // 13
            ["shares", "issue", "--holder", "collective", "--class", "collective", "--units", "5", "--date", "2020-01-01",
             "--reason", "集体留存"],                                                                                  // 14
        ]
        for arguments in writes {
            let run = try cli.execute(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let header = "分配编号,户号,金额,方式,账号,凭证号,日期\n"
        try write(cli, "paid.csv", header + "2019,152223-001,3333.34,一卡通,6228480012345678,R1,2019-12-28\n"
                  + "2019,152223-002,1000,现金,,R2,2019-12-28\n2019,152223-003,500,银行,6217000011112222,R3,2019-12-28\n")  // 15–17
        try write(cli, "repaid.csv", header + "2019,152223-002,1200,银行,6228480099990001,R2b,2020-03-05\n")
        for arguments in [["import", "payments", "paid.csv"], ["reverse", "--seq", "16", "--reason", "付错金额"],
                          ["import", "payments", "repaid.csv"]] {
            let run = try cli.execute(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let reversed = try cli.run("log").stdout.split(separator: "\n").first { $0.hasPrefix("16  ") }
        #expect(reversed?.contains("dividend.pay") == true && reversed?.hasSuffix("(reversed)") == true, "\(reversed ?? "")")

        func export(_ ledger: String) throws -> [String] {
            try ["household.register", "shares", "dividend.pay"].map { kind in
                let run = try cli.execute(["log", "--csv", "--kind", kind, "--ledger", ledger])
                #expect(run.status == 0, "\(run.stderr)")
                return run.stdout
            }
        }
        let exported = try export("v.fenhong")
        #expect(exported == [
            "\u{FEFF}户号,户主,人口,建档立卡,身份证号,账号,日期\r\n"
                + "152223-001,陈梅,2,是,152223********1234,****5678,2018-06-01\r\n"
                + "152223-002,包银山,5,是,152223********7890,****0001,2018-06-01\r\n"
                + "152223-003,\"其木格 \"\"阿妈\"\"\",3,是,152223********345X,****2222,2018-06-01\r\n",
            "\u{FEFF}户号,股别,股数,日期,事由\r\n"
                + "152223-001,扶贫股,6,2021-01-01,持股结转\r\n"
                + "152223-002,人口股,5,2020-04-01,持股结转\r\n"
                + "152223-003,人口股,2,2020-04-01,持股结转\r\n"
                + "集体,集体股,5,2020-01-01,集体留存\r\n",
            "\u{FEFF}分配编号,户号,金额,方式,账号,凭证号,日期\r\n"
                + "2019,152223-001,3333.34,一卡通,****5678,R1,2019-12-28\r\n"
                + "2019,152223-003,500.00,银行,****2222,R3,2019-12-28\r\n"
                + "2019,152223-002,1200.00,银行,****0001,R2b,2020-03-05\r\n",
        ])
        #expect(try cli.run("log", "--csv", "--kind", "shares", "--household", "152223-002").stdout
                == "\u{FEFF}户号,股别,股数,日期,事由\r\n152223-002,人口股,5,2020-04-01,持股结转\r\n")

        cli.environment["FENHONG_LEDGER"] = "copy.fenhong"
        #expect(try cli.execute(["init", "--origin", "fenhong/152223/baixin", "--org", "白辛嘎查", "--village", "白辛嘎查"]).status == 0)
        for (kind, text) in zip(["households", "shares"], exported) {
            try write(cli, "\(kind).csv", text)
            let run = try cli.execute(["import", kind, "\(kind).csv"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-15", "--pool", "10000",
                                 "--basis", "household"]).status == 0)
        try write(cli, "payments.csv", exported[2])
        let payments = try cli.execute(["import", "payments", "payments.csv"])
        #expect(payments.status == 0, "\(payments.stderr)")

        let list = try cli.run("household", "list").stdout
        #expect(list == """
            152223-001  陈梅  members 2  registered-poor  ****5678  poverty 6
            152223-002  包银山  members 5  registered-poor  ****0001  member 5
            152223-003  其木格 "阿妈"  members 3  registered-poor  ****2222  member 2
            3 households

            """)
        #expect(list == (try cli.run("household", "list", "--ledger", "v.fenhong").stdout))
        #expect(try export("copy.fenhong") == exported)
    }

    /// Misused options and unreadable files are refused in one sentence.
    @Test func badOptions() throws {
        let cli = try ledger()
        let cases: [([String], String)] = [
            (["log", "--csv"], "--csv needs --kind household.register, shares or dividend.pay"),
            (["log", "--kind", "shares"], "--kind goes with --csv, and --csv not with --json"),
            (["log", "--csv", "--kind", "fund.receive"], "--kind fund.receive must be household.register, shares or dividend.pay"),
            (["import", "funds", "x.csv"], "funds is not something fenhong imports; write households, shares or payments"),
            (["import", "shares", "missing.csv"], "missing.csv does not exist"),
        ]
        for (arguments, message) in cases {
            let run = try cli.execute(arguments)
            #expect(run.status == 2)
            #expect(run.stderr == "fenhong: \(message)\n")
        }
        try write(cli, "header.csv", "户号,股别,股数,日期\r\n,,,\r\n")
        #expect(try cli.execute(["import", "shares", "header.csv"]).stderr == "fenhong: header.csv has no rows below its header; nothing was recorded\n")
    }

    /// A file of more than 10,000 rows shows its progress on stderr and still writes in one command.
    @Test func largeFilesShowProgress() throws {
        let cli = try ledger()
        var text = "户号,户主,人口,身份证号,账号,日期\n"
        for i in 1...10_001 { text += "H\(i),户\(i),2,152223********1234,****5678,2018-06-01\n" }
        try write(cli, "big.csv", text)
        let run = try cli.execute(["import", "households", "big.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "big.csv: 10001 rows, UTF-8; checking every row before writing\nchecked 10000 of 10001 rows\nwriting 10001 entries in one transaction\n")
        #expect(run.stdout.contains("recorded entries 1–10001  10001 × household.register\ncheckpoint 10002  root "))
    }

    /// A file imported a second time, or a row the ledger already holds, is refused whole: it
    /// would double every holding or payment in it (and every dividend on them). A payment
    /// reversed may be recorded again.
    @Test func secondImportIsRefused() throws {
        let cli = try village()
        let before = try entryCount(cli)
        let again = try cli.execute(["import", "shares", "shares.csv"])
        #expect(again.status == 2)
        #expect(again.stderr == "fenhong: shares.csv line 2, column 户号: the issue of 10 扶贫股 to 152223-001 on 2018-06-02 (折股量化) is already recorded, "
                + "entry 4: is the file imported a second time? Nothing was recorded\n")
        try write(cli, "person.csv", "户号,户主,人口,身份证号,账号,日期\n152223-071,陈梅,2,152223198001181234,****5678,2018-06-01\n")
        #expect(try cli.execute(["import", "households", "person.csv"]).stderr.hasPrefix(
            "fenhong: person.csv line 2, column 身份证号: 陈梅, ID number 152223********1234, is already recorded as the head of household 152223-001, entry 1: one person is one household"))
        // The same person under the same number: the households' file imported again.
        #expect(try cli.execute(["import", "households", "households.csv"]).stderr
                == "fenhong: households.csv line 2, column id: 陈梅, ID number 152223********1234, is already recorded as the head of household 152223-001, "
                + "entry 1: is the file imported a second time? Nothing was recorded\n")
        try write(cli, "p.csv", "分配编号,户号,金额,方式,账号,凭证号,日期\n2019,152223-002,100,银行,****4321,PZ-2,2019-12-28\n")
        #expect(try cli.execute(["import", "payments", "p.csv"]).status == 0)
        let paidTwice = try cli.execute(["import", "payments", "p.csv"])
        #expect(paidTwice.stderr.hasPrefix("fenhong: p.csv line 2, column 凭证号: the payment of 100.00 of distribution 2019 to household 152223-002 on 2019-12-28 with voucher PZ-2 is already recorded, entry "), "\(paidTwice.stderr)")
        #expect(try entryCount(cli) == before + 1)
        let paid = try cli.run("log", "--json").stdout.split(separator: "\n").count - 1
        #expect(try cli.execute(["reverse", "--seq", "\(paid)", "--reason", "退回"]).status == 0)
        #expect(try cli.execute(["import", "payments", "p.csv"]).status == 0)
    }

    /// A full ID or card number typed into text — a voucher, a reason — is refused, shown masked,
    /// naming the option or the line and column, and nothing is written: the ledger keeps such
    /// numbers only masked (a review found them recorded whole, and printed on statements).
    @Test func fullNumbersInTextAreRefused() throws {
        let cli = try village()
        let before = try entryCount(cli)
        let paid = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "6228480012342314", "--date", "2019-12-28"])
        #expect(paid.status == 2)
        #expect(paid.stderr == "fenhong: the reference given holds what reads as a full bank card number (****2314 here): the ledger keeps such numbers only masked, "
                + "for good and in print; write it masked so, or leave it out\n")
        try write(cli, "id.csv", "户号,股别,股数,日期,事由\r\n152223-002,人口股,1,2020/1/1,身份证152223197502073456\r\n")
        let imported = try cli.execute(["import", "shares", "id.csv"])
        #expect(imported.stderr.hasPrefix("fenhong: id.csv line 2, column 事由: the reason given holds what reads as a full ID number (152223********3456 here)"),
                "\(imported.stderr)")
        #expect(!paid.stderr.contains("6228480012342314") && !imported.stderr.contains("197502073456"))
        #expect(try entryCount(cli) == before)
        // A bank's serial as the voucher is no card number.
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "202412280001234567", "--date", "2019-12-28"]).status == 0)
    }

    /// 扶贫股 go to registered-poor households: to one registered with its 建档立卡 cell empty (否)
    /// they would count for nothing, silently; marked poor first, they are taken.
    @Test func povertySharesNeedAPoorHousehold() throws {
        let cli = try ledger()
        try write(cli, "households.csv", Self.households, bom: true)
        #expect(try cli.execute(["import", "households", "households.csv"]).status == 0)
        try write(cli, "poverty.csv", "户号,股别,股数,日期,事由\n152223-001,扶贫股,10,2018-06-02,折股量化\n152223-002,扶贫股,10,2018-06-02,折股量化\n")
        let refused = try cli.execute(["import", "shares", "poverty.csv"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "fenhong: poverty.csv line 3, column 股别: household 152223-002 is not registered-poor on 2018-06-02: 扶贫股 (class poverty) go to "
                + "registered-poor households, and would count for nothing in its dividends; if it is registered-poor, say so first "
                + "(fenhong household update --household 152223-002 --poor yes --date …)\n")
        #expect(try cli.execute(["household", "update", "--household", "152223-002", "--poor", "yes", "--date", "2018-06-01", "--reason", "建档立卡"]).status == 0)
        #expect(try cli.execute(["import", "shares", "poverty.csv"]).status == 0)
        // Passed on (递补) only to a household registered-poor that day.
        let transfer = ["shares", "transfer", "--from", "152223-002", "--to", "152223-003", "--class", "poverty", "--units", "5", "--date", "2018-06-03", "--reason", "递补"]
        #expect(try cli.execute(["household", "update", "--household", "152223-003", "--poor", "no", "--date", "2018-06-02", "--reason", "脱贫"]).status == 0)
        #expect(try cli.execute(transfer).stderr.contains("household 152223-003 is not registered-poor on 2018-06-03"))
    }

    /// A payment goes into its household's registered account: a row whose account is another
    /// household's (a column shifted in Excel) is refused, naming its line and column, without the
    /// full number; a new account recorded first is paid into from its date; a payment made into
    /// another account all the same is recorded when the accountant says so.
    @Test func paymentsGoToTheRegisteredAccount() throws {
        let cli = try village()
        let header = "分配编号,户号,金额,方式,账号,凭证号,日期\n"
        // 152223-003's card, on 152223-001's row.
        try write(cli, "shifted.csv", header + "2019,152223-001,100,一卡通,6228480012345678,P-1,2019-12-28\n2019,152223-002,100,一卡通,6217000011112222,P-2,2019-12-28\n")
        let before = try cli.run("log").stdout
        let refused = try cli.execute(["import", "payments", "shifted.csv"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "fenhong: shifted.csv line 3, column 账号: household 152223-002 has account ****4321 registered as of 2019-12-28, not ****2222: "
                + "a dividend is paid into the household's own registered account; if the household has a new account, record it first "
                + "(fenhong household update --household 152223-002 --account … --date …); if the money went into this account all the same, "
                + "record the payment as made with --other-account (import: --other-accounts)\n")
        #expect(try cli.run("log").stdout == before)
        // The new card from 2019-12-27 on: paid into it that day, not the day before.
        #expect(try cli.execute(["household", "update", "--household", "152223-002", "--account", "6217000099992222", "--date", "2019-12-27"]).status == 0)
        try write(cli, "early.csv", header + "2019,152223-002,100,一卡通,6217000099992222,P-3,2019-12-26\n")
        #expect(try cli.execute(["import", "payments", "early.csv"]).stderr.contains("has account ****4321 registered as of 2019-12-26, not ****2222"))
        #expect(try cli.execute(["import", "payments", "shifted.csv"]).status == 0)
        // Into a neighbour's card by mistake, as it happened, then returned.
        try write(cli, "wrong.csv", header + "2019,152223-001,50,银行,6217000011112222,P-4,2019-12-29\n")
        #expect(try cli.execute(["import", "shares", "wrong.csv", "--other-accounts"]).stderr == "fenhong: --other-accounts goes with payments, not shares\n")
        let made = try cli.execute(["import", "payments", "wrong.csv", "--other-accounts"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try cli.execute(["verify", "v.fenhong"]).status == 0)
    }

    /// A payment row's broken rule names its column: a household never registered (not "owed
    /// nothing"), a date before the record date, an amount below zero as one of zero.
    @Test func paymentRowsNameTheirColumn() throws {
        let cli = try village()
        let header = "分配编号,户号,金额,方式,账号,凭证号,日期\n"
        let cases = [
            ("2019,152223-009,100,现金,,P-1,2019-12-28\n", "column 户号: household 152223-009 is not registered"),
            ("2019,152223-001,100,现金,,P-1,2019-12-01\n", "column 日期: a payment dated 2019-12-01 comes before distribution 2019's record date 2019-12-15"),
            ("2019,152223-001,-5,现金,,P-1,2019-12-28\n", "column 金额: the amount \"-5\" is negative; amounts are more than zero (a wrong record is undone with fenhong reverse)"),
            ("2019,152223-001,0,现金,,P-1,2019-12-28\n", "column 金额: the amount \"0\" is zero; amounts are more than zero"),
        ]
        for (row, expected) in cases {
            try write(cli, "p.csv", header + row)
            let run = try cli.execute(["import", "payments", "p.csv"])
            #expect(run.status == 2)
            #expect(run.stderr == "fenhong: p.csv line 2, \(expected)\n", "\(run.stderr)")
        }
    }

    /// A household number Excel read as a number (`152223-003` typed as 3, `0012` kept as 12)
    /// names the registered household it may have been.
    @Test func householdNumberExcelShortenedIsNamed() throws {
        let cli = try village()
        try write(cli, "short.csv", "户号,股别,股数,日期,事由\n3,人口股,1,2020-01-10,补录\n")
        let run = try cli.execute(["import", "shares", "short.csv"])
        #expect(run.status == 2)
        #expect(run.stderr == "fenhong: short.csv line 2, column 户号: household 3 is not registered (152223-003 is registered: did Excel drop the leading zeros "
                + "of the household number? Format the column as text and type it again)\n", "\(run.stderr)")
        try write(cli, "other.csv", "户号,股别,股数,日期,事由\n152223-404,人口股,1,2020-01-10,补录\n")
        #expect(try cli.execute(["import", "shares", "other.csv"]).stderr == "fenhong: other.csv line 2, column 户号: household 152223-404 is not registered\n")
    }

    /// Repeats are judged as meant: one batch voucher may cover two payments; one ID number
    /// with Excel's apostrophe or in full-width digits is one person; a household handed to a son
    /// frees its mother to head one of her own; a changed account dated before a record date
    /// alters nothing the distribution counted or posted, members do.
    @Test func repeatsAreJudgedAsMeant() throws {
        let cli = try village()
        let pay = "分配编号,户号,金额,方式,账号,凭证号,日期\n"
        try write(cli, "batch.csv", pay + "2019,152223-001,1000,现金,,BATCH-1,2019-12-28\n2019,152223-001,701.27,现金,,BATCH-1,2019-12-29\n")
        let batch = try cli.execute(["import", "payments", "batch.csv"])
        #expect(batch.status == 0, "\(batch.stderr)")
        // A card payment without its account says what goes there.
        try write(cli, "card.csv", pay + "2019,152223-002,5,一卡通,,C-1,2019-12-28\n")
        #expect(try cli.execute(["import", "payments", "card.csv"]).stderr
                == "fenhong: card.csv line 2, column 账号: a 一卡通 payment names the account paid into (6228…5678 or ****5678); a cash payment says 现金 under 方式\n")
        // Paying a household the ledger does not know says so.
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "007", "--reference", "x"]).stderr
                == "fenhong: --household 007 is not registered in this ledger (fenhong household list names them)\n")
        try write(cli, "one.csv", "户号,户主,人口,身份证号,账号,日期\n152223-050,甲,2,'152223196502011234,****0001,2020-01-01\n"
                  + "152223-051,乙,2,１５２２２３１９６５０２０１１２３４,****0002,2020-01-01\n")
        #expect(try cli.execute(["import", "households", "one.csv"]).stderr
                == "fenhong: one.csv line 3, column 身份证号: ID number 152223********1234 is already on line 2\n")
        #expect(try cli.execute(["household", "update", "--household", "152223-002", "--head", "包小山", "--id", "152223198001021222",
                                 "--date", "2020-01-02", "--reason", "户主变更"]).status == 0)
        #expect(try cli.execute(["household", "update", "--household", "152223-002", "--account", "6228480012340000",
                                 "--date", "2019-06-01", "--reason", "换卡"]).status == 0)
        try write(cli, "mother.csv", "户号,户主,人口,身份证号,账号,日期\n152223-060,\"包,金山\",1,152223197502073456,****4321,2020-01-03\n")
        let mother = try cli.execute(["import", "households", "mother.csv"])
        #expect(mother.status == 0, "\(mother.stderr)")
        // Distribution 2019, by households, never counted members: a birth dated before it is recorded;
        // a change of registered-poor status, which it might have counted, is not.
        let members = try cli.execute(["household", "update", "--household", "152223-003", "--members", "5", "--date", "2019-06-01", "--reason", "添丁"])
        #expect(members.status == 0, "\(members.stderr)")
        let poor = try cli.execute(["household", "update", "--household", "152223-003", "--poor", "no", "--date", "2019-06-01", "--reason", "脱贫"])
        #expect(poor.stderr.contains("distribution 2019 was declared on households as of 2019-12-15; a change dated 2019-06-01 would alter them"), "\(poor.stderr)")
    }

    /// What a migration from spreadsheets gets wrong without a word is refused against the ledger,
    /// nothing written: a person registered again with the dot of a Mongolian name typed another
    /// way, or a full-width space in a name; the ledger's own written-back holdings (持股结转)
    /// imported into it again, which would double them.
    @Test func migrationRepeatsAreRefused() throws {
        let cli = try village()
        try write(cli, "first.csv", "户号,户主,人口,身份证号,账号,日期\n152223-010,那仁·巴特尔,4,152223196307069596,现金,2020-01-10\n"
                  + "152223-011,王芳,3,152223198001021222,现金,2020-01-10\n")
        #expect(try cli.execute(["import", "households", "first.csv"]).status == 0)
        let before = try entryCount(cli)
        for (name, row) in [("dot.csv", "152223-110,那仁•巴特尔,4,152223196307069596"), ("space.csv", "152223-111,王　芳,3,152223198001021222")] {
            try write(cli, name, "户号,户主,人口,身份证号,账号,日期\n\(row),现金,2020-03-01\n")
            let run = try cli.execute(["import", "households", name])
            #expect(run.status == 2 && run.stderr.contains("is already recorded as the head of household 152223-01")
                    && run.stderr.contains("(written ") && run.stderr.contains("one person is one household"), "\(run.stderr)")
        }
        #expect(try cli.execute(["shares", "issue", "--holder", "152223-002", "--class", "member", "--units", "2", "--date", "2020-01-05",
                                 "--reason", "增资"]).status == 0)
        #expect(try cli.shell("\(CLI.binary.path) log --csv --kind shares --household 152223-002 > back.csv").status == 0)
        #expect(try cli.file("back.csv").contains("152223-002,人口股,6,2020-01-05,持股结转"))
        let again = try cli.execute(["import", "shares", "back.csv"])
        #expect(again.stderr == "fenhong: back.csv line 2, column 事由: 152223-002 already holds 人口股 in this ledger (entry 5): a carry-over row (持股结转) "
                + "brings holdings into a new ledger, and here it would add them again; nothing was recorded\n")
        #expect(try entryCount(cli) == before + 1)
    }

    /// Every row at fault is named at once, one a line, and then how many: a sheet Excel had cut
    /// every ID of was put right one refused row at a time. Nothing is written.
    @Test func everyRowAtFaultIsNamed() throws {
        let cli = try ledger()
        try write(cli, "h.csv", "户号,户主,人口,身份证号,账号,日期\n152223-001,甲,2,152223196307069000,现金,2018-06-01\n"
                  + "152223-002,乙,2,152223198001181234,现金,2018-06-01\n152223-003,丙,0,152223197502073456,现金,2018-06-01\n"
                  + "152223-004,丁,2,152223194709142000,现金,2018-06-01\n")
        let run = try cli.execute(["import", "households", "h.csv"])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 4, "\(run.stderr)")
        #expect(lines[0].hasPrefix("fenhong: h.csv line 2, column 身份证号: \"152223********9000\" ends in 000, as every ID number does that Excel kept only 15 digits of, and so do others"))
        #expect(lines[1] == "fenhong: h.csv line 4, column 人口: \"0\" is not a whole number greater than zero")
        #expect(lines[2].hasPrefix("fenhong: h.csv line 5, column 身份证号: \"152223********2000\": its last character should be"))
        #expect(lines[3] == "fenhong: 3 rows of h.csv are at fault; nothing was recorded")
        #expect(try entryCount(cli) == 1)
    }

    /// The files `log --csv` writes import into a fresh ledger when a household has exited
    /// poverty: its 扶贫股, withdrawn at its exit, are not written back.
    @Test func writtenBackAfterAnExitImportsAgain() throws {
        let cli = try village()
        #expect(try cli.execute(["household", "update", "--household", "152223-001", "--poor", "no", "--date", "2020-01-01", "--reason", "脱贫"]).status == 0)
        #expect(try cli.shell("\(CLI.binary.path) log --csv --kind household.register > h.csv && \(CLI.binary.path) log --csv --kind shares > s.csv").status == 0)
        #expect(!(try cli.file("s.csv")).contains("152223-001,扶贫股"))
        cli.environment["FENHONG_LEDGER"] = "fresh.fenhong"
        #expect(try cli.execute(["init", "--origin", "fenhong/152223/baixin", "--org", "白辛嘎查", "--village", "白辛嘎查", "--at", "2018-06-01T08:00:00Z"]).status == 0)
        #expect(try cli.execute(["import", "households", "h.csv"]).status == 0)
        let shares = try cli.execute(["import", "shares", "s.csv"])
        #expect(shares.status == 0, "\(shares.stderr)")
    }
}
