import Foundation
import LedgerCore
import Testing

/// `fenhong statement` and `fenhong statement check` through the real binary.
@Suite(.serialized)
struct StatementCommandTests {
    private func ledger() throws -> CLI {
        let cli = try CLI()
        try StatementLedger.create(in: cli)
        return cli
    }

    /// Chen Mei's statement (chen.txt, with its proof), its lines, and the 1-based number of the
    /// first line containing `marker`.
    private func chenStatement(_ cli: CLI, marker: String, date: [String] = []) throws -> (lines: [String], number: Int) {
        #expect(try cli.execute(["statement", "--household", "152223-001", "--out", "chen.txt", "--proof"] + date).status == 0)
        let lines = try cli.file("chen.txt").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (lines, try #require(lines.firstIndex { $0.contains(marker) }) + 1)
    }

    /// `statement check` run with `arguments`, expected to reject (exit 1) with `needle` in its report.
    @discardableResult
    private func expectRejected(_ cli: CLI, _ arguments: [String], containing needle: String) throws -> CLI.Run {
        let run = try cli.execute(["statement", "check"] + arguments)
        #expect(run.status == 1, "\(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains(needle), "\(run.stdout)")
        return run
    }

    /// `lines` with `old` replaced by `new` on line `number` (1-based), written back to chen.txt
    /// and checked.
    private func checkEdited(_ cli: CLI, _ lines: [String], line number: Int, _ old: String, _ new: String) throws -> CLI.Run {
        let edited = lines.enumerated().map { $0.offset == number - 1 ? $0.element.replacingOccurrences(of: old, with: new) : $0.element }
        try edited.joined(separator: "\n").write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        return try cli.run("statement", "check", "chen.txt")
    }

    /// A statement whose proof cannot be written beside it (a folder has its name) is not
    /// written either, and the reason is that folder, not a full disk.
    @Test func aProofThatCannotBeWrittenStopsBoth() throws {
        let cli = try ledger()
        try FileManager.default.createDirectory(at: cli.folder.appendingPathComponent("o/c.proof.txt"), withIntermediateDirectories: true)
        let run = try cli.execute(["statement", "--household", "152223-001", "--format", "pdf", "--out", "o/c.pdf", "--proof"])
        #expect(run.status == 2)
        #expect(run.stderr == "fenhong: cannot write the proof beside o/c.pdf: o/c.proof.txt is a folder; nothing was written\n", "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("o/c.pdf").path))
    }

    /// A statement or a posting is never written over the ledger, a key or any file fenhong did
    /// not print (an --out mistyped had replaced the ledger and exited 0); one it printed, in any
    /// form, is printed again over itself.
    @Test func outNeverReplacesWhatFenhongDidNotPrint() throws {
        let cli = try ledger()
        let ledgerBytes = try Data(contentsOf: cli.folder.appendingPathComponent("baixin.fenhong"))
        try "会议记录\n".write(to: cli.folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["statement", "--household", "152223-001", "--out", "baixin.fenhong"], "baixin.fenhong is an SQLite database (a ledger?), not a file fenhong printed"),
            (["statement", "--household", "152223-001", "--format", "pdf", "--out", "accountant.key"], "accountant.key is a private key, not a file fenhong printed"),
            (["disclosure", "--id", "2023", "--out", "baixin.fenhong"], "baixin.fenhong is an SQLite database (a ledger?), not a file fenhong printed"),
            (["statement", "--household", "152223-001", "--speech", "--out", "notes.txt"], "notes.txt is there and is not a file fenhong printed"),
        ]
        for (arguments, reason) in cases {
            let run = try cli.execute(arguments)
            #expect(run.status == 2 && run.stderr == "fenhong: \(reason); nothing was written: give another --out file, or remove it first\n", "\(arguments): \(run.stderr)")
        }
        // A checkpoint kept (it names fenhong, as every origin does), or a recording of one's own beside a script.
        #expect(try cli.shell("\(CLI.binary.path) checkpoint > kept.txt").status == 0)
        #expect(try cli.execute(["statement", "--household", "152223-001", "--out", "kept.txt"]).stderr
                == "fenhong: kept.txt is there and is not a file fenhong printed; nothing was written: give another --out file, or remove it first\n")
        try Data("RIFF\u{24}\0\0\0WAVEfmt \u{10}\0\0\0\u{1}\0\u{2}\0\u{44}\u{AC}\0\0".utf8).write(to: cli.folder.appendingPathComponent("meeting.wav"))
        #expect(try cli.execute(["statement", "--household", "152223-001", "--speech", "--out", "meeting.txt"]).stderr.hasSuffix("no audio: meeting.wav is there and is not a file fenhong printed\n"))
        try "x\n".write(to: cli.folder.appendingPathComponent("c.proof.txt"), atomically: true, encoding: .utf8)
        #expect(try cli.execute(["statement", "--household", "152223-001", "--out", "c.txt", "--proof"]).stderr
                == "fenhong: cannot write the proof beside c.txt: c.proof.txt is there and is not a file fenhong printed; nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("c.txt").path))
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("baixin.fenhong")) == ledgerBytes)
        #expect(try cli.file("notes.txt") == "会议记录\n")
        // A posting's first day near the year 9999 had trapped reckoning its last.
        let far = try cli.execute(["disclosure", "--id", "2023", "--from", "9999-12-31"])
        #expect(far.status == 2 && far.stderr.hasPrefix("fenhong: --from 9999-12-31 is more than a year after today, "), "\(far.stderr)")
        for arguments in [["--out", "s.txt", "--proof"], ["--format", "pdf", "--out", "s.pdf", "--proof"], ["--format", "html", "--out", "s.html"], ["--speech", "--out", "s.speech.txt"]] {
            for _ in 0..<2 {
                let run = try cli.execute(["statement", "--household", "152223-001"] + arguments)
                #expect(run.status == 0, "\(arguments): \(run.stderr)")
            }
        }
    }

    /// The text statement goes to stdout with the head, the masked ID, the reversal and the totals in capitals.
    @Test func textStatementToStdout() throws {
        let cli = try ledger()
        let run = try cli.run("statement", "--household", "152223-001", "--date", "2024-12-31")
        #expect(run.status == 0, "\(run.stderr)")
        for needle in ["白辛嘎查 分红明细单", "户主      陈梅", "152223********1234", "（冲销）", "-2,880.00",
                       "应分合计（大写）  伍仟柒佰陆拾元整", "未付余额          0.00", "户主（或见证人、按手印）",
                       "账本 Origin  fenhong/152223/baixin", "条目数 Size  16"] {
            #expect(run.stdout.contains(needle), "missing \(needle)")
        }
        if ProcessInfo.processInfo.environment["FENHONG_PRINT_STATEMENT"] == "1" { print(run.stdout) }
    }

    /// A forger who rebuilds the ledger's household index without one of Chen Mei's payments
    /// (the bodies, hashes and signatures untouched, so verify finds them intact) makes
    /// `statement` leave the payment out; the check finds the household's entries in the bodies
    /// themselves, so it rejects that statement and still accepts the true one.
    @Test func statementFromARebuiltIndexIsRejected() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "true.txt", "--proof", "--date", "2024-12-31").status == 0)
        let seq = try cli.shell("sqlite3 baixin.fenhong \"SELECT min(seq) FROM entry WHERE kind = 'dividend.pay' AND household = '152223-001'\"")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(seq) != nil, "\(seq)")
        let definition = "CREATE INDEX entry_by_household_distribution ON entry(household, distribution) WHERE household IS NOT NULL"
        let rebuilt = try cli.shell("""
            sqlite3 baixin.fenhong "DROP INDEX entry_by_household_distribution; \(definition) AND seq <> \(seq); \
            PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = '\(definition)' WHERE name = 'entry_by_household_distribution';"
            """)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try cli.run("verify", "baixin.fenhong").status == 0)
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "forged.txt", "--proof", "--date", "2024-12-31").status == 0)
        #expect(try cli.file("forged.txt") != cli.file("true.txt"))
        let forged = try cli.run("statement", "check", "forged.txt")
        #expect(forged.status == 1, "\(forged.stdout)")
        #expect(forged.stdout.contains("REJECTED"))
        let genuine = try cli.run("statement", "check", "true.txt")
        #expect(genuine.status == 0, "\(genuine.stdout) \(genuine.stderr)")
    }

    /// A forger who rewrites an entry and its stored hash, but leaves the stored tree nodes as
    /// they were, is caught: the check recomputes the tree from the bodies, whose root no longer
    /// extends the statement's checkpoint.
    @Test func rewrittenEntryWithItsHashIsRejected() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        let forge = """
            python3 -c "
            import sqlite3, hashlib
            db = sqlite3.connect('baixin.fenhong')
            db.execute('DROP TRIGGER entry_no_update')
            body = db.execute('SELECT body FROM entry WHERE seq = 9').fetchone()[0].replace('BX-2023-0002', 'BX-2023-0003')
            db.execute('UPDATE entry SET body = ?, hash = ? WHERE seq = 9', (body, hashlib.sha256(b'\\x00' + body.encode()).digest()))
            db.commit()"
            """
        let forged = try cli.shell(forge)
        #expect(forged.status == 0, "\(forged.stderr)")
        try expectRejected(cli, ["chen.txt"], containing: "notConsistent")
    }

    /// `log --household` shows the household's entries and the reversal of its wrong payment,
    /// which names only the entry it undoes.
    @Test func logOfAHouseholdShowsItsReversals() throws {
        let cli = try ledger()
        let run = try cli.run("log", "--household", "152223-001")
        #expect(run.status == 0, "\(run.stderr)")
        let seqs = run.stdout.split(separator: "\n").compactMap { Int($0.split(separator: " ").first ?? "") }
        #expect(seqs == [1, 3, 6, 8, 11, 13, 14, 15])
        #expect(run.stdout.contains("  (reversed)"))
    }

    /// --proof writes <name>.proof.txt; check passes (exit 0), also after the ledger grew and against a bundle.
    @Test func proofChecksCleanly() throws {
        let cli = try ledger()
        let made = try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31")
        #expect(made.status == 0, "\(made.stderr)")
        let proof = try cli.file("chen.proof.txt")
        #expect(proof.hasPrefix("fenhong.statement-proof/v1\nhousehold 152223-001\ndate 2024-12-31\n\nc2sp.org/tlog-proof@v1\nextra "))
        #expect(proof.components(separatedBy: "c2sp.org/tlog-proof@v1").count - 1 == 8)
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.hasPrefix("OK chen.txt: 8 entries of household 152223-001 are in checkpoint 16"))
        try StatementLedger.grow(in: cli)
        let grown = try cli.run("statement", "check", "chen.txt")
        #expect(grown.status == 0, "\(grown.stdout) \(grown.stderr)")
        #expect(grown.stdout.contains("the ledger (17 entries) extends it"))
        // The same statement in HTML, printed now, writes its proof over chen.proof.txt: the text
        // one, printed at 16 entries, is then checked against a proof made again for it.
        #expect(try cli.run("statement", "--household", "152223-001", "--format", "html", "--out", "chen.html", "--proof", "--date", "2024-12-31").status == 0)
        let shared = try cli.run("statement", "check", "chen.txt")
        #expect(shared.status == 0, "\(shared.stdout) \(shared.stderr)")
        #expect(shared.stdout.hasPrefix("NOTE chen.proof.txt is the proof of another statement (household 152223-001, checkpoint 17, 全部年度, 截至 2024-12-31), "
                                        + "not of chen.txt (household 152223-001, checkpoint 16, 全部年度, 截至 2024-12-31): the proof was made again from the ledger\n"), "\(shared.stdout)")
        #expect(try cli.run("statement", "check", "chen.html").status == 0)
        // So is one of another year at the same size.
        #expect(try cli.run("statement", "--household", "152223-001", "--year", "2024", "--format", "html", "--out", "chen.html", "--proof", "--date", "2024-12-31").status == 0)
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "all.txt", "--date", "2024-12-31").status == 0)
        #expect(try cli.shell("cp chen.proof.txt all.proof.txt").status == 0)
        let year = try cli.run("statement", "check", "all.txt")
        #expect(year.status == 0 && year.stdout.contains("checkpoint 17, 2024 年度"), "\(year.stdout)")
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        let bundled = try cli.run("statement", "check", "chen.txt", "--bundle", "bundle")
        #expect(bundled.status == 0, "\(bundled.stdout) \(bundled.stderr)")
        // The same bundle after it passed through Windows (CRLF line ends) reads the same.
        #expect(try cli.shell("cp -r bundle crlf && sed -i 's/$/\\r/' crlf/entries.jsonl crlf/checkpoints/*.txt").status == 0)
        let crlf = try cli.run("statement", "check", "chen.txt", "--bundle", "crlf")
        #expect(crlf.status == 0, "\(crlf.stdout) \(crlf.stderr)")
        // The proof named elsewhere, and a statement that is not there named as such.
        #expect(try cli.shell("mv chen.proof.txt kept.txt").status == 0)
        let named = try cli.run("statement", "check", "chen.txt", "--proof-file", "kept.txt")
        #expect(named.status == 0, "\(named.stdout) \(named.stderr)")
        let missing = try cli.run("statement", "check", "nothere.txt", "--proof-file", "kept.txt")
        #expect(missing.status == 2)
        #expect(missing.stderr == "fenhong: nothere.txt does not exist\n")
    }

    /// A proof with one allocation's block taken out is rejected as incomplete, against the ledger
    /// and against its bundle: the ledger says what a complete statement cites.
    @Test func omittedEntryIsRejected() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof").status == 0)
        let proof = try cli.file("chen.proof.txt")
        let blocks = proof.components(separatedBy: "\nc2sp.org/tlog-proof@v1\n")
        let allocation = try #require(blocks.firstIndex { block in
            guard let extra = block.split(separator: "\n").first, extra.hasPrefix("extra "),
                  let body = Data(base64Encoded: String(extra.dropFirst(6))) else { return false }
            return String(decoding: body, as: UTF8.self).contains("\"kind\":\"dividend.allocate\"")
        })
        var kept = blocks
        kept.remove(at: allocation)
        try kept.joined(separator: "\nc2sp.org/tlog-proof@v1\n")
            .write(to: cli.folder.appendingPathComponent("short.proof.txt"), atomically: true, encoding: .utf8)
        let check = try cli.run("statement", "check", "short.proof.txt")
        #expect(check.status == 1, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("entryOmitted"), "\(check.stdout)")
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        let bundled = try cli.run("statement", "check", "short.proof.txt", "--bundle", "bundle")
        #expect(bundled.status == 1)
        #expect(bundled.stdout.contains("entryOmitted"), "\(bundled.stdout)")

        // Beside the statement it belongs to, a damaged proof leaves the statement standing, and is
        // named: a household's genuine paper had been rejected as leaving out an entry it prints.
        try cli.file("short.proof.txt").write(to: cli.folder.appendingPathComponent("chen.proof.txt"), atomically: true, encoding: .utf8)
        let damaged = try cli.run("statement", "check", "chen.txt")
        #expect(damaged.status == 0, "\(damaged.stdout)")
        #expect(damaged.stdout.hasPrefix("NOTE chen.proof.txt is damaged (proof: entryOmitted: entry "), "\(damaged.stdout)")
        #expect(damaged.stdout.contains("(its proof file is damaged: the proof was made again from the ledger)"))
        // One whose checkpoint no accountant key signed (a character of its root changed) proves
        // nothing, and is no sign of a rewrite: likewise (it had been read as the ledger rewritten).
        var unsigned = proof.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let origin = try #require(unsigned.lastIndex(of: "fenhong/152223/baixin"))
        unsigned[origin + 2] = (unsigned[origin + 2].first == "A" ? "B" : "A") + unsigned[origin + 2].dropFirst()
        try unsigned.joined(separator: "\n").write(to: cli.folder.appendingPathComponent("chen.proof.txt"), atomically: true, encoding: .utf8)
        let resigned = try cli.run("statement", "check", "chen.txt")
        #expect(resigned.status == 0 && resigned.stdout.hasPrefix("NOTE chen.proof.txt is damaged (checkpoint: checkpointSignature: "), "\(resigned.stdout)")
        // A proof that does not read at all, likewise.
        try (proof + "\nstray\n").write(to: cli.folder.appendingPathComponent("chen.proof.txt"), atomically: true, encoding: .utf8)
        let unreadable = try cli.run("statement", "check", "chen.txt")
        #expect(unreadable.status == 0 && unreadable.stdout.hasPrefix("NOTE chen.proof.txt does not read as a proof ("), "\(unreadable.stdout)")
        // A figure changed is still rejected, whatever the proof beside it.
        let text = try cli.file("chen.txt")
        try text.replacingOccurrences(of: "BX-2024-0008    2,880.00", with: "BX-2024-0008    3,880.00")
            .write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        #expect(try cli.run("statement", "check", "chen.txt").status == 1)
        // Another household's proof given for it is named as such, not as the household number changed.
        try text.write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        #expect(try cli.run("statement", "--household", "152223-002", "--out", "bao.txt", "--proof").status == 0)
        let other = try cli.run("statement", "check", "chen.txt", "--proof-file", "bao.proof.txt")
        #expect(other.status == 1)
        #expect(other.stdout.hasPrefix("REJECTED chen.txt proof: bao.proof.txt is the proof of household 152223-002, "), "\(other.stdout)")
    }

    /// An amount changed on the printed statement is rejected with its line, exit 1.
    @Test func alteredAmountIsRejected() throws {
        let cli = try ledger()
        let (lines, number) = try chenStatement(cli, marker: "BX-2024-0008")
        let check = try checkEdited(cli, lines, line: number, "2,880.00", "3,880.00")
        #expect(check.status == 1)
        // It is not the statement printed from the ledger, at that very line; that settles it.
        #expect(check.stdout.contains("REJECTED chen.txt statement line \(number): notAsPrinted: it reads \"2024-12-22 2024 银行卡 ****6217 BX-2024-0008 3,880.00 15 "), "\(check.stdout)")
        #expect(check.stdout.contains("fenhong prints \"2024-12-22 2024 银行卡 ****6217 BX-2024-0008 2,880.00 15 "), "\(check.stdout)")
        // A figure differs, so no note offers an older layout as the reason.
        #expect(check.stdout.split(separator: "\n").count == 1, "\(check.stdout)")
        // Where only words differ (a voucher's wording), the note says no released layout prints it
        // so; of a statement as of today, nothing more (it cannot be older than its layouts).
        let worded = try checkEdited(cli, lines, line: number, "银行卡", "银行 卡片")
        #expect(worded.stdout.hasSuffix("\nNOTE none of the layouts fenhong has released prints it so: a line was changed, added, moved or left out\n"), "\(worded.stdout)")
        // One as of a day before layouts were kept may be of a layout no longer known.
        let (early, earlyNumber) = try chenStatement(cli, marker: "BX-2024-0008", date: ["--date", "2025-06-30"])
        let earlyWorded = try checkEdited(cli, early, line: earlyNumber, "银行卡", "银行 卡片")
        #expect(earlyWorded.stdout.hasSuffix("\nNOTE none of the layouts fenhong has released prints it so: a line was changed, added, moved or left out — "
                                             + "unless it was printed before 2026-11-30, when fenhong began keeping its layouts; then print a new one (fenhong statement) "
                                             + "and compare its figures with the household's copy, for a figure that differs is no matter of layout\n"), "\(earlyWorded.stdout)")
        // A root that is not the checkpoint's is no matter of layout: the note says what it can mean.
        let rootLine = try #require(lines.firstIndex { $0.hasPrefix("根指纹 Root") }) + 1
        let root = lines[rootLine - 1].split(separator: " ").last.map(String.init) ?? ""
        let other = try checkEdited(cli, lines, line: rootLine, root, String(repeating: "0", count: 64))
        #expect(other.status == 1)
        #expect(other.stdout.contains("\nNOTE chen.txt prints root \(String(repeating: "0", count: 64)) for checkpoint 16, but the ledger's checkpoint 16 has root \(root): "
                                      + "the statement was altered, or the ledger was rewritten and signed again since it was printed"), "\(other.stdout)")
        #expect(!other.stdout.contains("earlier version"))
    }

    /// A household that brings its statement without the proof file (the footer says only
    /// "check it against the ledger") is checked all the same: the proof is made again from the
    /// ledger for the household, checkpoint, year and date the statement prints.
    @Test func statementWithoutItsProofIsChecked() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.pdf", "--format", "pdf", "--year", "2024", "--date", "2024-12-31").status == 0)
        let check = try cli.run("statement", "check", "chen.pdf")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("(no proof file: the proof was made again from the ledger)\n"))
        // Large print sets the root on two lines: read whole, it is the ledger's (it had been read
        // as its first line and every large-print PDF without its proof rejected).
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "big.pdf", "--format", "pdf", "--large-print", "--date", "2024-12-31").status == 0)
        let big = try cli.run("statement", "check", "big.pdf")
        #expect(big.status == 0, "\(big.stdout)")
        // Held to the ledger as it stands, which is said.
        #expect(check.stdout.hasSuffix("\nNOTE held to no kept checkpoint: the ledger was taken as it stands, and one rewritten and signed again "
                                       + "before the statement was printed would print it too; check it with --trusted and a checkpoint kept from before\n"))
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--date", "2024-12-31").status == 0)
        let text = try cli.file("chen.txt").replacingOccurrences(of: "BX-2024-0008", with: "BX-2024-0009")
        try text.write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        let altered = try cli.run("statement", "check", "chen.txt")
        #expect(altered.status == 1)
        #expect(altered.stdout.contains("notAsPrinted: it reads \"2024-12-22 2024 银行卡 ****6217 BX-2024-0009 2,880.00"), "\(altered.stdout)")
    }

    /// A statement re-headed with another village's or organisation's name is rejected.
    @Test func alteredHeadingIsRejected() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        let text = try cli.file("chen.txt").replacingOccurrences(of: "白辛嘎查股份经济合作社", with: "哈达嘎查股份经济合作社")
        try text.write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("REJECTED chen.txt statement line 2: notAsPrinted: it reads \"哈达嘎查股份经济合作社\"; fenhong prints \"白辛嘎查股份经济合作社\" for household 152223-001, 全部年度, 截至 2024-12-31, checkpoint 16 (layout 3)\nNOTE "), "\(check.stdout)")
    }

    /// The footer is the proof's checkpoint: another size, or a cosignature the ledger never
    /// had, is rejected.
    @Test func alteredFooterIsRejected() throws {
        let cli = try ledger()
        let (lines, sizeLine) = try chenStatement(cli, marker: "条目数 Size", date: ["--date", "2024-12-31"])
        let text = lines.joined(separator: "\n")
        let size = try checkEdited(cli, lines, line: sizeLine, "条目数 Size  16", "条目数 Size  15")
        #expect(size.status == 1)
        // Another size is proved again and found wanting (entry 15 was recorded before the
        // statement's date): its own proof's verdict stands.
        #expect(size.stdout.contains("statement line \(sizeLine): notAsPrinted: it reads \"条目数 Size 15\"; fenhong prints \"条目数 Size 16\""), "\(size.stdout)")
        #expect(!size.stdout.contains("another statement"), "\(size.stdout)")
        // A size the ledger never had cannot be proved again: its own proof rejects it (exit 1).
        let never = try checkEdited(cli, lines, line: sizeLine, "条目数 Size  16", "条目数 Size  999")
        #expect(never.status == 1, "\(never.stdout) \(never.stderr)")
        #expect(never.stdout.contains("REJECTED chen.txt statement line \(sizeLine): notAsPrinted"), "\(never.stdout)")
        try (text + "监督小组联署 Cosigned：zalaite-inspector，检查点 16（2024-12-31）\n").write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        let cosigned = try cli.run("statement", "check", "chen.txt")
        #expect(cosigned.status == 1)
        #expect(cosigned.stdout.contains("notAsPrinted: it reads \"监督小组联署 Cosigned：zalaite-inspector，检查点 16（2024-12-31）\" after the end of the statement fenhong prints"), "\(cosigned.stdout)")
    }

    /// A voucher number or a share changed on the printed statement is rejected with its line.
    @Test func alteredReferenceOrShareIsRejected() throws {
        let cli = try ledger()
        let (lines, paid) = try chenStatement(cli, marker: "BX-2024-0008")
        let check = try checkEdited(cli, lines, line: paid, "BX-2024-0008", "BX-2024-0009")
        #expect(check.status == 1)
        #expect(check.stdout.contains("statement line \(paid): notAsPrinted: it reads \"2024-12-22 2024 银行卡 ****6217 BX-2024-0009 2,880.00"), "\(check.stdout)")

        // 10 poverty shares printed as 19 on the allocation line of entry 11.
        let owed = try #require(lines.firstIndex { $0.hasSuffix(" 11  " + ($0.split(separator: " ").last.map(String.init) ?? "")) && $0.contains("2,880.00") }) + 1
        let share = try checkEdited(cli, lines, line: owed, " 10 ", " 19 ")
        #expect(share.stdout.contains("statement line \(owed): notAsPrinted: it reads"), "\(share.stdout)")
    }

    /// A body altered in the proof file is rejected naming the entry, exit 1, when the proof is
    /// checked; beside a statement that is the one fenhong prints, the statement stands and the
    /// proof is named damaged.
    @Test func alteredBodyIsRejected() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof").status == 0)
        var proof = try cli.file("chen.proof.txt")
        let lines = proof.split(separator: "\n").map(String.init)
        let extra = try #require(lines.last { $0.hasPrefix("extra ") })
        let body = String(decoding: Data(base64Encoded: String(extra.dropFirst(6)))!, as: UTF8.self)
        let forged = body.replacingOccurrences(of: "\"amount\":288000", with: "\"amount\":388000")
        #expect(forged != body)
        proof = proof.replacingOccurrences(of: extra, with: "extra " + Data(forged.utf8).base64EncodedString())
        try proof.write(to: cli.folder.appendingPathComponent("chen.proof.txt"), atomically: true, encoding: .utf8)
        let check = try cli.run("statement", "check", "chen.proof.txt")
        #expect(check.status == 1)
        #expect(check.stdout.contains("proof entry 15: notIncluded"))
        let beside = try cli.run("statement", "check", "chen.txt")
        #expect(beside.status == 0 && beside.stdout.hasPrefix("NOTE chen.proof.txt is damaged (proof entry 15: notIncluded"), "\(beside.stdout)")
    }

    /// A checkpoint signed by a key the ledger never added is rejected, exit 1, when the proof is
    /// checked; beside a statement that is the one the ledger prints, the proof is named damaged.
    @Test func forgedCheckpointIsRejected() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof").status == 0)
        let proof = try cli.file("chen.proof.txt")
        let forger = try NoteSigner.generate(name: "baixin-accountant", algorithm: .ed25519)
        let split = try #require(proof.range(of: "\n\nfenhong/152223/baixin\n"))
        let checkpoint = try SignedCheckpoint(parsing: String(proof[proof.index(split.lowerBound, offsetBy: 2)...]))
        let forged = try SignedCheckpoint.sign(checkpoint.checkpoint, with: forger)
        let rewritten = String(proof[..<split.lowerBound]) + "\n\n" + forged.note.serialized
        try rewritten.write(to: cli.folder.appendingPathComponent("chen.proof.txt"), atomically: true, encoding: .utf8)
        let check = try cli.run("statement", "check", "chen.proof.txt")
        #expect(check.status == 1)
        #expect(check.stdout.contains("checkpoint: checkpointSignature"))
        let beside = try cli.run("statement", "check", "chen.txt")
        #expect(beside.status == 0 && beside.stdout.hasPrefix("NOTE chen.proof.txt is damaged (checkpoint: checkpointSignature"), "\(beside.stdout)")
        // A statement changed beside it: rejected, and nothing said of that checkpoint's root as the ledger's.
        let text = try cli.file("chen.txt")
        try text.replacingOccurrences(of: "BX-2024-0008    2,880.00", with: "BX-2024-0008    3,880.00")
            .write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        let changed = try cli.run("statement", "check", "chen.txt")
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("NOTE the proof's checkpoint carries no signature by an accountant key of the ledger, so the proof proves nothing")
                && !changed.stdout.contains("but the ledger's checkpoint"), "\(changed.stdout)")
    }

    /// A bundle truncated after the proof was made is rejected, exit 1.
    @Test func truncatedBundleIsRejected() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof").status == 0)
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        #expect(try cli.shell("head -n 12 bundle/entries.jsonl > short.jsonl && mv short.jsonl bundle/entries.jsonl").status == 0)
        let check = try cli.run("statement", "check", "chen.txt", "--bundle", "bundle")
        #expect(check.status == 1)
        #expect(check.stdout.contains("ledgerTruncated: the checkpoint covers 16 entries, the ledger now has 12"))
    }

    /// A ledger cut and written again with the real key since the statement was printed: the
    /// statement is held to its proof alone, and the inspector is told to keep it — it had been
    /// called altered, for the ledger now prints other figures. A figure changed on it is still
    /// named.
    @Test func aStatementOfALedgerRewrittenSinceIsKept() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        let cut = """
            python3 -c "
            import sqlite3
            db = sqlite3.connect('baixin.fenhong')
            db.executescript('DROP TRIGGER entry_no_delete; DROP TRIGGER tree_node_no_delete; DROP TRIGGER cosignature_no_delete; DROP TRIGGER checkpoint_no_delete; '
                + 'DELETE FROM entry WHERE seq >= 10; DELETE FROM tree_node WHERE ((idx + 1) << level) > 10; '
                + 'DELETE FROM cosignature WHERE size > 10; DELETE FROM checkpoint WHERE size > 10;')
            db.commit()"
            """
        let cutting = try cli.shell(cut)
        #expect(cutting.status == 0, "\(cutting.stderr)")
        let short = try cli.run("statement", "check", "chen.txt")
        #expect(short.status == 1)
        #expect(short.stdout.hasPrefix("REJECTED chen.txt checkpoint: ledgerTruncated: the checkpoint covers 16 entries, the ledger now has 10: "
                                       + "it was cut short, or rewritten from an earlier entry\nNOTE the ledger does not extend checkpoint 16 "), "\(short.stdout)")
        // Brought without its proof, or beside one that does not read, the cut is said.
        let proofText = try cli.file("chen.proof.txt")
        try "fenhong.statement-proof/v1\nhousehold".write(to: cli.folder.appendingPathComponent("chen.proof.txt"), atomically: true, encoding: .utf8)
        let unreadable = try cli.run("statement", "check", "chen.txt")
        #expect(unreadable.status == 1)
        #expect(unreadable.stdout.contains("REJECTED chen.txt statement: the statement prints checkpoint 16 (条目数 Size), which the ledger does not have: "
                                           + "the ledger holds 10 entries, so it was cut short since the statement was printed"), "\(unreadable.stdout)")
        try proofText.write(to: cli.folder.appendingPathComponent("chen.proof.txt"), atomically: true, encoding: .utf8)
        for day in 1...6 {
            let income = try cli.run("income", "record", "--amount", "1", "--category", "利息", "--counterparty", "信用社", "--date", "2025-01-0\(day)")
            #expect(income.status == 0, "\(income.stderr)")
        }
        let rewritten = try cli.run("statement", "check", "chen.txt")
        #expect(rewritten.status == 1)
        let lines = rewritten.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains("checkpoint: notConsistent: the ledger of 16 entries does not extend the checkpoint of 16"), "\(rewritten.stdout)")
        #expect(lines[1].contains("held to its proof alone, the amounts chen.txt's lines cite entries for, and its totals, agree with those entries "
                                  + "signed then; nothing else on it can be checked without the ledger as it was (lines citing no entry"), "\(lines[1])")
        // Without its proof, the proof made again from the rewritten ledger is of another root than
        // the statement prints: said so, not the rewritten ledger's figures as what it should print.
        try FileManager.default.moveItem(at: cli.folder.appendingPathComponent("chen.proof.txt"), to: cli.folder.appendingPathComponent("kept.proof.txt"))
        let alone = try cli.run("statement", "check", "chen.txt")
        #expect(alone.status == 1)
        #expect(alone.stdout.hasPrefix("REJECTED chen.txt statement: footerMismatch: it prints root "), "\(alone.stdout)")
        #expect(alone.stdout.contains("so its figures are not compared with what the ledger prints\nNOTE chen.txt prints root "), "\(alone.stdout)")
        try FileManager.default.moveItem(at: cli.folder.appendingPathComponent("kept.proof.txt"), to: cli.folder.appendingPathComponent("chen.proof.txt"))

        let text = try cli.file("chen.txt")
        let paid = try #require(text.split(separator: "\n").first { $0.contains("BX-2024-0008") })
        try text.replacingOccurrences(of: paid, with: paid.replacingOccurrences(of: "2,880.00", with: "3,880.00"))
            .write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        let forged = try cli.run("statement", "check", "chen.txt")
        #expect(forged.stdout.contains("amountMismatch: it prints 3,880.00, entry 15 records 2,880.00"), "\(forged.stdout)")
        #expect(forged.stdout.contains("the amounts chen.txt's lines cite entries for, or its totals, differ from those entries (above)"), "\(forged.stdout)")
    }

    /// A statement brought alone is checked against a bundle as against a ledger: its proof is
    /// made again from the bundle's bodies and checkpoints; an altered amount is still caught.
    @Test func statementWithoutItsProofAgainstABundle() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--date", "2024-12-31").status == 0)
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        let check = try cli.run("statement", "check", "chen.txt", "--bundle", "bundle")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("(no proof file: the proof was made again from the bundle)\nNOTE held to no kept checkpoint: the bundle was taken"), "\(check.stdout)")
        let text = try cli.file("chen.txt")
        try text.replacingOccurrences(of: "已付合计          5,760.00", with: "已付合计          6,760.00")
            .write(to: cli.folder.appendingPathComponent("chen.txt"), atomically: true, encoding: .utf8)
        #expect(try cli.file("chen.txt") != text)
        let altered = try cli.run("statement", "check", "chen.txt", "--bundle", "bundle")
        #expect(altered.status == 1, "\(altered.stdout)")
        #expect(altered.stdout.contains("REJECTED chen.txt statement line"), "\(altered.stdout)")
    }

    /// Checked against another village's ledger, a statement is rejected, saying whose ledger it
    /// is, not that it may have been altered.
    @Test func statementOfAnotherLedgerSaysSo() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        #expect(try cli.run("init", "--origin", "fenhong/152223/other", "--org", "别的嘎查", "--village", "别的嘎查",
                            "--ledger", "other.fenhong", "--key", "accountant.key").status == 0)
        let withProof = try cli.run("statement", "check", "chen.txt", "--ledger", "other.fenhong")
        #expect(withProof.stdout.hasPrefix("REJECTED chen.txt checkpoint: checkpointOrigin: the checkpoint is of fenhong/152223/baixin, the ledger is fenhong/152223/other"))
        #expect(try cli.shell("rm chen.proof.txt").status == 0)
        let check = try cli.run("statement", "check", "chen.txt", "--ledger", "other.fenhong")
        #expect(check.status == 1, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout == "REJECTED chen.txt statement: the statement is of ledger fenhong/152223/baixin, not of fenhong/152223/other: check it against its own ledger\n", "\(check.stdout)")
    }

    /// A key a later key.add names signs for a statement only once a checkpoint signed by a key
    /// already trusted holds that key.add: with that checkpoint deleted, a forger's key (one
    /// entry with the real key, or none) proves nothing; with it, the new key is the ledger's.
    @Test func keyNoCheckpointVouchesForIsNotTrusted() throws {
        let cli = try ledger()
        let generated = try cli.run("key", "generate", "--name", "baixin-accountant", "--out", "second.key")
        let vkey = try #require(generated.stdout.split(separator: "\n").last.map(String.init))
        #expect(try cli.run("key", "add", "--ledger", "baixin.fenhong", "--key", "accountant.key", "--vkey", vkey, "--role", "accountant").status == 0)  // entry 16, checkpoint 17
        #expect(try cli.run("income", "record", "--ledger", "baixin.fenhong", "--key", "second.key", "--amount", "1", "--category", "其他收入",
                            "--counterparty", "x", "--date", "2024-12-30").status == 0)  // entry 17, checkpoint 18, by the new key
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        let vouched = try cli.run("statement", "check", "chen.txt")
        #expect(vouched.status == 0, "\(vouched.stdout) \(vouched.stderr)")
        #expect(try cli.shell("sqlite3 baixin.fenhong 'DROP TRIGGER checkpoint_no_delete; DELETE FROM checkpoint WHERE size = 17'").status == 0)
        try expectRejected(cli, ["chen.txt"], containing: "REJECTED")
    }

    /// With a checkpoint kept from before (--trusted), a ledger made afresh under the same
    /// origin with a key of its own — whose statements check against itself — is rejected.
    @Test func keptCheckpointHoldsTheLedger() throws {
        let cli = try ledger()
        let kept = try cli.run("checkpoint", "--ledger", "baixin.fenhong")
        #expect(kept.status == 0, "\(kept.stderr)")
        try kept.stdout.write(to: cli.folder.appendingPathComponent("kept.txt"), atomically: true, encoding: .utf8)
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        let held = try cli.run("statement", "check", "chen.txt", "--trusted", "kept.txt")
        #expect(held.status == 0 && held.stdout.hasSuffix("; it extends the checkpoint kept in kept.txt\n"), "\(held.stdout) \(held.stderr)")
        // An inspector's folder of kept checkpoints (verify --keep): the village's is held to.
        #expect(try cli.run("verify", "baixin.fenhong", "--keep", "K").status == 0)
        let folder = try cli.run("statement", "check", "chen.txt", "--trusted", "K")
        #expect(folder.status == 0 && folder.stdout.hasSuffix("; it extends the checkpoint kept in K/fenhong_152223_baixin.txt\n"), "\(folder.stdout) \(folder.stderr)")
        // Every checkpoint kept of the village there is held to, as verify holds a ledger to them.
        // Its root's first character changed: to B where it was A (a random root begins with A one
        // time in 64, and the note was then left as signed).
        #expect(try cli.shell("sqlite3 baixin.fenhong 'SELECT note FROM checkpoint WHERE size = 5' | sed '3{s/^A/#/;s/^[^#]/A/;s/^#/B/}' > K/older.txt").status == 0)
        #expect(try cli.file("K/older.txt") != (try cli.shell("sqlite3 baixin.fenhong 'SELECT note FROM checkpoint WHERE size = 5'").stdout))
        let forged = try cli.run("statement", "check", "chen.txt", "--trusted", "K")
        #expect(forged.status == 1 && forged.stdout.hasPrefix("REJECTED chen.txt ledger: inconsistentWithTrusted: the kept checkpoint carries no valid signature "
                                                             + "by an accountant key of this ledger (the checkpoint kept in K/older.txt)"), "\(forged.stdout) \(forged.stderr)")
        #expect(try cli.shell("rm K/older.txt").status == 0)
        #expect(try cli.shell("mkdir K2 && cp kept.txt K2/other.txt && sed -i 's|^fenhong/152223/baixin$|fenhong/152223/gaoxian|' K2/other.txt").status == 0)
        let none = try cli.run("statement", "check", "chen.txt", "--trusted", "K2")
        #expect(none.status == 2 && none.stderr == "fenhong: --trusted K2 holds no checkpoint kept of fenhong/152223/baixin, the village of baixin.fenhong\n",
                "\(none.stdout) \(none.stderr)")
        let fresh: [[String]] = [
            ["key", "generate", "--name", "baixin-accountant", "--out", "forger.key"],
            ["init", "--origin", "fenhong/152223/baixin", "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查", "--ledger", "fresh.fenhong", "--key", "forger.key"],
            ["household", "add", "--household", "152223-001", "--head", "陈梅", "--members", "3", "--poor", "--id", "152223198001181234",
             "--account", "****6217", "--date", "2018-06-01", "--ledger", "fresh.fenhong", "--key", "forger.key"],
            ["statement", "--household", "152223-001", "--ledger", "fresh.fenhong", "--out", "fresh.txt", "--proof"],
        ]
        for step in fresh { #expect(try cli.execute(step).status == 0, "\(step)") }
        #expect(try cli.run("statement", "check", "fresh.txt", "--ledger", "fresh.fenhong").status == 0)
        let rejected = try cli.run("statement", "check", "fresh.txt", "--ledger", "fresh.fenhong", "--trusted", "kept.txt")
        #expect(rejected.status == 1, "\(rejected.stdout) \(rejected.stderr)")
        #expect(rejected.stdout.hasPrefix("REJECTED fresh.txt ledger: inconsistentWithTrusted: the kept checkpoint carries no valid signature by an accountant key of this ledger"), "\(rejected.stdout)")
        // A kept checkpoint must be signed, as verify takes one: its text with a made-up line is no kept checkpoint.
        let text = try cli.file("kept.txt")
        let unsigned = String(text[..<text.range(of: "\n\n")!.lowerBound]) + "\n\n— nobody " + Data(repeating: 7, count: 68).base64EncodedString() + "\n"
        try unsigned.write(to: cli.folder.appendingPathComponent("unsigned.txt"), atomically: true, encoding: .utf8)
        let forgedKept = try cli.run("statement", "check", "chen.txt", "--trusted", "unsigned.txt")
        #expect(forgedKept.status == 1 && forgedKept.stdout.contains("no valid signature"), "\(forgedKept.stdout) \(forgedKept.stderr)")
    }

    /// The footer prints what the ledger proves: no cosignature from a cosigned note copied
    /// under another size, and as signer the accountant whose signature verifies, not a line
    /// added above it.
    @Test func footerPrintsOnlyWhatVerifies() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--out", "demo").status == 0)
        #expect(try cli.shell("""
            sqlite3 demo/baixin.fenhong "INSERT INTO checkpoint SELECT 150, note FROM checkpoint WHERE size = 241; \
            INSERT INTO cosignature SELECT 150, key_id, line FROM cosignature WHERE size = 241;"
            """).status == 0)
        let copied = try cli.run("statement", "--ledger", "demo/baixin.fenhong", "--household", "152223-007", "--date", "2022-12-01", "--size", "206")
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(!copied.stdout.contains("联署"), "\(copied.stdout)")
        // A line above the accountant's signature names nobody on the statement.
        #expect(try cli.shell("""
            python3 -c "p='demo/bundle/checkpoints/241.txt'; t=open(p).read(); i=t.index('— baixin'); open(p,'w').write(t[:i] + '— 扎赉特旗农经站 ' + 'A' * 92 + '\\n' + t[i:])"
            """).status == 0)
        #expect(try cli.run("statement", "--ledger", "demo/baixin.fenhong", "--household", "152223-007", "--out", "g.txt").status == 0)
        let genuine = try cli.file("g.txt")
        #expect(genuine.contains("签署 Signer  baixin-accountant"))
        try genuine.replacingOccurrences(of: "签署 Signer  baixin-accountant", with: "签署 Signer  扎赉特旗农经站")
            .write(to: cli.folder.appendingPathComponent("s.txt"), atomically: true, encoding: .utf8)
        try expectRejected(cli, ["s.txt", "--bundle", "demo/bundle"], containing: "REJECTED")
        #expect(try cli.run("statement", "check", "g.txt", "--bundle", "demo/bundle").status == 0)
    }

    /// `query` run by the sqlite3 shell on the fixture's ledger; its output.
    private func sql(_ cli: CLI, _ query: String) throws -> String {
        try query.write(to: cli.folder.appendingPathComponent("q.sql"), atomically: true, encoding: .utf8)
        let run = try cli.shell("sqlite3 baixin.fenhong < q.sql")
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.trimmingCharacters(in: .newlines)
    }

    /// Appends `payload` as entry 16 of the fixture's ledger, recorded `at`, as a forger without
    /// the key would: chained and hashed right, covered by no checkpoint.
    private func appendUnsigned(_ cli: CLI, _ payload: EntryPayload, at time: String) throws {
        let accountant = try KeyFile.read(cli.folder.appendingPathComponent("accountant.key").path)
        let last = Entry.hash(body: Array(try sql(cli, "SELECT body FROM entry WHERE seq = 15").utf8))
        let body = Entry(seq: 16, prev: last, at: LedgerTime(time)!, by: accountant.id, payload: payload).canonicalBody()
        let hex = Entry.hash(body: body).bytes.map { String(format: "%02x", $0) }.joined()
        _ = try sql(cli, "INSERT INTO entry (seq, body, hash) VALUES (16, '\(String(decoding: body, as: UTF8.self))', X'\(hex)')")
    }

    /// A cosignature counts only by an inspector whose key.add the accountants signed for: one
    /// appended after the last checkpoint, unsigned, under the real inspector's name, cosigns
    /// nothing a statement may print. A bundle line whose body claims another place is refused.
    @Test func cosignerAddedAfterTheCheckpointIsNone() throws {
        let cli = try ledger()
        let forger = try NoteSigner.generate(name: "zalaite-inspector", algorithm: .cosignature)
        try appendUnsigned(cli, .keyAdd(KeyChange(key: forger.verifier.vkey, role: .inspector)), at: "2024-12-31T08:00:00Z")
        var note = try SignedNote(parsing: try sql(cli, "SELECT note FROM checkpoint WHERE size = 16") + "\n")
        try note.cosign(with: forger, time: 1_735_603_200)
        _ = try sql(cli, "INSERT INTO cosignature VALUES (16, '\(forger.id)', '\(note.signatures.last!.line)')")
        // Added at 16, it cosigns no checkpoint of 16 or below: the statement names no cosigner,
        // and one that names it is rejected.
        #expect(try cli.run("statement", "--household", "152223-001", "--size", "16", "--date", "2024-12-31", "--out", "s.txt").status == 0)
        let printed = try cli.file("s.txt")
        #expect(!printed.contains("zalaite-inspector"), "\(printed)")
        try (printed + "监督小组联署 Cosigned：zalaite-inspector，检查点 16（2024-12-31）\n")
            .write(to: cli.folder.appendingPathComponent("claimed.txt"), atomically: true, encoding: .utf8)
        try expectRejected(cli, ["claimed.txt"], containing: "REJECTED")
        // In a bundle, a line appended with an old seq would be read into the past: refused.
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        #expect(try cli.shell("sed -n 4p bundle/entries.jsonl >> bundle/entries.jsonl").status == 0)
        let moved = try cli.run("statement", "check", "s.txt", "--bundle", "bundle")
        #expect(moved.status == 2 && moved.stderr.contains("line 18 is entry 3, not entry 17"), "\(moved.stderr)")
    }

    /// An entry no accountant signed for (appended after the last checkpoint) makes no statement
    /// stale: the household's genuine statement still checks.
    @Test func unsignedEntryMakesNoStatementStale() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        try appendUnsigned(cli, .householdUpdate(HouseholdUpdate(household: "152223-001", members: 9, date: LedgerDate("2024-12-30")!)),
                           at: "2024-12-30T08:00:00Z")
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }

    /// Deleting the checkpoints after a statement's own cannot shorten what it is held to: a
    /// statement at checkpoint 16 without the payment entry 15 records is rejected, with its
    /// genuine proof, though the ledger no longer holds checkpoint 16. A proof alone of a
    /// household the ledger does not register proves nothing.
    @Test func deletedCheckpointsShortenNothing() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        #expect(try cli.shell("cp baixin.fenhong printer.fenhong").status == 0)
        #expect(try cli.shell("sqlite3 printer.fenhong 'DROP TRIGGER entry_no_delete; DELETE FROM entry WHERE seq = 15'").status == 0)
        #expect(try cli.run("statement", "--ledger", "printer.fenhong", "--household", "152223-001", "--size", "16", "--date", "2024-12-31",
                            "--out", "short.txt").status == 0)
        #expect(try cli.file("short.txt") != cli.file("chen.txt"))
        _ = try sql(cli, "DROP TRIGGER checkpoint_no_delete; DELETE FROM checkpoint WHERE size = 16;")
        try expectRejected(cli, ["short.txt", "--proof-file", "chen.proof.txt"], containing: "REJECTED")
        #expect(try cli.run("statement", "check", "chen.txt").status == 0)
        let proof = try cli.file("chen.proof.txt").replacingOccurrences(of: "household 152223-001", with: "household 152223-099")
        try proof.write(to: cli.folder.appendingPathComponent("nobody.proof.txt"), atomically: true, encoding: .utf8)
        try expectRejected(cli, ["nobody.proof.txt"], containing: "household 152223-099 is not registered in the ledger at checkpoint 16")
        #expect(try cli.run("export", "--out", "bundle").status == 0)
        try expectRejected(cli, ["nobody.proof.txt", "--bundle", "bundle"], containing: "household 152223-099 is not registered in the ledger at checkpoint 16")
    }

    /// The accountant's next command signs for nothing written beside fenhong: an entry
    /// inserted after the last checkpoint (as a forger without the key would) stops every append
    /// until it is put right, and so does a checkpoint whose root is not the tree's.
    @Test func appendSignsNothingWrittenBesideIt() throws {
        let cli = try ledger()
        try appendUnsigned(cli, .householdUpdate(HouseholdUpdate(household: "152223-001", account: "****6666", date: LedgerDate("2024-12-30")!)),
                           at: "2024-12-30T08:00:00Z")
        let record = ["income", "record", "--ledger", "baixin.fenhong", "--key", "accountant.key", "--amount", "1", "--category", "其他收入",
                      "--counterparty", "x", "--date", "2024-12-31"]
        let refused = try cli.execute(record)
        #expect(refused.status == 2)
        #expect(refused.stderr == "fenhong: baixin.fenhong was changed outside fenhong: it holds 17 entries, but its latest checkpoint covers 16; "
                + "nothing was recorded, and nothing will be until it is put right (run `fenhong verify baixin.fenhong`)\n", "\(refused.stderr)")
        #expect(try sql(cli, "SELECT count(*) FROM entry") == "17")
        _ = try sql(cli, "DROP TRIGGER entry_no_delete; DELETE FROM entry WHERE seq = 16;")
        #expect(try cli.execute(record).status == 0)  // put right: appends again (entry 16, checkpoint 17)
        _ = try sql(cli, "DROP TRIGGER checkpoint_no_update; UPDATE checkpoint SET note = (SELECT note FROM checkpoint WHERE size = 16) WHERE size = 17;")
        #expect(try cli.execute(record).stderr.contains("but its latest checkpoint covers 16"))
    }

    /// Nothing is added to a ledger whose bytes were changed outside fenhong — a body's, or the
    /// file's last byte cut — which every command reading it refuses (a write had signed a
    /// checkpoint over it, exit 0).
    @Test func nothingIsAddedToADamagedLedger() throws {
        let cli = try ledger()
        let record = ["income", "record", "--amount", "1", "--category", "其他收入", "--counterparty", "x", "--date", "2024-12-31"]
        _ = try sql(cli, "DROP TRIGGER entry_no_update; UPDATE entry SET body = replace(body, '\"amount\":288000', '\"amount\":288001') WHERE seq = 6;")
        let before = try Data(contentsOf: cli.folder.appendingPathComponent("baixin.fenhong"))
        let refused = try cli.execute(record)
        #expect(refused.status == 2)
        #expect(refused.stderr == "fenhong: baixin.fenhong was changed outside fenhong: entry 6 does not match its stored hash; nothing was done (run `fenhong verify baixin.fenhong`)\n", "\(refused.stderr)")
        #expect(try Data(contentsOf: cli.folder.appendingPathComponent("baixin.fenhong")) == before)
        #expect(try sql(cli, "SELECT count(*) FROM entry") == "16")
    }

    /// A ledger whose entry table holds two rows of one seq (rebuilt without its key) is refused:
    /// the second row would be taken for the next entry of the tree, under a real checkpoint.
    @Test func duplicatedEntryRowIsRefused() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-001", "--out", "chen.txt", "--proof", "--date", "2024-12-31").status == 0)
        #expect(try cli.shell("""
            sqlite3 baixin.fenhong "CREATE TABLE kept AS SELECT seq, body, hash FROM entry; DROP TABLE entry; \
            CREATE TABLE entry (seq INTEGER, body TEXT, hash BLOB); INSERT INTO entry SELECT * FROM kept; \
            INSERT INTO entry SELECT * FROM kept WHERE seq = 15; DROP TABLE kept;"
            """).status == 0)
        let check = try cli.run("statement", "check", "chen.txt")
        #expect(check.status == 2, "\(check.stdout) \(check.stderr)")
        #expect(check.stderr.contains("its entries are not 0, 1, 2 … in order: entry 15 stands where entry 16 should"), "\(check.stderr)")
    }

    /// A retired inspector's cosignature on a checkpoint after its retirement is none.
    @Test func retiredInspectorCosignsNothing() throws {
        let cli = try CLI()
        #expect(try cli.run("demo", "--out", "demo").status == 0)
        let vkey = try cli.shell("sqlite3 demo/baixin.fenhong \"SELECT json_extract(body, '$.key') FROM entry WHERE kind = 'key.add' AND json_extract(body, '$.role') = 'inspector'\"")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try cli.run("key", "retire", "--ledger", "demo/baixin.fenhong", "--key", "demo/accountant.key", "--vkey", vkey, "--role", "inspector").status == 0)  // 241, checkpoint 242
        let inspector = try KeyFile.read(cli.folder.appendingPathComponent("demo/inspector.key").path)
        let text = try cli.shell("sqlite3 demo/baixin.fenhong \"SELECT note FROM checkpoint WHERE size = 242\"").stdout
        var note = try SignedNote(parsing: text.hasSuffix("\n\n") ? String(text.dropLast()) : text)
        try note.cosign(with: inspector, time: 1_767_225_600)
        try "INSERT INTO cosignature VALUES (242, '\(inspector.id)', '\(note.signatures.last!.line)');"
            .write(to: cli.folder.appendingPathComponent("q.sql"), atomically: true, encoding: .utf8)
        #expect(try cli.shell("sqlite3 demo/baixin.fenhong < q.sql").status == 0)
        #expect(try cli.shell("sqlite3 demo/baixin.fenhong 'SELECT size FROM cosignature'").stdout == "241\n242\n")
        let statement = try cli.run("statement", "--ledger", "demo/baixin.fenhong", "--household", "152223-007")
        #expect(statement.status == 0, "\(statement.stderr)")
        #expect(statement.stdout.contains("检查点 241") && !statement.stdout.contains("检查点 242"), "\(statement.stdout)")
    }

    /// What cannot run exits 2 with one sentence: no proof, no household, unknown household.
    @Test func cannotRunExitsTwo() throws {
        let cli = try ledger()
        let missing = try cli.run("statement", "check", "nothing.txt")
        #expect(missing.status == 2)
        #expect(missing.stderr == "fenhong: nothing.txt does not exist\n")
        #expect(try cli.shell("echo statement > lonely.txt").status == 0)
        let noProof = try cli.run("statement", "check", "lonely.txt")
        #expect(noProof.status == 2)
        #expect(noProof.stderr == "fenhong: the statement does not print its household, date and checkpoint size (户号, 截至, 条目数), so its proof cannot be made again; give its proof file\n")
        let bundled = try cli.run("statement", "check", "lonely.txt", "--bundle", "nowhere")
        #expect(bundled.stderr == "fenhong: the statement does not print its household, date and checkpoint size (户号, 截至, 条目数), so its proof cannot be made again; give its proof file\n")
        let both = try cli.run("statement", "check", "lonely.txt", "--bundle", "b", "--ledger", "baixin.fenhong")
        #expect(both.status == 2 && both.stderr == "fenhong: give --ledger or --bundle, not both: a statement is checked against one of them\n", "\(both.stderr)")
        let unknown = try cli.run("statement", "--household", "152223-404")
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "fenhong: household 152223-404 is not registered in the ledger\n")
        #expect(try cli.run("statement", "--household", "152223-001", "--proof").status == 2)
    }

    /// HTML and PDF statements render; the PDF's text (pdftotext) holds the head's name, amounts and 大写,
    /// and the HTML and PDF statements check against their proofs.
    @Test func htmlAndPDF() throws {
        let cli = try ledger()
        #expect(try cli.run("statement", "--household", "152223-002", "--format", "html", "--out", "bao.html", "--proof").status == 0)
        #expect(try cli.file("bao.html").contains("<td class=\"num\">11,520.00</td>"))
        #expect(try cli.run("statement", "check", "bao.html").status == 0)
        let pdf = try cli.run("statement", "--household", "152223-002", "--format", "pdf", "--out", "bao.pdf", "--proof", "--large-print")
        #expect(pdf.status == 0, "\(pdf.stderr)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return }
        let text = try cli.shell("pdftotext -layout bao.pdf -").stdout
        for needle in ["包金山", "11,520.00", "23,040.00", "壹万壹仟伍佰贰拾元整"] { #expect(text.contains(needle), "missing \(needle)") }
        // Large print sets each row as lines `header：value`; its statements check too, and an
        // amount changed there is caught.
        let largePrint = try cli.run("statement", "check", "bao.pdf")
        #expect(largePrint.status == 0, "\(largePrint.stdout) \(largePrint.stderr)")
        #expect(try cli.run("statement", "--household", "152223-002", "--format", "html", "--large-print", "--out", "big.html", "--proof").status == 0)
        #expect(try cli.run("statement", "check", "big.html").status == 0)
        #expect(try cli.shell("sed -i 's/金额（元）：11,520.00/金额（元）：11,620.00/' big.html").status == 0)
        let altered = try cli.run("statement", "check", "big.html")
        #expect(altered.status == 1)
        #expect(altered.stdout.contains("notAsPrinted: it reads \"<p>金额（元）：11,620.00</p>\"; fenhong prints \"<p>金额（元）：11,520.00</p>\""), "\(altered.stdout)")
        let normal = try cli.run("statement", "--household", "152223-002", "--format", "pdf", "--out", "bao2.pdf", "--proof")
        #expect(normal.status == 0)
        let check = try cli.run("statement", "check", "bao2.pdf")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
    }

    /// --speech writes a script in spoken Chinese, and a WAV when espeak-ng is installed.
    @Test func speech() throws {
        let cli = try ledger()
        let run = try cli.run("statement", "--household", "152223-001", "--year", "2024", "--speech", "--out", "chen.speech.txt")
        #expect(run.status == 0, "\(run.stderr)")
        let script = try cli.file("chen.speech.txt")
        #expect(script.contains("应分合计两千八百八十元。"))
        #expect(script.contains("冲销二零二四年十二月二十日支付的两千八百八十元，原因：账户错误。"), "\(script)")
        // Its audio is never written through a link.
        #expect(try cli.shell("ln -s elsewhere.wav linked.speech.wav").status == 0)
        let linked = try cli.execute(["statement", "--household", "152223-001", "--year", "2024", "--speech", "--out", "linked.speech.txt"])
        #expect(linked.status == 0 && linked.stderr.contains("no audio: linked.speech.wav is a link"), "\(linked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("elsewhere.wav").path))
        #expect(!script.contains("|"))
        // A script is heard, not checked: said so (exit 2), not rejected as a forgery.
        let check = try cli.execute(["statement", "check", "chen.speech.txt"])
        #expect(check.status == 2 && check.stderr.hasPrefix("fenhong: chen.speech.txt is a listening script"), "\(check.stdout)\(check.stderr)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng") {
            let size = try FileManager.default.attributesOfItem(atPath: cli.folder.appendingPathComponent("chen.speech.wav").path)[.size] as? Int
            #expect((size ?? 0) > 10_000)
        }
    }
}
