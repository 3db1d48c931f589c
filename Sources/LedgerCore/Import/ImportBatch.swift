/// The rows of one import file, every one parsed and checked, ready to append in one command.
public struct ImportBatch: Sendable {
    public let kind: ImportKind
    /// The file as the user named it, for messages.
    public let file: String
    public let encoding: CSVEncoding
    /// One payload a row, in file order.
    public let payloads: [EntryPayload]
    /// The physical line each payload came from.
    public let lines: [Int]
    /// Each column's header as written in the file, by English name.
    let headers: [String: String]

    /// The most rows at fault one import names (``CSVError/others``), the first among them.
    public static let faultsNamedMax = 50

    /// How often ``init(kind:table:progress:)`` reports progress, in rows.
    public static let progressInterval = 10_000

    /// Parses every record of `table` as a row of `kind`. Nothing is written: a row that does
    /// not parse, or breaks a rule of its entry kind, or repeats a key of an earlier row, throws
    /// the error naming its line and column. `progress(done, total)` is called every
    /// ``progressInterval`` rows. A row dated after `latest` (today, where the file is
    /// imported) is refused: the ledger records what has happened.
    public init(kind: ImportKind, table: CSVTable, latest: LedgerDate? = nil, progress: ((Int, Int) -> Void)? = nil) throws(CSVError) {
        self.kind = kind
        file = table.file
        encoding = table.encoding
        let layout = try ImportLayout(kind: kind, table: table)
        headers = layout.headers
        var payloads = [EntryPayload]()
        var lines = [Int]()
        payloads.reserveCapacity(table.records.count)
        lines.reserveCapacity(table.records.count)
        var firstLine = [String: Int]()
        var firstRecord = [String: Int]()
        var firstID = [String: Int]()
        var faults: [CSVError] = []
        var excelCut = ExcelCutIDs()
        var excelCutAccounts = ExcelCutAccounts(byHand: kind == .payments ? "record the payment with fenhong dividend pay" : "register the household with fenhong household add")
        for (offset, record) in table.records.enumerated() {
            // Every row is read, and up to ``faultsNamedMax`` rows at fault named at once: a sheet
            // Excel cut every ID of had been put right one refused row at a time.
            do throws(CSVError) {
                let row = try layout.row(record)
                let cutLooking = kind == .households ? excelCut.note(row.optional("id")) : nil
                let cutLookingAccount = excelCutAccounts.note(row.optional("account"))
                // A sheet's totals row, copied with the rows above it, is no record: 合计 in the
                // household's column, or in another (序号, 分配编号) with the household's empty; nor is
                // the sign-off under it (制表人：…).
                for column in ["household", "holder"] {
                    guard let value = row.optional(column), value.isEmpty || ImportValues.isTotalsLabel(value) || ImportValues.isSignOff(value) else { continue }
                    if ImportValues.isTotalsLabel(value) || row.fields.contains(where: ImportValues.isTotalsLabel) {
                        throw row.error(column, .invalidValue("a totals row (合计) is no record: delete it from the file"))
                    }
                    if let signed = row.fields.first(where: ImportValues.isSignOff) {
                        throw row.error(column, .invalidValue("\(MessageText.quoted(signed)) makes this a sign-off row under the sheet, no record: delete it from the file"))
                    }
                }
                let payload = try row.payload()
                if let latest, let date = payload.importedDate, date > latest {
                    throw row.error("date", .invalidValue("\(date) is after today, \(latest); the ledger records what has happened"))
                }
                if case .householdRegister(let r) = payload {
                    if let first = firstLine.updateValue(record.line, forKey: r.household) {
                        throw row.error("household", .duplicateInFile(what: "household \(r.household)", firstLine: first))
                    }
                    // Born after the day the file is imported: a digit is mistyped.
                    if let latest, let raw = row.optional("id").map(ImportValues.normalized), let born = Masking.birthDate(raw), born > latest {
                        throw row.error("id", .invalidValue("\(MessageText.quoted(Masking.shown(raw))): its date of birth (characters 7–14) is after today, \(latest): a digit is mistyped"))
                    }
                    // One person, one household: a full ID number twice is one person under two numbers.
                    if let id = row.optional("id").map(ImportValues.normalized)?.uppercased(), !Masking.isMaskedID(id),
                       let first = firstID.updateValue(record.line, forKey: id) {
                        throw row.error("id", .duplicateInFile(what: "ID number \(r.idMasked)", firstLine: first))
                    }
                }
                // Households by their full ID number above: two of one name and masked ID may be two
                // people (a written-back file holds only masked numbers).
                if payload.kind != .householdRegister, let key = Self.repeatKey(payload), let first = firstRecord.updateValue(record.line, forKey: key) {
                    let (what, column) = Self.repeated(payload)
                    throw row.error(column, .duplicateInFile(what: what, firstLine: first))
                }
                payloads.append(payload)
                lines.append(record.line)
                if let cutLooking { excelCut.keep(row, id: cutLooking) }
                if let cutLookingAccount { excelCutAccounts.keep(row, text: cutLookingAccount) }
            } catch {
                faults.append(error)
            }
            if let progress, (offset + 1) % Self.progressInterval == 0 { progress(offset + 1, table.records.count) }
        }
        let cut = excelCut.faults() + excelCutAccounts.faults()
        if !cut.isEmpty { faults = (faults + cut).sorted { ($0.line ?? 0) < ($1.line ?? 0) } }
        if let first = faults.first {
            // The first in the file named, the rest counted.
            var error = first
            error.others = Array(faults.prefix(Self.faultsNamedMax).dropFirst())
            error.othersUnnamed = max(0, faults.count - Self.faultsNamedMax)
            throw error
        }
        self.payloads = payloads
        self.lines = lines
    }

    /// The error for a broken business rule, naming the line (and column) of the row whose entry
    /// broke it. `firstSeq` is the seq the first payload was appended at.
    public func error(for violation: RuleViolation, firstSeq: Int64) -> CSVError {
        // The key the file is imported with is no row's fault.
        if [.unknownKey, .retiredKey, .wrongRole].contains(violation.code) {
            return CSVError(file: file, line: nil, column: nil, problem: .rule(violation))
        }
        let offset = Int(violation.seq - firstSeq)
        let line = lines.indices.contains(offset) ? lines[offset] : nil
        let column = (kind.column(for: violation.code) ?? UnmaskedNumbers.field(of: violation)).flatMap { headers[$0] }
        return CSVError(file: file, line: line, column: column, problem: .rule(violation))
    }
}

extension EntryPayload {
    /// The date of an entry an import writes.
    fileprivate var importedDate: LedgerDate? {
        switch self {
        case .householdRegister(let r): r.date
        case .sharesIssue(let c), .sharesRetire(let c): c.date
        case .sharesTransfer(let t): t.date
        case .dividendPay(let p): p.date
        default: nil
        }
    }
}
