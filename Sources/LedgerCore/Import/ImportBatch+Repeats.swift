/// Rows that record again what is already recorded: a file imported twice, a row copied twice,
/// one person registered under two household numbers. Each would double a holding, a payment or
/// a household's dividends, and nothing in the rows alone says so.
extension ImportBatch {
    /// What makes two rows the same record, or nil for a row that is never a repeat: a share
    /// issue's holder, class, quantity, date and reason; a payment's distribution, household,
    /// voucher (凭证号, read as typed either way: spaces, full-width, small letters), amount, date,
    /// channel and account; a household's head and masked ID number.
    public static func repeatKey(_ payload: EntryPayload) -> String? {
        switch payload {
        case .sharesIssue(let s): [s.holder, s.shareClass, String(s.units), s.date.text, s.reason].joined(separator: "\u{1F}")
        // One voucher may cover several payments (a batch 记账凭证): the same amount on the same day too.
        case .dividendPay(let p):
            [p.id, p.household, voucher(p.reference), String(p.amount.value), p.date.text, p.channel.rawValue, p.account].joined(separator: "\u{1F}")
        case .householdRegister(let r): [personName(r.head), r.idMasked].joined(separator: "\u{1F}")
        default: nil
        }
    }

    /// A head's name as it is compared: without spaces (a two-character name is padded with a
    /// full-width one) and without the dot between the parts of a Mongolian name, however typed
    /// (那仁·巴特尔, 那仁•巴特尔, 那仁・巴特尔 and 那仁巴特尔 are one person).
    public static func personName(_ name: String) -> String {
        let dots: Set<UInt32> = [0x00B7, 0x0387, 0x2022, 0x2027, 0x2219, 0x22C5, 0x30FB, 0xFF65, 0x16EB, 0xFE52, 0x2E31]
        let scalars = Array(ImportValues.withoutInvisibles(name).unicodeScalars)
        var kept = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() where !scalar.properties.isWhitespace && !dots.contains(scalar.value) {
            // A full stop for the dot only between Chinese characters: "J. Smith" is not "JSmith".
            if scalar == "." || scalar == "．", i > 0, i + 1 < scalars.count, !scalars[i - 1].isASCII, !scalars[i + 1].isASCII { continue }
            kept.append(scalar)
        }
        return ImportValues.halfWidth(String(kept)).lowercased()
    }

    /// A voucher number as it is compared: half-width, without spaces, in capitals ('Ｖ１ ', 'v 1'
    /// and V1 are one voucher).
    public static func voucher(_ reference: String) -> String {
        ImportValues.withoutInvisibles(ImportValues.normalized(reference)).filter { !$0.isWhitespace }.uppercased()
    }

    /// Why a carry-over row (持股结转, as `fenhong log --csv` writes a ledger's holdings) cannot be
    /// imported into a ledger that already issued its holder shares of its class: the write-back is
    /// for a new ledger, and imported into its own it doubles every holding; nil otherwise.
    func carriedForwardAgain(_ payload: EntryPayload, existing: [Entry], reversed: Set<Int64>) -> String? {
        guard case .sharesIssue(let row) = payload, row.reason == ImportSnapshot.carriedForwardReason else { return nil }
        for entry in existing where !reversed.contains(entry.seq) {
            guard case .sharesIssue(let issue) = entry.payload, issue.holder == row.holder, issue.shareClass == row.shareClass else { continue }
            return "\(row.holder) already holds \(ShareClass.displayName(row.shareClass)) in this ledger (entry \(entry.seq)): a carry-over row (\(row.reason)) "
                + "brings holdings into a new ledger, and here it would add them again; nothing was recorded"
        }
        return nil
    }

    /// The record a row repeats, in words, and the column a message names.
    public static func repeated(_ payload: EntryPayload) -> (what: String, column: String) {
        switch payload {
        case .sharesIssue(let s):
            ("the issue of \(ShareClass.quantity(s.units, of: s.shareClass)) \(ShareClass.displayName(s.shareClass)) to \(s.holder) on \(s.date) (\(s.reason))", "holder")
        case .dividendPay(let p): ("the payment of \(p.amount.formatted) of distribution \(p.id) to household \(p.household) on \(p.date) with voucher \(p.reference)", "reference")
        case .householdRegister(let r): ("\(r.head), ID number \(r.idMasked),", "id")
        default: ("the row", "id")
        }
    }

    /// The kinds of entry ``alreadyRecorded(in:)`` reads: those this file's rows could repeat
    /// (and a household's updates, which may change its head and ID number).
    public var repeatableKinds: [EntryKind] { kind == .households ? [.householdRegister, .householdUpdate] : [kind.entryKind] }

    /// The first row that records again what `existing` (the ledger's entries of
    /// ``repeatableKinds`` and its reversals) holds and no reversal took back; nil when none
    /// does. A household is judged as it stands, its updates applied: one that passed to a son
    /// is no longer its mother's.
    public func alreadyRecorded(in existing: [Entry]) -> CSVError? {
        var reversed = Set<Int64>()
        for entry in existing { if case .entryReverse(let r) = entry.payload { reversed.insert(r.target) } }
        var households = [String: (entry: Entry, registration: HouseholdRegistration)]()
        var recorded = [String: Entry]()
        for entry in existing where !reversed.contains(entry.seq) {
            switch entry.payload {
            case .householdRegister(let r): households[r.household] = (entry, r)
            case .householdUpdate(let u): households[u.household]?.registration.apply(u)
            default: if let key = Self.repeatKey(entry.payload), recorded[key] == nil { recorded[key] = entry }
            }
        }
        for (entry, registration) in households.values.sorted(by: { $0.entry.seq < $1.entry.seq }) {
            if let key = Self.repeatKey(.householdRegister(registration)), recorded[key] == nil { recorded[key] = entry }
        }
        for (index, payload) in payloads.enumerated() {
            if let repeated = carriedForwardAgain(payload, existing: existing, reversed: reversed) {
                return CSVError(file: file, line: lines[index], column: headers["reason"] ?? headers["holder"], problem: .invalidValue(repeated))
            }
            guard let key = Self.repeatKey(payload), let entry = recorded[key] else { continue }
            let (what, column) = Self.repeated(payload)
            var holder = "", sameNumber = false
            if case .householdRegister(let r) = entry.payload {
                let registered = households[r.household]?.registration.head ?? r.head
                holder = " as the head of household \(r.household)"
                if case .householdRegister(let row) = payload {
                    sameNumber = row.household == r.household
                    if row.head != registered { holder += " (written \(registered))" }
                }
            }
            // Another number for a person registered: one person registered twice. The same
            // number: the same household, a file imported again.
            let advice = if case .householdRegister = payload, !sameNumber {
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
