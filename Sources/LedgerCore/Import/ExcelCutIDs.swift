/// The ID numbers of one households file that end in 000, and whether the file shows that Excel
/// cut its column. Excel keeps 15 digits of a number: an ID column typed as numbers ends in 000
/// throughout, and one such number's check character, then 0, is right one time in eleven. Those
/// are refused when the file shows it — another ending in 000 fails its check, or two or more,
/// and more than one in a hundred of its IDs, end so. One real number in about 1,100 ends in 000
/// (a file of 2,000 holds two): alone, it imports.
struct ExcelCutIDs {
    /// The rows that imported otherwise, whose ID ends in 000 and passes its check.
    private var kept: [(row: ImportRow, id: String)] = []
    /// Of every row, the full IDs, those ending in 000 that pass their check, and those that fail it.
    private var full = 0, looking = 0, failing = 0

    /// Counts the ID `text` of a row; the ID when it ends in 000 and passes its check (the row's
    /// to ``keep(_:id:)`` if it imports otherwise), else nil.
    mutating func note(_ text: String?) -> String? {
        guard let text else { return nil }
        let raw = ImportValues.normalized(text)
        if raw.count == 18 || raw.count == 15, !Masking.isMaskedID(raw) { full += 1 }
        guard ImportValues.endsAsExcelCutsIDs(text) else { return nil }
        guard Masking.idNumberProblem(raw) == nil else { failing += 1; return nil }
        looking += 1
        return text
    }

    /// Keeps a row that imported otherwise (one at fault is named once, for its own fault).
    mutating func keep(_ row: ImportRow, id: String) { kept.append((row, id)) }

    /// The refusals of the rows kept, when the file shows Excel cut its column; none otherwise.
    func faults() -> [CSVError] {
        guard !kept.isEmpty, failing > 0 || looking >= 2 && looking * 100 > full else { return [] }
        return kept.map { $0.row.error("id", ImportValues.excelCutID($0.id)) }
    }
}

/// The account numbers of one file with 0 for every digit after their 15th that passed on their
/// own (sixteen or seventeen digits not begun as a card, or a cut card that passes its check by
/// chance), refused when another account of the file was refused as one Excel cut: the column
/// was typed as numbers, and every long number in it lost its last digits.
struct ExcelCutAccounts {
    private var kept: [(row: ImportRow, text: String)] = []
    private var refused = 0
    /// How a number that truly is so is recorded instead (`fenhong household add` …).
    let byHand: String

    init(byHand: String) { self.byHand = byHand }

    /// Counts the account `text` of a row; the text when it looks cut and passed on its own (the
    /// row's to ``keep(_:text:)`` if it imports otherwise), else nil.
    mutating func note(_ text: String?) -> String? {
        guard let text else { return nil }
        let normalized = ImportValues.normalized(text)
        let digits = normalized.filter { $0 != " " && $0 != "-" }
        guard digits.count >= 16, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.dropFirst(15).allSatisfy({ $0 == "0" }) else { return nil }
        guard ImportValues.accountProblem(normalized, byHand: byHand) == nil else { refused += 1; return nil }
        return text
    }

    mutating func keep(_ row: ImportRow, text: String) { kept.append((row, text)) }

    /// The refusals of the rows kept, when the file refused another account as Excel's; none otherwise.
    func faults() -> [CSVError] {
        guard refused > 0 else { return [] }
        return kept.map { row, text in
            row.error("account", .invalidValue("\(MessageText.quoted(Masking.shownAccount(ImportValues.normalized(text)))) has 0 for every digit after its 15th, "
                + "as others of this file do that Excel kept only 15 digits of: format the column as text and type the numbers again (if this is truly the account, \(byHand))"))
        }
    }
}
