/// One record of an import file being turned into an entry payload.
struct ImportRow {
    let layout: ImportLayout
    let record: CSVRecord
    let fields: [String]

    /// An error at column `english` of this row.
    func error(_ english: String, _ problem: CSVProblem) -> CSVError {
        let index = layout.indexes[english]
        return CSVError(file: layout.file, line: index.map(record.line(ofField:)) ?? record.line,
                        column: layout.headers[english], problem: problem)
    }

    /// The trimmed value of a column; nil when the column is absent.
    func optional(_ english: String) -> String? {
        layout.indexes[english].map { fields[$0].trimmingWhitespace() }
    }

    /// The trimmed, non-empty value of a required column.
    func text(_ english: String) throws(CSVError) -> String {
        let value = optional(english) ?? ""
        guard !value.isEmpty else { throw error(english, .emptyValue) }
        return value
    }

    /// The value of a column parsed by `parse`.
    func value<T>(_ english: String, _ parse: (String) -> Result<T, CSVProblem>) throws(CSVError) -> T {
        switch parse(try text(english)) {
        case .success(let value): return value
        case .failure(let problem): throw error(english, problem)
        }
    }

    /// The payload of this row, checked by the same field reader the ledger uses.
    func payload() throws(CSVError) -> EntryPayload {
        let payload: EntryPayload
        switch layout.kind {
        case .households:
            // 否 when the sheet has no such column; a cell left empty in it is refused: a merged
            // cell of 是 leaves the rows below it empty, and they would be registered not poor.
            let poorText = optional("poor") ?? ""
            if poorText.isEmpty, optional("poor") != nil {
                throw error("poor", .invalidValue("the value is empty: write 是 or 否 on every row, for an empty cell may mean either (a merged cell of 是 leaves the rows below it empty)"))
            }
            payload = .householdRegister(HouseholdRegistration(
                household: ImportValues.normalized(try text("household")), head: try value("head", ImportValues.name), members: try value("members", ImportValues.positive),
                poor: optional("poor") == nil ? false : try value("poor", ImportValues.bool),
                idMasked: try value("id", ImportValues.maskedID), account: try value("account", ImportValues.payoutAccount),
                date: try value("date", ImportValues.date)))
        case .shares:
            let reason = optional("reason") ?? ""
            let shareClass = try value("class", ImportValues.shareClass)
            // A member's account (出资额 …) is given in yuan, and counted in fen.
            let units = ShareClass.accounts.contains(shareClass)
                ? try value("units", ImportValues.positiveAmount).value : try value("units", ImportValues.positive)
            payload = .sharesIssue(SharesChange(
                holder: ImportValues.holder(try text("holder")), shareClass: shareClass,
                units: units, date: try value("date", ImportValues.date),
                reason: reason.isEmpty ? ImportKind.defaultReason : reason))
        case .payments:
            let channel = try value("channel", ImportValues.channel)
            let accountText = optional("account") ?? ""
            let account: String
            if channel == .cash {
                guard accountText.isEmpty || accountText == "cash" || accountText == "现金" else {
                    throw error("account", .invalidValue("a cash payment has no account; leave it empty, not \(MessageText.quoted(Masking.shownAccount(accountText)))"))
                }
                account = "cash"
            } else {
                guard !accountText.isEmpty else {
                    throw error("account", .invalidValue("a \(ImportValues.channelName(channel)) payment names the account paid into (6228…5678 or ****5678); a cash payment says 现金 under 方式"))
                }
                account = try value("account", ImportValues.maskedAccount)
            }
            payload = .dividendPay(DividendPayment(
                id: try text("id"), household: ImportValues.normalized(try text("household")), amount: try value("amount", ImportValues.positiveAmount),
                channel: channel, account: account, reference: try value("reference", ImportValues.reference), date: try value("date", ImportValues.date)))
        }
        try check(payload)
        return payload
    }

    /// Reads the payload back with the entry's own field reader, so that every rule of its kind
    /// (household number form, amount above zero …) fails here, at its line and column.
    private func check(_ payload: EntryPayload) throws(CSVError) {
        var writer = FieldWriter()
        payload.fields.write(to: &writer)
        var reader = FieldReader(kind: payload.kind.rawValue, pairs: writer.pairs)
        do throws(EntryError) {
            _ = try EntryPayload.read(kind: payload.kind, &reader)
            for pair in writer.pairs {
                if let reason = pair.value.lineBreakReason(field: pair.key) { throw EntryError.invalidValue(kind: payload.kind.rawValue, field: pair.key, reason: reason) }
            }
        } catch {
            guard case .invalidValue(_, let field, let reason) = error,
                  let column = layout.kind.columns.first(where: { $0.fields.contains(field) }) else {
                throw CSVError(file: layout.file, line: record.line, column: nil, problem: .invalidValue("\(error)"))
            }
            throw self.error(column.english, .invalidValue("the value \(reason)"))
        }
    }
}
