import Foundation
import LedgerCore
import Testing

/// `fenhong statements` (every household) and `fenhong disclosure` (the public posting) through the binary.
@Suite(.serialized)
struct StatementsAndDisclosureTests {
    private func ledger() throws -> CLI {
        let cli = try CLI()
        try StatementLedger.create(in: cli)
        return cli
    }

    /// One file per household, an index with totals, and progress on stderr (plain lines: the
    /// test's stderr is not a terminal).
    @Test func everyHouseholdWithIndex() throws {
        let cli = try ledger()
        let run = try cli.run("statements", "--out", "out", "--date", "2024-12-31", "--proof")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("1 of 2 done\n2 of 2 done\n"), "\(run.stderr)")
        #expect(run.stdout == "wrote 2 statements and index.txt into out\n")
        #expect(try cli.file("out/152223-002.txt").contains("未付余额          11,520.00"))
        let index = try cli.file("out/index.txt")
        #expect(index.contains("152223-001  陈梅    152223-001.txt"))
        #expect(index.contains("合计"))
        #expect(index.contains("28,800.00"))
        #expect(index.contains("全部年度　截至 2024年12月31日"), "\(index)")
        #expect(try cli.run("statement", "check", "out/152223-002.txt").status == 0)
        // A run that cannot start leaves no empty folder behind.
        let missing = try cli.run("statements", "--ledger", "nosuch.fenhong", "--out", "never")
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("never").path))
        // Written again without proofs: the earlier proofs, which would be taken for the new
        // statements', are gone.
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("out/152223-001.proof.txt").path))
        #expect(try cli.run("statements", "--out", "out", "--date", "2024-12-31").status == 0)
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("out/152223-001.proof.txt").path))
        let pdf = try cli.run("statements", "--out", "pdf", "--format", "pdf")
        #expect(pdf.status == 0)
        #expect(try cli.file("pdf/index.html").contains("<a href=\"152223-001.pdf\">152223-001.pdf</a>"))
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("pdf/152223-002.pdf").path))
        // The same folder in another form: the earlier index, of other files, goes.
        let html = try cli.run("statements", "--out", "out", "--format", "html", "--date", "2024-12-31")
        #expect(html.stdout == "wrote 2 statements and index.html into out (and removed what an earlier run left that would be taken for this one's: index.txt)\n", "\(html.stdout)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("out/index.txt").path))
        #expect(try cli.file("out/index.html").contains("<a href=\"152223-001.html\">152223-001.html</a>"))
        // An index of fenhong's saved again by Notepad (a byte-order mark, Windows line ends) is still fenhong's.
        #expect(try cli.run("statements", "--out", "np", "--date", "2024-12-31").status == 0)
        let saved = try cli.file("np/index.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array(saved.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: cli.folder.appendingPathComponent("np/index.txt"))
        #expect(try cli.run("statements", "--out", "np", "--date", "2024-12-31").status == 0)
        // …or as GB18030 (Notepad's "ANSI" on a Chinese Windows).
        #expect(try cli.shell("iconv -f UTF-8 -t GB18030 np/index.txt > np/gb.txt && mv np/gb.txt np/index.txt").status == 0)
        #expect(try cli.run("statements", "--out", "np", "--date", "2024-12-31").status == 0)
        // Proofs an earlier run left are named as they go.
        #expect(try cli.run("statements", "--out", "out", "--date", "2024-12-31", "--proof").status == 0)
        #expect(try cli.run("statements", "--out", "out", "--format", "pdf", "--date", "2024-12-31").stdout
                == "wrote 2 statements and index.html into out (and removed what an earlier run left that would be taken for this one's: index.txt, 2 proofs)\n")
    }

    /// A file of the user's named index.txt or index.html is neither written over nor removed.
    @Test func anIndexFenhongDidNotWriteIsLeftAlone() throws {
        let cli = try ledger()
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try "我的笔记\n".write(to: cli.folder.appendingPathComponent("out/index.txt"), atomically: true, encoding: .utf8)
        let html = try cli.run("statements", "--out", "out", "--format", "html", "--date", "2024-12-31")
        #expect(html.stdout == "wrote 2 statements and index.html into out\n", "\(html.stdout)")
        let text = try cli.run("statements", "--out", "out", "--date", "2024-12-31")
        #expect(text.status == 2)
        #expect(text.stderr.contains("out/index.txt is not an index fenhong wrote, and the statements' index would be written over it"), "\(text.stderr)")
        #expect(try cli.file("out/index.txt") == "我的笔记\n")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("out/152223-001.txt").path))
        // A user's list titled as the index is, but without its table, is the user's.
        try "分红明细单目录\n签收：\n".write(to: cli.folder.appendingPathComponent("out/index.txt"), atomically: true, encoding: .utf8)
        #expect(try cli.run("statements", "--out", "out", "--date", "2024-12-31").status == 2)
        // Never through a link: one to nothing would have the index created where it points.
        #expect(try cli.shell("mkdir linked && ln -s ../elsewhere.txt linked/index.txt").status == 0)
        let linked = try cli.execute(["statements", "--out", "linked", "--date", "2024-12-31"])
        #expect(linked.status == 2)
        #expect(linked.stderr.contains("cannot write the statements' index: linked/index.txt is a link; nothing was written"), "\(linked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("elsewhere.txt").path))
        // A statement's name taken by a link: that household fails, named; nothing is written through it.
        #expect(try cli.shell("mkdir s && ln -s ../elsewhere.txt s/152223-001.txt").status == 0)
        let statement = try cli.execute(["statements", "--out", "s", "--date", "2024-12-31"])
        #expect(statement.status == 1)
        #expect(statement.stderr.contains("household 152223-001 failed: cannot write s/152223-001.txt: s/152223-001.txt is a link"), "\(statement.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("elsewhere.txt").path))
    }

    /// Listening copies for the whole village: one script per household, the totals first.
    @Test func scriptsForListening() throws {
        let cli = try ledger()
        let run = try cli.run("statements", "--out", "listen", "--speech", "--date", "2024-12-31")
        #expect(run.status == 0, "\(run.stderr)")
        let script = try cli.file("listen/152223-001.speech.txt")
        #expect(script.hasPrefix("这是陈梅户的分红明细单，户号一五二二二三，零零一。\n白辛嘎查股份经济合作社。\n全部年度，截至二零二四年十二月三十一日。\n先说合计。\n应分合计"), "\(script)")
        #expect(try cli.run("statements", "--out", "x", "--speech", "--proof").stderr.contains("--proof goes with printed statements"))
    }

    /// A file fenhong did not print, lying under a statement's name in the folder (a key moved
    /// there), is not written over: that household fails, named; the others are written.
    @Test func aFileNotPrintedIsNotReplaced() throws {
        let cli = try ledger()
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("out"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: cli.folder.appendingPathComponent("accountant.key"), to: cli.folder.appendingPathComponent("out/152223-001.txt"))
        let run = try cli.execute(["statements", "--out", "out"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("household 152223-001 failed: cannot write out/152223-001.txt: out/152223-001.txt is a private key, not a file fenhong printed"), "\(run.stderr)")
        #expect(try cli.file("out/152223-001.txt").hasPrefix("PRIVATE+KEY+"))
        #expect(try cli.file("out/152223-002.txt").contains("包金山"))
    }

    /// A household whose file cannot be written is reported at the end; the others are written; exit 1.
    @Test func continuesPastAFailingHousehold() throws {
        let cli = try ledger()
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("out/152223-001.txt"), withIntermediateDirectories: true)
        let run = try cli.run("statements", "--out", "out")
        #expect(run.status == 1)
        #expect(run.stderr.contains("fenhong: household 152223-001 failed: cannot write out/152223-001.txt"))
        #expect(try cli.file("out/152223-002.txt").contains("包金山"))
        #expect(try cli.file("out/index.txt").contains("（失败）"))
    }

    /// The posting lists household, head, units and amount with the rule, appropriations and the
    /// posting period — and no ID number or account.
    @Test func disclosureIsPublicAndPrivate() throws {
        let cli = try ledger()
        let run = try cli.run("disclosure", "--id", "2024", "--from", "2024-12-20", "--days", "10")
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout
        for needle in ["白辛嘎查 村务公开 分红公示表", "分配编号 2024", "按股份分配", "提取公积公益金（10%）  1,600.00",
                       "分配总额", "14,400.00", "152223-001  陈梅", "152223-002  包金山", "11,520.00", "合计",
                       "公示期：2024年12月20日至2024年12月29日（10天）", "壹万肆仟肆佰元整", "条目数 Size  16"] {
            #expect(text.contains(needle), "missing \(needle)")
        }
        // The root's 64 hex digits may hold any run of digits (one run held "6217"): not looked in.
        let words = text.split(separator: "\n").filter { !$0.hasPrefix("根指纹 Root") }.joined(separator: "\n")
        for secret in ["********", "****", "6217", "4321", "建档立卡", "poor"] { #expect(!words.contains(secret), "leaks \(secret)") }
        let html = try cli.run("disclosure", "--id", "2024", "--format", "html", "--out", "2024.html")
        #expect(html.status == 0)
        #expect(try cli.file("2024.html").contains("<td>包金山</td>"))
        // A head who took over after the record date is not named on the posting of 2024.
        cli.environment = ["FENHONG_LEDGER": "baixin.fenhong", "FENHONG_KEY": "accountant.key"]
        let later = try cli.run("household", "update", "--household", "152223-001", "--head", "陈小梅", "--id", "152223200001181234",
                                "--date", "2025-01-10")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(try cli.run("disclosure", "--id", "2024").stdout.contains("152223-001  陈梅 "))
        // One dated on or before that record date, recorded after the declaration, is refused:
        // the distribution was divided on the register as it stood.
        let settled = try cli.run("household", "update", "--household", "152223-002", "--head", "包小山", "--id", "152223200002193456",
                                  "--date", "2024-12-01")
        #expect(settled.status == 2)
        #expect(settled.stderr.contains("distribution 2024 was declared on households as of 2024-12-15; a change dated 2024-12-01 would alter them"))
        let unknown = try cli.run("disclosure", "--id", "1999")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "fenhong: distribution 1999 was never declared in the ledger\n")
    }
}
