import ArgumentParser
import Bench
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Generate synthetic ledgers and measure against SQLite, OpenSSL and the physical limits.",
        subcommands: [BenchGenerate.self, BenchRun.self, BenchStages.self, BenchPeakMemory.self])
}

struct BenchGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write a synthetic ledger of a realistic mix, deterministic for a seed.")

    @OptionGroup var ledger: LedgerOption
    @Option(help: "How many entries.") var entries: Int64 = 100_000
    @Option(help: "The seed.") var seed: UInt64 = 1

    func run() throws {
        let generator = try SyntheticLedger(entries: entries, seed: seed)
        var shown: Int64 = 0
        let summary = try generator.generate(at: try ledger.path) { written in
            if written - shown >= 50_000 || written == entries {
                shown = written
                Printer.stderr("\r\(written)/\(entries) entries", newline: false)
            }
        }
        Printer.stderr("")
        print("\(summary.entries) entries in \(summary.commands) commands (\(summary.households) households) in "
              + String(format: "%.1f s, %.0f entries/s", summary.seconds, summary.entriesPerSecond))
    }
}

struct BenchRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run every benchmark beside its reference; print the BENCHMARKS.md table.")

    @Option(help: "Entries in the large ledger.") var entries: Int64 = 1_000_000
    @Option(help: "A folder for the benchmark files, kept afterwards (default: a temporary folder, removed afterwards).") var work: String?
    @Option(help: "Only the benchmarks whose name contains this.") var only: String?

    func run() throws {
        let folder = work ?? NSTemporaryDirectory() + "fenhong-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A ledger of a million entries is hundreds of megabytes: only a folder the user named is kept.
        defer { if work == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let runner = BenchmarkRunner(folder: folder, entries: entries, binary: CommandLine.arguments[0]) { Printer.stderr($0) }
        let report = try runner.run(only: only)
        print(report.markdown)
    }
}

struct BenchStages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages", abstract: "Time each stage of a verification alone, on one thread, over a ledger.")

    @Argument(help: "The ledger file.") var ledger: String

    func run() throws {
        let stages = try VerifyStages.measure(ledgerAt: ledger)
        print("\(stages.entries) entries of \(ledger) (\(stages.decoded) decoded, \(stages.ruleViolations) rules broken):")
        print(stages.text)
    }
}

struct BenchPeakMemory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peak-memory", abstract: "Run a program and print its peak resident memory in bytes.",
        shouldDisplay: false)

    @Argument(parsing: .captureForPassthrough, help: "The program and its arguments.") var command: [String]

    func run() throws {
        guard !command.isEmpty else { throw ValidationError("give the program to run") }
        print(try PeakMemory.of(command))
    }
}
