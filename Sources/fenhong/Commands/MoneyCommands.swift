import ArgumentParser
import LedgerCore

/// Options shared by the commands that record an amount on a date.
struct AmountOptions: ParsableArguments {
    // Unconditional: "-5" is the (refused) amount, not an unknown option and a missing value.
    @Option(parsing: .unconditional, help: "Amount in yuan: 3000, 3,000.00, 3000元.") var amount: String
    @Option(help: "Date YYYY-MM-DD (default: today).") var date: String?

    /// The amount: more than zero — a fund, investment, income or expense of nothing records nothing.
    var fen: Fen { get throws { try Parse.positiveAmount(amount, option: "--amount") } }
    var day: LedgerDate { get throws { try date.map { try Parse.pastDate($0, option: "--date") } ?? Parse.today() } }
}

/// Options of income and expense records.
struct CashFlowOptions: ParsableArguments {
    @OptionGroup var money: AmountOptions
    @Option(help: "Category, e.g. 投资收益, 经营收入, 管理费用.") var category: String
    @Option(help: "Who paid, or who was paid.") var counterparty: String

    var cashFlow: CashFlow {
        get throws { CashFlow(amount: try money.fen, category: category, counterparty: counterparty, date: try money.day) }
    }
}

struct FundCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fund", abstract: "Funds received by the collective.",
                                                    subcommands: [FundReceiveCommand.self])
}

struct FundReceiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receive", abstract: "Record a fund received (e.g. 产业发展引导资金).")
    @OptionGroup var write: WriteOptions
    @OptionGroup var money: AmountOptions
    @Option(help: "Who paid it.") var source: String
    @Option(help: "What it is for.") var purpose: String

    func run() throws {
        try write.append([.fundReceive(FundReceipt(amount: try money.fen, source: source, purpose: purpose, date: try money.day))])
    }
}

struct InvestmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "investment", abstract: "Investments of the collective.",
                                                    subcommands: [InvestmentMakeCommand.self])
}

struct InvestmentMakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "make", abstract: "Record an investment as shares with an agreed return.")
    @OptionGroup var write: WriteOptions
    @OptionGroup var money: AmountOptions
    @Option(help: "The enterprise or cooperative invested in.") var counterparty: String
    @Option(name: .customLong("return"), help: "Agreed annual return: 8% or 800bp.") var returnRate: String

    func run() throws {
        try write.append([.investmentMake(Investment(
            amount: try money.fen, counterparty: counterparty,
            returnBp: try Parse.basisPoints(returnRate, option: "--return"), date: try money.day))])
    }
}

struct IncomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "income", abstract: "Income of the collective.",
                                                    subcommands: [IncomeRecordCommand.self])
}

struct IncomeRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record income (经营收入, 投资收益 …).")
    @OptionGroup var write: WriteOptions
    @OptionGroup var flow: CashFlowOptions

    func run() throws {
        try write.append([.incomeRecord(try flow.cashFlow)])
    }
}

struct ExpenseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expense", abstract: "Expenses of the collective.",
                                                    subcommands: [ExpenseRecordCommand.self])
}

struct ExpenseRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "record", abstract: "Record an expense (管理费用 …).")
    @OptionGroup var write: WriteOptions
    @OptionGroup var flow: CashFlowOptions

    func run() throws {
        try write.append([.expenseRecord(try flow.cashFlow)])
    }
}

struct ReverseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reverse", abstract: "Undo an entry by recording its reversal; the entry itself stays.",
        discussion: "Reversing a dividend.declare withdraws the distribution with all its allocations, once its payments are reversed; declare the correction under a new id. "
            + "Reversing a household.register withdraws a household registered by mistake (a wrong number, one person under two numbers), once every share entry naming it is reversed and no standing distribution allocated to it; registering its number again undoes a withdrawal made by mistake.")
    @OptionGroup var write: WriteOptions
    @Option(parsing: .unconditional, help: "The seq of the entry to reverse.") var seq: Int64
    @Option(help: "Why.") var reason: String
    @Option(help: "The voucher or bank reference of the money returned, if any.") var reference: String?
    @Option(help: "The day it took effect, YYYY-MM-DD, when not today (a past year entered later).") var date: String?

    func run() throws {
        guard seq >= 0 else { throw ValidationError("--seq \(seq) is not an entry number (0 or more; fenhong log shows them)") }
        let reference = try self.reference.map { try Parse.name($0, option: "--reference") }
        let day = try date.map { try Parse.pastDate($0, option: "--date", advice: "record a reversal when it has happened") }
        let reversal = Reversal(target: seq, reason: reason, reference: reference, date: day)
        if day != nil, let target = try write.ledger.open(readOnly: true).withReader({ try $0.entry(seq: seq) }),
           let undone = Reversal.Undone(target), let refusal = reversal.refusal(reversing: seq, undone) {
            throw ValidationError("--date \(date!): \(refusal)")
        }
        try write.append([.entryReverse(reversal)])
    }
}
