import ArgumentParser
import LedgerCore
import LedgerStore

struct SharesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shares", abstract: "Issue, transfer and retire shares (股).",
        subcommands: [SharesIssueCommand.self, SharesTransferCommand.self, SharesRetireCommand.self])
}

/// Options shared by the share commands.
struct ShareOptions: ParsableArguments {
    @Option(name: .customLong("class"), help: "Share class: member (人口股), poverty (扶贫股), collective (集体股), labour (劳龄股), capital …")
    var className: String
    /// The class as recorded: a class named in Chinese is the same class as in English.
    var shareClass: String { ShareClass.named(className) ?? className }
    @Option(parsing: .unconditional, help: "Whole shares.") var units: Int64?
    @Option(parsing: .unconditional, help: "For a member's account (capital 出资额, reserve 公积金份额, subsidy 补助份额, trade 交易额): the amount in yuan, e.g. 15,000.00.")
    var amount: String?
    @Option(help: "Effective date YYYY-MM-DD (default: today).") var date: String?
    @Option(help: "Why, e.g. 折股量化 2017-12-31.") var reason: String

    /// Whole shares, or an account's amount in fen (the ledger counts an account in fen).
    var quantity: Int64 {
        get throws {
            let isAccount = ShareClass.accounts.contains(shareClass)
            switch (units, amount) {
            case (let units?, nil):
                guard !isAccount else {
                    // The amount it likely meant, in yuan, when that is an amount at all.
                    let (fen, overflow) = units.multipliedReportingOverflow(by: 100)
                    let example = !overflow && fen > 0 && fen <= Fen.max.value ? " (e.g. --amount \(Fen(fen).formatted))" : ""
                    throw ValidationError("--class \(className) is an account kept in yuan: give --amount\(example), not --units")
                }
                guard units > 0 else { throw ValidationError("--units \(units) must be greater than zero") }
                return units
            case (nil, let amount?):
                guard isAccount else {
                    throw ValidationError("--amount goes with an account class (capital, reserve, subsidy, trade); --class \(className) is counted in shares: give --units")
                }
                let fen = try Parse.amount(amount, option: "--amount")
                guard fen > .zero else { throw ValidationError("--amount \(amount) is zero; nothing to record") }
                return fen.value
            case (nil, nil):
                throw ValidationError(isAccount ? "--class \(className) is an account kept in yuan: give --amount" : "give --units, the number of shares")
            case (_?, _?):
                throw ValidationError("give --units for shares or --amount for an account, not both")
            }
        }
    }

    var effectiveDate: LedgerDate {
        get throws { try date.map { try Parse.pastDate($0, option: "--date", advice: "record shares when they have changed hands") } ?? Parse.today() }
    }
}

struct SharesIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "issue", abstract: "Issue shares to a household or the collective.")
    @OptionGroup var write: WriteOptions
    @Option(help: "Household number, or collective.", transform: Parse.householdNumber) var holder: String
    @OptionGroup var share: ShareOptions
    @Flag(help: "Start a share class that is neither named under --class nor issued in this ledger before.") var newClass = false

    func run() throws {
        // A class is weighed by name in `--classes class=weight,…`: its name cannot hold either sign.
        if newClass, share.className.contains(where: { $0 == "," || $0 == "=" || $0.isWhitespace }) {
            throw ValidationError("--class \(share.className): a class name has no commas, equals signs or spaces (it is weighed as --classes name=weight,…)")
        }
        // A class's name heads a column of every statement and posting.
        if newClass, share.className.count > 16 {
            throw ValidationError("--class has \(share.className.count) characters; a class's name heads a column of every statement: at most 16")
        }
        // A misspelt class would start a class of its own, which no plan weighs.
        if !newClass, !ShareClass.named.contains(share.shareClass) {
            let inUse = try write.ledger.open(readOnly: true).withReader { try $0.shareClasses() }
            guard inUse.contains(share.shareClass) else {
                let known = (ShareClass.named + inUse.subtracting(ShareClass.named).sorted()).joined(separator: ", ")
                throw ValidationError("--class \(share.className) is not a class of this ledger (\(known)); to start it, add --new-class")
            }
        }
        let issue = EntryPayload.sharesIssue(SharesChange(holder: Holder.named(holder), shareClass: share.shareClass, units: try share.quantity,
                                                          date: try share.effectiveDate, reason: share.reason))
        // The same command run twice (a line of shell history run again) would double a holding.
        try write.append { reader in
            if let earlier = try reader.standingRecord(like: issue) {
                throw ValidationError("\(ImportBatch.repeated(issue).what) is already recorded, entry \(earlier.seq); nothing was recorded "
                                      + "(a second issue alike is given a --reason of its own)")
            }
            return [issue]
        }
    }
}

struct SharesRetireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retire", abstract: "Retire shares (回购, 脱贫退出 …).")
    @OptionGroup var write: WriteOptions
    @Option(help: "Household number, or collective.", transform: Parse.householdNumber) var holder: String
    @OptionGroup var share: ShareOptions

    func run() throws {
        try write.append([.sharesRetire(SharesChange(holder: Holder.named(holder), shareClass: share.shareClass, units: try share.quantity,
                                                     date: try share.effectiveDate, reason: share.reason))])
    }
}

struct SharesTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Move shares between holders (继承, 分户 …).")
    @OptionGroup var write: WriteOptions
    @Option(help: "From household (or collective).", transform: Parse.householdNumber) var from: String
    @Option(help: "To household (or collective).", transform: Parse.householdNumber) var to: String
    @OptionGroup var share: ShareOptions

    func run() throws {
        try write.append([.sharesTransfer(SharesTransfer(from: Holder.named(from), to: Holder.named(to), shareClass: share.shareClass, units: try share.quantity,
                                                         date: try share.effectiveDate, reason: share.reason))])
    }
}
