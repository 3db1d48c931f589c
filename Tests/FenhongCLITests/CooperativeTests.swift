import Foundation
import Testing

/// A cooperative returns its surplus by its members' transactions (Art. 44) as their accounts
/// record them (交易额, Art. 43), year by year: a volumes file may stand in only where the
/// ledger records none, and must agree with it otherwise.
@Suite struct CooperativeTests {
    private func cooperative() throws -> CLI {
        var steps: [[String]] = []
        for (household, head, id) in [("C1", "陈梅", "152223198001181234"), ("C2", "包金山", "152223197502073456")] {
            steps.append(["household", "add", "--household", household, "--head", head, "--members", "2", "--id", id,
                          "--account", "****1111", "--date", "2024-01-01"])
            steps.append(["shares", "issue", "--holder", household, "--class", "capital", "--amount", "5000", "--reason", "入股", "--date", "2024-01-02"])
        }
        steps.append(["shares", "issue", "--holder", "C1", "--class", "trade", "--amount", "120000", "--reason", "2024年交售肉牛", "--date", "2024-11-30"])
        steps.append(["shares", "issue", "--holder", "C2", "--class", "trade", "--amount", "75000.33", "--reason", "2024年交售肉牛", "--date", "2024-11-30"])
        return try CLI.ledger("coop.fenhong", village: "lvyuan", org: "扎赉特旗绿源肉牛养殖专业合作社", at: "2024-01-01T08:00:00Z", steps: steps)
    }

    private func plan(_ id: String, _ recordDate: String, pool: String, _ extra: String...) -> [String] {
        ["dividend", "plan", "--id", id, "--record-date", recordDate, "--pool", pool, "--basis", "cooperative"] + extra
    }

    /// Lines of a table with its spaces squeezed.
    private func rows(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    }

    /// A cooperative whose members traded is not divided by any other basis (one declared by
    /// capital alone had paid C2 the share C1's capital took); what it returns by transactions is
    /// reckoned on its surplus after 公积金 alone (公益金 and 风险金 drawn before the pool had shrunk
    /// it); nor beside a token Art. 44 distribution of the same record date.
    @Test func article44IsHeld() throws {
        let cli = try cooperative()
        for basis in [["--basis", "household"], ["--basis", "member"], ["--classes", "capital=1"]] {
            let other = try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--pool", "1000"] + basis)
            #expect(other.status == 2)
            #expect(other.stderr == "fenhong: 扎赉特旗绿源肉牛养殖专业合作社 is a farmers' cooperative, and its 2 members recorded transactions (交易额) of "
                    + "195,000.33 up to 2024-12-31: Art. 44 returns at least 60% of the distributable surplus by them; declare it --basis cooperative\n", "\(other.stderr)")
        }
        // 10,000.00 less 公积金 10% and 风险金 10%: a pool of 8,000.00, a surplus of 9,000.00, a return of at least 5,400.00.
        let drawn = ["dividend", "plan", "--id", "2024", "--record-date", "2024-12-31", "--distributable", "10000", "--basis", "cooperative",
                     "--appropriation", "公积金=10%", "--appropriation", "风险金=10%"]
        let least = try cli.execute(drawn)
        #expect(least.status == 0, "\(least.stderr)")
        #expect(rows(least.stdout).contains("rebate by transactions 按交易量返还 5,400.00"), "\(least.stdout)")
        let below = try cli.execute(drawn + ["--rebate", "4800"])
        #expect(below.stderr == "fenhong: The rebate 4,800.00 is below the minimum 5,400.00 required on a distributable surplus (可分配盈余, what is left after "
                + "公积金 is drawn) of 9,000.00 (Art. 44, rounded up to the fen).\n", "\(below.stderr)")
        let beyond = try cli.execute(["dividend", "plan", "--id", "2024", "--record-date", "2024-12-31", "--distributable", "10000", "--basis", "cooperative",
                                      "--appropriation", "公积金=10%", "--appropriation", "风险金=40%"])
        #expect(beyond.stderr == "fenhong: Art. 44 returns at least 5,400.00 by transactions, reckoned on the distributable surplus 9,000.00 (what is left "
                + "after 公积金 is drawn), but the other appropriations leave a pool of only 5,000.00: draw less before the return, or nothing but 公积金.\n", "\(beyond.stderr)")
        // Nor beside a token Art. 44 distribution of the same record date.
        #expect(try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--pool", "10", "--basis", "cooperative"]).status == 0)
        let beside = try cli.execute(["dividend", "plan", "--id", "2024-b", "--record-date", "2024-12-31", "--pool", "990", "--basis", "household"])
        #expect(beside.status == 2 && beside.stderr.contains("Art. 44 returns at least 60% of the distributable surplus by them"), "\(beside.stderr)")
    }

    /// After a token Art. 44 distribution, one by another basis the next day takes only what was
    /// earned since: the year's surplus had gone out by households, 0.5% of it by transactions.
    @Test func anotherBasisTakesOnlyWhatWasEarnedSince() throws {
        let cli = try cooperative()
        #expect(try cli.execute(["income", "record", "--amount", "100000", "--category", "经营收入", "--counterparty", "肉联厂", "--date", "2024-11-01"]).status == 0)
        #expect(try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--distributable", "1000", "--basis", "cooperative"]).status == 0)
        let next = try cli.execute(["dividend", "plan", "--id", "2025-h", "--record-date", "2025-01-01", "--distributable", "99000", "--basis", "household"])
        #expect(next.status == 2)
        #expect(next.stderr == "fenhong: 扎赉特旗绿源肉牛养殖专业合作社 is a farmers' cooperative: a distribution by another basis than Art. 44's takes only "
                + "income recorded after 2024-12-31, the record date of its last distribution by Art. 44, and by its record date 2025-01-01 (and by those of "
                + "distributions after it), and 0.00 of that is left, not the 99,000.00 it would take: what was earned by an Art. 44 distribution is "
                + "returned by it (declare it --basis cooperative)\n", "\(next.stderr)")
        // Nor one dated before the year's trade, which takes income earned after its record date.
        let before = try cli.execute(["dividend", "plan", "--id", "2024-h", "--record-date", "2024-05-31", "--distributable", "99000", "--basis", "household"])
        #expect(before.status == 2 && before.stderr == "fenhong: 扎赉特旗绿源肉牛养殖专业合作社 is a farmers' cooperative, and its distribution 2024 by Art. 44 "
                + "has the record date 2024-12-31: what was earned by then is returned by it, and another basis is dated after it (date it after 2024-12-31, "
                + "or declare it --basis cooperative)\n", "\(before.stderr)")
        // A subsidy received since, passed on: its own; and taken once, not again by one dated before it.
        #expect(try cli.execute(["income", "record", "--amount", "10000", "--category", "财政补助", "--counterparty", "旗财政局", "--date", "2025-01-10"]).status == 0)
        let subsidy = try cli.execute(["dividend", "declare", "--id", "2025-h", "--record-date", "2025-01-15", "--distributable", "10000", "--basis", "household"])
        #expect(subsidy.status == 0, "\(subsidy.stderr)")
        let again = try cli.execute(["dividend", "plan", "--id", "2025-h2", "--record-date", "2025-01-12", "--distributable", "10000", "--basis", "household"])
        #expect(again.status == 2 && again.stderr.contains("and 0.00 of that is left, not the 10,000.00 it would take"), "\(again.stderr)")
        // What it stood on is not dated back: trade in its period, nor an Art. 44 distribution before it.
        let trade = try cli.execute(["shares", "issue", "--holder", "C1", "--class", "trade", "--amount", "50000", "--reason", "补记交售", "--date", "2025-01-05"])
        #expect(trade.status == 2 && trade.stderr.contains("distribution 2025-h was declared by another basis than Art. 44's, in a farmers' cooperative "
            + "whose members had recorded no transactions (交易额) in its period up to its record date 2025-01-15"), "\(trade.stderr)")
        #expect(try cli.shell("printf 'C1,600\nC2,400\n' > volumes.csv").status == 0)
        let token = try cli.execute(["dividend", "declare", "--id", "2025-c", "--record-date", "2025-01-14", "--pool", "10", "--basis", "cooperative",
                                     "--transactions", "volumes.csv"])
        #expect(token.status == 2 && token.stderr.contains("distribution 2025-h, by another basis, took the income earned after the last Art. 44 distribution "
            + "before its record date 2025-01-15"), "\(token.stderr)")
        // A change of the trade 2024 returned is named against 2024, and dated after both.
        let retired = try cli.execute(["shares", "retire", "--holder", "C1", "--class", "trade", "--amount", "100", "--reason", "更正", "--date", "2024-11-30"])
        #expect(retired.status == 2 && retired.stderr.contains("distribution 2024 was declared on holdings as of 2024-12-31; a share change dated 2024-11-30 "
            + "would alter them (date it after 2025-01-15;"), "\(retired.stderr)")
        #expect(try cli.execute(["verify", "coop.fenhong"]).status == 0)
    }

    /// A member's statement is the cooperative's, titled by it (since layout 5: it had been headed
    /// 白辛嘎查 分红明细单, by its ledger's village), and checks as printed, in text and PDF.
    @Test func aMembersStatementIsTheCooperatives() throws {
        let cli = try cooperative()
        #expect(try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--pool", "1000", "--basis", "cooperative"]).status == 0)
        for (name, format) in [("c1.txt", "text"), ("c1.pdf", "pdf")] {
            #expect(try cli.execute(["statement", "--household", "C1", "--date", "2025-01-05", "--format", format, "--out", name, "--proof"]).status == 0)
            let check = try cli.execute(["statement", "check", name])
            #expect(check.status == 0, "\(check.stdout)")
        }
        let lines = try cli.file("c1.txt").split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(Array(lines.prefix(2)) == ["扎赉特旗绿源肉牛养殖专业合作社 盈余分配明细单", "全部年度　截至 2025年1月5日"], "\(lines.prefix(3))")
        let heard = try cli.execute(["statement", "--household", "C1", "--date", "2025-01-05", "--speech"]).stdout
        #expect(heard.hasPrefix("这是陈梅户的盈余分配明细单"), "\(heard.prefix(40))")
        // The batch's index lists them so (it had been titled 分红明细单目录, as a village's); an
        // index of either title is the batch's own to write over.
        #expect(try cli.execute(["statements", "--out", "out", "--date", "2025-01-05", "--format", "text"]).status == 0)
        let index = try cli.file("out/index.txt")
        #expect(index.split(separator: "\n").first?.trimmingCharacters(in: .whitespaces) == "盈余分配明细单目录", "\(index.prefix(80))")
        #expect(try cli.shell("sed -i 's/盈余分配明细单目录/分红明细单目录/' out/index.txt").status == 0)
        #expect(try cli.execute(["statements", "--out", "out", "--date", "2025-01-05", "--format", "text"]).status == 0)
        #expect(try cli.file("out/index.txt").contains("盈余分配明细单目录\n"))
    }

    @Test func transactionsAreTheYearsRecorded() throws {
        let cli = try cooperative()
        // 2024: 600.00 (60% of 1,000.00) by 120,000.00 and 75,000.33 of 交易额; 400.00 by equal capital.
        let first = try cli.execute(plan("2024", "2024-12-31", pool: "1000"))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("ℹ returned by the 交易额 the members' accounts record up to 2024-12-31"), "\(first.stdout)")
        #expect(rows(first.stdout).contains { $0.hasPrefix("C1 陈梅 120,000.00 369.23 5,000.00 200.00") && $0.hasSuffix("569.23") }, "\(first.stdout)")
        #expect(rows(first.stdout).contains { $0.hasPrefix("C2 包金山 75,000.33 230.77 5,000.00 200.00") && $0.hasSuffix("430.77") }, "\(first.stdout)")

        // A file that says otherwise than the accounts is refused, naming the member; one that agrees is taken.
        #expect(try cli.shell("printf '户号,交易额\\nC1,999999\\nC2,75000.33\\n' > wrong.csv && printf 'C1,120000\\n' > short.csv"
                              + " && printf 'C1,120000.00\\r\\nC2,75000.33\\r\\n' > right.csv").status == 0)
        let wrong = try cli.execute(plan("2024", "2024-12-31", pool: "1000", "--transactions", "wrong.csv"))
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "fenhong: volumes of 2 members read from wrong.csv, column 交易额\n" + "fenhong: the transaction volumes (--transactions) give household C1 999,999.00, but the 交易额 its account records "
                + "up to 2024-12-31 is 120,000.00: a distribution returns by the transactions the members' accounts record (Art. 43); "
                + "correct the file, or leave --transactions out\n")
        let short = try cli.execute(plan("2024", "2024-12-31", pool: "1000", "--transactions", "short.csv"))
        #expect(short.stderr.hasPrefix("fenhong: volumes of 1 member read from short.csv, its last column\nfenhong: the transaction volumes (--transactions) leave out household C2, but the 交易额 its account records up to 2024-12-31 is 75,000.33"), "\(short.stderr)")
        #expect(try cli.execute(plan("2024", "2024-12-31", pool: "1000", "--transactions", "right.csv")).stdout == first.stdout)

        let declare = try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--pool", "1000", "--basis", "cooperative"])
        #expect(declare.status == 0, "\(declare.stderr)")
        // Posted to the cooperative's members, overseen by its supervisors: no village notice board; never before its record date.
        let posting = try cli.execute(["disclosure", "--id", "2024", "--from", "2025-01-02"])
        #expect(posting.status == 0, "\(posting.stderr)")
        #expect(posting.stdout.contains("盈余分配公示表") && !posting.stdout.contains("村务公开") && !posting.stdout.contains("村民委员会"), "\(posting.stdout)")
        #expect(posting.stdout.contains("监事会（执行监事）") && posting.stdout.contains("理事会（盖章）"), "\(posting.stdout)")
        let early = try cli.execute(["disclosure", "--id", "2024", "--from", "2020-01-01"])
        #expect(early.status == 2)
        #expect(early.stderr == "fenhong: --from 2020-01-01 is before distribution 2024's record date 2024-12-31: its amounts are of the holdings on that day, and are posted from it or later\n", "\(early.stderr)")

        // 2025, before any sale is recorded: nothing to return by, and the accounts' 2024 totals never count again.
        let none = try cli.execute(plan("2025", "2025-12-31", pool: "100"))
        #expect(none.status == 2)
        #expect(none.stderr == "fenhong: the ledger records no 交易额 (class trade) from 2025-01-01 through 2025-12-31 (after the record date of the "
                + "cooperative distribution before), and no volumes file (--transactions) gives any: a cooperative returns surplus by its members' "
                + "transactions; record them (fenhong shares issue --class trade --amount …) or give --transactions FILE.csv\n")

        // Only C1 sold in 2025: all 60.00 by transactions is C1's; capital shares alike.
        #expect(try cli.run("shares", "issue", "--holder", "C1", "--class", "trade", "--amount", "10000", "--reason", "2025年交售肉牛",
                            "--date", "2025-06-30").status == 0)
        let second = try cli.execute(plan("2025", "2025-12-31", pool: "100"))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("ℹ returned by the 交易额 the members' accounts record from 2025-01-01 through 2025-12-31"), "\(second.stdout)")
        #expect(second.stdout.contains("ℹ no transactions recorded in that time, so nothing returned by transactions, for 1 member: C2"), "\(second.stdout)")
        #expect(rows(second.stdout).contains { $0.hasPrefix("C1 陈梅 10,000.00 60.00 5,000.00 20.00") && $0.hasSuffix("80.00") }, "\(second.stdout)")
        #expect(rows(second.stdout).contains { $0.hasPrefix("C2 包金山 0.00 0.00 5,000.00 20.00") && $0.hasSuffix("20.00") }, "\(second.stdout)")

        // The declaration records where its transactions came from; the statement says it in words.
        #expect(try cli.run("dividend", "declare", "--id", "2025", "--record-date", "2025-12-31", "--pool", "100", "--basis", "cooperative").status == 0)
        let log = try cli.run("log", "--json").stdout
        #expect(log.contains(#""transactions":"ledger","transactionsAfter":"2024-12-31""#), "\(log)")
        // Wrapped in 80 columns: read without line breaks and indents.
        let statement = try cli.run("statement", "--household", "C1", "--date", "2026-01-05").stdout.filter { $0 != "\n" && $0 != " " }
        // Art. 44's surplus is what is left after 公积金 (since layout 5; layouts before named the pool).
        #expect(statement.contains("按交易量返还不少于可分配盈余（提取公积金后的盈余）的60%"), "\(statement)")
        #expect(statement.contains("交易额按成员账户记载，2025年1月1日起至登记日"), "\(statement)")
        #expect(try cli.run("verify", "coop.fenhong").status == 0)
    }

    /// A withdrawn distribution is marked wherever a member's statement names it: its rule, and its
    /// return by transactions, which no longer adds up into what is owed.
    @Test func withdrawnDistributionIsMarked() throws {
        let cli = try cooperative()
        let declare = ["dividend", "declare", "--record-date", "2024-12-31", "--pool", "1000", "--basis", "cooperative"]
        #expect(try cli.execute(declare + ["--id", "2024"]).status == 0)
        let declaration = try cli.run("log", "--json").stdout.split(separator: "\n").firstIndex { $0.contains(#""kind":"dividend.declare""#) }!
        #expect(try cli.execute(["reverse", "--seq", "\(declaration)", "--reason", "交易额录错"]).status == 0)
        #expect(try cli.execute(declare + ["--id", "2024-b"]).status == 0)
        let statement = try cli.run("statement", "--household", "C1", "--date", "2025-01-05").stdout
        let rows = rows(statement)
        #expect(rows.contains("2024（已撤销） 369.23 5,000.00 200.00 569.23") && rows.contains("2024-b 369.23 5,000.00 200.00 569.23"), "\(statement)")
        #expect(rows.contains { $0.hasPrefix("2024（已撤销） 按交易量返还，其余按出资额分配") }, "\(statement)")
        // A member turns to the cooperative's board of supervisors, not the village's committee.
        let squeezed = statement.filter { !$0.isWhitespace }
        #expect(squeezed.contains("请向本社监事会（执行监事）反映") && squeezed.contains("监事会（执行监事）____"), "\(statement)")
        // A member holds accounts, not shares; its 交易额 account, every year's, is not among them.
        #expect(statement.contains("统计日无股份；出资额等见成员账户。"), "\(statement)")
        #expect(!rows.contains { $0.hasPrefix("交易额 ") } && rows.contains { $0.hasPrefix("出资额 ") }, "\(statement)")
        // Its allocation's own row is marked too.
        #expect(rows.contains { $0.hasPrefix("2024（已撤销） 2024-12-31 交易额120,000.00") }, "\(statement)")
        #expect(rows.contains("应分合计 569.23"), "\(statement)")
    }

    /// An account passed on (继承) is no trade: the heir is returned on what it sold itself.
    @Test func transferredTradeIsNoTrade() throws {
        let cli = try cooperative()
        #expect(try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--pool", "1000", "--basis", "cooperative"]).status == 0)
        #expect(try cli.execute(["shares", "transfer", "--from", "C1", "--to", "C2", "--class", "trade", "--amount", "120000", "--date", "2025-03-01", "--reason", "继承"]).status == 0)
        #expect(try cli.execute(["shares", "issue", "--holder", "C2", "--class", "trade", "--amount", "10000", "--reason", "2025年交售肉牛", "--date", "2025-06-30"]).status == 0)
        let plan = try cli.execute(plan("2025", "2025-12-31", pool: "100"))
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(rows(plan.stdout).contains { $0.hasPrefix("C2 包金山 10,000.00 60.00 5,000.00 20.00") && $0.hasSuffix("80.00") }, "\(plan.stdout)")
        // And verify reads the transfer as the plan did (it had counted it as trade: `allocation-units`).
        #expect(try cli.execute(["dividend", "declare", "--id", "2025", "--record-date", "2025-12-31", "--pool", "100", "--basis", "cooperative"]).status == 0)
        let verify = try cli.execute(["verify", "coop.fenhong"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    /// A cooperative's distribution returns the transactions since the one before it, so the
    /// periods stand once declared: one declared with an earlier record date than a standing one
    /// would return trade again, and withdrawing one would hand its period to the next (which was
    /// divided without it): both refused, naming what to do (a review had C2 gain 30.00 of C1's).
    @Test func cooperativePeriodsStand() throws {
        let cli = try cooperative()
        func declare(_ id: String, _ recordDate: String, _ pool: String) throws -> CLI.Run {
            try cli.execute(["dividend", "declare", "--id", id, "--record-date", recordDate, "--pool", pool, "--basis", "cooperative"])
        }
        #expect(try declare("H1", "2024-06-30", "0.01").status == 2)  // no trade recorded by then
        #expect(try cli.execute(["shares", "issue", "--holder", "C1", "--class", "trade", "--amount", "100", "--reason", "上半年交售", "--date", "2024-03-01"]).status == 0)
        #expect(try declare("H1", "2024-06-30", "0.01").status == 0)
        #expect(try cli.execute(["shares", "issue", "--holder", "C2", "--class", "trade", "--amount", "100", "--reason", "三季度交售", "--date", "2024-08-01"]).status == 0)
        #expect(try declare("Y", "2024-12-31", "100").status == 0)
        let late = try declare("Q3", "2024-09-30", "1")
        #expect(late.status == 2)
        #expect(late.stderr.contains("cooperative distribution Y returned the transactions up to its record date 2024-12-31; one with the record date 2024-09-30 would return them again"), "\(late.stderr)")
        let log = try cli.run("log", "--json").stdout.split(separator: "\n")
        let h1 = log.firstIndex { $0.contains(#""kind":"dividend.declare""#) }!
        let withdraw = try cli.execute(["reverse", "--seq", "\(h1)", "--reason", "撤回"])
        #expect(withdraw.status == 2)
        #expect(withdraw.stderr.contains("withdrawing H1 would change what Y should have returned (withdraw Y first)"), "\(withdraw.stderr)")
        #expect(try cli.execute(["verify", "coop.fenhong"]).status == 0)
    }

    /// Volumes from a file (the ledger recording no 交易额 in the period) are split again, but the
    /// ledger cannot confirm them: verify says so, and the ledger is still intact.
    @Test func volumesFromAFileAreSaidNotJudged() throws {
        let cli = try cooperative()
        #expect(try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--pool", "1000", "--basis", "cooperative"]).status == 0)
        #expect(try cli.shell("printf 'C1,600\nC2,400\n' > volumes.csv").status == 0)
        let declare = try cli.execute(["dividend", "declare", "--id", "2025", "--record-date", "2025-12-31", "--pool", "100", "--basis", "cooperative",
                                       "--transactions", "volumes.csv"])
        #expect(declare.status == 0, "\(declare.stderr)")
        let verify = try cli.execute(["verify", "coop.fenhong"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(verify.stdout.contains("not judged: entry 10: allocation-units: distribution 2025's transactions came from a volumes file (the ledger records no 交易额, "
                                       + "class trade, in its period): its allocations' returns by transactions are split again from the volumes they record, which the ledger cannot confirm\n"),
                "\(verify.stdout)")
        #expect(try cli.execute(["verify", "--json", "coop.fenhong"]).stdout.contains(#""notJudged":[{"code":"allocation-units","#))
    }

    /// The collective holds no member's account: one issued to it would be counted nowhere.
    @Test func theCollectiveHoldsNoMembersAccount() throws {
        let cli = try cooperative()
        let run = try cli.execute(["shares", "issue", "--holder", "collective", "--class", "capital", "--amount", "100", "--reason", "入股", "--date", "2024-02-01"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("出资额 (class capital) is a member's account (Art. 43): the collective holds none"), "\(run.stderr)")
        #expect(try cli.execute(["shares", "transfer", "--from", "C1", "--to", "collective", "--class", "trade", "--amount", "1", "--reason", "x",
                                 "--date", "2024-12-01"]).status == 2)
    }

    /// A cooperative draws its reserve (公积金) to 盈余公积; any other appropriation, 公益金 too, to a
    /// line of its own.
    /// A member's capital is money paid in and paid back: the journal posts it to the bank and to
    /// the member's 股金, and moves it between members on a transfer; its total had been left out,
    /// the bank's balance 65,000.00 short of a cooperative's.
    @Test func theJournalBooksCapitalPaidInAndBack() throws {
        let cli = try cooperative()
        #expect(try cli.execute(["shares", "transfer", "--from", "C1", "--to", "C2", "--class", "capital", "--amount", "1000",
                                 "--reason", "转让", "--date", "2024-12-01"]).status == 0)
        #expect(try cli.execute(["shares", "retire", "--holder", "C2", "--class", "capital", "--amount", "500",
                                 "--reason", "退还部分出资", "--date", "2024-12-02"]).status == 0)
        #expect(try cli.execute(["export", "--format", "hledger", "--out", "books.journal"]).status == 0)
        let postings = try cli.file("books.journal").split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        for line in ["资产:银行存款 5000.00 CNY", "所有者权益:股金:C1 -5000.00 CNY", "所有者权益:股金:C1 1000.00 CNY", "所有者权益:股金:C2 -1000.00 CNY",
                     "所有者权益:股金:C2 500.00 CNY", "资产:银行存款 -500.00 CNY",
                     // Asserted from the members' accounts: 5,000 − 1,000 and 5,000 + 1,000 − 500.
                     "所有者权益:股金:C1 0.00 CNY = -4000.00 CNY", "所有者权益:股金:C2 0.00 CNY = -5500.00 CNY"] {
            #expect(postings.contains(line), "\(line)")
        }
        try #require(AccountingTools.path("hledger") != nil, "hledger is not installed: apt-get install -y hledger (CI installs it)")
        #expect(try cli.shell("hledger -f books.journal check --strict").status == 0)
        let bank = try cli.shell("hledger -f books.journal bal 资产:银行存款 -N").stdout
        #expect(bank.contains("9500.00 CNY"), "\(bank)")
    }

    @Test func theJournalDrawsOnlyTheReserveToSurplusReserve() throws {
        let cli = try cooperative()
        #expect(try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--distributable", "1200",
                                 "--appropriation", "公积金=10%", "--appropriation", "公益金=5%", "--appropriation", "公积公益金=5%",
                                 "--basis", "cooperative"]).status == 0)
        #expect(try cli.execute(["export", "--format", "hledger", "--out", "books.journal"]).status == 0)
        let postings = try cli.file("books.journal").split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        // 公积公益金 merely holds 公积: no reserve, as Art. 44's return reckons it.
        for line in ["所有者权益:盈余分配:各项分配:提取盈余公积 120.00 CNY", "所有者权益:盈余公积 -120.00 CNY",
                     "所有者权益:盈余分配:各项分配:公益金 60.00 CNY", "负债:应付款:公益金 -60.00 CNY",
                     "所有者权益:盈余分配:各项分配:公积公益金 60.00 CNY", "负债:应付款:公积公益金 -60.00 CNY"] {
            #expect(postings.contains(line), "\(line)")
        }
        try #require(AccountingTools.path("hledger") != nil, "hledger is not installed: apt-get install -y hledger (CI installs it)")
        #expect(try cli.shell("hledger -f books.journal check --strict").status == 0)
    }

    /// A cooperative's journal keeps Art. 44's two parts apart (DOMAIN §2): declared, Dr 盈余分配 /
    /// Cr 应付盈余返还 and 应付剩余盈余 per member; paid, the rebate first; a payment reversed gives
    /// its own parts back. hledger's strict check and the closing assertions hold throughout.
    @Test func theJournalOwesRebateAndRemainderApart() throws {
        let cli = try cooperative()
        #expect(try cli.execute(["dividend", "declare", "--id", "2024", "--record-date", "2024-12-31", "--pool", "1000", "--basis", "cooperative"]).status == 0)
        // C1 is owed 369.23 by transactions and 200.00 by capital.
        #expect(try cli.execute(["dividend", "pay", "--id", "2024", "--household", "C1", "--amount", "400", "--reference", "R1", "--date", "2025-01-05"]).status == 0)
        #expect(try cli.execute(["dividend", "pay", "--id", "2024", "--household", "C1", "--amount", "100", "--reference", "R2", "--date", "2025-01-06"]).status == 0)
        let first = try #require(cli.run("log", "--json").stdout.split(separator: "\n").firstIndex { $0.contains(#""reference":"R1""#) })
        #expect(try cli.execute(["reverse", "--seq", "\(first)", "--reason", "金额有误", "--date", "2025-01-07"]).status == 0)
        #expect(try cli.execute(["export", "--format", "hledger", "--out", "books.journal"]).status == 0)
        let journal = try cli.file("books.journal")
        #expect(journal.contains("宣告盈余分配 2024：可分配 1,000.00，按交易量返还 600.00，按出资额等分配 400.00"), "\(journal)")
        try #require(AccountingTools.path("hledger") != nil, "hledger is not installed: apt-get install -y hledger (CI installs it)")
        let check = try cli.shell("hledger -f books.journal check --strict")
        #expect(check.status == 0, "\(check.stderr)")
        // R1 paid 369.23 of the rebate and 30.77 of the rest, R2 100.00 of the rest; R1 reversed: 369.23 and 100.00 owed.
        let balances = try cli.shell("hledger -f books.journal bal --flat --no-total 应付盈余返还:C1 应付剩余盈余:C1").stdout
        #expect(balances.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
                == ["-100.00 CNY 负债:应付剩余盈余:C1", "-369.23 CNY 负债:应付盈余返还:C1"], "\(balances)")
        #expect(journal.contains("负债:应付盈余返还:C1                                  0.00 CNY = -369.23 CNY"), "\(journal)")
    }
}
