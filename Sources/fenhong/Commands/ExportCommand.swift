import ArgumentParser
import Foundation
import Journal
import LedgerCore
import LedgerReports
import LedgerStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the bundle an inspector takes away (entries.jsonl, checkpoints/, keys.txt, VERIFY.txt), or a double-entry journal.",
        discussion: "--format hledger or beancount writes the ledger as a journal under the 2023 village chart of accounts (docs/JOURNAL.md).")

    @OptionGroup var ledger: LedgerOption
    @Option(help: "bundle (a folder, the default), hledger or beancount (a file).") var format: String = "bundle"
    @Option(help: "The folder (bundle) or file (journal) to create.") var out: String

    func run() throws {
        let store = try ledger.open(readOnly: true)
        if format == "bundle" {
            let summary = try BundleWriter.write(store: store, to: out)
            print("wrote \(out): \(summary.entries) entries, \(summary.checkpoints) checkpoint\(summary.checkpoints == 1 ? "" : "s"), \(summary.keys) key\(summary.keys == 1 ? "" : "s")")
            return
        }
        guard let journalFormat = JournalFormat(rawValue: format) else {
            throw ValidationError("--format \(format) must be bundle, hledger or beancount")
        }
        let entries = try JournalFile.write(store: store, format: journalFormat, to: out)
        print("wrote \(out): \(format) journal of \(entries) \(entries == 1 ? "entry" : "entries")")
    }
}
