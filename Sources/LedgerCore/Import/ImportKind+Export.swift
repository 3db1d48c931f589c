extension ImportKind {
    /// The kind whose rows are entries of `kind`, if any.
    public init?(entryKind kind: EntryKind) {
        guard let match = Self.allCases.first(where: { $0.entryKind == kind }) else { return nil }
        self = match
    }

    /// The Chinese header line `fenhong log --csv` writes.
    public var header: [String] { columns.map(\.chinese) }

    /// The row an entry's payload is exported as, in the columns' order; nil for other kinds.
    /// Importing the row gives back the same payload.
    public func row(for payload: EntryPayload) -> [String]? {
        switch (self, payload) {
        case (.households, .householdRegister(let r)):
            // Paid in cash: 现金, as the rest of the file is written (the import reads both).
            [r.household, r.head, String(r.members), r.poor ? "是" : "否", r.idMasked, r.account == Masking.cash ? "现金" : r.account, r.date.text]
        case (.shares, .sharesIssue(let s)):
            // An account (出资额 …) in yuan, as the import reads it.
            // The collective as the Chinese header's files write it (集体), which the import reads back.
            [s.holder == Holder.collective ? "集体" : s.holder, ShareClass.displayName(s.shareClass),
             ShareClass.accounts.contains(s.shareClass) ? Self.plain(Fen(s.units)) : String(s.units), s.date.text, s.reason]
        case (.payments, .dividendPay(let p)):
            [p.id, p.household, Self.plain(p.amount), ImportValues.channelName(p.channel),
             p.channel == .cash ? "" : p.account, p.reference, p.date.text]
        default: nil
        }
    }

    /// The whole CSV text (BOM, header, rows) for `payloads`, skipping those of other kinds.
    public func csv(_ payloads: [EntryPayload]) -> String {
        var text = CSVWriter.bom + CSVWriter.line(header)
        for payload in payloads { if let fields = row(for: payload) { text += CSVWriter.line(fields) } }
        return text
    }

    /// An amount as a spreadsheet reads a number: `1666.67`, no thousands separators.
    static func plain(_ amount: Fen) -> String {
        let fen = amount.value.magnitude % 100
        return (amount.isNegative ? "-" : "") + "\(amount.value.magnitude / 100)." + (fen < 10 ? "0" : "") + "\(fen)"
    }
}
