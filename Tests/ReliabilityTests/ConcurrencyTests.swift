import Foundation
import LedgerCore
import LedgerStore
import Testing

/// Several accountants' processes appending to one ledger at once are serialised, never forked.
struct ConcurrencyTests {
    /// 4 processes, each a loop of `fenhong income record` with its own accountant key, all at once: every command lands exactly once, the chain is unbroken, every checkpoint verifies, and no writer sees a lock error.
    @Test func fourWritersAppendEveryCommandOnce() throws {
        let writers = 4
        // A loop of real commands costs a process launch each (~40 ms here): 4 × 100 by default,
        // 4 × 500 with FENHONG_LONG=1.
        let perWriter = Reliability.long ? 500 : 100
        let folder = try Reliability.folder("concurrency")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let ledger = folder + "/ledger.fenhong"

        var vkeys = [String]()
        for w in 0..<writers {
            let run = try Binary.run(["key", "generate", "--name", "accountant-\(w)", "--out", "k\(w).key"], in: folder)
            #expect(run.status == 0)
            vkeys.append(run.stdout.trimmingCharacters(in: .newlines))
        }
        #expect(try Binary.run(["init", "--ledger", ledger, "--key", "k0.key", "--origin", "fenhong/152223/baixin",
                                "--org", "白辛嘎查股份经济合作社", "--village", "白辛嘎查"], in: folder).status == 0)
        for w in 1..<writers {
            #expect(try Binary.run(["key", "add", "--ledger", ledger, "--key", "k0.key", "--vkey", vkeys[w], "--role", "accountant"],
                                   in: folder).status == 0)
        }
        let base = Int64(writers)  // ledger.open and three key.add

        // Each writer records amounts 1, 2, … N yuan, so that every command can be found afterwards.
        let start = ContinuousClock.now
        let processes = try (0..<writers).map { w in
            let script = """
                fail=0; i=1
                while [ $i -le \(perWriter) ]; do
                  "$0" income record --ledger '\(ledger)' --key k\(w).key --amount $i --category 利息收入 \
                    --counterparty writer-\(w) --date 2024-01-01 >/dev/null 2>>err\(w).txt || fail=$((fail+1))
                  i=$((i+1))
                done
                echo $fail > fail\(w).txt
                """
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, Binary.path]
            process.currentDirectoryURL = URL(fileURLWithPath: folder)
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        let seconds = Reliability.seconds(since: start)

        for w in 0..<writers {
            let failures = try String(contentsOfFile: "\(folder)/fail\(w).txt", encoding: .utf8)
            let errors = (try? String(contentsOfFile: "\(folder)/err\(w).txt", encoding: .utf8)) ?? ""
            #expect(failures == "0\n", "writer \(w): \(failures) failed commands")
            #expect(errors == "", "writer \(w) saw: \(errors.prefix(500))")
        }

        let store = try LedgerStore.open(path: ledger, readOnly: true)
        let total = base + Int64(writers * perWriter)
        let (size, incomes, sizes) = try store.withReader { reader in
            (try reader.size(), try reader.entries(kind: .incomeRecord), try reader.checkpoints().map(\.size))
        }
        #expect(size == total)
        #expect(sizes == Array(1...total), "one checkpoint per command, at every size")

        // Every command landed exactly once, recorded by its writer's key.
        let ids = try vkeys.map { try NoteVerifierKey(vkey: $0).id }
        var amounts = [String: [Int64]]()
        var switches = 0
        var previous: KeyID?
        for entry in incomes {
            guard case .incomeRecord(let flow) = entry.payload else { continue }
            amounts[flow.counterparty, default: []].append(flow.amount.value)
            #expect(ids[Int(flow.counterparty.dropFirst("writer-".count))!] == entry.by)
            if let previous, previous != entry.by { switches += 1 }
            previous = entry.by
        }
        for w in 0..<writers {
            #expect(amounts["writer-\(w)"]?.sorted() == (1...Int64(perWriter)).map { $0 * 100 }, "writer \(w)")
        }
        // The writers really overlapped: consecutive entries often come from different writers.
        #expect(switches > perWriter / 4, "only \(switches) changes of writer in \(incomes.count) entries")

        let report = try LedgerAudit.verify(path: ledger, trusted: nil)
        #expect(report.problems.map(\.description) == [])
        #expect(report.size == total)
        #expect(report.checkpoints == Int(total))
        print("concurrency: \(writers) × \(perWriter) commands in \(String(format: "%.1f", seconds)) s "
              + "(\(String(format: "%.0f", Double(writers * perWriter) / seconds)) commands/s), \(switches) changes of writer")
    }
}
