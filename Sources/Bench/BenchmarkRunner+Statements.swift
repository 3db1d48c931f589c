import Foundation

extension BenchmarkRunner {
    /// PDF statements for 10,000 households, written by `fenhong statements` in its own process:
    /// the median of three runs, each into an empty folder (one run moved by a fifth here).
    func statements(_ report: inout BenchmarkReport) throws {
        let ledger = folder + "/statements.fenhong"
        let out = folder + "/statements"
        try? FileManager.default.removeItem(atPath: ledger)
        // 20 entries a household: 200,000 entries give 10,000 households with several years each.
        let summary = try SyntheticLedger(entries: 200_000, seed: 3).generate(at: ledger)
        var times: [Double] = []
        var files: [String] = []
        for _ in 0..<3 {
            try? FileManager.default.removeItem(atPath: out)
            let start = DispatchTime.now()
            // As of today: every year of the synthetic ledger is past.
            let run = try Self.run(binary, ["statements", "--ledger", ledger, "--out", out, "--format", "pdf"])
            times.append(seconds(since: start))
            files = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasSuffix(".pdf") }
            guard run.status == 0, files.count == summary.households else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "fenhong statements failed (exit \(run.status)): \(run.stdout)"])
            }
        }
        let elapsed = Sample.percentile(times, 0.5)
        let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: out + "/" + $1)[.size] as? Int) ?? 0) }
        report.rows.append(BenchmarkRow(
            name: "`fenhong statements --format pdf` for \(files.count) households (one process, ledger of \(summary.entries) entries; median of 3 runs)",
            figure: "\(Sample.s(elapsed)) (\(Sample.s(times.min()!))–\(Sample.s(times.max()!)); "
                + String(format: "%.0f KB a statement)", Double(bytes) / Double(files.count) / 1024),
            reference: "—", ratio: "—", goal: "≤ 10 s", met: elapsed <= 10))
    }
}
