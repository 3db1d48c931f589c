import Foundation
import LedgerCore
import LedgerStore
import MerkleLog
import Payouts
import SeededRandom

/// Runs the benchmarks of BENCHMARKS.md, each beside a reference measured in the same run.
public struct BenchmarkRunner {
    public let folder: String
    public let entries: Int64
    /// The fenhong binary, for measures that need a process of their own.
    public let binary: String
    public let log: (String) -> Void

    public init(folder: String, entries: Int64, binary: String, log: @escaping (String) -> Void) {
        self.folder = folder
        self.entries = entries
        self.binary = binary
        self.log = log
    }

    var largeLedger: String { folder + "/large.fenhong" }

    public func run(only: String?) throws -> BenchmarkReport {
        var report = BenchmarkReport()
        let all: [(String, (inout BenchmarkReport) throws -> Void)] = [
            ("bulk-append", bulkAppend), ("verify", verify), ("durable-append", durableAppend), ("proofs", proofs), ("plan", plan), ("declare", declare), ("statements", statements), ("league", league),
        ]
        for (name, measure) in all where only.map({ name.contains($0) }) ?? true {
            log("benchmark \(name)…")
            try measure(&report)
        }
        return report
    }

    func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Bulk append of the synthetic ledger against a bare insert of the same bodies.
    func bulkAppend(_ report: inout BenchmarkReport) throws {
        try? FileManager.default.removeItem(atPath: largeLedger)
        let summary = try SyntheticLedger(entries: entries, seed: 1).generate(at: largeLedger)
        let bodies = try SQLiteReference.bodies(ofLedgerAt: largeLedger)
        let references = try InsertReferences(bodies, batch: SyntheticLedger.batchSize, folder: folder, name: "bulk-append")
        report.rows.append(BenchmarkRow(
            name: "bulk append of \(summary.entries) entries (\(summary.commands) commands, each hashed, treed, checkpointed)",
            figure: Sample.rate(summary.entriesPerSecond) + " (\(Sample.s(summary.seconds)))",
            reference: references.text,
            ratio: references.ratio(summary.entriesPerSecond), goal: "≥ 0.5×", met: summary.entriesPerSecond / references.bareRate >= 0.5))
    }

    /// One durable append with its signed checkpoint, against one durable bare commit.
    func durableAppend(_ report: inout BenchmarkReport) throws {
        let store = try LedgerStore.open(path: largeLedger)
        let signer = try SyntheticLedger(entries: entries, seed: 1).accountant
        let payload = EntryPayload.incomeRecord(CashFlow(amount: Fen(100), category: "利息收入", counterparty: "银行", date: LedgerDate("2025-06-30")!))
        let count = 200
        var ours = [Double]()
        for i in 0..<count {
            let start = DispatchTime.now()
            try store.append([payload], signer: signer, at: LedgerTime(secondsSinceEpoch: 1_900_000_000 + Int64(i)))
            ours.append(seconds(since: start))
        }
        let barePath = folder + "/bare-commit.sqlite"
        try? FileManager.default.removeItem(atPath: barePath)
        let bare = try SQLiteReference.durableCommitLatencies(count: count, path: barePath)
        let ratio = Sample.percentile(ours, 0.5) / Sample.percentile(bare, 0.5)
        report.rows.append(BenchmarkRow(
            name: "one durable append + signed checkpoint, at \(entries) entries (\(count) runs)",
            figure: "p50 \(Sample.ms(Sample.percentile(ours, 0.5))), p99 \(Sample.ms(Sample.percentile(ours, 0.99)))",
            reference: "bare durable one-row commit: p50 \(Sample.ms(Sample.percentile(bare, 0.5))), p99 \(Sample.ms(Sample.percentile(bare, 0.99)))",
            ratio: Sample.ratio(ratio) + " (p50)", goal: "≤ 3×", met: ratio <= 3))
    }

    /// Inclusion and consistency proofs at the large size, each from a freshly opened store.
    func proofs(_ report: inout BenchmarkReport) throws {
        var rng = SplitMix64(seed: 7)
        var inclusion = [Double](), consistency = [Double]()
        for _ in 0..<100 {
            let start = DispatchTime.now()
            let store = try LedgerStore.open(path: largeLedger, readOnly: true)
            try store.withReader { reader in
                let size = Int(try reader.size())
                let index = Int.random(in: 0..<size, using: &rng)
                _ = try MerkleTree(reader: reader.subtreeReader).inclusionProof(index: index, size: size)
            }
            inclusion.append(seconds(since: start))
            let start2 = DispatchTime.now()
            let store2 = try LedgerStore.open(path: largeLedger, readOnly: true)
            try store2.withReader { reader in
                let size = Int(try reader.size())
                let old = Int.random(in: 1..<size, using: &rng)
                _ = try MerkleTree(reader: reader.subtreeReader).consistencyProof(from: old, to: size)
            }
            consistency.append(seconds(since: start2))
        }
        for (name, sample) in [("inclusion", inclusion), ("consistency", consistency)] {
            let p50 = Sample.percentile(sample, 0.5)
            report.rows.append(BenchmarkRow(
                name: "\(name) proof at \(entries) entries, store opened cold each time (100 runs)",
                figure: "p50 \(Sample.ms(p50)), p99 \(Sample.ms(Sample.percentile(sample, 0.99)))",
                reference: "—", ratio: "—", goal: "≤ 1 ms p50", met: p50 <= 0.001))
        }
    }

    /// Planning a distribution over 1,000,000 holders (pure).
    func plan(_ report: inout BenchmarkReport) throws {
        let holders = (0..<1_000_000).map { i in
            PayoutHolder(id: String(100_000_000 + i), units: [ShareClass.member: Int64(1 + i % 7)], members: 1 + i % 7)
        }
        let request = DistributionRequest(amount: .distributable(Fen(yuan: 50_000_000)), appropriations: [Appropriation(name: "公积公益金", bp: 1000)],
                                          basis: .units(classWeights: [ShareClass.member: 1]), holders: holders)
        var times = [Double]()
        for _ in 0..<5 {
            let start = DispatchTime.now()
            let plan = try DistributionPlan(request)
            precondition(plan.allocated + plan.residual == plan.pool)
            times.append(seconds(since: start))
        }
        let p50 = Sample.percentile(times, 0.5)
        report.rows.append(BenchmarkRow(
            name: "plan a distribution over 1,000,000 holders (5 runs)", figure: "median \(Sample.s(p50))",
            reference: "—", ratio: "—", goal: "≤ 0.5 s", met: p50 <= 0.5))
    }
}
