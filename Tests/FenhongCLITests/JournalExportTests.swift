import Foundation
import Testing

/// Where the accounting tools are; tests that need hledger fail (CI installs it), bean-check's run only if present.
enum AccountingTools {
    static func path(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var hasBeanCheck: Bool { path("bean-check") != nil }
}

/// `fenhong export --format hledger|beancount`: the journal checks, and its balances are Fenhong's own totals.
@Suite(.serialized)
struct JournalExportTests {
    /// Fund, investment, income, an expense, a distribution with 10% to 公积公益金 (as 公积金 6% and 公益金 4%, both equity) over three households,
    /// a bank payment, a cash payment, and a bank payment reversed: 8,600.00 still owed.
    private func village() throws -> CLI {
        let cli = try CLI()
        cli.environment = ["FENHONG_LEDGER": "v.fenhong", "FENHONG_KEY": "a.key"]
        try cli.run("key", "generate", "--name", "accountant", "--out", "a.key")
        let households = "户号,户主,人口,身份证号,账号,日期\n152223-001,陈梅,2,152223198001181234,****5678,2018-06-01\n"
            + "152223-002,包金山,4,152223197502073456,****4321,2018-06-01\n152223-003,其木格,3,15222319660305345X,****2222,2018-06-01\n"
        try Data(households.utf8).write(to: cli.folder.appendingPathComponent("h.csv"))
        let payments = "分配编号,户号,金额,方式,账号,凭证号,日期\n2019,152223-001,4800,银行,****5678,R1,2019-12-28\n"
            + "2019,152223-002,1000,现金,,R2,2019-12-28\n2019,152223-003,4800,银行,****2222,R3,2019-12-28\n"
        try Data(payments.utf8).write(to: cli.folder.appendingPathComponent("p.csv"))
        let steps: [[String]] = [
            ["init", "--origin", "fenhong/152223/baixin", "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查", "--at", "2018-06-01T08:00:00Z"],
            ["import", "households", "h.csv", "--at", "2018-06-01T09:00:00Z"],
            ["fund", "receive", "--amount", "200000", "--source", "扎赉特旗财政局", "--purpose", "产业发展引导资金", "--date", "2018-06-15", "--at", "2018-06-15T08:00:00Z"],
            ["investment", "make", "--amount", "200000", "--counterparty", "扎赉特旗肉牛养殖合作社", "--return", "8%", "--date", "2018-12-20", "--at", "2018-12-20T08:00:00Z"],
            ["income", "record", "--amount", "16500", "--category", "投资收益", "--counterparty", "扎赉特旗肉牛养殖合作社", "--date", "2019-12-10", "--at", "2019-12-10T08:00:00Z"],
            ["expense", "record", "--amount", "500", "--category", "管理费用", "--counterparty", "村委会", "--date", "2019-12-11", "--at", "2019-12-11T08:00:00Z"],
            ["dividend", "declare", "--id", "2019", "--record-date", "2019-12-15", "--distributable", "16000",
             "--appropriation", "公积金=6%", "--appropriation", "公益金=4%", "--basis", "household", "--at", "2019-12-20T08:00:00Z"],
            ["import", "payments", "p.csv", "--at", "2019-12-28T08:00:00Z"],
            ["reverse", "--seq", "14", "--reason", "付错账户", "--at", "2019-12-30T08:00:00Z"],
            // Earlier years' undistributed income brought in: equity, not this year's income.
            ["income", "record", "--amount", "0.50", "--category", "上年未分配收益", "--counterparty", "期初余额", "--date", "2019-12-31", "--at", "2019-12-31T08:00:00Z"],
        ]
        for step in steps {
            let run = try cli.execute(step)
            #expect(run.status == 0, "\(step.joined(separator: " ")): \(run.stderr)")
        }
        return cli
    }

    private func hledger(_ cli: CLI, _ arguments: String) throws -> CLI.Run {
        try #require(AccountingTools.path("hledger") != nil, "hledger is not installed: apt-get install -y hledger (CI installs it)")
        return try cli.shell("hledger -f books.journal " + arguments)
    }

    /// `hledger check --strict` passes and `hledger bal 应付款` shows the 8,600.00 that `dividend status` says is outstanding.
    @Test func hledgerBalancesEqualFenhongTotals() throws {
        let cli = try village()
        let export = try cli.execute(["export", "--format", "hledger", "--out", "books.journal"])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == "wrote books.journal: hledger journal of 17 entries\n")
        let check = try hledger(cli, "check --strict")
        #expect(check.status == 0, "\(check.stderr)")
        // The 2019 distribution, entered today, is booked in 2019, on its record date.
        let journal = try cli.file("books.journal")
        let undistributed = try hledger(cli, "bal 未分配收益 -N -O csv")
        #expect(undistributed.stdout == "\"account\",\"balance\"\n\"所有者权益:收益分配:未分配收益\",\"-0.50 CNY\"\n", "\(undistributed.stdout)")
        #expect(journal.contains("\n2019-12-15 宣告分配 2019："))

        let status = try cli.execute(["dividend", "status", "--id", "2019"]).stdout
        #expect(status.contains("total               14,400.00  5,800.00     8,600.00"), "\(status)")
        let owed = try hledger(cli, "bal 应付款 -N -O csv")
        #expect(owed.stdout == "\"account\",\"balance\"\n\"负债:应付款:152223-002\",\"-3800.00 CNY\"\n\"负债:应付款:152223-003\",\"-4800.00 CNY\"\n", "\(owed.stdout) \(owed.stderr)")
        let total = try hledger(cli, "bal 应付款 -O csv")
        #expect(total.stdout.hasSuffix("\"total\",\"-8600.00 CNY\"\n"), "\(total.stdout)")
        // 200,000 in, 200,000 invested, 16,500 income, 500 expense, 5,800 paid (4,800 paid and reversed).
        let bank = try hledger(cli, "bal 银行存款 库存现金 公积公益金 专项应付款 -N -O csv")
        #expect(bank.stdout == "\"account\",\"balance\"\n\"所有者权益:公积公益金\",\"-201600.00 CNY\"\n\"所有者权益:收益分配:各项分配:提取公积公益金\",\"1600.00 CNY\"\n\"资产:银行存款\",\"10200.50 CNY\"\n", "\(bank.stdout)")
    }

    /// The closing assertions are Fenhong's totals: a journal whose payable disagrees fails `hledger check`.
    @Test func hledgerCatchesATamperedPosting() throws {
        let cli = try village()
        #expect(try cli.execute(["export", "--format", "hledger", "--out", "books.journal"]).status == 0)
        let text = try cli.file("books.journal")
        #expect(text.contains("; seq:12\n    负债:应付款:152223-001"))
        // Book 152223-001's payment against 152223-002: the transaction still balances, the assertions do not.
        let tampered = text.replacing("; seq:12\n    负债:应付款:152223-001", with: "; seq:12\n    负债:应付款:152223-002")
        #expect(tampered != text)
        try Data(tampered.utf8).write(to: cli.folder.appendingPathComponent("books.journal"))
        let check = try hledger(cli, "check")
        #expect(check.status != 0)
        #expect(check.stderr.contains("balance assertion"), "\(check.stderr)")
    }

    /// beancount text: ASCII accounts opened with their Chinese names, seq metadata, exact `~ 0.00` balances from Fenhong.
    @Test func beancountShape() throws {
        let cli = try village()
        #expect(try cli.execute(["export", "--format", "beancount", "--out", "books.beancount"]).status == 0)
        let text = try cli.file("books.beancount")
        #expect(text.contains("option \"operating_currency\" \"CNY\"\n"))
        #expect(text.contains("2018-06-15 open Liabilities:Payables:H152223-002 CNY\n  name: \"应付款—152223-002\"\n"))
        #expect(text.contains("2019-12-28 * \"152223-002\" \"支付分配 2019（现金，凭证 R2）\"\n  seq: 13\n"))
        #expect(text.contains("2020-01-01 balance Liabilities:Payables:H152223-002  -3800.00 ~ 0.00 CNY\n"))
        #expect(text.contains("2020-01-01 balance Equity:Distribution:Households  14400.00 ~ 0.00 CNY\n"))
        // No account component starts with a non-ASCII character.
        for line in text.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") && line.contains(":") && !line.contains("\"") {
            let account = line.dropFirst(2).prefix { $0 != " " }
            let ascii = account.unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(line)")
        }
    }

    /// `bean-check` passes (runs where beancount is installed: pip install beancount).
    @Test(.enabled(if: AccountingTools.hasBeanCheck)) func beanCheckPasses() throws {
        let cli = try village()
        #expect(try cli.execute(["export", "--format", "beancount", "--out", "books.beancount"]).status == 0)
        let check = try cli.shell("bean-check books.beancount")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        let tampered = try cli.file("books.beancount").replacing("H152223-002  -3800.00 ~ 0.00 CNY", with: "H152223-002  -3799.99 ~ 0.00 CNY")
        try Data(tampered.utf8).write(to: cli.folder.appendingPathComponent("bad.beancount"))
        #expect(try cli.shell("bean-check bad.beancount").status != 0)
    }

    /// An unknown format, an existing file and a missing folder are refused in one sentence, and
    /// nothing is left behind: the journal is written beside its name and renamed when whole.
    @Test func badOptions() throws {
        let cli = try village()
        let run = try cli.execute(["export", "--format", "gnucash", "--out", "x"])
        #expect(run.stderr == "fenhong: --format gnucash must be bundle, hledger or beancount\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted()
        #expect(try cli.execute(["export", "--format", "hledger", "--out", "x.journal"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted() == (files + ["x.journal"]).sorted())
        let again = try cli.execute(["export", "--format", "hledger", "--out", "x.journal"])
        #expect(again.status == 2)
        #expect(again.stderr == "fenhong: x.journal already exists; nothing is overwritten (choose another name)\n")
        let nowhere = try cli.execute(["export", "--format", "beancount", "--out", "missing/x.beancount"])
        #expect(nowhere.stderr == "fenhong: cannot create missing/x.beancount: the folder missing does not exist\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path).sorted() == (files + ["x.journal"]).sorted())
    }
}
