/// `fund.receive`: money received by the collective, e.g. the 2018 industry guidance fund.
public struct FundReceipt: EntryFields {
    public var amount: Fen
    public var source: String
    public var purpose: String
    public var date: LedgerDate

    public init(amount: Fen, source: String, purpose: String, date: LedgerDate) {
        self.amount = amount
        self.source = source
        self.purpose = purpose
        self.date = date
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        amount = try f.amount(.amount)
        source = try f.string(.source)
        purpose = try f.string(.purpose)
        date = try f.date(.date)
    }

    public func write(to f: inout FieldWriter) {
        f.set("amount", amount)
        f.set("source", source)
        f.set("purpose", purpose)
        f.set("date", date)
    }
}

/// `investment.make`: the collective invests as shares in an enterprise or cooperative.
public struct Investment: EntryFields {
    public var amount: Fen
    public var counterparty: String
    /// The agreed annual return in basis points (800 = 8%).
    public var returnBp: Int64
    public var date: LedgerDate

    public init(amount: Fen, counterparty: String, returnBp: Int64, date: LedgerDate) {
        self.amount = amount
        self.counterparty = counterparty
        self.returnBp = returnBp
        self.date = date
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        amount = try f.amount(.amount)
        counterparty = try f.string(.counterparty)
        returnBp = try f.integer(.returnBp)
        date = try f.date(.date)
        guard (0...10_000).contains(returnBp) else { throw f.invalid(.returnBp, "must be 0 to 10000 basis points") }
    }

    public func write(to f: inout FieldWriter) {
        f.set("amount", amount)
        f.set("counterparty", counterparty)
        f.set("returnBp", returnBp)
        f.set("date", date)
    }
}

/// `income.record` and `expense.record`: money in or out, by category (经营收入, 投资收益, 管理费用 …).
public struct CashFlow: EntryFields {
    public var amount: Fen
    public var category: String
    public var counterparty: String
    public var date: LedgerDate

    public init(amount: Fen, category: String, counterparty: String, date: LedgerDate) {
        self.amount = amount
        self.category = category
        self.counterparty = counterparty
        self.date = date
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        amount = try f.amount(.amount)
        category = try f.string(.category)
        counterparty = try f.string(.counterparty)
        date = try f.date(.date)
    }

    public func write(to f: inout FieldWriter) {
        f.set("amount", amount)
        f.set("category", category)
        f.set("counterparty", counterparty)
        f.set("date", date)
    }
}
