import Foundation
import LedgerCore
import Testing

/// An inspector's round of many villages: `verify --keep` carries each village's checkpoint to
/// the next visit, `cosign` of many cosigns one copy a village whose copies all agree, and
/// neither keeps nor cosigns what a tampered, cut-short or forked copy would have them keep.
@Suite struct InspectorRoundTests {
    /// `--keep` carries each village to the next visit: the checkpoint each intact ledger ends
    /// with goes into one folder, one file a village (the folder is not searched for ledgers);
    /// the next visit holds each ledger to it and replaces it only with one that extends it. A
    /// ledger cut short leaves its village's file as it was; a file the run did not hold the
    /// ledger to is not replaced; a file given as the folder writes nothing.
    @Test func keptCheckpointsCarryToTheNextVisit() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir V && cp d/baixin.fenhong other.fenhong V/").status == 0)
        let kept = { (name: String) in (try? String(contentsOf: cli.folder.appendingPathComponent("V/kept/" + name), encoding: .utf8)) ?? "" }
        let baixin = "fenhong_152223_baixin.txt", other = "fenhong_152223_synthetic-7.txt"

        let first = try cli.execute(["verify", "V", "--keep", "V/kept"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.hasPrefix("V/baixin.fenhong: intact, 241 entries of fenhong/152223/baixin, root cab49a8d"), "\(first.stdout)")
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
        #expect(second.stdout.contains("V/baixin.fenhong: intact, 242 entries of fenhong/152223/baixin, root "), "\(second.stdout)")
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
        let cli = try CLI.villages()
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
            L/baixin.fenhong: cosigned checkpoint 242 of fenhong/152223/baixin, root \(rootHex); extends the checkpoint kept of size 241
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
        #expect(copies.stdout.hasPrefix("B/baixin: a copy: cosigned checkpoint 243 of fenhong/152223/baixin, root "), "\(copies.stdout)")
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
        let cli = try CLI.villages()
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
        // Held to that folder, the file named for baixin is said to hold another village's checkpoint.
        let misfiled = try cli.execute(["verify", "d/baixin.fenhong", "other.fenhong", "--trusted", "K2"])
        #expect(misfiled.stderr.contains("fenhong: K2/fenhong_152223_baixin.txt is named as another village's kept file but holds the checkpoint of "
                                         + "fenhong/152223/synthetic-7 (moved or replaced?): the village its name stands for is held to no checkpoint from it\n"), "\(misfiled.stderr)")
    }

    /// Two histories of one village (each re-signed with the real key) are never both cosigned:
    /// every ledger is verified before any is cosigned, and a village in trouble gets nothing.
    @Test func twoHistoriesAreNeverCosigned() throws {
        let cli = try CLI.villages()
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
        let cli = try CLI.villages()
        let second = try cli.run("key", "generate", "--name", "hinggan-inspector", "--role", "inspector", "--out", "i2.key").stdout
        #expect(try cli.shell("mkdir L M B").status == 0)
        #expect(try cli.execute(["key", "add", "--ledger", "d/baixin.fenhong", "--key", "d/accountant.key", "--vkey",
                                 second.trimmingCharacters(in: .whitespacesAndNewlines), "--role", "inspector"]).status == 0)
        #expect(try cli.shell("cp d/baixin.fenhong L/live.fenhong").status == 0)  // before the second inspector cosigns
        #expect(try cli.execute(["cosign", "d/baixin.fenhong", "--key", "i2.key"]).status == 0)
        #expect(try cli.execute(["cosign", "d/baixin.fenhong", "--key", "d/inspector.key"]).status == 0)
        #expect(try cli.execute(["export", "--ledger", "d/baixin.fenhong", "--out", "B/baixin"]).status == 0)  // two cosignatures
        let run = try cli.execute(["cosign", "L", "B", "other.fenhong", "--key", "d/inspector.key", "--keep", "K"])
        #expect(run.stdout.hasPrefix("L/live.fenhong: cosigned checkpoint 242 of fenhong/152223/baixin, root "), "\(run.stdout)")
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
        // The cosigned checkpoint printed last, whole: the second inspector's cosignature on it.
        let printed = lost.stdout.components(separatedBy: "`fenhong cosignature add FILE`:\n").last ?? ""
        #expect(try SignedCheckpoint(parsing: printed).note.signatures.contains { $0.name == "hinggan-inspector" }, "\(printed)")
    }
}
