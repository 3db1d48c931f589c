import ArgumentParser
import LedgerStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the bundle an inspector takes away: entries.jsonl, checkpoints/, keys.txt, VERIFY.txt.")

    @OptionGroup var ledger: LedgerOption
    @Option(help: "The folder to create.") var out: String

    func run() throws {
        let summary = try BundleWriter.write(store: ledger.open(readOnly: true), to: out)
        print("wrote \(out): \(summary.entries) entries, \(summary.checkpoints) checkpoints, \(summary.keys) keys")
    }
}
