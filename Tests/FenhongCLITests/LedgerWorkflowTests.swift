import Foundation
import LedgerCore
import Testing

/// The accountant's workflow through the real binary: init → households → shares → income → reverse → export.
@Suite(.serialized)
struct LedgerWorkflowTests {
    private func villageLedger() throws -> CLI {
        let steps: [[String]] = [
            ["household", "add", "--household", "152223-001", "--head", "陈梅", "--members", "2", "--poor",
             "--id", "152223198001181234", "--account", "6228480012345678", "--date", "2018-06-01"],
            ["household", "add", "--household", "152223-002", "--head", "包金山", "--members", "4",
             "--id", "152223197502073456", "--account", "****4321", "--date", "2018-06-01"],
            ["fund", "receive", "--amount", "200,000.00", "--source", "扎赉特旗财政局", "--purpose", "产业发展引导资金", "--date", "2018-06-01"],
            ["investment", "make", "--amount", "200000元", "--counterparty", "扎赉特旗肉牛养殖合作社", "--return", "8%", "--date", "2018-06-02"],
            ["shares", "issue", "--holder", "152223-001", "--class", "poverty", "--units", "10", "--date", "2018-06-02", "--reason", "折股量化"],
            ["shares", "issue", "--holder", "152223-002", "--class", "member", "--units", "4", "--date", "2018-06-02", "--reason", "折股量化"],
            ["income", "record", "--amount", "16000", "--category", "投资收益", "--counterparty", "扎赉特旗肉牛养殖合作社", "--date", "2018-12-20"],
            ["income", "record", "--amount", "1600", "--category", "投资收益", "--counterparty", "typo", "--date", "2018-12-20"],
            ["reverse", "--seq", "8", "--reason", "entered twice"],
        ]
        return try CLI.ledger("baixin.fenhong", village: "baixin", org: "白辛嘎查股份经济合作社", at: "2018-06-01T08:00:00Z", steps: steps)
    }

    /// The workflow records 10 entries, the full ID never reaches the ledger, and the bundle matches the ledger.
    @Test func workflowAndExport() throws {
        let cli = try villageLedger()
        let log = try cli.run("log", "--json")
        let bodies = log.stdout.split(separator: "\n").map(String.init)
        #expect(bodies.count == 10)
        #expect(!log.stdout.contains("198001011234"))
        #expect(!log.stdout.contains("62284800"))
        #expect(try cli.run("log").stdout.contains("8  2018-06-01T08:00:00Z") == false)

        #expect(try cli.run("export", "--out", "bundle").status == 0)
        let jsonl = try cli.file("bundle/entries.jsonl")
        #expect(jsonl == bodies.map { $0 + "\n" }.joined())
        #expect(try cli.file("bundle/keys.txt").hasPrefix("baixin-accountant+"))
        let checkpoint = try cli.file("bundle/checkpoints/10.txt")
        #expect(checkpoint.hasPrefix("fenhong/152223/baixin\n10\n"))
        #expect(try cli.run("checkpoint").stdout == checkpoint)
        #expect(try cli.run("export", "--out", "bundle").status == 2)
        // The checkpoint kept, then held to: the report says it was.
        #expect(try cli.shell("cp bundle/checkpoints/10.txt kept.txt").status == 0)
        let verified = try cli.run("verify", "baixin.fenhong", "--trusted", "kept.txt")
        #expect(verified.status == 0, "\(verified.stdout)")
        let root = checkpoint.split(separator: "\n")[2]
        let hex = Data(base64Encoded: String(root)).map { $0.map { String(format: "%02x", $0) }.joined() } ?? "?"
        #expect(verified.stdout.contains("checked against the trusted checkpoint of size 10, root \(hex)\n"))
    }

    /// The recipes in VERIFY.txt work with sha256sum and openssl alone.
    @Test func verifyRecipesWorkWithStandardTools() throws {
        let cli = try villageLedger()
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        // The hash of entry 0 with sha256sum equals entry 1's prev.
        let hash = try cli.shell(#"cd bundle && { printf '\0'; sed -n 1p entries.jsonl | tr -d '\n'; } | sha256sum | cut -d' ' -f1"#)
        let prev = try cli.shell(#"cd bundle && sed -n 2p entries.jsonl | grep -o '"prev":"[0-9a-f]*"' | cut -d'"' -f4"#)
        #expect(hash.stdout.count == 65)
        #expect(hash.stdout == prev.stdout)
        // The checkpoint signature verifies with openssl.
        let instructions = try cli.file("bundle/VERIFY.txt")
        let recipe = instructions.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("grep '^baixin") || $0.hasPrefix("(printf") || $0.hasPrefix("openssl") || $0.hasPrefix("head -n 3") || $0.hasPrefix("grep '^—") }
        #expect(recipe.count == 6)
        let check = try cli.shell("cd bundle && " + recipe.joined(separator: " && "))
        #expect(check.stdout.contains("Signature Verified Successfully"), "\(check.stdout) \(check.stderr)")
    }

    /// Bad input: one sentence naming the input, exit 2, nothing written.
    @Test func badInputIsRefusedWithOneSentence() throws {
        let cli = try villageLedger()
        var cases: [([String], String)] = [
            (["income", "record", "--amount", "12.345", "--category", "c", "--counterparty", "x"], "more than two decimal places"),
            (["income", "record", "--amount", "12", "--category", "c", "--counterparty", "x", "--date", "2018-02-30"], "--date 2018-02-30 is not a date like 2019-12-28"),
            (["shares", "retire", "--holder", "152223-002", "--class", "member", "--units", "5", "--reason", "x"], "holds 4 units"),
            (["shares", "issue", "--holder", "152223-404", "--class", "member", "--units", "5", "--reason", "x"], "152223-404 is not registered"),
            (["household", "add", "--household", "152223-001", "--head", "x", "--members", "1", "--id", "152223198001181234", "--account", "****1111"], "already registered"),
            (["reverse", "--seq", "8", "--reason", "again"], "already reversed"),
            (["reverse", "--seq", "0", "--reason", "x"], "cannot undo"),
            (["household", "add", "--household", "152223-009", "--head", "x", "--members", "1", "--id", "12345", "--account", "****1111"], "--id 12345"),
            // Named by the option, not the entry's field; printed for good, so on one line.
            (["household", "add", "--household", "152224 004", "--head", "x", "--members", "1", "--id", "152223198001089999", "--account", "****1111"],
             "fenhong: --household must be a household number"),
            (["household", "add", "--household", "152223-009", "--head", "甲\n乙", "--members", "1", "--id", "152223198001089999", "--account", "****1111"],
             "fenhong: --head holds a line break or control character (\\n); type it on one line"),
            (["reverse", "--seq", "8", "--reason", "x\u{202E}y"], "fenhong: --reason holds a bidirectional override (\\u{202E}), which reorders"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2020-12-15", "--distributable", "100", "--appropriation", "公积\n金=10%", "--classes", "member=1"],
             "fenhong: --appropriation 公积\\n金 holds a line break or control character (\\n); type it on one line"),
            (["household", "add", "--household", "152223-009", "--head", "x", "--members", "1", "--id", "152223198001181235", "--account", "****1111"],
             "--id 152223********1235: its last character should be 4, not 5, for the 17 before it: a digit is mistyped (GB 11643 check digit)"),
            // Beyond ±(2^53−1) no reader could read the body back: the ledger would stop there.
            (["shares", "issue", "--holder", "152223-002", "--class", "member", "--units", "9223372036854775807", "--reason", "x"],
             "--units is ****5807, beyond ±9,007,199,254,740,991"),
            (["household", "add", "--household", "152223-009", "--head", "x", "--members", "9007199254740992", "--id", "152223198001089999", "--account", "****1111"],
             "--members is ****0992"),
            (["household", "update", "--household", "152223-002", "--head", "包银山", "--date", "2019-01-01"],
             "--head changes the head of the household: give the new head's --id too"),
            (["household", "update", "--household", "152223-002", "--date", "2019-01-01"],
             "household update changes nothing: give --head, --members, --poor, --id or --account"),
            (["household", "update", "--household", "152223-002", "--members", "4", "--poor", "否", "--date", "2019-01-01"],
             "household update changes nothing: on 2019-01-01 household 152223-002 already has what it gives"),
            (["statement", "--household", "152223-001", "--year", "2999"], "--year 2999 has not begun; a statement shows a year that has"),
            (["statement", "--household", "152223-001", "--year", "2020", "--date", "2019-12-31"],
             "--year 2020 had not begun by --date 2019-12-31; a statement shows a year that has"),
            (["household", "add", "--household", "152223-009", "--head", " \t ", "--members", "1", "--id", "152223198001089999", "--account", "****1111"],
             "--head is blank; give the name"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2030-12-15", "--distributable", "100", "--appropriation", "公积金=120%", "--classes", "member=1"],
             "公积金 120% is more than 100%"),
            // Spaces alone are no text, and a space at an end of a distribution's id no one sees.
            (["income", "record", "--amount", "1", "--category", "　 ", "--counterparty", "x"], "fenhong: --category is only spaces; type what it is"),
            (["reverse", "--seq", "8", "--reason", " \u{200B}"], "fenhong: --reason is only spaces; type what it is"),
            // A household no entry names: said, not an empty list an inspector reads as "no entries".
            (["log", "--household", "152223-999"], "fenhong: --household 152223-999 is not registered in this ledger (fenhong household list names them)"),
            (["log", "--csv", "--kind", "shares", "--household", "152223-999"], "fenhong: --household 152223-999 is not registered in this ledger"),
            (["dividend", "declare", "--id", "2030 ", "--record-date", "2020-12-15", "--pool", "100", "--basis", "household"],
             "fenhong: --id begins or ends with a space (\"2030 \"), which no one sees on paper; type it without"),
            (["income", "record", "--amount", "1", "--category", "c", "--counterparty", "x", "--key", "stranger.key"],
             "key file stranger.key: key "),
            (["export", "--out", "accountant.key"], "accountant.key already exists; nothing is overwritten (choose another name)"),
            (["shares", "issue", "--holder", "152223-002", "--class", "membr", "--units", "1", "--reason", "x"],
             "--class membr is not a class of this ledger (member, poverty, collective, labour, capital, reserve, subsidy, trade); to start it, add --new-class"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2030-12-15", "--pool", "100", "--rate", "5"],
             "--rate goes with --method rate; without it the pool is split by largest remainder"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2030-12-15", "--pool", "0"], "--pool 0 leaves nothing to distribute"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2030-12-15", "--pool", "100", "--transactions", "v.csv"],
             "--transactions goes with --basis cooperative"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2030-12-15", "--distributable", "100", "--appropriation", "公积金=100%"],
             "the appropriations take 100% or more of the distributable amount; nothing is left to distribute"),
            (["shares", "issue", "--holder", "152223-002", "--class", "member", "--units", "1", "--reason", "x", "--date", "2018-05-01"],
             "household 152223-002 was registered on 2018-06-01; an entry about it dated 2018-05-01 comes before that"),
            (["income", "record", "--amount", "5", "--category", "c", "--counterparty", "x", "--date", "2099-01-01"],
             "--date 2099-01-01 is in the future; record money when it has moved"),
            (["shares", "issue", "--holder", "152223-002", "--class", "member", "--units", "1", "--reason", "x", "--date", "2099-12-20"],
             "--date 2099-12-20 is in the future; record shares when they have changed hands"),
            (["household", "add", "--household", "152223-009", "--head", "张三", "--members", "1", "--id", "152223198001089999", "--account", "****1111", "--date", "2099-01-01"],
             "--date 2099-01-01 is in the future; record a household when it has joined"),
            (["household", "update", "--household", "152223-002", "--members", "5", "--reason", "x", "--date", "2099-01-01"],
             "--date 2099-01-01 is in the future; record a change when it has happened"),
            (["household", "update", "--household", "152223-002", "--poor", "maybe", "--reason", "x", "--date", "2018-07-01"],
             "--poor maybe must be yes or no (是 or 否)"),
            // A negative number is the value at fault, not a missing one.
            (["reverse", "--seq", "-1", "--reason", "x"], "--seq -1 is not an entry number (0 or more; fenhong log shows them)"),
            (["household", "add", "--household", "152223-009", "--head", "张三", "--members", "-2", "--id", "152223198001089999", "--account", "****1111"],
             "--members -2 must be 1 or more"),
            (["disclosure", "--id", "2018", "--days", "-1"], "--days -1 must be between 1 and 366"),
            (["statement", "--household", "152223-001", "--year", "0"], "--year 0 is not a year like 2024"),
            // 2099 for 2019 would settle every share change until then.
            (["dividend", "declare", "--id", "2099", "--record-date", "2099-12-15", "--pool", "100"],
             "--record-date 2099-12-15 is in the future; a distribution is declared on holdings of a day that has come (plan it now, declare it then)"),
            (["income", "record", "--amount", "0.00", "--category", "c", "--counterparty", "x"], "--amount 0.00 is zero; nothing to record"),
            (["shares", "issue", "--holder", "152223-002", "--class", "劳龄股,人口股", "--new-class", "--units", "1", "--reason", "x"],
             "--class 劳龄股,人口股: a class name has no commas, equals signs or spaces (it is weighed as --classes name=weight,…)"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2030-12-15", "--pool", "100", "--classes", "poverty=1,member=1,扶贫股=0"],
             "--classes poverty=1,member=1,扶贫股=0 weighs poverty twice; give each class one weight"),
            (["dividend", "pay", "--id", "2018", "--household", "152223-001", "--channel", "cash", "--account", "6228480012349999", "--reference", "x"],
             "--account ****9999 goes with a bank or card payment; a cash payment has no account"),
            (["statement", "--household", "152223-001", "--large-print"], "--large-print goes with --format html or pdf; text is printed as it is"),
            (["dividend", "plan", "--id", "2030", "--record-date", "2018-12-15", "--distributable", "100", "--appropriation", "公积=10%", "--appropriation", "公积=5%", "--basis", "household"],
             "--appropriation 公积 is given twice; give each appropriation once, with its whole rate"),
            (["statement", "--household", "152223-001", "--format", "pdf", "--paper", "a5", "--out", "x.pdf"],
             "--paper a5 goes with --format html; a PDF is printed on A4, text as it is"),
            (["statement", "--household", "152223-001", "--format", "pdf", "--speech", "--out", "x.pdf"],
             "--speech writes a script for listening; it does not go with --format"),
            (["statement", "--household", "152223-001", "--format", "text", "--speech"],
             "--speech writes a script for listening; it does not go with --format"),
            (["dividend", "pay", "--id", "2018", "--household", "152223-001", "--other-account", "--reference", "x"],
             "--other-account says the --account given is not the household's registered one; give --account, the account the money went into"),
            // Dated before the issue it would retire: the units were not there yet.
            (["shares", "retire", "--holder", "152223-002", "--class", "member", "--units", "1", "--reason", "x", "--date", "2018-06-01"],
             "152223-002 held 0 units of class member on 2018-06-01; taking 1 on 2018-06-01 would leave it short that day"),
        ]
        let stranger = try cli.run("key", "generate", "--name", "stranger", "--out", "stranger.key").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        cases += [
            (["key", "add", "--vkey", stranger, "--role", "inspector"],
             "--vkey stranger is an accountant's key; make an inspector key with `fenhong key generate --role inspector`"),
            (["key", "retire", "--vkey", stranger, "--role", "accountant"], "fenhong: there is no accountant key stranger+"),
            // Each message names the input at fault, and why (they had blamed --from, said nothing
            // of a file, "the disk may be full", a read-only folder, the body's bytes).
            (["prove", "consistency", "--from", "5", "--to", "0"], "fenhong: --to 0 must be 1 or more"),
            // The parser keeps the last of an option given twice: 50,000.00 had been recorded.
            (["income", "record", "--amount", "5", "--amount=50000", "--category", "c", "--counterparty", "x"],
             "fenhong: --amount is given twice (5, 50000); give it once"),
            (["statement", "--household", "152223-001", "--year", "100"], "fenhong: --year 100 is not a year like 2024"),
            (["statement", "--household", "152223-001", "--date", "2000-01-01"],
             "fenhong: --date 2000-01-01 is before household 152223-001 was registered, on 2018-06-01: a statement shows a household from then on"),
            (["shares", "issue", "--holder", "152223-002", "--class", String(repeating: "股", count: 17), "--new-class", "--units", "1", "--reason", "x"],
             "fenhong: --class has 17 characters; a class's name heads a column of every statement: at most 16"),
            (["key", "generate", "--name", "x", "--out", ""], "fenhong: --out is empty: give the file to write the private key to"),
            (["key", "generate", "--name", "a\u{202E}b", "--out", "rtl.key"], "fenhong: --name holds a bidirectional override (\\u{202E})"),
            (["income", "record", "--amount", "1", "--category", "c", "--counterparty", "x", "--key", "empty.key"],
             "fenhong: key file empty.key: is empty (0 bytes), not a key file"),
            (["init", "--ledger", "nodir/x.fenhong", "--origin", "fenhong/152223/xx", "--org", "a", "--village", "b"],
             "fenhong: cannot create nodir/x.fenhong: the folder nodir does not exist"),
            (["statements", "--out", "accountant.key"], "fenhong: cannot create accountant.key: accountant.key is a file, not a folder"),
            (["income", "record", "--amount", "1", "--category", String(repeating: "类", count: 30_000), "--counterparty", "x"],
             "fenhong: --category is 90000 bytes long; an entry holds at most 65536 bytes in all"),
        ]
        try Data().write(to: cli.folder.appendingPathComponent("empty.key"))
        _ = try cli.shell("chmod 600 empty.key")
        for (arguments, expected) in cases {
            let run = try cli.execute(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains(expected), "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }
        #expect(try cli.run("log", "--json").stdout.split(separator: "\n").count == 10)
        // Amounts and dates are read on the command line as the import reads them.
        let typed = try cli.execute(["income", "record", "--amount", "２０，０００.００元", "--category", "c", "--counterparty", "x", "--date", "2018年6月3日"])
        #expect(typed.status == 0, "\(typed.stderr)")
        #expect(typed.stdout.contains("income.record  20,000.00 c x"), "\(typed.stdout)")
        #expect(try cli.run("log", "--json").stdout.contains(#""amount":2000000,"at":"#) && cli.run("log", "--json").stdout.contains(#""date":"2018-06-03""#))
    }

    /// docs/verify_bundle.py, the page of Python an inspector can read, finds the bundle intact,
    /// and finds an appended entry no checkpoint covers, a deleted last checkpoint, a line that
    /// is not JSON and a key in keys.txt that is not its ID's — without a traceback.
    @Test func pythonVerifierOfBundles() throws {
        let cli = try villageLedger()
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/verify_bundle.py").path
        let intact = try cli.shell("python3 '\(script)' bundle")
        #expect(intact.status == 0, "\(intact.stdout) \(intact.stderr)")
        #expect(intact.stdout.hasSuffix("intact\n"))
        let cases: [(String, String)] = [
            ("tail -n 1 b/entries.jsonl >> b/entries.jsonl", "entries 10…10: covered by no checkpoint"),
            ("rm b/checkpoints/10.txt", "entries 9…9: covered by no checkpoint"),
            ("echo '{not json' >> b/entries.jsonl", "entry 10: not a JSON object"),
            // The keys come from the entries: keys.txt is a copy, checked and never trusted.
            ("sed -i 's/^\\([^+]*\\)+[0-9a-f]\\{8\\}+/\\1+00000000+/' b/keys.txt", ", not 00000000"),
        ]
        for (damage, expected) in cases {
            #expect(try cli.shell("rm -rf b && cp -r bundle b && \(damage)").status == 0)
            let run = try cli.shell("python3 '\(script)' b")
            #expect(run.status == 1, "\(damage): \(run.stdout) \(run.stderr)")
            #expect(run.stdout.contains(expected + "\n"), "\(damage): \(run.stdout)")
            #expect(run.stderr.isEmpty, "\(damage): \(run.stderr)")
        }
        // A key retired and added again serves again: both verifiers find the bundle intact,
        // and fenhong's keys.txt check reads a line with spaces around it as the key.
        let first = try #require(try cli.run("log", "--json").stdout.split(separator: "\n").first)
        let firstKey = try #require(first.components(separatedBy: "\"key\":\"").dropFirst().first?.split(separator: "\"").first).description
        let second = try cli.run("key", "generate", "--name", "second", "--out", "second.key").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        for step in [["key", "add", "--vkey", second, "--role", "accountant"],
                     ["key", "retire", "--vkey", firstKey, "--role", "accountant", "--key", "second.key"],
                     ["key", "add", "--vkey", firstKey, "--role", "accountant", "--key", "second.key"],
                     ["income", "record", "--amount", "1", "--category", "c", "--counterparty", "x", "--date", "2018-12-21"]] {
            let run = try cli.execute(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        #expect(try cli.run("export", "--out", "again").status == 0)
        #expect(try cli.shell("sed -i 's/$/ /' again/keys.txt").status == 0)
        #expect(try cli.execute(["verify", "again"]).status == 0)
        let readded = try cli.shell("python3 '\(script)' again")
        #expect(readded.status == 0 && readded.stdout.hasSuffix("intact\n"), "\(readded.stdout) \(readded.stderr)")
    }

    /// One-character names work: Foundation's path methods trapped on them here, after `init`
    /// had linked the ledger into place (leaving its staging file behind).
    /// "Today" is the accountant's: in a time zone ahead of UTC (the villages' UTC+8, or +14 here,
    /// where it is tomorrow from 10:00 UTC) money paid today is not "in the future". (Before 10:00
    /// UTC no zone is a day ahead, so only then can this test not tell UTC from local time.)
    @Test func todayIsTheDayWhereTheAccountantIs() throws {
        let cli = try CLI()
        cli.environment = ["FENHONG_LEDGER": "v.fenhong", "FENHONG_KEY": "accountant.key"]
        #expect(try cli.run("key", "generate", "--name", "a", "--out", "accountant.key").status == 0)
        #expect(try cli.run("init", "--origin", "fenhong/152223/baixin", "--org", "o", "--village", "v").status == 0)
        for zone in ["Etc/GMT-14", "Etc/GMT+12"] {  // POSIX signs: UTC+14 and UTC−12
            var formatter = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: zone)!)
            formatter = formatter.year().month().day()
            let today = Date().formatted(formatter)
            cli.environment["TZ"] = zone
            let run = try cli.execute(["income", "record", "--amount", "1", "--category", "c", "--counterparty", "x", "--date", today])
            #expect(run.status == 0, "\(zone) \(today): \(run.stderr)")
        }
    }

    @Test func oneCharacterNames() throws {
        let cli = try CLI()
        #expect(try cli.run("key", "generate", "--name", "a", "--out", "k").status == 0)
        let made = try cli.run("init", "--ledger", "c", "--key", "k", "--origin", "fenhong/152223/baixin", "--org", "o", "--village", "v")
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try cli.run("export", "--ledger", "c", "--out", "e").status == 0)
        #expect(try cli.run("verify", "e").status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.folder.path)
        #expect(!files.contains { $0.contains(".creating-") }, "\(files)")
    }

    /// A class named in Chinese on the command line is the same class as in English, as in an
    /// import: 人口股 adds to member, and 集体 is the collective.
    @Test func chineseClassNamesAreTheSameClasses() throws {
        let cli = try villageLedger()
        let issue = try cli.run("shares", "issue", "--holder", "152223-002", "--class", "人口股", "--units", "1", "--reason", "x", "--date", "2018-06-03")
        #expect(issue.status == 0, "\(issue.stderr)")
        #expect(try cli.run("shares", "issue", "--holder", "集体", "--class", "集体股", "--units", "3", "--reason", "x", "--date", "2018-06-03").status == 0)
        let list = try cli.run("household", "list").stdout
        #expect(list.contains("member 5"), "\(list)")
        #expect(!list.contains("人口股"))
        let log = try cli.run("log", "--json").stdout
        #expect(log.contains("\"holder\":\"collective\"") && log.contains("\"class\":\"collective\""))
    }

    /// A file that is no key, given as --key, is named as such before its permissions are
    /// judged; a pipe is refused at once, never waited on.
    @Test func keyFileIsJudgedByWhatItIs() throws {
        let cli = try villageLedger()
        #expect(try cli.shell("printf '户号,股别\\n1,2\\n' > hh.csv && chmod 644 hh.csv && mkfifo kp").status == 0)
        let record = ["income", "record", "--amount", "1", "--category", "c", "--counterparty", "x", "--date", "2018-12-20"]
        let csv = try cli.execute(record + ["--key", "hh.csv"])
        #expect(csv.status == 2)
        #expect(csv.stderr == "fenhong: key file hh.csv: malformed key: a private key reads PRIVATE+KEY+name+id+key\n", "\(csv.stderr)")
        let pipe = try cli.shell("timeout 30 '\(CLI.binary.path)' \(record.joined(separator: " ")) --key kp")
        #expect(pipe.status == 2)
        #expect(pipe.stderr == "fenhong: key file kp: is a pipe, a device or a socket, not a key file\n", "\(pipe.stderr)")
        #expect(try cli.shell("cp accountant.key open.key && chmod 644 open.key").status == 0)
        #expect(try cli.execute(record + ["--key", "open.key"]).stderr.contains("can be read by others (mode 644); run `chmod 600 open.key` first"))
    }

    /// A class of the village's own is started once with --new-class, then taken like any other.
    @Test func newShareClassIsStartedOnce() throws {
        let cli = try villageLedger()
        let issue = ["shares", "issue", "--holder", "152223-001", "--class", "资金股", "--units", "3", "--reason", "入股", "--date", "2018-06-03"]
        #expect(try cli.execute(issue).status == 2)
        #expect(try cli.execute(issue + ["--new-class"]).status == 0)
        // The same issue again is a repeat; another issue of the class is taken like any other.
        #expect(try cli.execute(issue).status == 2)
        #expect(try cli.execute(Array(issue.dropLast(3)) + ["再入股", "--date", "2018-06-03"]).status == 0)
        #expect(try cli.run("household", "list").stdout.contains("资金股 6"))
    }

    /// A household registered under a wrong number is withdrawn by reversing its registration,
    /// once its share entries are reversed; then the person is registered under the right number
    /// (the import does not take the withdrawn one for a repeat), and the wrong number is in no
    /// list, plan or batch of statements, while a statement printed before still checks. The
    /// number registered again (a withdrawal undone) is a household again.
    @Test func householdRegisteredByMistakeIsWithdrawn() throws {
        let cli = try villageLedger()
        #expect(try cli.execute(["household", "add", "--household", "152223-610", "--head", "其木格", "--members", "3",
                                 "--id", "15222319660305345X", "--account", "****2222", "--date", "2018-06-01"]).status == 0)  // entry 10
        #expect(try cli.execute(["shares", "issue", "--holder", "152223-610", "--class", "member", "--units", "3",
                                 "--date", "2018-06-02", "--reason", "折股量化"]).status == 0)  // 11
        #expect(try cli.execute(["shares", "retire", "--holder", "152223-610", "--class", "member", "--units", "3",
                                 "--date", "2018-06-03", "--reason", "户号录错"]).status == 0)  // 12
        let holding = try cli.execute(["reverse", "--seq", "10", "--reason", "户号录错"])
        #expect(holding.status == 2)
        #expect(holding.stderr.contains("household 152223-610 is named by 2 share entries not reversed; reverse them (fenhong log --household 152223-610 lists them)"), "\(holding.stderr)")
        #expect(try cli.execute(["reverse", "--seq", "12", "--reason", "户号录错"]).status == 0)  // 13
        #expect(try cli.execute(["reverse", "--seq", "11", "--reason", "户号录错"]).status == 0)  // 14
        #expect(try cli.run("statement", "--household", "152223-610", "--out", "s610.txt").status == 0)
        #expect(try cli.run("statements", "--out", "all").status == 0)
        let withdrawn = try cli.execute(["reverse", "--seq", "10", "--reason", "户号录错"])  // 15
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")

        try "household,head,members,poor,id,account,date\n152223-003,其木格,3,no,15222319660305345X,****2222,2018-06-01\n"
            .write(to: cli.folder.appendingPathComponent("right.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.execute(["import", "households", "right.csv"])  // 16
        #expect(imported.status == 0, "\(imported.stderr)")
        let issue = try cli.execute(["shares", "issue", "--holder", "152223-610", "--class", "member", "--units", "1", "--reason", "x"])
        #expect(issue.status == 2 && issue.stderr.contains("household 152223-610 is not registered: its registration was withdrawn by entry 15"), "\(issue.stderr)")
        // A number Excel shortened is not taken for the withdrawn one.
        try "holder,class,units,date,reason\n610,member,1,2018-06-02,x\n".write(to: cli.folder.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
        let shortened = try cli.execute(["import", "shares", "s.csv"])
        #expect(shortened.status == 2 && !shortened.stderr.contains("152223-610"), "\(shortened.stderr)")

        let list = try cli.run("household", "list").stdout
        #expect(list.contains("152223-003") && !list.contains("152223-610"), "\(list)")
        let plan = try cli.run("dividend", "plan", "--id", "2019", "--record-date", "2019-12-15", "--pool", "9000", "--basis", "household").stdout
        #expect(plan.contains("152223-003") && !plan.contains("152223-610") && plan.contains("3,000.00"), "\(plan)")
        let statement = try cli.execute(["statement", "--household", "152223-610"])
        #expect(statement.status == 2)
        #expect(statement.stderr.contains("household 152223-610's registration was withdrawn by entry 15 (registered by mistake): it is no household of the ledger and has no statement"), "\(statement.stderr)")
        // The statement printed before the withdrawal is still the ledger's; a batch written
        // again leaves the withdrawn household's out.
        let check = try cli.execute(["statement", "check", "s610.txt"])
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("(the last is entry 15, entry.reverse): its registration was withdrawn by entry 15 (registered by mistake): it has no statement now"),
                "\(check.stdout)")
        // A file fenhong did not print under one of its names (a ledger copied there) stays.
        #expect(try cli.shell("cp all/152223-610.txt all/152223-610.html && cp baixin.fenhong all/152223-610.pdf && ls all | grep -c 152223-610").stdout == "3\n")
        let rerun = try cli.run("statements", "--out", "all")
        #expect(rerun.status == 0)
        #expect(rerun.stderr.contains("fenhong: removed 152223-610.html, 152223-610.txt: their households' registrations were withdrawn since; they have no statement"), "\(rerun.stderr)")
        #expect(try cli.shell("ls all | grep 152223-610").stdout == "152223-610.pdf\n")
        #expect(try cli.shell("rm all/152223-610.pdf").status == 0)
        #expect(try cli.shell("ls all | grep -c 152223-").stdout == "3\n")
        #expect(try cli.run("verify", "baixin.fenhong").status == 0)

        // Withdrawn by mistake: registered again, it is a household again, its history afresh.
        let again = try cli.execute(["household", "add", "--household", "152223-610", "--head", "巴特尔", "--members", "1",
                                     "--id", "152223196603051112", "--account", "****1111", "--date", "2018-06-01"])  // 17
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try cli.run("household", "list").stdout.contains("152223-610"))
        // The withdrawn household's holdings, of nothing, are not the new one's.
        let listed = try cli.run("household", "list", "--json").stdout
        let newOne = try #require(listed.split(separator: "\n").first { $0.contains("152223-610") })
        #expect(newOne.contains(#""shares":{}"#), "\(newOne)")
        #expect(try cli.run("statement", "--household", "152223-610").stdout.contains("巴特尔"))
        let verified = try cli.run("verify", "baixin.fenhong")
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(try cli.run("log", "--json").stdout.split(separator: "\n").count == 18)
        // Written back for import: one row for the number, as registered again.
        let csv = try cli.run("log", "--csv", "--kind", "households").stdout
        let rows = csv.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("152223-610,") }
        #expect(rows.count == 1 && rows.first?.contains("巴特尔") == true, "\(csv)")
    }

    /// A household's share entries of a class no distribution counted are reversed whatever
    /// their date, and the household withdrawn: a distribution by poverty shares alone, declared
    /// after the member shares were issued, had blocked both, its advice going in a circle (a
    /// review: a correction dated after it is one more share entry to reverse).
    @Test func sharesNoDistributionCountedDoNotBlockAWithdrawal() throws {
        let cli = try villageLedger()
        let steps: [[String]] = [
            ["household", "add", "--household", "152223-620", "--head", "丁", "--members", "2", "--id", "152223198001011278",
             "--account", "6222000011115555", "--date", "2018-06-01"],  // entry 10
            ["shares", "issue", "--holder", "152223-620", "--class", "member", "--units", "2", "--date", "2018-06-02", "--reason", "折股量化"],  // 11
            ["dividend", "declare", "--id", "P2018", "--record-date", "2018-12-15", "--pool", "1000", "--classes", "poverty=1,member=0"],  // 12–13
        ]
        for step in steps {
            let run = try cli.execute(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        let reversed = try cli.execute(["reverse", "--seq", "11", "--reason", "户号录错"])  // 14
        #expect(reversed.status == 0, "\(reversed.stderr)")
        let withdrawn = try cli.execute(["reverse", "--seq", "10", "--reason", "户号录错"])  // 15
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(try cli.run("verify", "baixin.fenhong").status == 0)
        // Poverty shares, which it counted, stay settled on its record date.
        let counted = try cli.execute(["reverse", "--seq", "5", "--reason", "x"])
        #expect(counted.status == 2)
        #expect(counted.stderr.contains("distribution P2018 was declared on holdings as of 2018-12-15; reversing entry 5, a share change dated 2018-06-02, would alter them"),
                "\(counted.stderr)")
    }

    /// A number withdrawn and registered again starts afresh: the statement of its new household
    /// shows none of the old one's money, and its registered-poor status is its own (a review
    /// found the old registration's allocation, payment and exit from poverty read into it).
    @Test func householdRegisteredAgainStartsAfresh() throws {
        let cli = try villageLedger()
        let steps: [[String]] = [
            ["household", "add", "--household", "152223-099", "--head", "王五", "--members", "3", "--poor", "--id", "152223198301011237",
             "--account", "6228480012345670", "--date", "2019-01-01"],  // entry 10
            ["household", "update", "--household", "152223-099", "--poor", "no", "--date", "2019-04-01", "--reason", "脱贫"],  // 11
            ["dividend", "declare", "--id", "D1", "--record-date", "2019-06-01", "--pool", "900.00", "--basis", "household"],  // 12–15
            ["dividend", "pay", "--id", "D1", "--household", "152223-099", "--reference", "V1", "--date", "2019-07-01"],  // 16
            ["reverse", "--seq", "16", "--reason", "退回", "--date", "2019-08-01"],  // 17
            ["reverse", "--seq", "12", "--reason", "错", "--date", "2019-08-01"],  // 18
            ["reverse", "--seq", "10", "--reason", "户号错误", "--date", "2019-08-02"],  // 19
        ]
        for step in steps {
            let run = try cli.execute(step)
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        let update = try cli.execute(["household", "update", "--household", "152223-099", "--members", "5", "--date", "2020-01-01", "--reason", "x"])
        #expect(update.status == 2 && update.stderr.contains("household 152223-099 is not registered: its registration was withdrawn by entry 19"), "\(update.stderr)")
        #expect(try cli.execute(["household", "add", "--household", "152223-099", "--head", "赵七", "--members", "2", "--poor", "--id", "152223198501011231",
                                 "--account", "6228480099998888", "--date", "2018-12-01"]).status == 0)  // 20
        // Registered-poor as registered again: the old registration's exit from poverty is not its.
        let issue = try cli.execute(["shares", "issue", "--holder", "152223-099", "--class", "poverty", "--units", "3", "--date", "2020-01-02", "--reason", "扶贫"])
        #expect(issue.status == 0, "\(issue.stderr)")
        let statement = try cli.run("statement", "--household", "152223-099", "--date", "2020-12-31").stdout
        #expect(statement.contains("赵七") && !statement.contains("王五") && !statement.contains("V1") && !statement.contains("D1"), "\(statement)")
        #expect(try cli.run("verify", "baixin.fenhong").status == 0)
    }

    /// A cooperative plan prints each household's transactions in yuan, under their name, not as
    /// "units" in fen.
    @Test func cooperativePlanShowsTransactionsInYuan() throws {
        let cli = try villageLedger()
        for holder in ["152223-001", "152223-002"] {
            let run = try cli.run("shares", "issue", "--holder", holder, "--class", "capital", "--amount", "10", "--reason", "入股", "--date", "2018-06-03")
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("recorded entry"), "\(run.stdout)")
            #expect(run.stdout.contains("\(holder) 10.00元 capital"), "\(run.stdout)")
        }
        // An account is given in yuan: --units, which would be read as fen, is refused with the amount it likely meant.
        let inFen = try cli.execute(["shares", "issue", "--holder", "152223-001", "--class", "出资额", "--units", "15000", "--reason", "入股", "--date", "2018-06-03"])
        #expect(inFen.status == 2)
        #expect(inFen.stderr == "fenhong: --class 出资额 is an account kept in yuan: give --amount (e.g. --amount 15,000.00), not --units\n")
        // A number too large to be an amount is refused as plainly, never trapped on.
        let huge = try cli.execute(["shares", "issue", "--holder", "152223-001", "--class", "capital", "--units", "9000000000000000000", "--reason", "x", "--date", "2018-06-03"])
        #expect(huge.status == 2)
        #expect(huge.stderr == "fenhong: --class capital is an account kept in yuan: give --amount, not --units\n")
        let sharesInYuan = try cli.execute(["shares", "issue", "--holder", "152223-001", "--class", "member", "--amount", "5", "--reason", "x", "--date", "2018-06-03"])
        #expect(sharesInYuan.stderr == "fenhong: --amount goes with an account class (capital, reserve, subsidy, trade); --class member is counted in shares: give --units\n")
        #expect(try cli.run("household", "list").stdout.contains("capital 10.00元"))
        // An account is spoken of in yuan when it falls short; and a plan by shares leaves accounts out.
        #expect(try cli.run("shares", "retire", "--holder", "152223-001", "--class", "capital", "--amount", "20", "--reason", "退股", "--date", "2018-06-04").stderr
                .contains("152223-001 holds 10.00元 of class capital; 20.00元 cannot be taken"))
        #expect(try cli.run("dividend", "plan", "--id", "2018s", "--record-date", "2018-12-15", "--pool", "100", "--classes", "member=1,poverty=1").status == 0)
        // The CSV round trip keeps the account in yuan.
        let csv = try cli.run("log", "--csv", "--kind", "shares").stdout
        #expect(csv.contains("152223-001,出资额,10.00,2018-06-03,入股"), "\(csv)")
        #expect(try cli.shell("printf 'household,volume\\n152223-001,3000\\n152223-002,1000.50\\n' > volumes.csv").status == 0)
        let plan = try cli.run("dividend", "plan", "--id", "2018", "--record-date", "2018-12-15", "--pool", "1000",
                               "--basis", "cooperative", "--transactions", "volumes.csv")
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("transactions (yuan)"))
        #expect(plan.stdout.contains("3,000.00") && plan.stdout.contains("1,000.50"))
        #expect(!plan.stdout.contains("300000"))
        #expect(!plan.stdout.contains("ℹ no transactions"))
        // Saved by Excel on Chinese Windows (GBK), one member left out: read, and the member named.
        #expect(try cli.shell("printf '户号,交易额\\r\\n152223-001,3000\\r\\n' | iconv -t gbk > gbk.csv").status == 0)
        let gbk = try cli.run("dividend", "plan", "--id", "2018", "--record-date", "2018-12-15", "--pool", "1000",
                              "--basis", "cooperative", "--transactions", "gbk.csv")
        #expect(gbk.status == 0, "\(gbk.stderr)")
        #expect(gbk.stdout.contains("ℹ no transactions in the volumes file, so nothing returned by transactions, for 1 member: 152223-002"), "\(gbk.stdout)")
        // Declared, its public posting shows the volumes in yuan and the rule in words.
        let declare = try cli.run("dividend", "declare", "--id", "2018", "--record-date", "2018-12-15", "--pool", "1000",
                                  "--basis", "cooperative", "--transactions", "volumes.csv")
        #expect(declare.status == 0, "\(declare.stderr)")
        let posting = try cli.run("disclosure", "--id", "2018")
        #expect(posting.status == 0, "\(posting.stderr)")
        for needle in ["交易额（元）", "3,000.00", "按交易量返还不少于可分配盈余（提取公积金后的盈余）的60%"] {
            #expect(posting.stdout.filter { $0 != "\n" && $0 != " " }.contains(needle), "missing \(needle)")
        }
        #expect(!posting.stdout.contains("300000") && !posting.stdout.contains("{\""))
        // Art. 44's two parts, each on its own: 600.00 by transactions, 400.00 by capital accounts.
        // Capital accounts are counted in fen and shown in yuan (1000 fen = 10.00).
        #expect(plan.stdout.contains("152223-001  陈梅                     3,000.00           449.94           10.00      200.00     649.9438    649.94"), "\(plan.stdout)")
        #expect(plan.stdout.contains("total       2 households                                600.00                      400.00               1,000.00"))
        // The household's statement shows its volume in yuan, and checks.
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "s.txt", "--proof").status == 0)
        let statement = try cli.file("s.txt")
        #expect(statement.contains("交易额3,000.00"))
        // Her return by transactions and her share by capital, each on its own (DOMAIN §5), as
        // the allocation records them; and in the public posting, by columns.
        #expect(try cli.run("log", "--json").stdout.contains(#""rebate":44994"#))
        let parts = statement.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(parts.contains("【盈余返还构成】") && parts.contains("2018 449.94 10.00 200.00 649.94"), "\(statement)")
        let columns = posting.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(columns.contains { $0.hasPrefix("户号 户主 交易额（元） 按交易量返还 按出资额等分配 金额（元）") }, "\(posting.stdout)")
        #expect(columns.contains("152223-001 陈梅 3,000.00 449.94 200.00 649.94"), "\(posting.stdout)")
        #expect(columns.contains { $0.hasPrefix("合计 2 户") && $0.hasSuffix("600.00 400.00 1,000.00") }, "\(posting.stdout)")
        #expect(try cli.run("verify", "baixin.fenhong").status == 0)
        // Her capital account is money, apart from her shares, not added to them.
        #expect(statement.contains("【成员账户】\n出资额  10.00元") && statement.contains("扶贫股      10\n--------------\n合计        10"), "\(statement)")
        let check = try cli.run("statement", "check", "s.txt")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        try statement.replacingOccurrences(of: "出资额  10.00元", with: "出资额  90.00元").write(to: cli.folder.appendingPathComponent("s.txt"), atomically: true, encoding: .utf8)
        let altered = try cli.run("statement", "check", "s.txt")
        #expect(altered.stdout.contains("notAsPrinted: it reads \"出资额 90.00元\"; fenhong prints \"出资额 10.00元\""), "\(altered.stdout)")
    }

    /// An inspector verifies a folder of villages in one run (ledger files and bundles; other
    /// files skipped and named), keeps a checkpoint a text editor may have resaved, and
    /// cosigns only a ledger that extends it.
    @Test func inspectorVerifiesAFolderOfVillages() throws {
        let cli = try villageLedger()
        #expect(try cli.shell("mkdir q1 && cp baixin.fenhong q1/a.fenhong && cp baixin.fenhong q1/b.fenhong && echo x > q1/notes.txt").status == 0)
        #expect(try cli.run("export", "--out", "q1/c-bundle").status == 0)
        let folder = try cli.run("verify", "q1")
        #expect(folder.status == 0, "\(folder.stdout)\(folder.stderr)")
        #expect(folder.stdout.contains("\n3 ledgers: 3 intact, 0 with problems, 0 could not be read; 1 other file passed over\n"), "\(folder.stdout)")
        #expect(folder.stderr.contains("fenhong: passed over q1/notes.txt: not a ledger file or a bundle folder"))
        let lines = try cli.run("verify", "q1", "--json").stdout.split(separator: "\n")
        #expect(lines.count == 4 && lines[3].contains(#""summary":true"#) && lines[3].contains(#""passedOver":["q1/notes.txt"]"#), "\(lines)")
        #expect(lines.dropLast().allSatisfy { $0.contains(#""ok":true"#) && $0.contains(#""origin":"fenhong/152223/baixin""#) })
        #expect(lines[0].contains(#""path":"q1/a.fenhong""#) && lines[2].contains(#""path":"q1/c-bundle""#))
        #expect(try cli.shell("cp baixin.fenhong q1/d.fenhong && printf 'junk' | dd of=q1/d.fenhong bs=1 seek=100 conv=notrunc 2>/dev/null").status == 0)
        let damaged = try cli.run("verify", "q1")
        #expect(damaged.status == 2)
        #expect(damaged.stdout.contains("4 ledgers: 3 intact, 0 with problems, 1 could not be read; 1 other file passed over\ncould not be read: q1/d.fenhong\n"),
                "\(damaged.stdout)")

        // The checkpoint kept, resaved by Notepad (a byte-order mark, CRLF), still holds.
        let kept = try cli.run("checkpoint").stdout
        try Data(("\u{FEFF}" + kept.replacingOccurrences(of: "\n", with: "\r\n")).utf8).write(to: cli.folder.appendingPathComponent("kept.txt"))
        let trusted = try cli.run("verify", "baixin.fenhong", "--trusted", "kept.txt")
        #expect(trusted.status == 0, "\(trusted.stdout)\(trusted.stderr)")
        // Intact without a kept checkpoint says what only a kept one would show; with it, not.
        #expect(try cli.run("verify", "baixin.fenhong").stdout.hasSuffix("intact: no problems found\nheld to no kept checkpoint: keep the latest "
                + "(fenhong checkpoint, or a bundle's checkpoints/<size>.txt) and verify with --trusted KEPT next time; only that shows a ledger cut short, "
                + "or rewritten and signed again\n"))
        #expect(trusted.stdout.hasSuffix("intact: no problems found\n"), "\(trusted.stdout)")
        try Data([0xFF, 0xFE] + Array(kept.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: cli.folder.appendingPathComponent("kept16.txt"))
        #expect(try cli.run("verify", "baixin.fenhong", "--trusted", "kept16.txt").stderr
                == "fenhong: --trusted kept16.txt is UTF-16 text (Notepad's \"Unicode\"); save it as UTF-8\n")
        let inspector = try cli.run("key", "generate", "--name", "township-inspector", "--role", "inspector", "--out", "inspector.key").stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run("key", "add", "--vkey", inspector, "--role", "inspector").status == 0)
        // A bundle is a copy: cosigning it writes nothing, and prints the cosigned checkpoint,
        // which the accountant adds to the live ledger.
        #expect(try cli.run("export", "--out", "q2").status == 0)
        #expect(try cli.shell("cp -r q2 q3 && sed -i 's/$/\\r/' q3/entries.jsonl q3/checkpoints/*.txt").status == 0)
        #expect(try cli.run("cosign", "--ledger", "q3", "--key", "inspector.key").status == 0)  // a copy that passed through Windows
        let copy = try cli.run("cosign", "--ledger", "q2", "--key", "inspector.key")
        #expect(copy.status == 0, "\(copy.stderr)")
        // As verify does, cosign takes the path as an argument.
        let positional = try cli.run("cosign", "q2", "--key", "inspector.key")
        #expect(positional.status == 0, "\(positional.stderr)")
        #expect(positional.stderr.contains("q2 is a copy: nothing was written"))
        #expect(try cli.run("cosign", "q2", "--ledger", "q3", "--key", "inspector.key").stderr == "fenhong: give the ledger once: as PATH or as --ledger\n")
        // A checkpoint with no cosignature on it is named as such.
        #expect(try cli.run("cosignature", "add", "kept.txt").stderr
                == "fenhong: kept.txt carries the accountant's signature only, no inspector's cosignature: give the checkpoint `fenhong cosign` printed\n")
        #expect(try cli.run("cosignature", "add", "baixin.fenhong").stderr
                == "fenhong: cosigned checkpoint baixin.fenhong is a ledger file, not a checkpoint kept: give the ledger as --ledger, "
                + "and as the file the checkpoint the inspector cosigned (`fenhong cosign` on a bundle prints it)\n")
        #expect(copy.stderr.contains("q2 is a copy: nothing was written"))
        try Data(copy.stdout.utf8).write(to: cli.folder.appendingPathComponent("cosigned.txt"))
        let before = try cli.run("verify", "baixin.fenhong").stdout
        #expect(before.contains("township-inspector (key ") && before.contains("has cosigned nothing"), "\(before)")
        let add = try cli.run("cosignature", "add", "cosigned.txt")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout.hasPrefix("added to checkpoint 11 the cosignature of inspector township-inspector ("))
        #expect(try cli.run("verify", "baixin.fenhong").stdout.contains("cosigned up to size 11\n"))
        // Once an entry it covers is changed, her cosignature is no reassurance, and says so.
        #expect(try cli.shell("cp baixin.fenhong edited.fenhong && sqlite3 edited.fenhong \"DROP TRIGGER entry_no_update; "
                              + "UPDATE entry SET body = replace(body, '陈梅', '陈美') WHERE seq = 1\"").status == 0)
        let edited = try cli.run("verify", "edited.fenhong")
        #expect(edited.status == 1)
        #expect(edited.stdout.contains("cosigned up to size 11 (whether the entries still match it, the problems below say)\n"), "\(edited.stdout)")
        #expect(try cli.run("cosignature", "add", "cosigned.txt").stdout == "checkpoint 11 already carries every cosignature in cosigned.txt\n")
        // She cosigned the copy a second time and kept that one: the ledger carries her first
        // cosignature of the same checkpoint, which is as good.
        let again = try cli.run("cosign", "--ledger", "q2", "--key", "inspector.key")
        #expect(again.status == 0)
        try Data(again.stdout.utf8).write(to: cli.folder.appendingPathComponent("second.txt"))
        let held = try cli.run("verify", "baixin.fenhong", "--trusted", "second.txt")
        #expect(held.status == 0, "\(held.stdout)")
        let forged = copy.stdout.replacingOccurrences(of: "fenhong/152223/baixin", with: "fenhong/152223/hada")
        try Data(forged.utf8).write(to: cli.folder.appendingPathComponent("other.txt"))
        #expect(try cli.run("cosignature", "add", "other.txt").stderr == "fenhong: the checkpoint given is of fenhong/152223/hada, another village; baixin.fenhong is fenhong/152223/baixin\n")
        var noteLines = copy.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        noteLines[2] = Data(repeating: 9, count: 32).base64EncodedString()  // another root: another history of this village
        try Data(noteLines.joined(separator: "\n").utf8).write(to: cli.folder.appendingPathComponent("fork.txt"))
        #expect(try cli.run("cosignature", "add", "fork.txt").stderr.contains("is not baixin.fenhong's checkpoint of size 11: it is another ledger's, or of a history"))
        let cosign = try cli.run("cosign", "--key", "inspector.key", "--trusted", "kept.txt")
        #expect(cosign.status == 0, "\(cosign.stderr)")
        #expect(try cli.run("verify", "baixin.fenhong").stdout.contains("inspector township-inspector (key "))
    }

    /// A damaged ledger cannot be verified: exit 2, one sentence on stderr, JSON for `--json`, and
    /// the folder left as found (no `-wal` or `-shm` beside the copy).
    @Test func damagedLedgerCannotBeVerified() throws {
        let cli = try villageLedger()
        #expect(try cli.shell("sqlite3 baixin.fenhong 'PRAGMA wal_checkpoint(TRUNCATE)' && head -c 20000 baixin.fenhong > cut.fenhong").status == 0)
        let run = try cli.run("verify", "cut.fenhong", "--json")
        #expect(run.status == 2)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: cli.folder.appendingPathComponent("baixin.fenhong").path)[.size] as? Int)
        let message = "cut.fenhong is cut short: its header says it holds \(size) bytes, the file has 20000 (a copy that did not finish?); it cannot be verified"
        #expect(run.stderr == "fenhong: \(message)\n")
        #expect(run.stdout == "{\"error\":\"\(message)\",\"ok\":false,\"path\":\"cut.fenhong\"}\n")
        // Cut at a page's end, its pages past the cut read by SQLite as zeros: said so too, not
        // as entries of seq 0 without bodies.
        #expect(try cli.shell("head -c 16384 baixin.fenhong > page.fenhong").status == 0)
        #expect(try cli.run("verify", "page.fenhong").stderr.hasPrefix("fenhong: page.fenhong is cut short: its header says it holds \(size) bytes, the file has 16384"))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("cut.fenhong-wal").path))
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("cut.fenhong-shm").path))
    }

    /// `log` of a ledger with a body changed outside fenhong (the triggers dropped) prints nothing
    /// and exits 2: it had printed the entries before the changed one, then said "nothing was done".
    @Test func logOfAChangedLedgerPrintsNothing() throws {
        let cli = try villageLedger()
        let edit = #"sqlite3 baixin.fenhong "DROP TRIGGER entry_no_update; UPDATE entry SET body = replace(body, '\"units\":4', '\"units\":9') WHERE seq = 6""#
        #expect(try cli.shell(edit).status == 0)
        for arguments in [["log"], ["log", "--json"]] {
            let run = try cli.execute(arguments)
            #expect(run.status == 2 && run.stdout.isEmpty, "\(run.stdout)")
            #expect(run.stderr.contains("was changed outside fenhong: entry 6 does not match its stored hash; nothing was done"), "\(run.stderr)")
        }
    }

    /// A private key readable by others is refused.
    @Test func exposedKeyIsRefused() throws {
        let cli = try villageLedger()
        #expect(try cli.shell("chmod 644 accountant.key").status == 0)
        let run = try cli.run("income", "record", "--amount", "1", "--category", "c", "--counterparty", "x")
        #expect(run.status == 2)
        #expect(run.stderr.contains("can be read by others"))
    }
}
