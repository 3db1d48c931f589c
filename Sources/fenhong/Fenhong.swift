import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// The root command: it only lists the subcommands.
@main
struct Fenhong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fenhong",
        abstract: "分红 — an append-only, verifiable ledger of village collective shares and dividends.",
        discussion: "--ledger defaults to $FENHONG_LEDGER and --key to $FENHONG_KEY.",
        subcommands: [
            KeyCommand.self, InitCommand.self, HouseholdCommand.self, SharesCommand.self,
            FundCommand.self, InvestmentCommand.self, IncomeCommand.self, ExpenseCommand.self,
            ReverseCommand.self, LogCommand.self, CheckpointCommand.self, ProveCommand.self,
            ExportCommand.self, ImportCommand.self, VerifyCommand.self, CosignCommand.self, CosignatureCommand.self, DividendCommand.self,
            StatementCommand.self, StatementsCommand.self, DisclosureCommand.self, DemoCommand.self, BenchCommand.self,
        ]
    )

    /// Errors are one sentence on stderr and exit 2; `verify` exits 1 for problems found.
    static func main() {
        do {
            if let repeated = RepeatedOptions.problem(in: Array(CommandLine.arguments.dropFirst())) { throw ValidationError(repeated) }
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // One line whatever a value in it held (a line break typed in an option).
            FileHandle.standardError.write(Data(("fenhong: " + MessageText.oneLine(message(for: error)) + "\n").utf8))
            Foundation.exit(2)
        }
    }

    /// The fields an option of the same name gives, where a command's option is the field
    /// itself (amounts, in yuan on the command line and fen in a body, are not among them).
    static let optionFields: [String: String] = Dictionary(uniqueKeysWithValues: [
        "household", "head", "members", "holder", "from", "to", "units", "class", "reference", "reason", "category",
        "counterparty", "source", "purpose", "org", "village", "origin", "id", "region",
    ].map { ($0, "--" + $0) } + [("appropriations", "--appropriation")])

    /// One sentence: a validation message as written, a parser error without its usage lines.
    static func message(for error: Error) -> String {
        // A full ID or card number typed where it does not belong is echoed masked.
        UnmaskedNumbers.masked(in: unmaskedMessage(for: error))
    }

    private static func unmaskedMessage(for error: Error) -> String {
        if let validation = error as? ValidationError { return validation.message }
        // A value the entry refused, named by the option that gave it rather than by the field.
        if case .invalidEntry(.invalidValue(_, let field, let reason))? = error as? StoreError, let option = optionFields[field] {
            return "\(option) \(reason)"
        }
        // The parser's own errors (a missing option, an unknown argument): its first line, without
        // the usage text that follows it.
        if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") {
            let first = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            return first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
        }
        // Foundation's file errors read better in their own words than as a domain and code.
        if let cocoa = error as? CocoaError { return cocoa.localizedDescription }
        return "\(error)"
    }
}
