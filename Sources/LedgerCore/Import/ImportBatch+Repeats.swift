/// Rows that record again what is already recorded: a file imported twice, a row copied twice,
/// one person registered under two household numbers. Each would double a holding, a payment or
/// a household's dividends, and nothing in the rows alone says so.
extension ImportBatch {
    /// What makes two rows the same record, or nil for a row that is never a repeat: a share
    /// issue's holder, class, quantity, date and reason; a payment's distribution, household and
    /// voucher (凭证号); a household's head and masked ID number.
    static func repeatKey(_ payload: EntryPayload) -> String? {
        switch payload {
        case .sharesIssue(let s): [s.holder, s.shareClass, String(s.units), s.date.text, s.reason].joined(separator: "\u{1F}")
        case .dividendPay(let p): [p.id, p.household, p.reference].joined(separator: "\u{1F}")
        case .householdRegister(let r): [r.head, r.idMasked].joined(separator: "\u{1F}")
        default: nil
        }
    }

    /// The record a row repeats, in words, and the column a message names.
    static func repeated(_ payload: EntryPayload) -> (what: String, column: String) {
        switch payload {
        case .sharesIssue(let s):
            ("the issue of \(ShareClass.quantity(s.units, of: s.shareClass)) \(ShareClass.displayName(s.shareClass)) to \(s.holder) on \(s.date) (\(s.reason))", "holder")
        case .dividendPay(let p): ("the payment of distribution \(p.id) to household \(p.household) with voucher \(p.reference)", "reference")
        case .householdRegister(let r): ("\(r.head), ID number \(r.idMasked),", "id")
        default: ("the row", "id")
        }
    }

    /// The kinds of entry ``alreadyRecorded(in:)`` reads: those this file's rows could repeat.
    public var repeatableKind: EntryKind { kind.entryKind }

    /// The first row that records again what `existing` (the ledger's entries of
    /// ``repeatableKind`` and its reversals) holds and no reversal took back; nil when none does.
    public func alreadyRecorded(in existing: [Entry]) -> CSVError? {
        var reversed = Set<Int64>()
        for entry in existing { if case .entryReverse(let r) = entry.payload { reversed.insert(r.target) } }
        var recorded = [String: Entry]()
        for entry in existing where !reversed.contains(entry.seq) {
            if let key = Self.repeatKey(entry.payload), recorded[key] == nil { recorded[key] = entry }
        }
        for (index, payload) in payloads.enumerated() {
            guard let key = Self.repeatKey(payload), let entry = recorded[key] else { continue }
            let (what, column) = Self.repeated(payload)
            let holder: String
            if case .householdRegister(let r) = entry.payload { holder = " as household \(r.household)" } else { holder = "" }
            let advice = if case .householdRegister = payload {
                "one person is one household; if this is another person of the same name, register it with fenhong household add"
            } else {
                "is the file imported a second time? Nothing was recorded"
            }
            return CSVError(file: file, line: lines[index], column: headers[column],
                            problem: .invalidValue("\(what) is already recorded\(holder), entry \(entry.seq): \(advice)"))
        }
        return nil
    }
}
