import ArgumentParser
import Foundation
import LedgerCore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List entries, oldest first.")

    @OptionGroup var ledger: LedgerOption
    @Option(help: "Only the entries that name this household.") var household: String?
    @Flag(help: "Print each body exactly as stored, one JSON object a line.") var json = false

    func run() throws {
        let store = try ledger.open(readOnly: true)
        let entries = try store.withReader { reader in
            try household.map { try reader.entries(household: $0) } ?? reader.allEntries()
        }
        let reversed = Set(entries.compactMap { entry -> Int64? in
            if case .entryReverse(let r) = entry.payload { return r.target } else { return nil }
        })
        for entry in entries {
            if json {
                print(String(decoding: entry.canonicalBody(), as: UTF8.self))
            } else {
                let mark = reversed.contains(entry.seq) ? "  (reversed)" : ""
                print("\(entry.seq)  \(entry.at)  \(entry.kind.rawValue)  \(Printer.summary(entry))\(mark)")
            }
        }
    }
}

struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint", abstract: "Print the latest signed checkpoint (with cosignatures): keep it, it is what you verify against.")

    @OptionGroup var ledger: LedgerOption

    func run() throws {
        let checkpoint = try ledger.open(readOnly: true).withReader { try $0.latestCheckpoint() }
        print(checkpoint.note.serialized, terminator: "")
    }
}
