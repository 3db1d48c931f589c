import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "List entries, oldest first.")

    @OptionGroup var ledger: LedgerOption
    @Option(help: "Only the entries that name this household, and their reversals.", transform: Parse.householdNumber) var household: String?
    @Flag(help: "Print each body exactly as stored, one JSON object a line.") var json = false
    @Flag(help: "Print CSV that `fenhong import` reads (UTF-8 with BOM, CRLF), needs --kind: the ledger as it stands (households as updated, net holdings, payments not reversed).")
    var csv = false
    @Option(help: "With --csv: household.register, shares or dividend.pay.") var kind: String?

    func run() throws {
        let store = try ledger.open(readOnly: true)
        if csv || kind != nil { return try printCSV(store) }
        try store.withReader { reader in
            if let household {
                let entries = try reader.history(household: household)
                // Nothing printed would read as a household without entries.
                guard !entries.isEmpty else { throw Self.unknown(household) }
                let reversed = Self.targets(of: entries)
                for entry in entries { line(entry, reversed: reversed) }
            } else {
                // The reversals first (few, and indexed), then each entry as it is read — once every
                // entry has been read: one changed outside fenhong is refused with nothing printed
                // (a `log --json > file` cut short at it had only its exit status to say so).
                let reversed = Self.targets(of: try reader.entries(kind: .entryReverse))
                try reader.forEachEntry { _ in }
                try reader.forEachEntry { line($0, reversed: reversed) }
            }
        }
    }

    /// The error for a household no entry names.
    static func unknown(_ household: String) -> ValidationError {
        ValidationError("--household \(household.contains(where: \.isWhitespace) || household.isEmpty ? MessageText.quoted(household) : household) is not registered in this ledger (fenhong household list names them)")
    }

    /// The entries that `entries` reverse.
    private static func targets(of entries: [Entry]) -> Set<Int64> {
        Set(entries.compactMap { entry -> Int64? in
            if case .entryReverse(let r) = entry.payload { return r.target } else { return nil }
        })
    }

    private func line(_ entry: Entry, reversed: Set<Int64>) {
        if json {
            print(String(decoding: entry.canonicalBody(), as: UTF8.self))
        } else {
            let mark = reversed.contains(entry.seq) ? "  (reversed)" : ""
            print("\(entry.seq)  \(entry.at)  \(entry.kind.rawValue)  \(Printer.summary(entry))\(mark)")
        }
    }
}

extension LogCommand {
    /// The rows `fenhong import` reads back: the households, holdings or payments as the ledger
    /// stands (see `ImportSnapshot`).
    private func printCSV(_ store: LedgerStore) throws {
        guard csv, !json else { throw ValidationError("--kind goes with --csv, and --csv not with --json") }
        let kinds: [String: ImportKind] = [
            "household.register": .households, "households": .households,
            "shares": .shares, "shares.issue": .shares,
            "dividend.pay": .payments, "payments": .payments,
        ]
        guard let kind else { throw ValidationError("--csv needs --kind household.register, shares or dividend.pay") }
        guard let importKind = kinds[kind] else {
            throw ValidationError("--kind \(kind) must be household.register, shares or dividend.pay")
        }
        let snapshot = try store.withReader { reader in
            if let household, try reader.history(household: household).isEmpty { throw Self.unknown(household) }
            return try ImportSnapshot { add in try reader.forEachEntry(add) }
        }
        print(importKind.csv(snapshot.payloads(importKind, household: household)), terminator: "")
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
