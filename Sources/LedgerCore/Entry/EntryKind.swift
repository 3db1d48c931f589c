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

    /// The kind named by the UTF-8 bytes `name`, read where they lie: every body read names its
    /// kind, and a string made of it had cost an allocation for the longer names (a string of
    /// more than 15 bytes is not kept inline) and a hash to find it in a dictionary.
    public init?(utf8 name: UnsafeRawBufferPointer) {
        guard name.count < Self.byLength.count else { return nil }
        for (bytes, kind) in Self.byLength[name.count] where bytes.withUnsafeBytes({ $0.elementsEqual(name) }) {
            self = kind
            return
        }
        return nil
    }

    /// The kinds by the length of their names (a few each), with their names' bytes.
    private static let byLength: [[(name: [UInt8], kind: EntryKind)]] = {
        var table = [[(name: [UInt8], kind: EntryKind)]](repeating: [], count: allCases.map(\.rawValue.utf8.count).max()! + 1)
        for kind in allCases { table[kind.rawValue.utf8.count].append((Array(kind.rawValue.utf8), kind)) }
        return table
    }()
}

/// The fields particular to one kind of entry, read from and written to its body.
public protocol EntryFields: Sendable, Equatable {
    /// Reads the kind's fields; the reader refuses leftovers afterwards.
    init(reading fields: inout FieldReader) throws(EntryError)
    /// Writes the kind's fields.
    func write(to fields: inout FieldWriter)
}
