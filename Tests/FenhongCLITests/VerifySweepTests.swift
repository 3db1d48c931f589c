import Foundation
import Testing

/// An inspector verifies many villages in one run: every ledger in the folders given is found
/// and counted, each is held to the checkpoint kept for its village, and copies of one village's
/// ledger that disagree, or a village whose ledger is missing, are said in the summary.
@Suite struct VerifySweepTests {
    /// Two villages: the demo's, and a synthetic one.
    private func villages() throws -> CLI {
        let cli = try CLI()
        #expect(try cli.run("demo", "--out", "d").status == 0)
        #expect(try cli.run("bench", "generate", "--ledger", "other.fenhong", "--entries", "300", "--seed", "7").status == 0)
        return cli
    }

    /// Ledgers in subfolders, named in capitals, or only SQLite inside are found; a bundle cut
    /// short cannot be read (exit 2); other files are passed over and counted.
    @Test func everyLedgerInTheFoldersIsCounted() throws {
        let cli = try villages()
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
        let cli = try villages()
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
    /// it by another, its newest entry is in that name's `-wal`, and that name is the one verified.
    @Test func theNameWhoseWalHoldsEntriesIsVerified() throws {
        let cli = try villages()
        let write = "\(CLI.binary.path) income record --ledger HL/c.fenhong --key d/accountant.key --amount 1.00 --category 其他 --counterparty x --date 2024-12-30"
        #expect(try cli.shell("mkdir HL && cp d/baixin.fenhong HL/a.fenhong && ln HL/a.fenhong HL/c.fenhong"
                              + " && ((echo 'SELECT count(*) FROM entry;'; sleep 2) | sqlite3 -readonly HL/a.fenhong > /dev/null &) && sleep 0.5 && \(write)").status == 0)
        try cli.shell("sleep 2")  // the reader gone; the -wal beside c.fenhong keeps the entry written
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
        let cli = try villages()
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
        let cli = try villages()
        try Data(try cli.run("checkpoint", "--ledger", "d/baixin.fenhong").stdout.utf8).write(to: cli.folder.appendingPathComponent("kept.txt"))
        let asLedger = try cli.execute(["verify", "kept.txt"])
        #expect(asLedger.status == 2)
        #expect(asLedger.stderr == "fenhong: kept.txt is a checkpoint kept, not a ledger: give it as --trusted, and the ledger or bundle as the path to verify\n")
        let asKept = try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "other.fenhong"])
        #expect(asKept.stderr == "fenhong: --trusted other.fenhong is a ledger file, not a checkpoint kept: give the ledger as the path, "
                + "and as --trusted the checkpoint you kept (fenhong checkpoint prints one)\n")
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
        let cli = try villages()
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
        let cli = try villages()
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

    /// `--keep` carries each village to the next visit: the checkpoint each intact ledger ends
    /// with goes into one folder, one file a village (the folder is not searched for ledgers);
    /// the next visit holds each ledger to it and replaces it only with one that extends it. A
    /// ledger cut short leaves its village's file as it was; a file the run did not hold the
    /// ledger to is not replaced; a file given as the folder writes nothing.
    @Test func keptCheckpointsCarryToTheNextVisit() throws {
        let cli = try villages()
        #expect(try cli.shell("mkdir V && cp d/baixin.fenhong other.fenhong V/").status == 0)
        let kept = { (name: String) in (try? String(contentsOf: cli.folder.appendingPathComponent("V/kept/" + name), encoding: .utf8)) ?? "" }
        let baixin = "fenhong_152223_baixin.txt", other = "fenhong_152223_synthetic-7.txt"

        let first = try cli.execute(["verify", "V", "--keep", "V/kept"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.hasPrefix("V/baixin.fenhong: intact, 241 entries, root cab49a8d"), "\(first.stdout)")
        #expect(first.stdout.hasSuffix("""
            checkpoints checked

            2 ledgers: 2 intact, 0 with problems, 0 could not be read
            kept in V/kept: the latest checkpoint of 2 villages (2 written, 0 already there); next time verify with --trusted V/kept

            """), "\(first.stdout)")
        #expect(kept(baixin) == (try cli.run("checkpoint", "--ledger", "V/baixin.fenhong").stdout))
        #expect(kept(other) == (try cli.run("checkpoint", "--ledger", "V/other.fenhong").stdout))

        // The village records an entry; the next visit holds it to what was kept, and keeps the longer.
        #expect(try cli.execute(["income", "record", "--ledger", "V/baixin.fenhong", "--key", "d/accountant.key", "--amount", "100",
                                 "--category", "其他", "--counterparty", "x", "--date", "2024-12-30"]).status == 0)
        let second = try cli.execute(["verify", "V", "--trusted", "V/kept", "--keep", "V/kept"])
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        #expect(second.stderr.isEmpty, "\(second.stderr)")
        #expect(second.stdout.contains("V/baixin.fenhong: intact, 242 entries, root "), "\(second.stdout)")
        #expect(second.stdout.contains("; extends the checkpoint kept of size 241; inspector zalaite-inspector (key 46dc269a) cosigned up to size 241\n"),
                "\(second.stdout)")
        #expect(second.stdout.hasSuffix("""
            (1 written, 1 already there); next time verify with --trusted V/kept
            kept beside the checkpoint that replaced it: V/kept/fenhong_152223_baixin.cosigned-241.txt, a cosigned one

            """), "\(second.stdout)")
        let grown = try cli.run("checkpoint", "--ledger", "V/baixin.fenhong").stdout
        #expect(kept(baixin) == grown && grown.contains("\n242\n"))
        // The cosigned checkpoint it replaced is kept beside it, so that its cosignature deleted is found.
        #expect(kept("fenhong_152223_baixin.cosigned-241.txt") == (try cli.run("checkpoint", "--ledger", "d/baixin.fenhong").stdout))
        #expect(try cli.shell("mkdir W KB && cp V/baixin.fenhong W/ && cp V/kept/fenhong_152223_baixin* KB/ && sqlite3 W/baixin.fenhong "
                              + "'DROP TRIGGER IF EXISTS cosignature_no_delete; DELETE FROM cosignature WHERE size = 241'").status == 0)
        let uncosigned = try cli.execute(["verify", "W/baixin.fenhong", "--trusted", "KB"])
        #expect(uncosigned.status == 1)
        #expect(uncosigned.stdout.contains("entry 240: inconsistent-with-trusted: the trusted checkpoint of size 241 carries the cosignature of inspector "
                                           + "zalaite-inspector (46dc269a), which the ledger's checkpoint of that size does not carry: it was deleted, or this copy "
                                           + "of the ledger was made before the cosignature was added (a cosignature made on a bundle is added to the ledger by its accountant: fenhong cosignature add FILE) (the checkpoint kept in KB/fenhong_152223_baixin.cosigned-241.txt)"),
                "\(uncosigned.stdout)")

        // Cut back to 241 entries: not intact against what was kept, which stays as it was.
        #expect(try cli.shell("rm -f V/baixin.fenhong-* && cp d/baixin.fenhong V/").status == 0)
        let cut = try cli.execute(["verify", "V", "--trusted", "V/kept", "--keep", "V/kept", "--json"])
        #expect(cut.status == 1 && cut.stdout.contains("the ledger has only 241: entry 241 was removed (truncated)"), "\(cut.stdout)")
        let summary = cut.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.contains(#""kept":[],"keptCosigned":[],"keptUnchanged":["V/kept/fenhong_152223_synthetic-7.txt"]"#), "\(summary)")
        #expect(summary.contains(#""notKept":["fenhong/152223/baixin: V/baixin.fenhong has problems; nothing kept for this village"]"#), "\(summary)")
        #expect(kept(baixin) == grown)

        // Without --trusted, a village's file that differs is not replaced: the run did not hold the ledger to it.
        let unheld = try cli.execute(["verify", "V/baixin.fenhong", "--keep", "V/kept"])
        #expect(unheld.status == 0)
        #expect(unheld.stdout.hasSuffix("""
            kept nothing in V/kept
            not kept: V/baixin.fenhong: V/kept/fenhong_152223_baixin.txt holds a checkpoint this run did not hold the ledger to; \
            verify with --trusted V/kept to replace it, or move it away

            """), "\(unheld.stdout)")
        #expect(kept(baixin) == grown)

        let file = try cli.execute(["verify", "V", "--keep", "V/other.fenhong"])
        #expect(file.status == 2 && file.stdout.isEmpty)
        #expect(file.stderr == "fenhong: --keep V/other.fenhong is a file, not a folder: give the folder kept checkpoints go in (made if missing)\n")
        let bundle = try cli.execute(["verify", "d/bundle", "--keep", "d/bundle/checkpoints/k"])
        #expect(bundle.status == 2 && bundle.stdout.isEmpty)
        #expect(bundle.stderr.hasPrefix("fenhong: --keep d/bundle/checkpoints/k would put kept checkpoints in the bundle /"), "\(bundle.stderr)")
        #expect(bundle.stderr.hasSuffix("/d/bundle, whose files are a ledger's: give a folder of their own\n"), "\(bundle.stderr)")

        // A file left by a run that stopped while writing (hidden: its name begins with `.`) is no checkpoint kept.
        #expect(try cli.shell("head -c 40 KB/fenhong_152223_baixin.txt > KB/.fenhong_152223_baixin.txt.partial && cp V/kept/fenhong_152223_baixin.txt KB/").status == 0)
        #expect(try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "KB"]).status == 1)  // held to 242: cut short
        #expect(try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "KB/fenhong_152223_baixin.cosigned-241.txt"]).status == 0)
    }

    /// An inspector cosigns a league in one run: each ledger held to its village's kept
    /// checkpoint, cosigned when intact, and the cosigned checkpoint kept (a copy's for its
    /// accountant to add); one whose key is not enrolled, or that has problems, is said and not cosigned.
    @Test func manyVillagesAreCosignedAndKept() throws {
        let cli = try villages()
        #expect(try cli.shell("mkdir L && cp d/baixin.fenhong other.fenhong L/").status == 0)
        #expect(try cli.execute(["verify", "L", "--keep", "K"]).status == 0)
        #expect(try cli.execute(["income", "record", "--ledger", "L/baixin.fenhong", "--key", "d/accountant.key", "--amount", "100",
                                 "--category", "其他", "--counterparty", "x", "--date", "2024-12-30"]).status == 0)
        #expect(try cli.shell("mkdir B").status == 0 && (try cli.execute(["export", "--ledger", "L/baixin.fenhong", "--out", "B/baixin"])).status == 0)

        let without = try cli.execute(["cosign", "L", "B", "--key", "d/inspector.key", "--trusted", "K"])
        #expect(without.status == 2 && without.stdout.isEmpty)
        #expect(without.stderr == "fenhong: cosigning many villages keeps each cosigned checkpoint: give --keep FOLDER (the folder of --trusted, to keep using it)\n")

        let run = try cli.execute(["cosign", "B", "L", "--key", "d/inspector.key", "--trusted", "K", "--keep", "K"])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")  // the synthetic village never enrolled this inspector
        let root = try cli.run("checkpoint", "--ledger", "L/baixin.fenhong").stdout.split(separator: "\n")[2]
        let rootHex = Data(base64Encoded: String(root))!.map { String(format: "%02x", $0) }.joined()
        #expect(run.stdout == """
            B/baixin: not cosigned: a copy of fenhong/152223/baixin, whose L/baixin.fenhong is cosigned
            L/baixin.fenhong: cosigned checkpoint 242, root \(rootHex); extends the checkpoint kept of size 241
            L/other.fenhong: not cosigned: key zalaite-inspector (46dc269a) is not an inspector key of L/other.fenhong; \
            the village's accountant enrols it first: `fenhong key add --ledger LEDGER --key ACCOUNTANT_KEY \
            --vkey zalaite-inspector+46dc269a+BIIWIsV9tKf9xmM1A9ti7EynQ+camGWWE/ijJIAyX04T --role inspector`

            cosigned 1 ledger and 0 copies (bundles); 0 already cosigned; 1 not cosigned; 1 copy of a village cosigned on another copy
            3 ledgers: 3 intact, 0 with problems, 0 could not be read
            kept in K: the latest checkpoint of 2 villages (1 written, 1 already there); next time verify with --trusted K
            kept beside the checkpoint that replaced it: K/fenhong_152223_baixin.cosigned-241.txt, a cosigned one

            """, "\(run.stdout)")
        // What is kept is the live ledger's head as cosigned.
        let kept = try String(contentsOf: cli.folder.appendingPathComponent("K/fenhong_152223_baixin.txt"), encoding: .utf8)
        #expect(kept == (try cli.run("checkpoint", "--ledger", "L/baixin.fenhong").stdout))
        #expect(kept.components(separatedBy: "\n— zalaite-inspector ").count == 2, "\(kept)")
        let verified = try cli.execute(["verify", "L", "--trusted", "K"])
        #expect(verified.status == 0, "\(verified.stdout)")
        #expect(verified.stdout.contains("L/baixin.fenhong: intact, 242 entries") && verified.stdout.contains("cosigned up to size 242\n"), "\(verified.stdout)")
        // The bundle, a copy taken before, lacks the cosignature: said so.
        let copy = try cli.execute(["verify", "B/baixin", "--trusted", "K/fenhong_152223_baixin.txt"])
        #expect(copy.status == 1 && copy.stdout.contains("does not carry: it was deleted, or this copy of the ledger was made before the cosignature was added (a cosignature made on a bundle is added to the ledger by its accountant: fenhong cosignature add FILE)\n"),
                "\(copy.stdout)")

        // Again, alone: already cosigned, nothing written.
        let again = try cli.execute(["cosign", "L/baixin.fenhong", "--key", "d/inspector.key", "--trusted", "K/fenhong_152223_baixin.txt", "--keep", "K"])
        #expect(again.status == 0 && again.stdout == kept, "\(again.stdout)\(again.stderr)")
        #expect(again.stderr.hasSuffix("fenhong: kept in K: the latest checkpoint of 1 village (0 written, 1 already there); next time verify with --trusted K\n"),
                "\(again.stderr)")
        // Alone, held to a folder of kept checkpoints: another village's ledger missing is said (exit 2), as verify says it.
        let alone = try cli.execute(["cosign", "L/baixin.fenhong", "--key", "d/inspector.key", "--trusted", "K"])
        #expect(alone.status == 2 && alone.stdout == kept, "\(alone.stdout)\(alone.stderr)")
        #expect(alone.stderr.hasSuffix("fenhong: no ledger given for the checkpoint kept in K/fenhong_152223_synthetic-7.txt (fenhong/152223/synthetic-7, size 300): "
                                       + "this village's ledger is missing from the run\n"), "\(alone.stderr)")
        // A day's round of some villages only says nothing of the others.
        let some = try cli.execute(["cosign", "L/baixin.fenhong", "--key", "d/inspector.key", "--trusted", "K", "--partial"])
        #expect(some.status == 0 && !some.stderr.contains("missing"), "\(some.stderr)")
        let someVerified = try cli.execute(["verify", "L/baixin.fenhong", "--trusted", "K", "--partial"])
        #expect(someVerified.status == 0 && !someVerified.stdout.contains("missing"), "\(someVerified.stdout)")
        #expect(try cli.execute(["verify", "L/baixin.fenhong", "--trusted", "K"]).status == 2)

        // A village seen only as a copy: its cosigned checkpoint is kept, and named for its accountant.
        #expect(try cli.execute(["income", "record", "--ledger", "L/baixin.fenhong", "--key", "d/accountant.key", "--amount", "5",
                                 "--category", "其他", "--counterparty", "x", "--date", "2024-12-31"]).status == 0)
        #expect(try cli.shell("rm -r B/baixin").status == 0 && (try cli.execute(["export", "--ledger", "L/baixin.fenhong", "--out", "B/baixin"])).status == 0)
        let copies = try cli.execute(["cosign", "B/baixin", "L/other.fenhong", "--key", "d/inspector.key", "--trusted", "K", "--keep", "K"])
        #expect(copies.status == 2)
        #expect(copies.stdout.hasPrefix("B/baixin: a copy: cosigned checkpoint 243, root "), "\(copies.stdout)")
        #expect(copies.stdout.contains("; extends the checkpoint kept of size 242; nothing written to it\n"), "\(copies.stdout)")
        #expect(copies.stdout.hasSuffix("""
            give K/fenhong_152223_baixin.txt to the accountant of fenhong/152223/baixin (cosigned on the copy B/baixin), \
            who adds it with `fenhong cosignature add K/fenhong_152223_baixin.txt`

            """), "\(copies.stdout)")
        let added = try cli.execute(["cosignature", "add", "K/fenhong_152223_baixin.txt", "--ledger", "L/baixin.fenhong"])
        #expect(added.status == 0 && added.stdout == "added to checkpoint 243 the cosignature of inspector zalaite-inspector (46dc269a)\n", "\(added.stdout)\(added.stderr)")

        // A second inspector cosigns the same checkpoint: the kept file gains its line, and the
        // one it replaces, whose cosignature it still carries, is not kept beside it.
        let second = try cli.run("key", "generate", "--name", "hinggan-inspector", "--role", "inspector", "--out", "i2.key").stdout
        #expect(try cli.execute(["key", "add", "--ledger", "L/baixin.fenhong", "--key", "d/accountant.key", "--vkey",
                                 second.trimmingCharacters(in: .whitespacesAndNewlines), "--role", "inspector"]).status == 0)
        #expect(try cli.execute(["cosign", "L/baixin.fenhong", "--key", "d/inspector.key", "--trusted", "K/fenhong_152223_baixin.txt", "--keep", "K"]).status == 0)
        let both = try cli.execute(["cosign", "L/baixin.fenhong", "--key", "i2.key", "--trusted", "K/fenhong_152223_baixin.txt", "--keep", "K"])
        #expect(both.status == 0 && both.stdout.contains("\n— zalaite-inspector ") && both.stdout.contains("\n— hinggan-inspector "), "\(both.stdout)")
        #expect(try String(contentsOf: cli.folder.appendingPathComponent("K/fenhong_152223_baixin.txt"), encoding: .utf8) == both.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.appendingPathComponent("K").path).sorted() == [
            "fenhong_152223_baixin.cosigned-241.txt", "fenhong_152223_baixin.cosigned-242.txt", "fenhong_152223_baixin.cosigned-243.txt",
            "fenhong_152223_baixin.txt", "fenhong_152223_synthetic-7.txt"])
    }

    /// What `--keep` is kept from: of two copies of one size, the one with an inspector's
    /// cosignature (not one whose cosignature was swapped for the accountant's line again); no
    /// kept folder in a bundle through a link; a village's file holding another's is named, a
    /// folder in a file's place too; and the first visit of the same command each time keeps.
    @Test func keepingIsNotFooled() throws {
        let cli = try villages()
        #expect(try cli.shell("mkdir F && cp d/baixin.fenhong F/a.fenhong && cp d/baixin.fenhong F/b.fenhong && "
                              + "AL=\"$(sqlite3 d/baixin.fenhong \"select note from checkpoint where size = 241\" | grep '^— baixin-accountant ')\" && "
                              + "sqlite3 F/a.fenhong \"DROP TRIGGER IF EXISTS cosignature_no_delete; DELETE FROM cosignature; "
                              + "INSERT INTO cosignature VALUES (241, '2d5f8164', '$AL')\"").status == 0)
        let first = try cli.execute(["verify", "F", "--trusted", "K", "--keep", "K"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stderr == "fenhong: no checkpoint is kept in K yet: this run keeps the first ones\n")
        let kept = try String(contentsOf: cli.folder.appendingPathComponent("K/fenhong_152223_baixin.txt"), encoding: .utf8)
        #expect(kept == (try cli.run("checkpoint", "--ledger", "d/baixin.fenhong").stdout), "\(kept)")

        // A copy of the village that cannot be read (its entry 0 still names the village): nothing kept.
        #expect(try cli.shell("mkdir U && cp d/baixin.fenhong U/ && cp -r d/bundle U/b && rm -r U/b/checkpoints && echo x > U/b/checkpoints").status == 0)
        let unread = try cli.execute(["verify", "U", "--keep", "KU"])
        #expect(unread.status == 2)
        #expect(unread.stdout.hasSuffix("kept nothing in KU\nnot kept: fenhong/152223/baixin: U/b could not be read; nothing kept for this village\n"), "\(unread.stdout)")
        // Nor when the copy is cut short past reading (a file, or a bundle without its entries): the village it still names.
        #expect(try cli.shell("mkdir U2 U3 && cp d/baixin.fenhong U2/ && sqlite3 U2/baixin.fenhong 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null && "
                              + "head -c 100000 U2/baixin.fenhong > U2/cut.fenhong && cp d/baixin.fenhong U3/ && cp -r d/bundle U3/b && rm U3/b/entries.jsonl").status == 0)
        for (folder, copy) in [("U2", "U2/cut.fenhong"), ("U3", "U3/b")] {
            let cut = try cli.execute(["verify", folder, "--keep", folder + "K"])
            #expect(cut.status == 2 && cut.stdout.hasSuffix("not kept: fenhong/152223/baixin: \(copy) could not be read; nothing kept for this village\n"), "\(cut.stdout)")
        }

        #expect(try cli.shell("cp -r d/bundle F/bundle && ln -s F/bundle/checkpoints linked").status == 0)
        let linked = try cli.execute(["verify", "F", "--keep", "linked"])
        #expect(linked.status == 2 && linked.stdout.isEmpty, "\(linked.stdout)")
        #expect(linked.stderr.contains("would put kept checkpoints in the bundle"), "\(linked.stderr)")

        #expect(try cli.shell("mkdir -p K2/fenhong_152223_synthetic-7.txt").status == 0)
        try Data(try cli.run("checkpoint", "--ledger", "other.fenhong").stdout.utf8).write(to: cli.folder.appendingPathComponent("K2/fenhong_152223_baixin.txt"))
        let odd = try cli.execute(["verify", "d/baixin.fenhong", "other.fenhong", "--keep", "K2"])
        #expect(odd.status == 0)
        #expect(odd.stdout.hasSuffix("""
            kept nothing in K2
            not kept: d/baixin.fenhong: K2/fenhong_152223_baixin.txt holds the checkpoint of another village, fenhong/152223/synthetic-7; move it away
            not kept: other.fenhong: K2/fenhong_152223_synthetic-7.txt cannot be written: a folder has its name

            """), "\(odd.stdout)")
    }

    /// Two histories of one village (each re-signed with the real key) are never both cosigned:
    /// every ledger is verified before any is cosigned, and a village in trouble gets nothing.
    @Test func twoHistoriesAreNeverCosigned() throws {
        let cli = try villages()
        #expect(try cli.shell("mkdir S && cp d/baixin.fenhong S/a.fenhong && cp d/baixin.fenhong S/b.fenhong").status == 0)
        for (ledger, amount) in [("S/a.fenhong", "100"), ("S/b.fenhong", "999")] {
            #expect(try cli.execute(["income", "record", "--ledger", ledger, "--key", "d/accountant.key", "--amount", amount,
                                     "--category", "其他", "--counterparty", "x", "--date", "2024-12-30"]).status == 0)
        }
        let run = try cli.execute(["cosign", "S", "--key", "d/inspector.key", "--keep", "K"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("""
            S/a.fenhong: not cosigned: fenhong/152223/baixin: its copies disagree (a split view): nothing of this village is cosigned
            S/b.fenhong: not cosigned: fenhong/152223/baixin: its copies disagree (a split view): nothing of this village is cosigned

            cosigned 0 ledgers and 0 copies (bundles); 0 already cosigned; 2 not cosigned
            """), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("kept nothing in K\nnot kept: fenhong/152223/baixin: its copies disagree (a split view); nothing kept for this village\n"), "\(run.stdout)")
        for ledger in ["S/a.fenhong", "S/b.fenhong"] {
            #expect(try cli.shell("sqlite3 \(ledger) 'SELECT count(*) FROM cosignature WHERE size = 242'").stdout == "0\n")
        }
        // Two histories of different sizes are found even when the shorter copy has a problem of
        // its own (a bundle of S/a missing its last checkpoint, beside S/b two entries longer).
        #expect(try cli.execute(["income", "record", "--ledger", "S/b.fenhong", "--key", "d/accountant.key", "--amount", "5",
                                 "--category", "其他", "--counterparty", "x", "--date", "2024-12-31"]).status == 0)
        #expect(try cli.shell("mkdir S2 && cp S/b.fenhong S2/ && rm S/b.fenhong").status == 0)
        #expect(try cli.execute(["export", "--ledger", "S/a.fenhong", "--out", "S2/a"]).status == 0)
        #expect(try cli.shell("rm S2/a/checkpoints/242.txt").status == 0)
        let split = try cli.execute(["verify", "S2"])
        #expect(split.status == 1)
        #expect(split.stdout.contains("split view: fenhong/152223/baixin: S2/b.fenhong (243 entries) does not extend S2/a (242 entries, root "), "\(split.stdout)")
    }

    /// What a run of many cosigns is what it keeps: the live ledger's cosigned head, not a
    /// bundle's with other cosignatures; and a copy's cosigned checkpoint that cannot be kept is
    /// printed for its accountant (exit 2), never dropped.
    @Test func cosignedCheckpointsAreKeptOrPrinted() throws {
        let cli = try villages()
        let second = try cli.run("key", "generate", "--name", "hinggan-inspector", "--role", "inspector", "--out", "i2.key").stdout
        #expect(try cli.shell("mkdir L M B").status == 0)
        #expect(try cli.execute(["key", "add", "--ledger", "d/baixin.fenhong", "--key", "d/accountant.key", "--vkey",
                                 second.trimmingCharacters(in: .whitespacesAndNewlines), "--role", "inspector"]).status == 0)
        #expect(try cli.shell("cp d/baixin.fenhong L/live.fenhong").status == 0)  // before the second inspector cosigns
        #expect(try cli.execute(["cosign", "d/baixin.fenhong", "--key", "i2.key"]).status == 0)
        #expect(try cli.execute(["cosign", "d/baixin.fenhong", "--key", "d/inspector.key"]).status == 0)
        #expect(try cli.execute(["export", "--ledger", "d/baixin.fenhong", "--out", "B/baixin"]).status == 0)  // two cosignatures
        let run = try cli.execute(["cosign", "L", "B", "other.fenhong", "--key", "d/inspector.key", "--keep", "K"])
        #expect(run.stdout.hasPrefix("L/live.fenhong: cosigned checkpoint 242, root "), "\(run.stdout)")
        #expect(run.stdout.contains("; held to no kept checkpoint\nB/baixin: not cosigned: a copy of fenhong/152223/baixin, whose L/live.fenhong is cosigned\n"),
                "\(run.stdout)")
        let kept = try String(contentsOf: cli.folder.appendingPathComponent("K/fenhong_152223_baixin.txt"), encoding: .utf8)
        #expect(kept == (try cli.run("checkpoint", "--ledger", "L/live.fenhong").stdout), "\(kept)")
        #expect(try cli.execute(["verify", "L/live.fenhong", "--trusted", "K/fenhong_152223_baixin.txt"]).status == 0)

        // A copy cosigned whose village's file this run may not replace (not held to it): printed.
        #expect(try cli.shell("cp -r B/baixin M/baixin").status == 0)
        let lost = try cli.execute(["cosign", "M/baixin", "other.fenhong", "--key", "i2.key", "--keep", "K"])
        #expect(lost.status == 2, "\(lost.stdout)")
        #expect(lost.stdout.contains("not kept: M/baixin: K/fenhong_152223_baixin.txt holds a checkpoint this run did not hold the ledger to"), "\(lost.stdout)")
        #expect(lost.stdout.contains("the checkpoint cosigned on the copy M/baixin could not be kept (see above); give it to the village's accountant, "
                                     + "who adds it with `fenhong cosignature add FILE`:\nfenhong/152223/baixin\n242\n"), "\(lost.stdout)")
        #expect(lost.stdout.hasSuffix("\n— hinggan-inspector " + (lost.stdout.components(separatedBy: "\n— hinggan-inspector ").last ?? "")), "\(lost.stdout)")
    }
}
