import Foundation

/// One measured figure beside its reference, as a row of BENCHMARKS.md.
public struct BenchmarkRow: Sendable {
    public let name: String
    public let figure: String
    public let reference: String
    /// figure ÷ reference, in the direction the goal states.
    public let ratio: String
    public let goal: String
    public let met: Bool?
}

/// The rows of one run, with the machine and date.
public struct BenchmarkReport: Sendable {
    public var rows: [BenchmarkRow] = []
    public var notes: [String] = []

    public var markdown: String {
        var out = ["| measure | figure | reference (same run) | ratio | goal | met |", "|---|---|---|---|---|---|"]
        for row in rows {
            let met = row.met.map { $0 ? "yes" : "**no**" } ?? "—"
            out.append("| \(row.name) | \(row.figure) | \(row.reference) | \(row.ratio) | \(row.goal) | \(met) |")
        }
        out.append("")
        out += notes.map { "- " + $0 }
        return out.joined(separator: "\n")
    }
}

/// Percentiles of a sample of seconds.
enum Sample {
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
    static func s(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }
    static func rate(_ perSecond: Double) -> String { String(format: "%.0f /s", perSecond) }
    static func ratio(_ value: Double) -> String { String(format: "%.2f×", value) }
}
