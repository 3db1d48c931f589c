import Foundation
import Testing

/// An inspector verifies many villages in one run: every ledger in the folders given is found
/// and counted, each is held to the checkpoint kept for its village, and copies of one village's
/// ledger that disagree, or a village whose ledger is missing, are said in the summary.
@Suite struct VerifySweepTests {

    /// Ledgers in subfolders, named in capitals, or only SQLite inside are found; a bundle cut
    /// short cannot be read (exit 2); other files are passed over and counted.
    @Test func everyLedgerInTheFoldersIsCounted() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir -p U/zalaite && cp d/baixin.fenhong U/zalaite/ && cp d/baixin.fenhong U/A.FENHONG && cp other.fenhong U/c.db"
                              + " && cp -r d/bundle U/v20 && rm U/v20/entries.jsonl && echo x > U/notes.txt").status == 0)
        let run = try cli.execute(["verify", "U"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("U/v20: could not be read: U/v20 is not a Fenhong bundle"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("""

            4 ledgers: 3 intact, 0 with problems, 1 could not be read; 1 other file passed over
            could not be read: U/v20
            3 intact ledgers were held to no kept checkpoint: keep each village's latest (--keep FOLDER) and verify \
            with --trusted FOLDER next time; only that shows a ledger cut short, or rewritten and signed again

            """), "\(run.stdout)")
        #expect(run.stderr.contains("fenhong: passed over U/notes.txt: not a ledger file or a bundle folder"))
        // The same ledger named twice is verified once.
        #expect(try cli.execute(["verify", "U/A.FENHONG", "U/../U/A.FENHONG"]).stdout.contains("tree size 241") == true)
        #expect(try cli.execute(["verify", "U/A.FENHONG", "U/../U/A.FENHONG"]).stdout.contains("ledgers:") == false)
    }

    /// A league's small ledgers are verified two at a time, yet reported in the folder's order:
    /// each ledger's line of `--json` is the one it has verified alone, a damaged one's included.
    @Test func smallVillagesAreReportedInOrder() throws {
        let cli = try CLI()
        #expect(try cli.shell("mkdir L").status == 0)
        var ledgers: [String] = []
        for seed in 1...8 {
            ledgers.append("L/v\(seed).fenhong")
            #expect(try cli.run("bench", "generate", "--ledger", ledgers.last!, "--entries", "\(100 + 40 * seed)", "--seed", "\(seed)").status == 0)
        }
        #expect(try cli.shell("sqlite3 L/v1.fenhong 'PRAGMA wal_checkpoint(TRUNCATE)' && head -c 20000 L/v1.fenhong > L/v4b.fenhong").status == 0)
        ledgers.insert("L/v4b.fenhong", at: 4)
        let run = try cli.execute(["verify", "--json", "L"])
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == ledgers.count + 1, "\(run.stdout)")
        for (line, ledger) in zip(lines, ledgers) {
            #expect(line + "\n" == (try cli.execute(["verify", "--json", ledger]).stdout), "\(ledger)")
        }
        #expect(lines.last?.hasPrefix("{\"intact\":8,\"keptWithoutLedger\":[],\"ledgers\":9,") == true, "\(run.stdout)")
        #expect(lines.last?.contains("\"unreadable\":[\"L/v4b.fenhong\"]") == true, "\(run.stdout)")
    }

    /// One file under two names is one ledger (a hard link is verified once: two verifications of
    /// it at once had shared, and lost, its locks); two files are two, even where a link followed
    /// by `..` names a file Foundation's reading of the path takes for the other.
    @Test func aFileIsOneLedgerUnderAnyName() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir -p H real/sub d && cp d/baixin.fenhong H/a.fenhong && ln H/a.fenhong H/c.fenhong && cp other.fenhong H/b.fenhong"
                              + " && cp d/baixin.fenhong real/x.fenhong && cp other.fenhong d/x.fenhong && ln -s ../real/sub d/lnk").status == 0)
        let hard = try cli.execute(["verify", "H"])
        #expect(hard.status == 0, "\(hard.stdout)\(hard.stderr)")
        #expect(hard.stderr.contains("fenhong: H/c.fenhong is another name of H/a.fenhong (a hard link): verified once, as H/a.fenhong\n"), "\(hard.stderr)")
        #expect(hard.stdout.contains("\n2 ledgers: 2 intact") && hard.stdout.contains("H/a.fenhong:") && !hard.stdout.contains("H/c.fenhong"), "\(hard.stdout)")
        let linked = try cli.execute(["verify", "d/lnk/../x.fenhong", "d/x.fenhong"])
        #expect(linked.stdout.contains("\n2 ledgers: 2 intact") && linked.stdout.contains("intact, 241 entries") && linked.stdout.contains("intact, 300 entries"), "\(linked.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("H").path).sorted()
        #expect(files == ["a.fenhong", "b.fenhong", "c.fenhong"], "\(files)")
    }

    /// SQLite keeps a `-wal` beside each name of a file: written by one name while a reader held
    /// it, its newest entry is in that name's `-wal`, and that name is the one verified when the
    /// file has another name since (fenhong writes through no file of two names, but a ledger may
    /// be linked after it was written, or written by another program).
    @Test func theNameWhoseWalHoldsEntriesIsVerified() throws {
        let cli = try CLI.villages()
        let write = "\(CLI.binary.path) income record --ledger HL/c.fenhong --key d/accountant.key --amount 1.00 --category 其他 --counterparty x --date 2024-12-30"
        #expect(try cli.shell("mkdir HL && cp d/baixin.fenhong HL/c.fenhong"
                              + " && ((echo 'SELECT count(*) FROM entry;'; sleep 2) | sqlite3 -readonly HL/c.fenhong > /dev/null &) && sleep 0.5 && \(write)"
                              + " && ln HL/c.fenhong HL/a.fenhong").status == 0)
        try cli.shell("sleep 2")  // the reader gone; the -wal beside c.fenhong keeps the entry written
        // Through either name now, no more is written.
        let refused = try cli.execute(["income", "record", "--ledger", "HL/a.fenhong", "--key", "d/accountant.key", "--amount", "1.00",
                                       "--category", "其他", "--counterparty", "x", "--date", "2024-12-30"])
        #expect(refused.status != 0 && refused.stderr.contains("HL/a.fenhong is one file with 2 names (hard links)"), "\(refused.stderr)")
        let size = try FileManager.default.attributesOfItem(atPath: cli.folder.appendingPathComponent("HL/c.fenhong-wal").path)[.size] as? Int
        #expect((size ?? 0) > 0)
        let run = try cli.execute(["verify", "HL"])
        #expect(run.status == 0 && run.stdout.contains("tree size 242"), "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("HL/a.fenhong is another name of HL/c.fenhong (a hard link): verified once, as HL/c.fenhong, whose -wal holds its newest entries"), "\(run.stderr)")
    }

    /// Held to a folder of kept checkpoints, each ledger by its village; two copies of one village
    /// with different histories at one size are a split view (exit 1); a kept checkpoint whose
    /// village has no ledger in the run says the ledger is missing (exit 2).
    @Test func keptCheckpointsAndSplitViews() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir kept C && cp d/baixin.fenhong C/d3.fenhong && cp d/baixin.fenhong C/d5.fenhong && cp other.fenhong C/").status == 0)
        for (ledger, kept) in [("d/baixin.fenhong", "kept/baixin.txt"), ("other.fenhong", "kept/other.txt")] {
            try Data(try cli.run("checkpoint", "--ledger", ledger).stdout.utf8).write(to: cli.folder.appendingPathComponent(kept))
        }
        for (file, amount) in [("C/d3.fenhong", "100"), ("C/d5.fenhong", "200")] {
            #expect(try cli.execute(["income", "record", "--ledger", file, "--key", "d/accountant.key", "--amount", amount, "--category", "其他",
                                     "--counterparty", "x", "--date", "2024-12-30"]).status == 0)
        }
        let run = try cli.execute(["verify", "C", "--trusted", "kept"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "; extends the checkpoint kept of size 241;").count == 3, "\(run.stdout)")
        #expect(run.stdout.contains("; extends the checkpoint kept of size 300\n"), "\(run.stdout)")
        #expect(run.stdout.contains("3 ledgers: 3 intact, 0 with problems, 0 could not be read\nsplit view: fenhong/152223/baixin: C/d3.fenhong (root "), "\(run.stdout)")
        #expect(run.stdout.contains("each hold 242 entries of this village with a different root: one village, two histories (a split view)"), "\(run.stdout)")
        #expect(!run.stdout.contains("held to no kept checkpoint"))
        // Nothing is kept of a village whose copies disagree.
        let keeping = try cli.execute(["verify", "C", "--trusted", "kept", "--keep", "kept"])
        #expect(keeping.status == 1)
        #expect(keeping.stdout.hasSuffix("""
            kept in kept: the latest checkpoint of 1 village (1 written, 0 already there); next time verify with --trusted kept
            not kept: fenhong/152223/baixin: its copies disagree (a split view); nothing kept for this village

            """), "\(keeping.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("kept").path).sorted()
                == ["baixin.txt", "fenhong_152223_synthetic-7.txt", "other.txt"])
        #expect(try cli.shell("rm C/other.fenhong kept/fenhong_152223_synthetic-7.txt").status == 0)
        let missing = try cli.execute(["verify", "C", "--trusted", "kept", "--json"])
        #expect(missing.status == 2)
        let summary = missing.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.contains(#""keptWithoutLedger":["kept/other.txt"]"#) && summary.contains(#""summary":true"#), "\(summary)")
    }

    /// A checkpoint given as the ledger, or a ledger as the checkpoint, is named as such; a
    /// byte-order mark an editor put before a bundle's first line is no part of entry 0.
    @Test func misplacedFilesAreNamed() throws {
        let cli = try CLI.villages()
        try Data(try cli.run("checkpoint", "--ledger", "d/baixin.fenhong").stdout.utf8).write(to: cli.folder.appendingPathComponent("kept.txt"))
        let asLedger = try cli.execute(["verify", "kept.txt"])
        #expect(asLedger.status == 2)
        #expect(asLedger.stderr == "fenhong: kept.txt is a checkpoint kept, not a ledger: give it as --trusted, and the ledger or bundle as the path to verify\n")
        let asKept = try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "other.fenhong"])
        #expect(asKept.stderr == "fenhong: --trusted other.fenhong is a ledger file, not a checkpoint kept: give the ledger as the path, "
                + "and as --trusted the checkpoint you kept (fenhong checkpoint prints one)\n")
        // Said to a program reading --json too, as JSON.
        let inJSON = try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "other.fenhong", "--json"])
        #expect(inJSON.status == 2)
        #expect(inJSON.stdout.hasPrefix(#"{"error":"--trusted other.fenhong is a ledger file, not a checkpoint kept"#) && inJSON.stdout.hasSuffix(#","ok":false,"path":"d/baixin.fenhong"}"# + "\n"),
                "\(inJSON.stdout)")
        // A bundle cut short with its checkpoints agrees with them: one of its own is no checkpoint kept.
        #expect(try cli.shell("cp -r d/bundle cut && head -n 236 d/bundle/entries.jsonl > cut/entries.jsonl && for f in cut/checkpoints/*.txt; do [ $(basename $f .txt) -gt 236 ] && rm $f; done; ls cut/checkpoints/236.txt").status == 0)
        let own = try cli.execute(["verify", "cut", "--trusted", "cut/checkpoints/236.txt"])
        #expect(own.status == 2)
        #expect(own.stderr == "fenhong: --trusted cut/checkpoints/236.txt is a checkpoint of the bundle cut being verified, which agrees with it whatever was cut from it "
                + "or rewritten: give the checkpoint you kept from an earlier visit, a copy kept apart from the bundle\n")
        #expect(try cli.execute(["verify", "cut", "--trusted", "cut"]).stderr.hasPrefix("fenhong: --trusted cut holds cut/checkpoints/"))
        #expect(try cli.execute(["verify", "cut", "--trusted", "kept.txt"]).status == 1)
        #expect(try cli.shell("cp -r d/bundle b2 && printf '\\357\\273\\277' | cat - d/bundle/entries.jsonl > b2/entries.jsonl && head -c 3 b2/entries.jsonl | od -An -tx1").stdout
                .contains("ef bb bf"))
        let marked = try cli.execute(["verify", "b2", "--trusted", "kept.txt"])
        #expect(marked.status == 0, "\(marked.stdout)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/verify_bundle.py").path
        let python = try cli.shell("python3 '\(script)' b2")
        #expect(python.status == 0, "\(python.stdout)\(python.stderr)")
    }

    /// One folder holds one village's statements: household numbers repeat across villages, and
    /// another village's written over them would be checked against the wrong ledger.
    @Test func statementsOfTwoVillagesKeepApart() throws {
        let cli = try CLI.villages()
        #expect(try cli.execute(["statements", "--ledger", "d/baixin.fenhong", "--out", "SS"]).status == 0)
        let other = try cli.execute(["statements", "--ledger", "other.fenhong", "--out", "SS"])
        #expect(other.status == 2)
        #expect(other.stderr == "fenhong: SS holds the statements of another village, \"fenhong/152223/baixin\" (SS/.fenhong-origin); write those of "
                + "fenhong/152223/synthetic-7 into a folder of their own: household numbers repeat across villages\n")
        #expect(try cli.execute(["statements", "--ledger", "d/baixin.fenhong", "--out", "SS"]).status == 0)
    }

    /// A link back up the tree is not followed; a damaged file named as a ledger cannot be read
    /// (not passed over); copies of one village of different sizes must extend each other; a
    /// kept checkpoint is read whatever its name, and each of one village's is held to.
    @Test func copiesLinksAndKeptCheckpoints() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir -p loop/v && cp other.fenhong loop/v/ && ln -s .. loop/v/up && ln -s .. loop/v/up2").status == 0)
        let loop = try cli.execute(["verify", "loop"])
        #expect(loop.status == 0 && loop.stdout.contains("1 ledger: 1 intact, 0 with problems, 0 could not be read; 2 other files passed over"), "\(loop.stdout)")
        // A file that does not begin as SQLite is no ledger, whatever its name (Windows' Thumbs.db),
        // and is named as passed over; a folder of kept checkpoints named checkpoints is no bundle,
        // and the folder --trusted names is not searched.
        #expect(try cli.shell("mkdir -p po/checkpoints && cp other.fenhong po/ && printf 'XXXXXXXX' > po/Thumbs.db").status == 0)
        try Data(try cli.run("checkpoint", "--ledger", "other.fenhong").stdout.utf8).write(to: cli.folder.appendingPathComponent("po/checkpoints/other.txt"))
        let po = try cli.execute(["verify", "po", "--trusted", "po/checkpoints"])
        #expect(po.status == 0, "\(po.stdout)\(po.stderr)")
        #expect(po.stdout.contains("1 ledger: 1 intact, 0 with problems, 0 could not be read; 1 other file passed over"), "\(po.stdout)")
        #expect(po.stderr == "fenhong: passed over po/Thumbs.db: not a ledger file or a bundle folder\n", "\(po.stderr)")
        // The genuine copy, and one rewritten from entry 200 on and two entries longer, signed with the real key.
        #expect(try cli.shell("mkdir sv && cp d/baixin.fenhong sv/genuine.fenhong && cp d/baixin.fenhong sv/rewritten.fenhong").status == 0)
        #expect(try cli.execute(["income", "record", "--ledger", "sv/rewritten.fenhong", "--key", "d/accountant.key", "--amount", "1", "--category", "其他",
                                 "--counterparty", "x", "--date", "2024-12-30"]).status == 0)
        #expect(try cli.execute(["verify", "sv"]).status == 0)  // a ledger that grew since is no split view
        #expect(try cli.shell("cp sv/genuine.fenhong sv/forked.fenhong").status == 0)
        #expect(try cli.execute(["income", "record", "--ledger", "sv/forked.fenhong", "--key", "d/accountant.key", "--amount", "2", "--category", "其他",
                                 "--counterparty", "y", "--date", "2024-12-30"]).status == 0)
        #expect(try cli.execute(["expense", "record", "--ledger", "sv/forked.fenhong", "--key", "d/accountant.key", "--amount", "1", "--category", "其他",
                                 "--counterparty", "y", "--date", "2024-12-30"]).status == 0)
        let split = try cli.execute(["verify", "sv"])
        #expect(split.status == 1)
        #expect(split.stdout.contains("split view: fenhong/152223/baixin: sv/forked.fenhong (243 entries) does not extend sv/rewritten.fenhong (242 entries, root "),
                "\(split.stdout)")
        // Two checkpoints kept of one village, one of them a forger's: the ledger must extend both.
        #expect(try cli.shell("mkdir k2").status == 0)
        try Data(try cli.run("checkpoint", "--ledger", "d/baixin.fenhong").stdout.utf8).write(to: cli.folder.appendingPathComponent("k2/visit.ckpt"))
        try Data(try cli.run("checkpoint", "--ledger", "sv/forked.fenhong").stdout.utf8).write(to: cli.folder.appendingPathComponent("k2/later.txt"))
        let both = try cli.execute(["verify", "sv/rewritten.fenhong", "other.fenhong", "--trusted", "k2"])
        #expect(both.status == 1, "\(both.stdout)")
        #expect(both.stdout.contains("inconsistent-with-trusted"), "\(both.stdout)")
    }
}

extension CLI {
    /// Two villages: the demo's (`d/`), and a synthetic one (`other.fenhong`).
    static func villages() throws -> CLI {
        let cli = try CLI()
        #expect(try cli.run("demo", "--out", "d").status == 0)
        #expect(try cli.run("bench", "generate", "--ledger", "other.fenhong", "--entries", "300", "--seed", "7").status == 0)
        return cli
    }
}
