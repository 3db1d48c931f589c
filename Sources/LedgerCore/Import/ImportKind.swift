/// The kinds of CSV file `fenhong import` reads, each becoming one kind of entry.
public enum ImportKind: String, CaseIterable, Sendable {
    /// One `household.register` a row.
    case households
    /// One `shares.issue` a row.
    case shares
    /// One `dividend.pay` a row.
    case payments

    /// The entry kind each row becomes.
    public var entryKind: EntryKind {
        switch self {
        case .households: .householdRegister
        case .shares: .sharesIssue
        case .payments: .dividendPay
        }
    }

    /// The columns, in the order `fenhong log --csv` writes them.
    public var columns: [ImportColumn] {
        switch self {
        case .households: [
            ImportColumn("household", "户号", fields: ["household"]),
            ImportColumn("head", "户主", fields: ["head"]),
            ImportColumn("members", "人口", fields: ["members"]),
            ImportColumn("poor", "建档立卡", required: false, fields: ["poor"]),
            ImportColumn("id", "身份证号", fields: ["idMasked"]),
            ImportColumn("account", "账号", fields: ["account"]),
            ImportColumn("date", "日期", fields: ["date"]),
        ]
        case .shares: [
            ImportColumn("holder", "户号", fields: ["holder"]),
            ImportColumn("class", "股别", fields: ["class"]),
            ImportColumn("units", "股数", fields: ["units"]),
            ImportColumn("date", "日期", fields: ["date"]),
            ImportColumn("reason", "事由", required: false, fields: ["reason"]),
        ]
        case .payments: [
            ImportColumn("id", "分配编号", fields: ["id"]),
            ImportColumn("household", "户号", fields: ["household"]),
            ImportColumn("amount", "金额", fields: ["amount"]),
            ImportColumn("channel", "方式", fields: ["channel"]),
            ImportColumn("account", "账号", fields: ["account"]),
            ImportColumn("reference", "凭证号", fields: ["reference"]),
            ImportColumn("date", "日期", fields: ["date"]),
        ]
        }
    }

    /// The column a broken business rule is about, so that its message names it.
    func column(for rule: RuleCode) -> String? {
        switch (self, rule) {
        case (.households, .duplicateHousehold): "household"
        case (.shares, .unknownHousehold): "holder"
        case (.shares, .negativeShares): "units"
        case (.shares, .povertyShares): "class"
        case (.households, .settledDate), (.shares, .settledDate): "date"
        case (.payments, .undeclaredDistribution): "id"
        case (.payments, .unknownHousehold), (.payments, .notAllocated), (.payments, .duplicateAllocation): "household"
        case (.payments, .overpayment): "amount"
        case (.payments, .paidBeforeRecordDate): "date"
        case (.payments, .paymentAccount): "account"
        default: nil
        }
    }

    /// The reason a row gets when its file has no 事由/reason column.
    public static let defaultReason = "CSV导入"
}

/// One column of an import file: accepted under its English or its Chinese header.
public struct ImportColumn: Sendable, Equatable {
    /// The English header, e.g. `household`.
    public let english: String
    /// The Chinese header, e.g. `户号`; `fenhong log --csv` writes these.
    public let chinese: String
    /// A required column must be in the header; an optional one has a default.
    public let required: Bool
    /// The entry fields the column fills, to name the column when an entry rule fails.
    let fields: [String]

    init(_ english: String, _ chinese: String, required: Bool = true, fields: [String]) {
        self.english = english
        self.chinese = chinese
        self.required = required
        self.fields = fields
    }

    /// `户号 (household)`.
    public var bothNames: String { "\(chinese) (\(english))" }

    /// True when `header` names this column: the Chinese name, or the English one in any case.
    func matches(_ header: String) -> Bool {
        header == chinese || header.lowercased() == english
    }
}
