import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerReports
import Statements

struct DisclosureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure",
        abstract: "Write the public posting (村务公开 公示表) of a distribution: no ID numbers, accounts or health status.")

    @OptionGroup var ledger: LedgerOption
    @Option(parsing: .unconditional, help: "The distribution id.") var id: String
    @OptionGroup var render: RenderOptions
    @Option(help: "Write to this file instead of standard output.") var out: String?
    @Option(help: "The first day of the posting period, YYYY-MM-DD (default: the one the declaration records, else today).") var from: String?
    @Option(parsing: .unconditional, help: "How many days the posting stays up (公示期; default: as the declaration records, else 7).") var days: Int?

    func run() throws {
        if let days, !(1...366).contains(days) { throw ValidationError("--days \(days) must be between 1 and 366") }
        let today = Parse.today()
        let given = try from.map { try Parse.date($0, option: "--from") }
        // A posting is put up soon; a year on is a mistyped year (and near 9999 its last day would be none).
        if let given, given > today.adding(days: 366) {
            throw ValidationError("--from \(given) is more than a year after today, \(today): a posting goes up within the year")
        }
        if let out, let taken = OutputFile.notFenhongsToReplace(out) {
            throw ValidationError("\(taken); nothing was written: give another --out file, or remove it first")
        }
        let disclosure = try ledger.open(readOnly: true).withReader { reader -> DistributionDisclosure in
            guard case .ledgerOpen(let opening)? = try reader.entry(seq: 0)?.payload else {
                throw ValidationError("the ledger does not start with ledger.open")
            }
            let signed = try StatementSource.checkpoint(reader, size: nil)
            // With the reversals (a rare kind, indexed): a withdrawn declaration is not posted.
            let entries = try reader.entries(distribution: id) + reader.entries(kind: .entryReverse)
            // Each head as of the record date: the posting names who was head then, from the
            // household's own entries (its whole history also read every declaration and reversal
            // of the ledger, once a household: 8.75 s for 50,000).
            let recordDate = entries.lazy.compactMap { entry -> LedgerDate? in
                if case .dividendDeclare(let d) = entry.payload { d.recordDate } else { nil }
            }.first
            var heads = [String: String]()
            for entry in entries {
                guard case .dividendAllocate(let a) = entry.payload, heads[a.household] == nil else { continue }
                heads[a.household] = HouseholdStatement.registration(
                    of: a.household, in: try reader.entries(household: a.household), on: recordDate ?? Parse.today())?.head ?? ""
            }
            // The period the declaration records is the one posted: payments wait for its end.
            let recorded = entries.lazy.compactMap { entry -> PostingPeriod? in
                if case .dividendDeclare(let d) = entry.payload { d.posting } else { nil }
            }.first
            let period = try Self.period(recorded: recorded, from: given, days: days, today: today, id: id)
            // Posted before the record date, it would post amounts of holdings not yet taken.
            if let recordDate, period.start < recordDate {
                throw ValidationError("--from \(period.start) is before distribution \(id)'s record date \(recordDate): its amounts are of the holdings on that day, and are posted from it or later")
            }
            return try DistributionDisclosure.build(
                opening: opening, id: id, entries: entries, heads: heads, postedFrom: period.start, days: period.days,
                checkpoint: StatementSource.footer(reader, signed), division: StatementSource.divisions(reader)[id])
        }
        let bytes = try render.render(disclosure.document())
        if let out {
            try StatementSource.write(bytes, to: out)
            Printer.stderr("wrote \(out): distribution \(id), \(disclosure.lines.count) households, \(disclosure.totalAmount.formatted)")
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// The period to post: the one the declaration records (a period given must be it), else
    /// the one given, from today for 7 days by default.
    static func period(recorded: PostingPeriod?, from: LedgerDate?, days: Int?, today: LedgerDate, id: String) throws -> PostingPeriod {
        guard let recorded else { return PostingPeriod(start: from ?? today, days: days ?? 7) }
        let other = [from.flatMap { $0 == recorded.start ? nil : "--from \($0)" }, days.flatMap { $0 == recorded.days ? nil : "--days \($0)" }].compactMap { $0 }
        guard other.isEmpty else {
            throw ValidationError("distribution \(id) records its posting (公示) from \(recorded.start) to \(recorded.end), \(Printer.count(recorded.days, "day")); "
                                  + "\(other.joined(separator: " and ")) would post other days, which its payments do not wait for (leave \(other.count == 1 ? "it" : "them") out)")
        }
        return recorded
    }
}
