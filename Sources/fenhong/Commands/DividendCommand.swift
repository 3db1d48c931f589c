import ArgumentParser
import Foundation
import LedgerCore
import Payouts
import Statements

struct DividendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dividend", abstract: "Plan, declare and pay a distribution (分红).",
        subcommands: [DividendPlan.self, DividendDeclare.self, DividendPay.self, DividendStatus.self])
}

/// How the accountant describes a distribution on the command line.
struct DistributionOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Distribution id, declared once, e.g. 2024.") var id: String
    @Option(help: "Holdings and eligibility are taken at this date, YYYY-MM-DD.") var recordDate: String
    // Amounts parse unconditionally: "-5" is the (refused) amount, not an unknown option.
    @Option(parsing: .unconditional, help: "Distributable amount (可分配收益); appropriations are drawn from it.") var distributable: String?
    @Option(parsing: .unconditional, help: "The pool itself, with no appropriations.") var pool: String?
    @Option(help: "An appropriation NAME=RATE drawn first, e.g. 公积公益金=10% (repeatable).") var appropriation: [String] = []
    @Option(parsing: .unconditional, help: "Undistributed income of earlier years (上年未分配收益) added to the pool after the appropriations, e.g. to pay a whole-yuan rate.") var carryIn: String?
    @Option(help: "units (shares), household (equal), member (per member) or cooperative (Art. 44).") var basis: String = "units"
    @Option(help: "Share classes and weights for the units basis, e.g. member=1,poverty=2 (default: member=1,poverty=1).") var classes: String?
    @Option(parsing: .unconditional, help: "Guaranteed minimum (保底) per registered-poor household: paid first from the pool; the rest is then shared by the basis among all, so such a household gets the minimum plus its share (Gaoxian's model, DOMAIN §3).") var minimum: String?
    @Option(help: "largest-remainder (exact, default) or rate (a rate per unit; the rest stays undistributed).") var method: String = "largest-remainder"
    @Flag(help: "Same as --method rate: a floor rate per unit, the residual kept as undistributed income.") var ratePerUnit = false
    @Option(parsing: .unconditional, help: "With --method rate: the rate per unit (default: pool ÷ units, rounded down).") var rate: String?
    @Option(help: "Cooperative basis: CSV of household,transaction volume (yuan; read as an import reads a file, other columns between allowed, the volume's headed 交易额 — one such column only, said on stderr —), where the ledger records no 交易额 since the last cooperative distribution; else it must agree with the ledger.") var transactions: String?
    @Option(parsing: .unconditional, help: "Cooperative basis: the declared rebate by transactions (default: the minimum).") var rebate: String?
    @Option(help: "Cooperative basis: the charter's minimum rebate rate (at least 60%).") var rebateRate: String = "60%"
    @Option(help: "The first day its list is posted for objections (公示), YYYY-MM-DD, on or after the record date: recorded with the declaration, and nothing is paid until the posting is over.") var postingFrom: String?
    @Option(parsing: .unconditional, help: "With --posting-from: how many days the posting stays up, the first included (default: 7; no law found sets a minimum).") var postingDays: Int?

    func validate() throws {
        // What declare would refuse, plan refuses too: the accountant plans what will be declared.
        if let reason = JSONValue.string(id).blankReason(edgesMatter: true) { throw ValidationError("--id \(reason)") }
        // Options that would be ignored: say so rather than plan without them.
        if rate != nil && !(ratePerUnit || method == "rate") {
            throw ValidationError("--rate goes with --method rate; without it the pool is split by largest remainder")
        }
        if basis != "cooperative", let option = [transactions.map { _ in "--transactions" }, rebate.map { _ in "--rebate" },
                                                 rebateRate == "60%" ? nil : "--rebate-rate"].compactMap({ $0 }).first {
            throw ValidationError("\(option) goes with --basis cooperative")
        }
        if basis != "units", classes != nil { throw ValidationError("--classes goes with --basis units") }
        if postingDays != nil && postingFrom == nil { throw ValidationError("--posting-days goes with --posting-from, the posting's first day") }
        if let postingDays, !(1...366).contains(postingDays) {
            throw ValidationError("--posting-days \(postingDays) must be from 1 to 366: a posting stays up at least a day, and at most a year")
        }
    }

    /// The posting period given, checked against the record date: the list posted is of the holdings then.
    private func postingPeriod(after recordDate: LedgerDate) throws -> PostingPeriod? {
        guard let postingFrom else { return nil }
        let start = try Parse.date(postingFrom, option: "--posting-from")
        guard start >= recordDate else {
            throw ValidationError("--posting-from \(start) comes before the record date \(recordDate): the list posted is of the households and holdings on that day")
        }
        // As `disclosure --from`: a posting is put up soon, and its payments wait for it.
        let today = Parse.today()
        guard start <= today.adding(days: 366) else {
            throw ValidationError("--posting-from \(start) is more than a year after today, \(today): a posting goes up soon, and nothing is paid until it is over")
        }
        return PostingPeriod(start: start, days: postingDays ?? 7)
    }

    func spec() throws -> DistributionSpec {
        let amount: DistributionRequest.Amount
        switch (distributable, pool) {
        case (let d?, nil): amount = .distributable(try Parse.amount(d, option: "--distributable"))
        case (nil, let p?):
            amount = .pool(try Parse.amount(p, option: "--pool"))
            if case .pool(.zero) = amount { throw ValidationError("--pool \(p) leaves nothing to distribute") }
        default: throw ValidationError("give exactly one of --distributable and --pool")
        }
        let appropriations = try appropriation.map { text -> Appropriation in
            // NAME=RATE, the sign full-width too (＝), as a Chinese input method types it.
            let parts = text.split(maxSplits: 1, whereSeparator: { $0 == "=" || $0 == "＝" }).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--appropriation \(text) must read NAME=RATE, e.g. 公积公益金=10%") }
            // Printed on the plan, the public posting and every statement: on one line.
            if let reason = JSONValue.string(parts[0]).lineBreakReason(field: "name") { throw ValidationError("--appropriation \(parts[0]) \(reason)") }
            return Appropriation(name: parts[0], bp: try Parse.basisPoints(parts[1], option: "--appropriation \(parts[0])"))
        }
        if let twice = Selection.firstDuplicate(in: appropriations.map(\.name)) {
            throw ValidationError("--appropriation \(twice) is given twice; give each appropriation once, with its whole rate")
        }
        if appropriations.reduce(0, { $0 + $1.bp }) >= 10_000 {
            throw ValidationError("the appropriations take 100% or more of the distributable amount; nothing is left to distribute")
        }
        let basisValue: DistributionBasis
        var volumes = [String: Int64]()
        switch basis {
        case "units": basisValue = .units(classWeights: try classWeights())
        case "household": basisValue = .equalPerHousehold
        case "member": basisValue = .perMember
        case "cooperative":
            // The members' 交易额 as the ledger records them; else, or to be checked against them, a file's.
            if let transactions {
                // Read as an import reads a file: in whichever encoding Excel saved it (GB18030 on Chinese Windows).
                let read = try TransactionVolumes.read(try InputFile.contents(of: transactions, label: "--transactions \(transactions)"), file: transactions)
                volumes = read.volumes
                // Which column was read: a sheet may hold more than one figure a member.
                Printer.stderr("fenhong: volumes of \(Printer.count(volumes.count, "member")) read from \(transactions)"
                               + (read.column.map { ", column \($0)" } ?? ", its last column"))
            }
            basisValue = .cooperative(CooperativeRule(
                rebateBp: try Parse.basisPoints(rebateRate, option: "--rebate-rate"),
                declaredRebate: try rebate.map { try Parse.amount($0, option: "--rebate") },
                transactionClass: ShareClass.trade, capitalClasses: [ShareClass.capital, ShareClass.reserve, ShareClass.subsidy]))
        default: throw ValidationError("--basis \(basis) must be units, household, member or cooperative")
        }
        let methodValue: AllocationMethod
        switch ratePerUnit ? "rate" : method {
        case "largest-remainder": methodValue = .largestRemainder
        case "rate":
            let rateValue = try rate.map { try Parse.amount($0, option: "--rate") }
            if rateValue == .zero { throw ValidationError("--rate 0 distributes nothing") }
            methodValue = .ratePerUnit(rateValue)
        default: throw ValidationError("--method \(method) must be largest-remainder or rate")
        }
        let recordDay = try Parse.date(recordDate, option: "--record-date")
        return DistributionSpec(
            id: id, recordDate: recordDay, amount: amount,
            appropriations: appropriations, carriedIn: try carryIn.map { try Parse.amount($0, option: "--carry-in") } ?? .zero, basis: basisValue,
            guaranteedMinimum: try minimum.map { try Parse.amount($0, option: "--minimum") },
            method: methodValue, transactionVolumes: volumes, posting: try postingPeriod(after: recordDay))
    }

    private func classWeights() throws -> [String: Int64] {
        guard let classes else { return [ShareClass.member: 1, ShareClass.poverty: 1] }
        var weights = [String: Int64]()
        // Typed with a Chinese input method too: ，、＝ and full-width digits.
        for item in ImportValues.normalized(classes).split(whereSeparator: { $0 == "," || $0 == "、" }) {
            let parts = item.split(whereSeparator: { $0 == "=" || $0 == ":" }).map { String($0).trimmingWhitespace() }
            guard parts.count == 2 else {
                throw ValidationError("--classes \(classes) must read class=weight,…, e.g. member=1,poverty=2")
            }
            guard let weight = Int64(parts[1]), weight >= 0 else {
                throw ValidationError("--classes \(classes): the weight of \(parts[0]), \(parts[1]), is not a whole number of 0 or more (a share counts once, twice …)")
            }
            let shareClass = ShareClass.named(parts[0]) ?? parts[0]
            guard weights.updateValue(weight, forKey: shareClass) == nil else {
                throw ValidationError("--classes \(classes) weighs \(shareClass) twice; give each class one weight")
            }
        }
        return weights
    }
}

struct DividendPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show a distribution's full table, with totals and checks; writes nothing.")

    @OptionGroup var ledger: LedgerOption
    @OptionGroup var distribution: DistributionOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let spec = try distribution.spec()
        let entries = try ledger.open(readOnly: true).withReader { try $0.allEntries() }
        let (plan, snapshot, transactions) = try spec.plan(entries: entries)
        // A plan writes nothing; one under an id declared already could not be declared.
        if let declared = DistributionSpec.declared(spec.id, in: entries) { Printer.stderr("fenhong: note: \(declared)") }
        print(json ? PlanPrinter.json(plan, spec: spec, snapshot: snapshot)
                   : PlanPrinter.text(plan, spec: spec, snapshot: snapshot, transactions: transactions,
                                      undistributed: DistributionSpec.undistributedIncome(in: entries)))
    }
}

struct DividendDeclare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "declare",
        abstract: "Declare a distribution: one dividend.declare and one dividend.allocate per household, in one transaction.")

    @OptionGroup var write: WriteOptions
    @OptionGroup var distribution: DistributionOptions

    func run() throws {
        let spec = try distribution.spec()
        // Holdings are counted on a day that has come: a record date to come (2031 for 2021)
        // would settle every share change until then.
        guard spec.recordDate <= Parse.today() else {
            throw ValidationError("--record-date \(spec.recordDate) is in the future; a distribution is declared on holdings of a day that has come (plan it now, declare it then)")
        }
        let store = try write.ledger.open()
        var shown = ""
        let result = try store.append(signer: try write.key.signer(), at: try write.time) { reader in
            // Planned inside the write transaction: the plan is of exactly the ledger it is appended to.
            if let declared = DistributionSpec.declared(spec.id, in: try reader.entries(distribution: spec.id) + reader.entries(kind: .entryReverse)) {
                throw declared
            }
            let entries = try reader.allEntries()
            let (plan, snapshot, transactions) = try spec.plan(entries: entries)
            shown = PlanPrinter.text(plan, spec: spec, snapshot: snapshot, transactions: transactions,
                                     undistributed: DistributionSpec.undistributedIncome(in: entries))
            return plan.declarationEntries(id: spec.id, recordDate: spec.recordDate, posting: spec.posting)
        }
        print(shown)
        print("")
        print("declared \(spec.id): \(Printer.count(result.entries.count - 1, "allocation")) in \(Printer.entries(result.entries.first!.seq, result.entries.last!.seq))")
        Printer.checkpoint(result.checkpoint, label: "checkpoint")
    }
}

struct DividendPay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay", abstract: "Record a payment to a household against what a distribution owes it.")

    @OptionGroup var write: WriteOptions
    @Option(parsing: .unconditional, help: "The distribution id.") var id: String
    @Option(help: "Household number.", transform: Parse.householdNumber) var household: String
    // Unconditional: "-5" is the (refused) amount, not an unknown option and a missing value.
    @Option(parsing: .unconditional, help: "Amount (default: all that is outstanding).") var amount: String?
    @Option(help: "bank (银行), card (一卡通) or cash (现金) (default: cash for a household registered as paid in cash, else bank).") var channel: String?
    @Option(help: "Account paid into (stored masked; default: the household's registered account).") var account: String?
    @Option(help: "Bank reference or voucher number (凭证号).") var reference: String
    @Option(help: "Date paid YYYY-MM-DD (default: today).") var date: String?
    @Flag(help: "The --account paid into is not the household's registered one, and the payment was made so: record it as made (else refused).")
    var otherAccount = false

    func run() throws {
        let chosen = try channel.map { name in
            guard let value = PaymentChannel(named: name) else { throw ValidationError("--channel \(name) must be bank (银行), card (一卡通) or cash (现金)") }
            return value
        }
        let day = try date.map { try Parse.pastDate($0, option: "--date") } ?? Parse.today()
        let given = try amount.map { try Parse.positiveAmount($0, option: "--amount") }
        let maskedAccount = try account.map(Parse.maskedAccount)
        if chosen == .cash, let account { throw ValidationError("--account \(Masking.shownAccount(account)) goes with a bank or card payment; a cash payment has no account") }
        if otherAccount && account == nil {
            throw ValidationError("--other-account says the --account given is not the household's registered one; give --account, the account the money went into")
        }
        let store = try write.ledger.open()
        var reused: Entry?
        let result = try store.append(signer: try write.key.signer(), at: try write.time, otherAccounts: otherAccount) { reader in
            let probe = EntryPayload.dividendPay(DividendPayment(id: id, household: household, amount: Fen(1), channel: .cash,
                                                                 account: "cash", reference: "-", date: day))
            let state = try reader.state(for: [probe])
            if let withdrawal = state.distributions[id]?.withdrawnBy {
                throw ValidationError("--id \(id): distribution \(id) was withdrawn by entry \(withdrawal); nothing is owed by it")
            }
            guard let owed = state.allocation(id: id, household: household) else {
                if state.distributions[id] == nil { throw ValidationError("--id \(id): no distribution of that id was declared") }
                if let withdrawal = state.withdrawal(of: household) {
                    throw ValidationError("--household \(household): its registration was withdrawn by entry \(withdrawal); nothing is paid to it")
                }
                if !state.isRegistered(household) { throw ValidationError("--household \(household) is not registered in this ledger (fenhong household list names them)") }
                throw ValidationError("--household \(household) is owed nothing by distribution \(id)")
            }
            let outstanding = owed.owed - owed.paid
            let pay = given ?? outstanding
            guard pay.value > 0 else { throw ValidationError("--household \(household) has nothing outstanding in distribution \(id)") }
            // The account in effect on the day paid: an update dated later does not apply yet.
            guard let registered = HouseholdStatement.registration(of: household, in: try reader.history(household: household), on: day)?.account else {
                throw ValidationError("--household \(household) is not registered")
            }
            // A household registered as paid in cash is paid in cash unless told otherwise.
            let channelValue = chosen ?? (registered == Masking.cash && maskedAccount == nil ? .cash : .bank)
            if channelValue != .cash && maskedAccount == nil && registered == Masking.cash {
                throw ValidationError("--household \(household) is registered as paid in cash, with no account; to pay it by \(channelValue.rawValue), record its account first (fenhong household update --household \(household) --account … --date …)")
            }
            let paidInto = channelValue == .cash ? Masking.cash : (maskedAccount ?? registered)
            // A voucher names one payment: the same one on another household's is most likely a typo,
            // and on this household's, of the same amount on another day, most likely the same payment.
            let voucher = ImportBatch.voucher(reference)
            reused = try reader.entries(distribution: id).first { entry in
                guard case .dividendPay(let p) = entry.payload, ImportBatch.voucher(p.reference) == voucher else { return false }
                return p.household != household || (p.amount == pay && p.date != day)
            }
            let payment = EntryPayload.dividendPay(DividendPayment(id: id, household: household, amount: pay, channel: channelValue,
                                                                   account: paidInto, reference: ImportValues.withoutInvisibles(reference).trimmingWhitespace(), date: day))
            // The same command run twice (a line of shell history run again) would pay twice.
            if let earlier = try reader.standingRecord(like: payment) {
                throw ValidationError("\(ImportBatch.repeated(payment).what) is already recorded, entry \(earlier.seq); nothing was recorded "
                                      + "(a second payment alike is given a --reference of its own)")
            }
            return [payment]
        }
        Printer.recorded(result)
        if let reused, case .dividendPay(let p) = reused.payload {
            let whose = p.household == household ? "the payment of \(p.amount.formatted) to this household on \(p.date)" : "household \(p.household)'s payment"
            Printer.stderr("note: voucher \(reference) was already given for \(whose), entry \(reused.seq); check it (recorded all the same)")
        }
    }
}

struct DividendStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Owed, paid and outstanding per household for a distribution.")

    @OptionGroup var ledger: LedgerOption
    @Option(parsing: .unconditional, help: "The distribution id.") var id: String

    func run() throws {
        let state = try ledger.open(readOnly: true).withReader { try $0.fullState() }
        guard let distribution = state.distributions[id] else { throw ValidationError("--id \(id): no distribution of that id was declared") }
        if let withdrawal = distribution.withdrawnBy {
            let d = distribution.declaration
            print("distribution \(id) · record date \(d.recordDate) · pool \(d.pool.formatted) · withdrawn by entry \(withdrawal): nothing is owed by it")
            return
        }
        var table = TextTable(["household", "head", "owed", "paid", "outstanding"], rightAligned: [2, 3, 4])
        var totals = (owed: Fen.zero, paid: Fen.zero)
        let households = state.households.keys.sorted(by: HolderOrder.areInIncreasingOrder)
        for household in households {
            guard let line = state.allocation(id: id, household: household) else { continue }
            table.add([household, state.households[household]?.registration.head ?? "", line.owed.formatted, line.paid.formatted,
                       (line.owed - line.paid).formatted])
            totals = (totals.owed + line.owed, totals.paid + line.paid)
        }
        table.add(["total", "", totals.owed.formatted, totals.paid.formatted, (totals.owed - totals.paid).formatted])
        let d = distribution.declaration
        print("distribution \(id) · record date \(d.recordDate) · pool \(d.pool.formatted) · allocated \(d.allocated.formatted) · residual \(d.residual.formatted)")
        if let posting = d.posting { print("posted for objections 公示 \(posting.start) to \(posting.end): paid after \(posting.end)") }
        print(table.rendered)
    }
}
