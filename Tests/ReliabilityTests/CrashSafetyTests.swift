import Bench
import Foundation
import LedgerCore
import LedgerStore
import SeededRandom
import Testing

/// SIGKILL at random moments while the built binary appends; after every kill the ledger opens,
/// verifies with no problem, holds only whole commands, and takes the next append.
///
/// What this proves: a process that dies at any instruction (SIGKILL runs no handler and flushes
/// nothing) leaves the ledger exactly as after some whole command, because each command is one
/// SQLite transaction in WAL mode. What it does not prove: survival of a power cut, where the
/// disk may lose writes the kernel had accepted; that rests on `synchronous=FULL` and fsync,
/// which no test on a running kernel can exercise.
@Suite(.serialized)
struct CrashSafetyTests {
    /// The three kinds of child killed, in turn.
    enum Victim: CaseIterable {
        /// `fenhong bench generate` on a new ledger: commands of up to 1,000 entries, so a kill
        /// usually lands inside a long transaction.
        case bulk
        /// `fenhong income record` on one ledger that lives across rounds: a kill lands in
        /// process start, open, the small transaction or its commit, and recovery is repeated.
        case single
        /// `fenhong init` on a new path, killed within milliseconds of its staging file appearing
        /// (while the schema and entry 0 are written): no ledger or a whole one.
        case initialise
    }

    /// Every kill leaves a ledger that verifies, whose size is its latest checkpoint's, whose bulk checkpoints match an unkilled run's, and that takes another append.
    @Test func killedWritersLeaveWholeCommands() throws {
        let seed = Reliability.seed("crash safety")
        var rng = SplitMix64(seed: seed)
        let kills = Reliability.long ? 60 : 10
        let bulkEntries: Int64 = Reliability.long ? 20_000 : 3_000
        let folder = try Reliability.folder("crash")
        defer { try? FileManager.default.removeItem(atPath: folder) }

        // The unkilled run: a synthetic ledger is deterministic for its seed (times included), so
        // a killed run must hold a prefix of it, checkpoint for checkpoint.
        let generator = try SyntheticLedger(entries: bulkEntries, seed: 1)
        let reference = try generator.generate(at: folder + "/reference.fenhong")
        let referenceRoots = try Dictionary(uniqueKeysWithValues: LedgerStore.open(path: folder + "/reference.fenhong", readOnly: true)
            .withReader { try $0.checkpoints() }.map { ($0.size, try SignedCheckpoint(parsing: $0.note).checkpoint.root) })
        print("crash safety: reference ledger of \(reference.entries) entries in \(reference.commands) commands, \(String(format: "%.2f", reference.seconds)) s in process")

        // The ledger the single-command victims append to, and its key file.
        let single = folder + "/single.fenhong"
        let key = folder + "/accountant.key"
        #expect(try Binary.run(["key", "generate", "--name", "accountant", "--out", key], in: folder).status == 0)
        #expect(try Binary.run(["init", "--ledger", single, "--key", key, "--origin", "fenhong/152223/baixin",
                                "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查"], in: folder).status == 0)
        let singleSigner = try KeyFile.read(key)
        let income = ["income", "record", "--ledger", single, "--key", key, "--amount", "12.34", "--category", "利息收入",
                      "--counterparty", "银行", "--date", "2024-01-01"]
        let singleSeconds = try timed(income, in: folder)
        let initSeconds = try timed(["init", "--ledger", folder + "/timing.fenhong", "--key", key, "--origin", "fenhong/152223/baixin",
                                     "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查"], in: folder)

        var killed = 0, exitedFirst = 0, absent = 0, round = 0, inStaging = 0
        var landed = [Victim: [Int64]]()
        // Rounds whose child finished before its kill do not count; they are rare and bounded.
        while killed < kills, round < kills * 3 {
            defer { round += 1 }
            let victim = Victim.allCases[round % Victim.allCases.count]
            let path: String
            let arguments: [String]
            let window: Double
            switch victim {
            case .bulk:
                path = folder + "/bulk-\(round).fenhong"
                arguments = ["bench", "generate", "--ledger", path, "--entries", "\(bulkEntries)", "--seed", "1"]
                window = reference.seconds * 0.9
            case .single:
                path = single
                arguments = income
                window = singleSeconds
            case .initialise:
                path = folder + "/init-\(round).fenhong"
                arguments = ["init", "--ledger", path, "--key", key, "--origin", "fenhong/152223/baixin",
                             "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查"]
                window = initSeconds
            }
            let sizeBefore = victim == .single ? try LedgerStore.open(path: single).withReader { try $0.size() } : 0
            let delay = Double.random(in: 0...window, using: &rng)
            let child = try Binary.start(arguments, in: folder)
            if victim == .initialise {
                // Aim at the few milliseconds in which the staging file is built.
                let staging = path + ".creating-\(child.processIdentifier)"
                let deadline = ContinuousClock.now + .seconds(5)
                while !FileManager.default.fileExists(atPath: staging), child.isRunning, ContinuousClock.now < deadline {
                    Thread.sleep(forTimeInterval: 0.000_05)
                }
                Thread.sleep(forTimeInterval: delay / 20)
            } else {
                Thread.sleep(forTimeInterval: delay)
            }
            if Binary.kill(child) { killed += 1 } else { exitedFirst += 1 }

            guard FileManager.default.fileExists(atPath: path) else {
                // Killed before the file was created: nothing landed, which is whole.
                #expect(victim != .single)
                absent += 1
                if victim == .initialise, FileManager.default.fileExists(atPath: path + ".creating-\(child.processIdentifier)") { inStaging += 1 }
                continue
            }
            let store = try LedgerStore.open(path: path)
            let report = try LedgerAudit.verify(path: path, trusted: nil)
            #expect(report.problems.map(\.description) == [], "round \(round) (\(victim), killed after \(delay) s)")
            let (size, head) = try store.withReader { (try $0.size(), try $0.latestCheckpoint().checkpoint) }
            #expect(size == head.size && size == report.size, "round \(round): \(size) entries, latest checkpoint \(head.size)")
            landed[victim, default: []].append(size)
            let signer: NoteSigner
            switch victim {
            case .bulk:
                #expect(referenceRoots[head.size] == head.root, "round \(round): checkpoint \(head.size) is not the unkilled run's")
                signer = generator.accountant
            case .single:
                #expect(size == sizeBefore || size == sizeBefore + 1, "round \(round): \(sizeBefore) → \(size)")
                signer = singleSigner
            case .initialise:
                #expect(size == 1)
                signer = singleSigner
            }
            // The ledger takes the next command as if nothing had happened.
            let next = try store.append([.incomeRecord(CashFlow(amount: Fen(1), category: "利息收入", counterparty: "银行",
                                                                  date: LedgerDate("2024-01-02")!))],
                                        signer: signer, at: LedgerTime(secondsSinceEpoch: 1_800_000_000))
            #expect(next.checkpoint.checkpoint.size == size + 1)
            #expect(try LedgerAudit.verify(path: path, trusted: nil).problems.map(\.description) == [])
        }
        print("crash safety: \(killed) kills, \(exitedFirst) children finished first, \(absent) left no file (\(inStaging) of them in init's staging file); entries at the kill: "
              + Victim.allCases.map { "\($0) \(landed[$0] ?? [])" }.joined(separator: ", "))
        #expect(killed == kills)
    }

    /// How long one successful run of the binary takes: the window the kills fall in.
    private func timed(_ arguments: [String], in folder: String) throws -> Double {
        let start = ContinuousClock.now
        let run = try Binary.run(arguments, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        return Reliability.seconds(since: start)
    }
}
