import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import Payouts
import Statements

struct HouseholdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "household", abstract: "Register, update and list households (户).",
        subcommands: [HouseholdAdd.self, HouseholdUpdateCommand.self, HouseholdList.self])
}

struct HouseholdAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Register a household.")

    @OptionGroup var write: WriteOptions
    @Option(help: "Household number (户号), e.g. 152223-001.", transform: Parse.householdNumber) var household: String
    @Option(help: "Head of household (户主).") var head: String
    @Option(parsing: .unconditional, help: "Number of members.") var members: Int64
    @Flag(help: "Registered-poor (建档立卡).") var poor = false
    @Option(parsing: .unconditional, help: "The head's ID number; only its masked form (first 6, last 4) is stored.") var id: String
    @Option(help: "Payout account; only ****1234 is stored. cash (现金) for a household paid in cash.") var account: String
    @Option(help: "Effective date YYYY-MM-DD (default: today).") var date: String?

    func run() throws {
        guard members > 0 else { throw ValidationError("--members \(members) must be 1 or more") }
        try write.append([.householdRegister(HouseholdRegistration(
            household: household, head: try Parse.name(head, option: "--head"), members: members, poor: poor,
            idMasked: try Parse.maskedID(id), account: try Parse.payoutAccount(account),
            date: try date.map { try Parse.pastDate($0, option: "--date", advice: "record a household when it has joined") } ?? Parse.today()))])
    }
}

struct HouseholdUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a household from an effective date on (e.g. --poor no when it exits poverty).")

    @OptionGroup var write: WriteOptions
    @Option(help: "Household number.", transform: Parse.householdNumber) var household: String
    @Option(help: "New head of household.") var head: String?
    @Option(parsing: .unconditional, help: "New number of members.") var members: Int64?
    @Option(help: "Registered-poor from the date on: yes or no.") var poor: String?
    @Option(parsing: .unconditional, help: "New ID number of the head (stored masked).") var id: String?
    @Option(help: "New payout account (stored masked), or cash (现金).") var account: String?
    @Option(help: "Effective date YYYY-MM-DD.") var date: String
    @Option(help: "Why.") var reason: String?

    func validate() throws {
        if head != nil && id == nil {
            throw ValidationError("--head changes the head of the household: give the new head's --id too")
        }
        guard head != nil || members != nil || poor != nil || id != nil || account != nil else {
            throw ValidationError("household update changes nothing: give --head, --members, --poor, --id or --account")
        }
        if let members, members <= 0 { throw ValidationError("--members \(members) must be 1 or more") }
    }

    func run() throws {
        var poorValue: Bool?
        if let poor {
            guard let value = ImportValues.yesOrNo(poor) else { throw ValidationError("--poor \(poor) must be yes or no (是 or 否)") }
            poorValue = value
        }
        let update = HouseholdUpdate(
            household: household, head: try head.map { try Parse.name($0, option: "--head") }, members: members, poor: poorValue,
            idMasked: try id.map(Parse.maskedID), account: try account.map(Parse.payoutAccount),
            date: try Parse.pastDate(date, option: "--date", advice: "record a change when it has happened"), reason: reason)
        // An update that changes nothing the household had that day would stand in its history
        // for good. (One of a household withdrawn is refused as such when written.)
        let (entries, withdrawn) = try write.ledger.open(readOnly: true).withReader { reader in
            (try reader.registration(household: household), try reader.state(for: [.householdUpdate(update)]).withdrawal(of: household))
        }
        if withdrawn == nil, let current = HouseholdStatement.registration(of: household, in: entries, on: update.date) {
            var changed = current
            changed.apply(update)
            if changed == current {
                throw ValidationError("household update changes nothing: on \(update.date) household \(household) already has what it gives")
            }
        }
        try write.append([.householdUpdate(update)])
        // Registered-poor again after an exit, it holds 扶贫股 that no distribution counts: said,
        // for a plan would give it nothing on them without a word.
        if poorValue == true, let withdrawn = try write.ledger.open(readOnly: true).withReader({ reader in
            RecordDateSnapshot.withdrawnPoverty(of: household, in: try reader.entries(household: household) + reader.entries(kind: .entryReverse))
        }) {
            Printer.stderr("fenhong: note: household \(household) holds \(withdrawn.units) \(ShareClass.displayName(ShareClass.poverty)) withdrawn when it exited poverty on "
                           + "\(withdrawn.exit): they count in no distribution (DOMAIN §3); if that exit was recorded by mistake, record --poor yes dated \(withdrawn.exit)")
        }
    }
}

struct HouseholdList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List households with their shares.")

    @OptionGroup var ledger: LedgerOption
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let state = try ledger.open(readOnly: true).withReader { try $0.fullState() }
        let households = state.households.values.sorted { HolderOrder.areInIncreasingOrder($0.registration.household, $1.registration.household) }
        let shares = state.sharesByHolder()
        if json {
            let rows: [JSONValue] = households.map { record in
                let r = record.registration
                let units = shares[r.household] ?? []
                return .object([
                    "household": .string(r.household), "head": .string(r.head), "members": .integer(r.members),
                    "poor": .bool(r.poor), "account": .string(r.account),
                    "shares": .object(Dictionary(uniqueKeysWithValues: units.map { ($0.shareClass, JSONValue.integer($0.units)) })),
                ])
            }
            print(String(decoding: CanonicalJSON.encode(.array(rows)), as: UTF8.self))
            return
        }
        for record in households {
            let r = record.registration
            let units = (shares[r.household] ?? []).filter { $0.units != 0 }.map { "\($0.shareClass) \(ShareClass.quantity($0.units, of: $0.shareClass))" }
            print([r.household, r.head, "members \(r.members)", r.poor ? "registered-poor" : "-", r.account,
                   units.isEmpty ? "no shares" : units.joined(separator: ", ")].joined(separator: "  "))
        }
        print("\(households.count) households")
    }
}
