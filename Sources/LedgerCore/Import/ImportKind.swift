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
            ImportColumn("head", "户主", also: ["户主姓名"], fields: ["head"]),
            ImportColumn("members", "人口", also: ["人口数", "家庭人口", "家庭人口数"], fields: ["members"]),
            ImportColumn("poor", "建档立卡", required: false, also: ["建档立卡户", "是否建档立卡户", "贫困户", "是否贫困户"], fields: ["poor"]),
            ImportColumn("id", "身份证号", also: ["身份证号码", "身份证"], fields: ["idMasked"]),
            ImportColumn("account", "账号", also: Self.accountHeaders, fields: ["account"]),
            ImportColumn("date", "日期", also: ["登记日期"], fields: ["date"]),
        ]
        case .shares: [
            ImportColumn("holder", "户号", fields: ["holder"]),
            ImportColumn("class", "股别", also: ["股份类别", "股权类别", "股份类型"], fields: ["class"]),
            ImportColumn("units", "股数", also: ["持股数", "股份数"], fields: ["units"]),
            ImportColumn("date", "日期", also: ["入股日期"], fields: ["date"]),
            ImportColumn("reason", "事由", required: false, fields: ["reason"]),
        ]
        case .payments: [
            ImportColumn("id", "分配编号", fields: ["id"]),
            ImportColumn("household", "户号", fields: ["household"]),
            ImportColumn("amount", "金额", also: ["金额（元）", "金额(元)", "分红金额", "支付金额", "发放金额"], fields: ["amount"]),
            ImportColumn("channel", "方式", also: ["支付方式", "发放方式"], fields: ["channel"]),
            ImportColumn("account", "账号", also: Self.accountHeaders, fields: ["account"]),
            ImportColumn("reference", "凭证号", fields: ["reference"]),
            ImportColumn("date", "日期", also: ["支付日期", "发放日期"], fields: ["date"]),
        ]
        }
    }

    /// What accountants head a payout account's column with.
    private static let accountHeaders = ["银行卡号", "卡号", "银行账号", "一卡通账号", "一卡通卡号"]

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
        case (.payments, .paidBeforeRecordDate), (.payments, .paidDuringPosting): "date"
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
    /// Other headers accountants give the column in their own sheets (户主姓名, 身份证号码,
    /// 银行卡号 …), read as the Chinese one.
    public let also: [String]
    /// The entry fields the column fills, to name the column when an entry rule fails.
    let fields: [String]

    init(_ english: String, _ chinese: String, required: Bool = true, also: [String] = [], fields: [String]) {
        self.english = english
        self.chinese = chinese
        self.required = required
        self.also = also
        self.fields = fields
    }

    /// `户号 (household)`.
    public var bothNames: String { "\(chinese) (\(english))" }

    /// True when `header` names this column: the Chinese name or another of ``also``, or the
    /// English one in any case.
    func matches(_ header: String) -> Bool {
        header == chinese || header.lowercased() == english || also.contains(header)
    }
}
