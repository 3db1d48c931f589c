/// The kinds of entry of format version 1 (DESIGN §2).
public enum EntryKind: String, CaseIterable, Sendable {
    case ledgerOpen = "ledger.open"
    case keyAdd = "key.add"
    case keyRetire = "key.retire"
    case householdRegister = "household.register"
    case householdUpdate = "household.update"
    case sharesIssue = "shares.issue"
    case sharesTransfer = "shares.transfer"
    case sharesRetire = "shares.retire"
    case fundReceive = "fund.receive"
    case investmentMake = "investment.make"
    case incomeRecord = "income.record"
    case expenseRecord = "expense.record"
    case dividendDeclare = "dividend.declare"
    case dividendAllocate = "dividend.allocate"
    case dividendPay = "dividend.pay"
    case entryReverse = "entry.reverse"

    /// The kind named `name`, found in a table built once: every body read names its kind, and
    /// the generated `init(rawValue:)` compares the name with each kind in turn.
    public static func named(_ name: String) -> EntryKind? { byName[name] }

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    /// Kinds that `entry.reverse` may undo. The others are corrected differently: a household by
    /// `household.update`, a key by `key.retire`, a distribution by a new one.
    public var isReversible: Bool {
        switch self {
        case .sharesIssue, .sharesTransfer, .sharesRetire, .fundReceive, .investmentMake, .incomeRecord,
             .expenseRecord, .dividendPay:
            true
        default:
            false
        }
    }
}

/// The fields particular to one kind of entry, read from and written to its body.
public protocol EntryFields: Sendable, Equatable {
    /// Reads the kind's fields; the reader refuses leftovers afterwards.
    init(reading fields: inout FieldReader) throws(EntryError)
    /// Writes the kind's fields.
    func write(to fields: inout FieldWriter)
}
