/// A holder of shares: a household number, or the collective itself.
public enum Holder {
    /// The holder name of the collective's own shares (集体股).
    public static let collective = "collective"

    /// The holder a person means: `collective` for 集体 or any case of `collective`, else the
    /// household number as given.
    public static func named(_ text: String) -> String {
        text == "集体" || text.lowercased() == collective ? collective : text
    }
}

/// Share classes the project names (any other name may be used too), with their Chinese names.
public enum ShareClass {
    /// 人口股: member shares.
    public static let member = "member"
    /// 扶贫股: shares quantified to registered-poor households.
    public static let poverty = "poverty"
    /// 集体股: the collective's own shares.
    public static let collective = "collective"
    /// 劳龄股: shares by years worked.
    public static let labour = "labour"
    /// A cooperative member's capital contribution (出资额), in fen.
    public static let capital = "capital"
    /// A cooperative member's quantified reserve share (公积金份额), in fen.
    public static let reserve = "reserve"
    /// A member's share of assets from state subsidies and donations (补助份额), in fen.
    public static let subsidy = "subsidy"
    /// A cooperative member's transaction volume (交易额), in fen.
    public static let trade = "trade"

    /// The classes that are a cooperative member's accounts, counted in fen, not shares: a
    /// statement shows them in yuan, apart from the holdings.
    public static let accounts: Set<String> = [capital, reserve, subsidy, trade]

    /// The classes named here, in the order above.
    public static let named = [member, poverty, collective, labour, capital, reserve, subsidy, trade]

    /// The class a person means by a name here, in English (any case) or Chinese (扶贫股 is
    /// `poverty`); nil for any other name.
    public static func named(_ text: String) -> String? {
        byName[text] ?? byName[text.lowercased()]
    }

    private static let byName: [String: String] = {
        var names = [String: String]()
        for name in named {
            names[name] = name
            names[displayName(name)] = name
        }
        // Other names of a class in charters and sheets (DOMAIN §1): 成员股 are 人口股, 农龄股 劳龄股.
        names["成员股"] = member
        names["农龄股"] = labour
        return names
    }()

    /// A holding as a person reads it: whole shares (`10`), or an account in yuan
    /// (`15,000.00元`), which the ledger counts in fen.
    public static func quantity(_ units: Int64, of shareClass: String) -> String {
        accounts.contains(shareClass) ? Fen(units).formatted + "元" : String(units)
    }

    /// The Chinese name of a class, or the class itself when it has none.
    public static func displayName(_ shareClass: String) -> String {
        switch shareClass {
        case member: "人口股"
        case poverty: "扶贫股"
        case collective: "集体股"
        case labour: "劳龄股"
        case capital: "出资额"
        case reserve: "公积金份额"
        case subsidy: "补助份额"
        case trade: "交易额"
        default: shareClass
        }
    }
}

/// `shares.issue` and `shares.retire`: units of a class given to or taken from a holder.
public struct SharesChange: EntryFields {
    /// A household number or `collective`.
    public var holder: String
    /// The share class, e.g. `member` (人口股), `poverty` (扶贫股), `collective` (集体股), `labour` (劳龄股).
    public var shareClass: String
    public var units: Int64
    public var date: LedgerDate
    public var reason: String

    public init(holder: String, shareClass: String, units: Int64, date: LedgerDate, reason: String) {
        self.holder = holder
        self.shareClass = shareClass
        self.units = units
        self.date = date
        self.reason = reason
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        holder = try f.string(.holder)
        shareClass = try f.string(.class)
        units = try f.positiveInteger(.units)
        date = try f.date(.date)
        reason = try f.string(.reason)
    }

    public func write(to f: inout FieldWriter) {
        f.set("holder", holder)
        f.set("class", shareClass)
        f.set("units", units)
        f.set("date", date)
        f.set("reason", reason)
    }
}

/// `shares.transfer`: units of a class move between holders (继承, 分户, 回购 …).
public struct SharesTransfer: EntryFields {
    public var from: String
    public var to: String
    public var shareClass: String
    public var units: Int64
    public var date: LedgerDate
    public var reason: String

    public init(from: String, to: String, shareClass: String, units: Int64, date: LedgerDate, reason: String) {
        self.from = from
        self.to = to
        self.shareClass = shareClass
        self.units = units
        self.date = date
        self.reason = reason
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        from = try f.string(.from)
        to = try f.string(.to)
        shareClass = try f.string(.class)
        units = try f.positiveInteger(.units)
        date = try f.date(.date)
        reason = try f.string(.reason)
        guard from != to else { throw f.invalid(.to, "must differ from \"from\"") }
    }

    public func write(to f: inout FieldWriter) {
        f.set("from", from)
        f.set("to", to)
        f.set("class", shareClass)
        f.set("units", units)
        f.set("date", date)
        f.set("reason", reason)
    }
}
