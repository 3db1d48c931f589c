import Foundation
import Testing

/// Declaring and paying a distribution through the binary, with DOMAIN.md §9's numbers.
@Suite(.serialized)
struct DividendTests {
    /// Six households holding [4,3,2,5,1,3] member shares (DOMAIN §9 example 3).
    func village() throws -> CLI {
        let cli = try CLI()
        cli.environment = ["FENHONG_LEDGER": "v.fenhong", "FENHONG_KEY": "a.key"]
        try cli.run("key", "generate", "--name", "accountant", "--out", "a.key")
        _ = try cli.execute(["init", "--origin", "fenhong/152223/baixin", "--org", "白辛嘎查", "--village", "白辛嘎查"])
        // ID numbers whose check digits are right (GB 11643), shown as 152223********123i.
        let ids = ["152223198001021230", "152223198001041231", "152223198001061232", "152223198001081233", "152223198001181234", "152223198001011235"]
        for (i, units) in [4, 3, 2, 5, 1, 3].enumerated() {
            let h = "152223-00\(i + 1)"
            #expect(try cli.execute(["household", "add", "--household", h, "--head", "户\(i + 1)", "--members", "\(units)",
                                     "--id", ids[i], "--account", "****000\(i)", "--date", "2018-12-01"]).status == 0)
            #expect(try cli.execute(["shares", "issue", "--holder", h, "--class", "member", "--units", "\(units)",
                                     "--date", "2018-12-20", "--reason", "折股量化"]).status == 0)
        }
        return cli
    }

    /// The plan says how the pool is divided as every household's statement will print it once
    /// declared (the planner's figures; the statement's are the rules' split of what was written):
    /// by shares with a minimum and a collective's own shares, per household, at a declared rate.
    /// A household registered-poor again after an exit holds 扶贫股 no distribution counts (DOMAIN
    /// §3): the update says so, and how a mistaken exit is undone, and a plan says why it gets
    /// nothing on them — it had been paid 0.00 with no word but "holds none of what is weighed".
    @Test func povertySharesWithdrawnAtAnExitAreSaid() throws {
        let cli = try village()
        for h in ["152223-001", "152223-002"] {
            #expect(try cli.execute(["household", "update", "--household", h, "--poor", "yes", "--date", "2019-01-01", "--reason", "建档立卡"]).status == 0)
            #expect(try cli.execute(["shares", "issue", "--holder", h, "--class", "poverty", "--units", "10", "--date", "2019-01-02", "--reason", "扶贫资金折股"]).status == 0)
        }
        #expect(try cli.execute(["household", "update", "--household", "152223-002", "--poor", "no", "--date", "2023-01-01", "--reason", "脱贫"]).status == 0)
        let again = try cli.execute(["household", "update", "--household", "152223-002", "--poor", "yes", "--date", "2023-03-01", "--reason", "更正"])
        #expect(again.status == 0)
        #expect(again.stderr == "fenhong: note: household 152223-002 holds 10 扶贫股 withdrawn when it exited poverty on 2023-01-01: they count in no "
                + "distribution (DOMAIN §3); if that exit was recorded by mistake, record --poor yes dated 2023-01-01\n", "\(again.stderr)")
        let plan = try cli.execute(["dividend", "plan", "--id", "2023", "--record-date", "2023-12-15", "--pool", "1400", "--classes", "poverty=1,member=0"])
        #expect(plan.stdout.contains("ℹ 152223-002 holds 10 扶贫股 withdrawn when it exited poverty on 2023-01-01: they count in no distribution"), "\(plan.stdout)")
        // Undone as the note says: both households' ten count.
        #expect(try cli.execute(["household", "update", "--household", "152223-002", "--poor", "yes", "--date", "2023-01-01", "--reason", "更正"]).status == 0)
        let undone = try cli.execute(["dividend", "plan", "--id", "2023", "--record-date", "2023-12-15", "--pool", "1400", "--classes", "poverty=1,member=0"])
        let rows = undone.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("152223-002 户2 10 700.0000 700.00") && !undone.stdout.contains("withdrawn"), "\(undone.stdout)")
    }

    /// Shares that came again — a birth's 人口股 — are holdings that did more than come once: how
    /// they came is printed (a death's retirement was, a birth's issue was not); holdings of each
    /// class issued once are the holdings section itself.
    @Test func sharesThatCameAgainArePrinted() throws {
        let cli = try village()
        let once = try cli.execute(["statement", "--household", "152223-002", "--date", "2025-12-31"]).stdout
        #expect(!once.contains("持股变动"))
        #expect(try cli.execute(["shares", "issue", "--holder", "152223-002", "--class", "member", "--units", "1", "--date", "2025-03-01", "--reason", "新生儿"]).status == 0)
        let again = try cli.execute(["statement", "--household", "152223-002", "--date", "2025-12-31"]).stdout
        let rows = again.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("【持股变动】") && rows.contains { $0.hasPrefix("2025-03-01 人口股 +1 取得，新生儿 ") }, "\(again)")
    }

    /// A share entry reversed is printed with its reversal, marked （冲销）, as a payment is: the
    /// statement's note says reversed records are kept and marked, and layout 5's 持股变动 had
    /// dropped it; a member's 交易额, a tally of trade, is no movement of holdings.
    @Test func aReversedShareEntryIsPrintedMarked() throws {
        let cli = try village()
        let issued = try cli.execute(["shares", "issue", "--holder", "152223-001", "--class", "labour", "--units", "3", "--date", "2025-06-01", "--reason", "误录"])
        // "recorded entry 13  shares.issue …"
        let seq = try #require(issued.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
        let reversed = try cli.execute(["reverse", "--seq", seq, "--reason", "录入错误"])
        #expect(reversed.status == 0, "\(reversed.stderr)")
        #expect(try cli.execute(["shares", "issue", "--holder", "152223-001", "--class", "trade", "--amount", "500", "--date", "2025-06-03", "--reason", "交售"]).status == 0)
        let statement = try cli.execute(["statement", "--household", "152223-001", "--date", "2025-12-31", "--out", "s.txt", "--proof"])
        #expect(statement.status == 0, "\(statement.stderr)")
        let rows = try cli.file("s.txt").split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains { $0.hasPrefix("2025-06-01 劳龄股 +3 取得，误录（冲销） \(seq) ") }, "\(rows)")
        // Dated the day it was recorded (a share entry's reversal undoes it on its own date).
        #expect(rows.contains { $0.hasSuffix("劳龄股 -3 冲销第\(seq)条：录入错误 \(Int(seq)! + 1) " + ($0.split(separator: " ").last.map(String.init) ?? "")) }, "\(rows)")
        #expect(!rows.contains { $0.contains("交售") })
        #expect(try cli.execute(["statement", "check", "s.txt"]).status == 0)
        // Heard so too, as a reversed payment is.
        let heard = try cli.execute(["statement", "--household", "152223-001", "--date", "2025-12-31", "--speech"]).stdout
        #expect(heard.contains("二零二五年六月一日，取得劳龄股三股，事由：误录。此笔已于") && heard.contains("冲销，原因：录入错误。"), "\(heard)")
    }

    @Test func planSaysTheRateStatementsWillPrint() throws {
        let cli = try village()
        #expect(try cli.execute(["household", "update", "--household", "152223-001", "--poor", "yes", "--date", "2018-12-02", "--reason", "建档立卡"]).status == 0)
        #expect(try cli.execute(["shares", "issue", "--holder", "collective", "--class", "collective", "--units", "6",
                                 "--date", "2018-12-20", "--reason", "集体股"]).status == 0)
        let variants: [[String]] = [
            ["--id", "A", "--pool", "16000", "--classes", "member=1,collective=1", "--minimum", "100"],
            ["--id", "B", "--pool", "1000", "--basis", "household"],
            ["--id", "C", "--pool", "1000", "--classes", "member=1,collective=1", "--method", "rate", "--rate", "30"],
        ]
        let prefix = "statements will say: "
        var said = [String]()
        for variant in variants {
            let args = variant + ["--record-date", "2019-12-31"]
            let plan = try cli.execute(["dividend", "plan"] + args)
            let lines = plan.stdout.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
            #expect(!lines.isEmpty, "\(plan.stdout)\(plan.stderr)")
            said += lines
            #expect(try cli.execute(["dividend", "declare"] + args).status == 0)
        }
        #expect(said.contains("余下15,900.00元÷24股（含集体6股）＝每股662.50元"), "\(said)")
        // And in the plan's JSON, for a program.
        let json = try cli.run("dividend", "plan", "--id", "D", "--record-date", "2019-12-31", "--pool", "900", "--basis", "household", "--json").stdout
        #expect(json.contains(#""statementsSay":["900.00元÷6户＝每户150.00元"]"#), "\(json)")
        #expect(said.contains("24股（含集体6股）×每股30.00元＝720.00元，另280.00元未分配"), "\(said)")
        let statement = try cli.run("statement", "--household", "152223-001", "--date", "2020-01-05").stdout
        for line in said { #expect(statement.contains(line), "\(line) is not on \(statement)") }
    }

    /// A household registered-poor at the record date sees its guaranteed minimum in its share,
    /// for its shares alone do not give its amount; one not poor does not.
    @Test func statementSaysTheMinimumInTheShare() throws {
        let cli = try village()
        #expect(try cli.execute(["household", "update", "--household", "152223-001", "--poor", "yes", "--date", "2018-12-02", "--reason", "建档立卡"]).status == 0)
        // Before any distribution, a listener hears that there is none, not zeros alone.
        #expect(try cli.run("statement", "--household", "152223-001", "--date", "2019-01-05", "--speech").stdout.contains("\n各次分配。\n本期无应分记录，也无支付记录。\n"))
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1000", "--minimum", "100",
                                 "--classes", "member=1"]).status == 0)
        let poor = try cli.run("statement", "--household", "152223-001", "--date", "2020-01-05").stdout
        #expect(poor.contains("4（含保底100.00）"), "\(poor)")
        let script = try cli.run("statement", "--household", "152223-001", "--date", "2020-01-05", "--speech").stdout
        #expect(script.contains("本户四份，保底一百元，另按份额分得二百元，共应分三百元。"), "\(script)")
        // The weights as words an engine keeps: "每股×1" is read "每股一".
        #expect(script.contains("人口股每股计一份") && !script.contains("×"), "\(script)")
        #expect(!(try cli.run("statement", "--household", "152223-002", "--date", "2020-01-05").stdout.contains("含保底")))
        #expect(try cli.run("statement", "--household", "152223-001", "--date", "2020-01-05", "--out", "s.txt", "--proof").status == 0)
        #expect(try cli.execute(["statement", "check", "s.txt"]).status == 0)
    }

    /// A distribution that weighs the collective's own shares is withdrawn, declared again and
    /// paid to every household in one import, as any other: the commands after a declaration do
    /// not split it again without the collective's shares (they had refused all three).
    @Test func collectiveSharesDoNotStopLaterCommands() throws {
        let cli = try village()
        #expect(try cli.execute(["shares", "issue", "--holder", "collective", "--class", "collective", "--units", "4", "--date", "2018-12-20", "--reason", "集体股"]).status == 0)
        let declare = ["dividend", "declare", "--record-date", "2018-12-25", "--pool", "1000", "--classes", "member=1,collective=1"]
        #expect(try cli.execute(declare + ["--id", "A"]).status == 0)
        let declaration = try cli.run("log", "--json").stdout.split(separator: "\n").firstIndex { $0.contains(#""kind":"dividend.declare""#) }!
        let withdraw = try cli.execute(["reverse", "--seq", "\(declaration)", "--reason", "方案有误", "--date", "2018-12-26"])
        #expect(withdraw.status == 0, "\(withdraw.stderr)")
        #expect(try cli.execute(declare + ["--id", "B"]).status == 0)
        let owed = try cli.run("dividend", "status", "--id", "B", "--json").stdout
        var rows = "分配编号,户号,金额,方式,账号,凭证号,日期\n"
        for (i, amount) in ["181.82", "136.36", "90.91", "227.27", "45.46", "136.36"].enumerated() {  // 4, 3, 2, 5, 1, 3 of 22 shares; the collective keeps 181.82
            rows += "B,152223-00\(i + 1),\(amount),银行,****000\(i),B-\(i + 1),2018-12-28\n"
        }
        try Data(rows.utf8).write(to: cli.folder.appendingPathComponent("p.csv"))
        let paid = try cli.execute(["import", "payments", "p.csv"])
        #expect(paid.status == 0, "\(paid.stderr)\n\(owed)")
        #expect(try cli.execute(["verify", "v.fenhong"]).status == 0)
    }

    /// 200,000.00 at 8% = 16,000.00 distributable, 10% reserve, the rest split by largest remainder to the fen.
    @Test func planAndDeclareSplitExactly() throws {
        let cli = try village()
        let args = ["--id", "2019", "--record-date", "2019-12-31", "--pool", "16000", "--classes", "member=1"]
        let plan = try cli.execute(["dividend", "plan"] + args)
        #expect(plan.status == 0, "\(plan.stderr)")
        for amount in ["3,555.55", "2,666.67", "1,777.78", "4,444.44", "888.89", "16,000.00"] {
            #expect(plan.stdout.contains(amount), "\(amount) missing from \(plan.stdout)")
        }
        #expect(try cli.run("log", "--json").stdout.split(separator: "\n").count == 13, "plan writes nothing")
        // The weights typed with a Chinese input method (人口股＝１，扶贫股＝０): the same plan.
        #expect(try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "16000", "--classes", "人口股＝１，扶贫股＝０"]).stdout
                == plan.stdout)
        #expect(try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "16000", "--classes", "人口股：1"]).stdout
                == plan.stdout)
        #expect(try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "16000", "--classes", "member=1.5"]).stderr
                == "fenhong: --classes member=1.5: the weight of member, 1.5, is not a whole number of 0 or more (a share counts once, twice …)\n")
        // No income recorded yet: the ledger does not keep the village's income, and the plan says so.
        #expect(plan.stdout.hasSuffix("ℹ this ledger records no income, so whether the distribution is paid from income (不得举债分配) is not checked\n"))
        #expect(try cli.execute(["income", "record", "--amount", "16000", "--category", "投资收益", "--counterparty", "合作社", "--date", "2019-12-10"]).status == 0)
        #expect(!(try cli.execute(["dividend", "plan"] + args).stdout.contains("⚠")))
        #expect(try cli.execute(["dividend", "declare"] + args).status == 0)
        // Once distributed, the same income does not fund a second distribution.
        #expect(try cli.execute(["dividend", "plan", "--id", "2020", "--record-date", "2019-12-31", "--pool", "1", "--classes", "member=1"]).stdout
                .contains("⚠ 1.00 to distribute is more than the income recorded and not yet distributed, 0.00"))
        // And declaring it is refused: the ledger keeps the income, and none is left.
        let borrowed = try cli.execute(["dividend", "declare", "--id", "2020", "--record-date", "2019-12-31", "--pool", "1", "--classes", "member=1"])
        #expect(borrowed.status == 2)
        #expect(borrowed.stderr.contains("distribution 2020 takes 1.00 from income, but only 0.00 of the income recorded is not yet distributed"), "\(borrowed.stderr)")
        let log = try cli.run("log", "--json").stdout
        #expect(log.contains(#""allocated":1600000"#))
        #expect(log.contains(#""amount":355555,"at""#))
        let again = try cli.execute(["dividend", "declare"] + args)
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("fenhong: distribution 2019 is already declared (entry "), "\(again.stderr)")
        #expect(again.stderr.hasSuffix("); a distribution id is declared once: this one stands\n"), "\(again.stderr)")
        // A plan under that id says so, and still shows the table (it writes nothing).
        let planAgain = try cli.execute(["dividend", "plan"] + args)
        #expect(planAgain.status == 0 && planAgain.stderr.hasPrefix("fenhong: note: distribution 2019 is already declared (entry "), "\(planAgain.stderr)")
    }

    /// --rate-per-unit: 16,000.00 over 18 units at a floor rate of 888.88 leaves a residual of 0.16 (DOMAIN §9 example 3).
    @Test func ratePerUnitLeavesAResidual() throws {
        let cli = try village()
        let run = try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "16000",
                                   "--classes", "member=1", "--rate-per-unit", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""allocated":1599984"#))
        #expect(run.stdout.contains(#""residual":16"#))
        #expect(run.stdout.contains(#""rate":88888"#))
    }

    /// A whole-yuan rate the pool falls short of (DOMAIN §9.2, Heyang) is paid with the shortfall
    /// carried in from earlier years' undistributed income: refused without it, named; declared
    /// with it, recorded in the declaration, shown in the disclosure, and the ledger verifies.
    @Test func rateShortfallCarriedInFromEarlierYears() throws {
        let cli = try village()
        #expect(try cli.execute(["income", "record", "--amount", "0.50", "--category", "经营收入", "--counterparty", "村集体", "--date", "2018-12-10"]).status == 0)
        #expect(try cli.execute(["income", "record", "--amount", "1000", "--category", "经营收入", "--counterparty", "村集体", "--date", "2019-12-10"]).status == 0)
        // 1,000.00 less 27% and 10% leaves 630.00; 35.01 a person × 18 people needs 630.18.
        let args = ["--id", "2019", "--record-date", "2019-12-31", "--distributable", "1000", "--appropriation", "公积金=27%",
                    "--appropriation", "公益金=10%", "--basis", "member", "--method", "rate", "--rate", "35.01"]
        let refused = try cli.execute(["dividend", "plan"] + args)
        #expect(refused.status == 2)
        #expect(refused.stderr == "fenhong: A rate of 35.01 per unit over 18 units needs 630.18, more than the pool 630.00: lower the rate, "
                + "or carry the 0.18 in from the undistributed income of earlier years (上年未分配收益).\n")
        let plan = try cli.execute(["dividend", "plan"] + args + ["--carry-in", "0.18"])
        #expect(plan.status == 0, "\(plan.stderr)")
        // Typed with a Chinese input method (＝, ２７％): the same plan.
        let fullWidth = args.map { $0.replacingOccurrences(of: "公积金=27%", with: "公积金＝２７％") }
        #expect(try cli.execute(["dividend", "plan"] + fullWidth + ["--carry-in", "0.18"]).stdout == plan.stdout)
        let rows = plan.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // The appropriations are drawn from this year's 1,000.00; the 0.18 comes after them.
        #expect(rows[2...6] == ["distributable 可分配收益 1,000.00", "公积金 27% −270.00", "公益金 10% −100.00",
                                "carried in 上年未分配收益转入 +0.18", "pool 分配总额 630.18"], "\(plan.stdout)")
        #expect(plan.stdout.contains("allocated 630.18 + residual 0.00 = pool 630.18"))
        #expect(!plan.stdout.contains("⚠"), "the 0.50 of 2018 covers the 0.18")
        #expect(try cli.execute(["dividend", "declare"] + args + ["--carry-in", "0.18"]).status == 0)
        let log = try cli.run("log", "--json").stdout
        #expect(log.contains(#""distributable":100018"#), "Σ appropriations + pool = distributable, with the 0.18 in it")
        #expect(log.contains(#""carriedIn":18"#))
        #expect(log.contains(#""amount":14004,"at""#), "4 people at 35.01")
        let posting = try cli.run("disclosure", "--id", "2019").stdout
        #expect(posting.contains("可分配收益含上年未分配收益转入0.18元"))
        // Its lines add up as read: the year's 1,000.00, what is drawn from it, then the 0.18 (the
        // posting had set 1,000.18 above 公积金（27%）270.00, which is 27% of 1,000.00).
        let lines = posting.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        let first = try #require(lines.firstIndex { $0.hasPrefix("本年可分配收益") })
        #expect(Array(lines[first...(first + 4)]) == ["本年可分配收益 1,000.00", "提取公积金（27%） 270.00", "提取公益金（10%） 100.00",
                                                     "上年未分配收益转入 0.18", "分配总额 630.18"], "\(posting)")
        #expect(try cli.execute(["verify", "v.fenhong"]).status == 0)
        // Now 0.32 of income is left undistributed: a carry-in of more is paid with borrowed money.
        #expect(try cli.execute(["dividend", "plan", "--id", "2020", "--record-date", "2019-12-31", "--pool", "0.01",
                                 "--carry-in", "0.32", "--basis", "household"]).stdout
                .contains("⚠ 0.33 to distribute is more than the income recorded and not yet distributed, 0.32"))
        let negative = try cli.execute(["dividend", "plan"] + args + ["--carry-in", "-0.18"])
        #expect(negative.status == 2)
        #expect(negative.stderr.contains("--carry-in"), "\(negative.stderr)")
    }

    /// Appropriations are drawn half-up from the distributable amount; the JSON plan carries exact fen.
    @Test func appropriationsAndJSON() throws {
        let cli = try village()
        let run = try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--distributable", "16000",
                                   "--appropriation", "公积公益金=10%", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""pool":1440000"#))
        #expect(run.stdout.contains(#"{"amount":160000,"bp":1000,"name":"公积公益金"}"#))
        #expect(run.stdout.contains(#""residual":0"#))
        // A rate of 0% draws 0.00, printed so (it had read −0.00).
        let none = try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--distributable", "16000",
                                    "--appropriation", "风险金=0%"])
        let rows = none.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("风险金 0% 0.00"), "\(none.stdout)")
    }

    /// A reversal entered later carries the day it took effect and the voucher of the money
    /// returned: the statement and the journal date it so, and print the voucher.
    @Test func reversalWithItsDateAndVoucher() throws {
        let cli = try village()
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1800", "--basis", "household"]).status == 0)  // 13, 14–19
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "R1", "--date", "2020-01-05",
                                 "--at", "2020-01-05T08:00:00Z"]).status == 0)  // 20
        // Returned on the 8th, recorded on the 9th.
        let reverse = try cli.execute(["reverse", "--seq", "20", "--reason", "付错账户", "--reference", "退-2020-001", "--date", "2020-01-08",
                                       "--at", "2020-01-09T08:00:00Z"])
        #expect(reverse.status == 0, "\(reverse.stderr)")
        #expect(try cli.run("log", "--json").stdout.contains(#""date":"2020-01-08","kind":"entry.reverse","prev""#))
        let statement = try cli.run("statement", "--household", "152223-001", "--date", "2020-01-31").stdout
        let rows = statement.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains { $0.hasPrefix("2020-01-08 2019 冲销第20条：") && $0.contains(" 退-2020-001 -300.00 21 ") }, "\(statement)")
        // As of a day before it took effect, the payment stands.
        #expect(!(try cli.run("statement", "--household", "152223-001", "--date", "2020-01-07").stdout.contains("冲销第20条")))
        if AccountingTools.path("hledger") != nil {
            #expect(try cli.execute(["export", "--format", "hledger", "--out", "books.journal"]).status == 0)
            #expect(try cli.file("books.journal").contains("\n2020-01-08 冲销 entry 20：付错账户（凭证 退-2020-001）"))
        }
        #expect(try cli.execute(["reverse", "--seq", "20", "--reason", "x", "--date", "2099-01-01"]).stderr
                == "fenhong: --date 2099-01-01 is in the future; record a reversal when it has happened\n")
        // Entered later, all of it on one day: the statement still dates the reversal by its own day.
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--reference", "R2", "--date", "2020-01-05"]).status == 0)  // 22
        #expect(try cli.execute(["reverse", "--seq", "22", "--reason", "付错账户", "--date", "2020-01-08"]).status == 0)  // 23
        #expect(!(try cli.run("statement", "--household", "152223-002", "--date", "2020-01-07").stdout.contains("冲销第22条")))
        #expect(try cli.run("statement", "--household", "152223-002", "--date", "2020-01-08").stdout.contains("冲销第22条"))
        // A reversal takes effect after what it undoes, and a share entry is undone on its own date.
        #expect(try cli.execute(["reverse", "--seq", "20", "--reason", "x", "--date", "2020-01-04"]).stderr
                == "fenhong: --date 2020-01-04: the reversal is dated 2020-01-04, before the payment it reverses (entry 20, 2020-01-05)\n")
        #expect(try cli.execute(["reverse", "--seq", "2", "--reason", "x", "--date", "2020-01-04"]).stderr
                == "fenhong: --date 2020-01-04: entry 2 is a share entry, undone on its own date; a reversal of it takes no date\n")
    }

    /// Paying more than is owed, paying twice, or paying an undeclared distribution is refused; status adds up.
    @Test func paymentsAreCheckedAgainstWhatIsOwed() throws {
        let cli = try village()
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "10000",
                                 "--basis", "household"]).status == 0)
        let over = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--amount", "1666.68", "--reference", "R1"])
        #expect(over.status == 2)
        #expect(over.stderr.contains("is owed 1,666.67"))
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "R1"]).status == 0)
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "R2"]).status == 2)
        // Without --account, the payment goes to the household's registered (masked) account.
        let first = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--amount", "1", "--reference", "R4", "--date", "2020-01-06"])
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        // The same command again (shell history run twice) pays nothing twice.
        let again = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--amount", "1", "--reference", "R4", "--date", "2020-01-06"])
        #expect(again.status == 2)
        #expect(again.stderr.hasPrefix("fenhong: the payment of 1.00 of distribution 2019 to household 152223-002 on 2020-01-06 with voucher R4 is already recorded, entry "), "\(again.stderr)")
        // The voucher read as typed either way: with spaces, full-width.
        for typed in [" R4 ", "Ｒ４", "r4", "R 4", "R\u{200B}4"] {
            #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--amount", "1", "--reference", typed, "--date", "2020-01-06"]).status == 2, "\(typed)")
        }
        // Of the same amount on another day: recorded, and noted.
        let later = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--amount", "1", "--reference", "R4", "--date", "2020-01-09"])
        #expect(later.status == 0)
        #expect(later.stderr.hasPrefix("note: voucher R4 was already given for the payment of 1.00 to this household on 2020-01-06, entry "), "\(later.stderr)")
        // A household number typed full-width, with a space, is the household's number.
        let typed = try cli.execute(["dividend", "pay", "--id", "2019", "--household", " １５２２２３－００２", "--amount", "1", "--reference", "R4b", "--date", "2020-01-06"])
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(try cli.run("log", "--json").stdout.contains(#""account":"****0001","amount":100"#))
        // A voucher already given for another household's payment is recorded, and noted.
        let reused = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-003", "--amount", "1", "--reference", "R1"])
        #expect(reused.status == 0)
        #expect(reused.stderr.hasPrefix("note: voucher R1 was already given for household 152223-001's payment, entry "), "\(reused.stderr)")
        #expect(try cli.execute(["dividend", "pay", "--id", "2020", "--household", "152223-001", "--reference", "R3"]).status == 2)
        let status = try cli.execute(["dividend", "status", "--id", "2019"]).stdout
        // 10,000.00 over 6 households: 4 × 1,666.67 + 2 × 1,666.66, extra fen to the lower numbers.
        #expect(status.contains("152223-001  户1    1,666.67  1,666.67         0.00"), "\(status)")
        #expect(status.contains("152223-002  户2    1,666.67      3.00     1,663.67"), "\(status)")
        #expect(status.contains("152223-006  户6    1,666.66      0.00     1,666.66"), "\(status)")
        #expect(status.contains("total             10,000.00  1,670.67     8,329.33"), "\(status)")

        // The account in effect on the day paid: an update dated later does not apply to an
        // earlier payment, and does to a later one. A zero amount is refused as such.
        #expect(try cli.execute(["household", "update", "--household", "152223-003", "--account", "****7777", "--date", "2020-02-01"]).status == 0)
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-003", "--amount", "1", "--reference", "R5",
                                 "--date", "2020-01-20"]).status == 0)
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-003", "--amount", "1", "--reference", "R6",
                                 "--date", "2020-02-20"]).status == 0)
        let log = try cli.run("log", "--json").stdout
        #expect(log.contains(#""account":"****0002","amount":100"#) && log.contains(#""account":"****7777","amount":100"#), "\(log)")
        let zero = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-004", "--amount", "0", "--reference", "R7"])
        #expect(zero.stderr == "fenhong: --amount 0 is zero; nothing to record\n")
        let negative = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-004", "--amount", "-5", "--reference", "R8"])
        #expect(negative.stderr == "fenhong: --amount -5 is negative; amounts are more than zero (a wrong record is undone with `fenhong reverse`)\n")
    }

    /// A distribution by shares weighs every class held at the record date by name: a class
    /// held but not named, or a misspelt one, is refused rather than silently left out.
    @Test func everyClassHeldIsWeighed() throws {
        let cli = try village()
        #expect(try cli.execute(["shares", "issue", "--holder", "152223-002", "--class", "劳龄股", "--units", "10", "--date", "2018-12-20", "--reason", "劳龄"]).status == 0)
        #expect(try cli.execute(["shares", "issue", "--holder", "集体", "--class", "集体股", "--units", "6", "--date", "2018-12-20", "--reason", "集体"]).status == 0)
        let plan = ["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1000"]
        let unweighted = try cli.execute(plan)
        #expect(unweighted.status == 2)
        #expect(unweighted.stderr == "fenhong: 集体股 collective (6 units), 劳龄股 labour (10 units) are held at the record date 2019-12-31 but have no weight; "
                + "give every class held a weight (0 leaves a class out), e.g. --classes member=1,poverty=1,collective=1,labour=1\n")
        let misspelt = try cli.execute(plan + ["--classes", "member=1,labour=1,collective=0,povrety=5"])
        #expect(misspelt.stderr == "fenhong: --classes names povrety, which is not a class of this ledger (member, poverty, collective, labour, capital, reserve, subsidy, trade)\n")
        // Weighed, with the collective left out on purpose: 28 units share 1,000.00.
        let weighed = try cli.execute(plan + ["--classes", "member=1,labour=1,collective=0", "--json"])
        #expect(weighed.status == 0, "\(weighed.stderr)")
        #expect(weighed.stdout.contains(#""household":"152223-002""#))
        let declared = try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1000", "--classes", "member=1,labour=1,collective=0"])
        #expect(declared.status == 0, "\(declared.stderr)")
        let status = try cli.execute(["dividend", "status", "--id", "2019"]).stdout
        // 152223-002 holds 3 member + 10 labour = 13 of 28 units: 464.29 (largest remainder).
        #expect(status.contains("152223-002  户2     464.29  0.00       464.29"), "\(status)")
        #expect(try cli.run("log", "--json").stdout.contains(#""classes":{"labour":1,"member":1}"#))
    }

    /// A declaration found wrong is withdrawn by reversing it, once its payments are reversed:
    /// nothing is owed by it, the holdings it settled may be corrected, and the correction is
    /// declared under a new id. Statement, status, disclosure, journal and verify all agree.
    @Test func wrongDeclarationIsWithdrawn() throws {
        let cli = try village()
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1800"]).status == 0)  // 13, 14–19
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "R1", "--date", "2020-01-05"]).status == 0)  // 20
        let standing = try cli.execute(["reverse", "--seq", "13", "--reason", "股数有误"])
        #expect(standing.status == 2)
        #expect(standing.stderr.contains("distribution 2019 has 400.00 paid that is not reversed (entry 20); reverse its payments before its declaration"), "\(standing.stderr)")
        #expect(try cli.execute(["reverse", "--seq", "20", "--reason", "退回"]).status == 0)  // 21
        // Withdrawn in the new year: the journal still takes it back in 2019, where it was booked.
        let withdrawn = try cli.execute(["reverse", "--seq", "13", "--reason", "股数有误", "--date", "2020-01-10"])  // 22
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(try cli.execute(["dividend", "status", "--id", "2019"]).stdout.contains("withdrawn by entry 22: nothing is owed by it"))
        let pay = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--reference", "R2"])
        #expect(pay.stderr == "fenhong: --id 2019: distribution 2019 was withdrawn by entry 22; nothing is owed by it\n")
        // The holdings may be corrected as of before the record date now, and declared again under a new id.
        #expect(try cli.execute(["shares", "issue", "--holder", "152223-001", "--class", "member", "--units", "2", "--date", "2019-06-01", "--reason", "补录"]).status == 0)
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1800"]).stderr
                .hasSuffix(", withdrawn by entry 22); a distribution id is declared once: declare the correction under a new id\n"))
        #expect(try cli.execute(["dividend", "declare", "--id", "2019b", "--record-date", "2019-12-31", "--pool", "1800"]).status == 0)
        let corrected = try cli.execute(["dividend", "status", "--id", "2019b"]).stdout
        #expect(corrected.contains("152223-001  户1     540.00  0.00       540.00"), "\(corrected)")

        #expect(try cli.execute(["statement", "--household", "152223-001", "--out", "s.txt", "--proof"]).status == 0)
        let text = try cli.file("s.txt")
        #expect(text.contains("撤销第13条：股数有误     -400.00    22"), "\(text)")
        #expect(text.contains("\n2019（已撤销）") && text.contains("\n2019b  "), "\(text)")
        let check = try cli.execute(["statement", "check", "s.txt"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Heard: the withdrawal cites the entry that made it, and the rule says it was withdrawn.
        let script = try cli.run("statement", "--household", "152223-001", "--speech").stdout
        #expect(script.contains("此次分配已撤销，见第22条记录") && script.contains("分配编号二零一九（已撤销）"), "\(script)")
        // As of the year's end, before the withdrawal was made: 2019b is owed, and 2019 is not
        // owed beside it (it was withdrawn; the journal takes it back in 2019 too).
        #expect(try cli.execute(["statement", "--household", "152223-001", "--date", "2019-12-31", "--out", "end.txt", "--proof"]).status == 0)
        let yearEnd = try cli.file("end.txt")
        #expect(yearEnd.contains("应分合计          540.00") && yearEnd.contains("未付余额          540.00"), "\(yearEnd)")
        #expect(yearEnd.contains("撤销第13条：股数有误     -400.00    22"), "\(yearEnd)")
        #expect(try cli.execute(["statement", "check", "end.txt"]).status == 0)
        let history = try cli.execute(["log", "--household", "152223-001"]).stdout
        #expect(history.split(separator: "\n").compactMap { Int($0.split(separator: " ").first ?? "") }.contains(22), "\(history)")
        let posting = try cli.execute(["disclosure", "--id", "2019"])
        #expect(posting.stderr == "fenhong: distribution 2019 was withdrawn by entry 22; nothing of it is owed, so there is nothing to post\n")
        #expect(try cli.execute(["verify", "v.fenhong"]).status == 0)
        if AccountingTools.path("hledger") != nil {
            #expect(try cli.execute(["export", "--format", "hledger", "--out", "books.journal"]).status == 0)
            let journal = try cli.shell("hledger -f books.journal check --strict && hledger -f books.journal bal 应付款 -O csv")
            #expect(journal.status == 0, "\(journal.stderr)")
            #expect(journal.stdout.hasSuffix("\"total\",\"-1800.00 CNY\"\n"), "\(journal.stdout)")
            // 2019 distributes 1,800.00 once: the withdrawn declaration is taken back in 2019 too.
            let year = try cli.shell("hledger -f books.journal bal 农户分配 -e 2020-01-01 -N -O csv")
            #expect(year.stdout.hasSuffix(",\"1800.00 CNY\"\n"), "\(year.stdout)\(year.stderr)")
        }
        // Withdrawn and not declared again: a day between the payment and the withdrawal owes
        // what was paid, nothing more and nothing less.
        let paid = try cli.execute(["dividend", "pay", "--id", "2019b", "--household", "152223-001", "--reference", "R3", "--date", "2020-01-06"])
        let paySeq = try #require(paid.stdout.split(separator: " ").dropFirst(2).first.map(String.init))
        let declared = try cli.run("log", "--json").stdout.split(separator: "\n").first { $0.contains(#""id":"2019b","kind":"dividend.declare""#) }
        let declareSeq = try #require(declared?.range(of: #""seq":"#).map { declared![$0.upperBound...].prefix { $0.isNumber } }.map(String.init))
        #expect(try cli.execute(["reverse", "--seq", paySeq, "--reason", "退回", "--date", "2020-02-01"]).status == 0)
        #expect(try cli.execute(["reverse", "--seq", declareSeq, "--reason", "方案有误", "--date", "2020-02-01"]).status == 0)
        let between = try cli.run("statement", "--household", "152223-001", "--date", "2020-01-20").stdout
        #expect(between.contains("应分合计          540.00") && between.contains("已付合计          540.00")
                && between.contains("未付余额          0.00"), "\(between)")
        let after = try cli.run("statement", "--household", "152223-001", "--date", "2020-02-01").stdout
        #expect(after.contains("未付余额          0.00") && after.contains("撤销第\(declareSeq)条：方案有误"), "\(after)")
    }

    /// A payment recorded late (back-dated), found wrong and paid again, also late: a statement
    /// as of a day before all three were recorded shows it paid once, not twice.
    @Test func backDatedPaymentAndItsReversal() throws {
        let cli = try village()
        let steps: [[String]] = [
            ["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1800", "--at", "2020-01-02T08:00:00Z"],
            ["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "P1", "--date", "2020-01-10", "--at", "2020-02-05T08:00:00Z"],
            ["reverse", "--seq", "20", "--reason", "错付", "--at", "2020-02-06T08:00:00Z"],
            ["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "P2", "--date", "2020-01-10", "--at", "2020-02-06T09:00:00Z"],
        ]
        for step in steps { #expect(try cli.execute(step).status == 0, "\(step)") }
        #expect(try cli.execute(["statement", "--household", "152223-001", "--date", "2020-01-31", "--out", "s.txt", "--proof"]).status == 0)
        let text = try cli.file("s.txt")
        #expect(text.contains("已付合计          400.00") && text.contains("未付余额          0.00"), "\(text)")
        #expect(try cli.execute(["statement", "check", "s.txt"]).status == 0)
        // Payments are listed in the order money moved, not the order recorded: a 2020-01-05
        // payment recorded after those of 2020-01-10 comes first.
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--amount", "1", "--reference", "P3", "--date", "2020-01-10"]).status == 0)
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-002", "--amount", "2", "--reference", "P4", "--date", "2020-01-05"]).status == 0)
        let lines = try cli.run("statement", "--household", "152223-002").stdout.split(separator: "\n")
        let p3 = try #require(lines.firstIndex { $0.contains(" P3 ") }), p4 = try #require(lines.firstIndex { $0.contains(" P4 ") })
        #expect(p4 < p3, "\(lines)")
    }

    /// A household holding none of the classes weighed is shown with nothing, and the total
    /// says how many the declaration allocates to.
    @Test func planSaysHowManyAreAllocated() throws {
        let cli = try village()
        #expect(try cli.execute(["household", "add", "--household", "152223-007", "--head", "户7", "--members", "2", "--id", "152223198001201231",
                                 "--account", "****0007", "--date", "2018-12-01"]).status == 0)
        let plan = try cli.run("dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "1800", "--classes", "member=1")
        #expect(plan.stdout.contains("total       7 households   "), "\(plan.stdout)")
        #expect(plan.stdout.contains("\n1 of the 7 households holds none of what is weighed: declared, the distribution allocates to 6\n"), "\(plan.stdout)")
        #expect(plan.stdout.contains("152223-007  户7"), "\(plan.stdout)")
    }

    /// Updates of an account entered out of date order: the payment's default account and the
    /// rule that a payment goes into the registered account read the household alike.
    @Test func accountUpdatedOutOfOrderIsPaidInto() throws {
        let cli = try village()
        #expect(try cli.execute(["household", "update", "--household", "152223-001", "--account", "6228480011110001", "--date", "2020-06-01"]).status == 0)
        #expect(try cli.execute(["household", "update", "--household", "152223-001", "--account", "6228480022220002", "--date", "2020-03-01"]).status == 0)
        #expect(try cli.execute(["dividend", "declare", "--id", "2020", "--record-date", "2020-06-30", "--pool", "1800", "--classes", "member=1"]).status == 0)
        let paid = try cli.execute(["dividend", "pay", "--id", "2020", "--household", "152223-001", "--amount", "100", "--reference", "B1", "--date", "2020-07-02"])
        #expect(paid.status == 0, "\(paid.stderr)")
        #expect(try cli.execute(["dividend", "pay", "--id", "2020", "--household", "152223-001", "--amount", "100", "--reference", "B2", "--date", "2020-07-02",
                                 "--account", "6228480022220002"]).status == 0)
    }

    /// A share issue run twice (the same holder, class, quantity, date and reason) is refused,
    /// naming the entry that records it, as the import refuses a file imported twice; with a
    /// reason of its own, or once the first is reversed, it is recorded.
    @Test func shareIssueRunTwiceIsRefused() throws {
        let cli = try village()
        let issue = ["shares", "issue", "--holder", "152223-004", "--class", "member", "--units", "5", "--date", "2018-12-20", "--reason", "折股量化"]
        let before = try cli.run("log").stdout
        let twice = try cli.execute(issue)
        #expect(twice.status == 2)
        #expect(twice.stderr.hasPrefix("fenhong: the issue of 5 人口股 to 152223-004 on 2018-12-20 (折股量化) is already recorded, entry "), "\(twice.stderr)")
        #expect(twice.stderr.hasSuffix("; nothing was recorded (a second issue alike is given a --reason of its own)\n"), "\(twice.stderr)")
        #expect(try cli.run("log").stdout == before)
        let named = try #require(twice.stderr.range(of: "already recorded, entry "))
        let seq = try #require(Int(twice.stderr[named.upperBound...].prefix { $0.isNumber }))
        #expect(try cli.execute(["reverse", "--seq", "\(seq)", "--reason", "录入重复"]).status == 0)
        #expect(try cli.execute(issue).status == 0)
        #expect(try cli.execute(Array(issue.dropLast()) + ["折股量化（补）"]).status == 0)
    }

    /// A household paid in cash at the dividend meeting is registered with 现金 for its account,
    /// and paid in cash; a payment into a bank account is refused unless the accountant says it
    /// was made so (`--other-account`); the ledger still verifies.
    @Test func householdPaidInCash() throws {
        let cli = try village()
        #expect(try cli.execute(["household", "update", "--household", "152223-005", "--account", "现金", "--date", "2019-03-01"]).status == 0)
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "600",
                                 "--basis", "household"]).status == 0)
        let bank = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-005", "--channel", "bank", "--reference", "R1"])
        #expect(bank.status == 2)
        #expect(bank.stderr == "fenhong: --household 152223-005 is registered as paid in cash, with no account; to pay it by bank, record its account first "
                + "(fenhong household update --household 152223-005 --account … --date …)\n")
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-005", "--account", "现金", "--reference", "R0"]).stderr
                == "fenhong: --account 现金: a cash payment has no account; give --channel cash (现金) instead\n")
        let cash = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-005", "--amount", "60", "--reference", "签领1"])
        #expect(cash.status == 0, "\(cash.stderr)")
        // The channel in Chinese, as the import takes it and the help names it.
        let card = ["dividend", "pay", "--id", "2019", "--household", "152223-005", "--channel", "一卡通", "--account", "6228480012345678", "--reference", "R2"]
        let refused = try cli.execute(card)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("household 152223-005 is registered as paid in cash, with no account, as of ") && refused.stderr.contains(", not ****5678: "), "\(refused.stderr)")
        #expect(refused.stderr.contains("6228480012345678") == false)
        #expect(try cli.execute(card + ["--other-account"]).status == 0)
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-005", "--channel", "卡", "--reference", "R3"]).stderr
                == "fenhong: --channel 卡 must be bank (银行), card (一卡通) or cash (现金)\n")
        let log = try cli.run("log", "--json").stdout
        #expect(log.contains(#""channel":"card""#), "\(log)")
        #expect(log.contains(#""account":"cash","amount":6000,"#) && log.contains(#""channel":"cash""#), "\(log)")
        #expect(log.contains(#""account":"****5678","amount":4000,"#), "\(log)")
        #expect(log.contains(#""account":"cash","at""#), "\(log)")
        #expect(try cli.execute(["verify", "v.fenhong"]).status == 0)
        // Written back as the import reads it, in Chinese like the rest of the file.
        #expect(try cli.run("log", "--csv", "--kind", "household.register").stdout.contains("152223-005,户5,1,否,152223********1234,现金,2018-12-01"))
        // Her statement shows the cash payment as 现金, and its check finds it so.
        #expect(try cli.execute(["statement", "--household", "152223-005", "--out", "s.txt", "--proof"]).status == 0)
        #expect(try cli.file("s.txt").contains("现金"))
        let check = try cli.execute(["statement", "check", "s.txt"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let typo = try cli.execute(["household", "add", "--household", "152223-009", "--head", "x", "--members", "1", "--id", "152223198001089999",
                                    "--account", "现钞", "--date", "2019-01-01"])
        #expect(typo.stderr == "fenhong: --account 现钞 is not an account number, its masked form ****5678, or cash (现金)\n")
    }
}
