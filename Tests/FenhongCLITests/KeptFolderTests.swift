import Foundation
import Testing

/// What an inspector's folder of kept checkpoints holds, and what a round is given, read as an
/// adversary may have arranged them: a checkpoint the round cannot read is never "nothing kept
/// yet", a link is never written over, a pipe is never waited on, and a village's ledger under a
/// second origin does not pass as a village of its own.
@Suite struct KeptFolderTests {
    /// A fork of 白辛嘎查 re-signed with the accountant's own key (237 entries against 241 kept),
    /// alone in folder `F`; the checkpoint kept at the first visit in `kept0`.
    private func forked() throws -> CLI {
        let cli = try CLI.villages()
        #expect(try cli.run("verify", "d/baixin.fenhong", "--keep", "kept0").status == 0)
        #expect(try cli.shell("""
            mkdir F && cp d/baixin.fenhong F/ && sqlite3 F/baixin.fenhong 'DROP TRIGGER entry_no_delete; DROP TRIGGER checkpoint_no_delete; \
            DROP TRIGGER cosignature_no_delete; DROP TRIGGER tree_node_no_delete; DELETE FROM entry WHERE seq >= 236; DELETE FROM cosignature; \
            DELETE FROM checkpoint WHERE size > 236; DELETE FROM tree_node WHERE (idx + 1) * (1 << level) > 236;'
            """).status == 0)
        #expect(try cli.execute(["expense", "record", "--ledger", "F/baixin.fenhong", "--key", "d/accountant.key", "--amount", "10",
                                 "--category", "办公", "--counterparty", "x", "--date", "2024-12-30"]).status == 0)
        return cli
    }

    /// The checkpoint kept moved into a subfolder is still held (the fork fails, the round is no
    /// first visit); the village's file a link to nothing stops the round (exit 2) naming it.
    @Test func aCheckpointTheRoundCannotReadStopsIt() throws {
        let cli = try forked()
        #expect(try cli.shell("mkdir -p K/2024 && cp kept0/fenhong_152223_baixin.txt K/2024/").status == 0)
        let nested = try cli.execute(["verify", "F", "--trusted", "K", "--keep", "K"])
        #expect(nested.status == 1, "\(nested.stdout)\(nested.stderr)")
        #expect(!nested.stderr.contains("yet"), "\(nested.stderr)")
        #expect(nested.stdout.contains("inconsistent-with-trusted"), "\(nested.stdout)")
        #expect(try cli.shell("ls K").stdout == "2024\n")

        #expect(try cli.shell("mkdir L && ln -s /nonexistent/kept/fenhong_152223_baixin.txt L/").status == 0)
        let dangling = try cli.execute(["verify", "F", "--trusted", "L", "--keep", "L"])
        #expect(dangling.status == 2)
        #expect(dangling.stderr.hasPrefix("fenhong: --trusted L holds L/fenhong_152223_baixin.txt, which is a link to nothing, not a kept checkpoint"), "\(dangling.stderr)")
        #expect(try cli.shell("test -L L/fenhong_152223_baixin.txt").status == 0)

        // Held through a link to the file it names, the fork fails; the genuine ledger, grown, is
        // not kept over the link (the link's file is not the folder's to replace).
        #expect(try cli.shell("mkdir M && ln -s ../kept0/fenhong_152223_baixin.txt M/").status == 0)
        #expect(try cli.execute(["verify", "F", "--trusted", "M"]).status == 1)
        #expect(try cli.execute(["income", "record", "--ledger", "d/baixin.fenhong", "--key", "d/accountant.key", "--amount", "1",
                                 "--category", "其他", "--counterparty", "x", "--date", "2024-12-30"]).status == 0)
        let linked = try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "M", "--keep", "M"])
        #expect(linked.stdout.contains("not kept: d/baixin.fenhong: M/fenhong_152223_baixin.txt is a link, not a file of its own"), "\(linked.stdout)")
        #expect(try cli.shell("test -L M/fenhong_152223_baixin.txt && cmp M/fenhong_152223_baixin.txt kept0/fenhong_152223_baixin.txt").status == 0)
    }

    /// A pipe where a ledger, a kept checkpoint or a folder's file is expected is refused or
    /// passed over at once (`timeout` turns a wait into exit 124).
    @Test func pipesAreNeverWaitedOn() throws {
        let cli = try CLI.villages()
        let fenhong = "timeout 60 '\(CLI.binary.path)'"
        #expect(try cli.shell("mkfifo q && mkdir P && cp d/baixin.fenhong P/ && mkfifo P/notes").status == 0)
        let alone = try cli.shell("\(fenhong) verify q")
        #expect(alone.status == 2)
        #expect(alone.stderr == "fenhong: q is a pipe, a device or a socket, not a ledger\n")
        #expect(try cli.shell("\(fenhong) cosign q --key d/inspector.key").status == 2)
        // Said as what it is: an empty ledger or checkpoint, a folder where a bundle's entries should be.
        #expect(try cli.shell("touch empty.fenhong empty.txt").status == 0)
        #expect(try cli.shell("\(fenhong) verify empty.fenhong").stderr == "fenhong: empty.fenhong is empty (0 bytes), not a ledger\n")
        #expect(try cli.shell("\(fenhong) verify d/baixin.fenhong --trusted empty.txt").stderr == "fenhong: --trusted empty.txt is empty (0 bytes), not a checkpoint kept\n")
        #expect(try cli.shell("cp -r d/bundle B && rm B/entries.jsonl && mkdir B/entries.jsonl").status == 0)
        #expect(try cli.shell("\(fenhong) verify B").stderr == "fenhong: B/entries.jsonl is a folder, not a file of entries\n")
        #expect(try cli.shell("rmdir B/entries.jsonl && ln -s nothing B/entries.jsonl && ln -s nothing dl.fenhong").status == 0)
        #expect(try cli.shell("\(fenhong) verify B").stderr == "fenhong: B/entries.jsonl is a link to nothing, not a file of entries\n")
        #expect(try cli.shell("\(fenhong) verify dl.fenhong").stderr == "fenhong: dl.fenhong is a link to nothing\n")
        let folder = try cli.shell("\(fenhong) verify P")
        #expect(folder.status == 0, "\(folder.stderr)")
        #expect(folder.stderr.contains("passed over P/notes: not a ledger file or a bundle folder"))
        #expect(try cli.shell("mkdir K && mkfifo K/fenhong_152223_baixin.txt").status == 0)
        let kept = try cli.shell("\(fenhong) verify P --trusted K")
        #expect(kept.status == 2)
        #expect(kept.stderr.contains("--trusted K holds K/fenhong_152223_baixin.txt, which is a pipe, a device or a socket, not a kept checkpoint"), "\(kept.stderr)")
        // What an OS leaves on a stick is passed over.
        #expect(try cli.shell("rm K/fenhong_152223_baixin.txt && mkdir K/.Trashes 'K/System Volume Information' && touch K/Thumbs.db K/desktop.ini").status == 0)
        #expect(try cli.shell("\(fenhong) verify P --trusted K --keep K").stderr.contains("no checkpoint is kept in K yet"))
        #expect(try cli.shell("\(fenhong) verify P --trusted K --keep K").status == 0)
    }

    /// A new history of 白辛嘎查 under a look-alike origin, signed by a key of its own, beside
    /// the real one: one organisation under two origins, exit 1, neither kept nor cosigned. Alone
    /// (`--partial`), it is named as held to no kept checkpoint, with its origin.
    @Test func oneOrganisationUnderTwoOriginsIsNamed() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir R && cp d/baixin.fenhong R/").status == 0)
        #expect(try cli.run("verify", "R", "--keep", "K").status == 0)
        cli.environment = ["FENHONG_LEDGER": "R/baixin-2024.fenhong", "FENHONG_KEY": "forged.key"]
        #expect(try cli.run("key", "generate", "--name", "baixin-accountant", "--out", "forged.key").status == 0)
        #expect(try cli.run("init", "--origin", "fenhong/152223/baixinn", "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查",
                            "--region", "兴安盟,扎赉特旗,阿尔本格勒镇,白辛嘎查").status == 0)
        cli.environment = [:]
        let both = try cli.execute(["verify", "R", "--trusted", "K", "--keep", "K"])
        #expect(both.status == 1)
        #expect(both.stdout.contains("R/baixin-2024.fenhong: intact, 1 entry of fenhong/152223/baixinn, root "), "\(both.stdout)")
        #expect(both.stdout.contains("two origins: fenhong/152223/baixin (R/baixin.fenhong) and fenhong/152223/baixinn (R/baixin-2024.fenhong) each open "
                                     + "the ledger of 白辛嘎查股份经济合作社, 白辛嘎查, 兴安盟, 扎赉特旗, 阿尔本格勒镇, 白辛嘎查: one organisation under 2 origins"), "\(both.stdout)")
        // Named for its two origins, not as a new village --new-villages would take in.
        #expect(!both.stdout.contains("held to no kept checkpoint, no checkpoint of their village being kept"), "\(both.stdout)")
        #expect(both.stdout.contains("not kept: fenhong/152223/baixinn: its organisation has a ledger under another origin too; nothing kept for this village"))
        #expect(try cli.shell("ls K").stdout == "fenhong_152223_baixin.txt\n")
        let cosign = try cli.execute(["cosign", "R", "--key", "d/inspector.key", "--trusted", "K", "--keep", "K"])
        #expect(cosign.status == 1)
        #expect(cosign.stdout.contains("cosigned 0 ledgers"), "\(cosign.stdout)")

        #expect(try cli.shell("mv R/baixin-2024.fenhong R2.fenhong").status == 0)
        let alone = try cli.execute(["verify", "R2.fenhong", "--trusted", "K", "--partial"])
        #expect(alone.status == 0)
        #expect(alone.stdout.hasSuffix("held to no kept checkpoint, no checkpoint of their village being kept: R2.fenhong (fenhong/152223/baixinn, 1 entry); "
                                       + "a village new to the round, or a ledger under a new origin: see that it is one the round should have "
                                       + "(then --new-village ORIGIN keeps and cosigns it; --new-villages every one)\n"), "\(alone.stdout)")
        // Without --partial, the village kept and not given is missing.
        #expect(try cli.execute(["verify", "R2.fenhong", "--trusted", "K"]).status == 2)
    }

    /// A kept checkpoint still counts wherever in the folder it was put: in a hidden folder or
    /// under a hidden name it is held; a file that is no checkpoint (a README) is passed over; a
    /// partial file --keep left is no checkpoint: only then is it a first visit.
    @Test func hiddenKeptFilesAreNoFirstVisit() throws {
        let cli = try forked()
        for place in ["K/.old/fenhong_152223_baixin.txt", "K/.fenhong_152223_baixin.txt"] {
            #expect(try cli.shell("rm -rf K && mkdir -p $(dirname \(place)) && cp kept0/fenhong_152223_baixin.txt \(place) && printf 'x' > K/README").status == 0)
            let run = try cli.execute(["verify", "F", "--trusted", "K", "--keep", "K"])
            #expect(run.status == 1, "\(place): \(run.stdout)\(run.stderr)")
            #expect(!run.stderr.contains("no checkpoint is kept in K yet"), "\(place): \(run.stderr)")
            #expect(run.stdout.contains("inconsistent-with-trusted"), "\(place): \(run.stdout)")
        }
        // A partial file --keep left (no whole checkpoint) is passed over: the first visit.
        #expect(try cli.shell("rm -rf K && mkdir K && printf 'fenhong/152' > K/.tmp-partial").status == 0)
        let first = try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "K", "--keep", "K"])
        #expect(first.status == 0 && first.stderr.contains("no checkpoint is kept in K yet"), "\(first.stdout)\(first.stderr)")
    }

    /// A village none of whose checkpoints is kept, in a round that keeps others', is neither
    /// kept nor cosigned until the inspector says it belongs (--new-village ORIGIN, or
    /// --new-villages for all): a history begun again under a new name is held to nothing, and a
    /// look-alike of the village named is not taken with it.
    @Test func newVillagesAreTakenInWhenSaidSo() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir R && cp d/baixin.fenhong R/").status == 0)
        #expect(try cli.run("verify", "R", "--keep", "K").status == 0)
        #expect(try cli.shell("cp other.fenhong R/").status == 0)
        let held = try cli.execute(["verify", "R", "--trusted", "K", "--keep", "K"])
        #expect(held.status == 0)
        #expect(held.stdout.contains("not kept: fenhong/152223/synthetic-7: no checkpoint of it is kept (a village new to the round, or a ledger under a new name); "
                                     + "once you have seen it is one the round should have, give --new-village fenhong/152223/synthetic-7; nothing kept for this village"), "\(held.stdout)")
        #expect(try cli.shell("ls K").stdout == "fenhong_152223_baixin.txt\n")
        let alone = try cli.execute(["cosign", "R/other.fenhong", "--key", "d/inspector.key", "--trusted", "K", "--partial"])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("no checkpoint of fenhong/152223/synthetic-7 is kept (a village new to the round, or a ledger under a new name): nothing was cosigned"),
                "\(alone.stderr)")
        // Named by a look-alike (a typing slip), it is not taken, and the name is said to match none.
        let slip = try cli.execute(["verify", "R", "--trusted", "K", "--keep", "K", "--new-village", "fenhong/152223/synthetic-77"])
        #expect(slip.status == 0)
        #expect(slip.stdout.contains("--new-village fenhong/152223/synthetic-77: no village new to this round has that origin"), "\(slip.stdout)")
        #expect(try cli.shell("ls K").stdout == "fenhong_152223_baixin.txt\n")
        let taken = try cli.execute(["verify", "R", "--trusted", "K", "--keep", "K", "--new-village", "fenhong/152223/synthetic-7"])
        #expect(taken.status == 0)
        #expect(!taken.stdout.contains("(then --new-village"), "\(taken.stdout)")
        #expect(try cli.shell("ls K").stdout == "fenhong_152223_baixin.txt\nfenhong_152223_synthetic-7.txt\n")
        // --new-villages takes every one.
        #expect(try cli.shell("rm K/fenhong_152223_synthetic-7.txt").status == 0)
        #expect(try cli.execute(["verify", "R", "--trusted", "K", "--keep", "K", "--new-villages"]).status == 0)
        #expect(try cli.shell("ls K").stdout == "fenhong_152223_baixin.txt\nfenhong_152223_synthetic-7.txt\n")
    }

    /// A file in a league's folder whose name holds a line break or an escape is passed over,
    /// named escaped: it cannot print report lines of its own. A --trusted file far larger than a
    /// checkpoint is refused before it is read.
    @Test func oddNamesAndSizesAreRefused() throws {
        let cli = try CLI.villages()
        #expect(try cli.shell("mkdir L && cp d/baixin.fenhong L/ && cp other.fenhong \"L/b$(printf '\\nFAKE: intact\\n')x.fenhong\" && truncate -s 300M big.txt").status == 0)
        let run = try cli.execute(["verify", "L"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("passed over L/b\\nFAKE: intactx.fenhong: its name holds a line break, a tab or a terminal's escape"), "\(run.stderr)")
        #expect(!run.stdout.contains("\nFAKE"))
        let big = try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "big.txt"])
        #expect(big.status == 2)
        #expect(big.stderr == "fenhong: --trusted big.txt is larger than a checkpoint may be (131074 bytes)\n")
    }

    /// A kept checkpoint signed by no key of the ledger is said to be no evidence first, before
    /// the ledger is said to differ from it.
    @Test func aForgedKeptCheckpointIsNamedFirst() throws {
        let cli = try CLI.villages()
        #expect(try cli.run("key", "generate", "--name", "baixin-accountant", "--out", "own.key").status == 0)
        #expect(try cli.run("init", "--ledger", "own.fenhong", "--key", "own.key", "--origin", "fenhong/152223/baixin", "--org", "y", "--village", "y").status == 0)
        #expect(try cli.shell("'\(CLI.binary.path)' checkpoint --ledger own.fenhong > forged.txt").status == 0)
        let run = try cli.execute(["verify", "d/baixin.fenhong", "--trusted", "forged.txt"])
        #expect(run.status == 1)
        let problems = run.stdout.split(separator: "\n").drop { !$0.hasSuffix("problems found:") }.dropFirst()
        #expect(problems.first == "inconsistent-with-trusted: the trusted checkpoint 1 carries no valid signature by an accountant key this ledger had in service at that size",
                "\(run.stdout)")
        #expect(problems.dropFirst().first?.hasPrefix("entry 0: inconsistent-with-trusted: the trusted checkpoint has root ") == true, "\(run.stdout)")
    }
}
