import Foundation

/// An account of the village chart (《农村集体经济组织会计制度》, 财会〔2023〕14号) as each
/// tool names it: hledger takes the Chinese names as they are; beancount refuses account
/// components that start with a Chinese character, so it gets ASCII names and the Chinese name
/// as metadata on the `open` directive.
struct VillageAccount: Hashable, Comparable {
    /// The hledger name, `负债:应付款:152223-001`.
    let hledger: String
    /// The beancount name, `Liabilities:Payables:H152223-001`.
    let beancount: String
    /// The account's name in the chart, for beancount's metadata.
    let chinese: String

    static func < (a: VillageAccount, b: VillageAccount) -> Bool { a.beancount < b.beancount || (a.beancount == b.beancount && a.hledger < b.hledger) }

    // Names are the same account when their bytes are, as the tools read them (not when they are
    // canonically equivalent, as Swift compares strings): cheaper too, for a journal hashes the
    // account of every posting it writes.
    static func == (a: VillageAccount, b: VillageAccount) -> Bool {
        sameBytes(a.hledger, b.hledger) && sameBytes(a.beancount, b.beancount) && sameBytes(a.chinese, b.chinese)
    }

    func hash(into hasher: inout Hasher) {
        var name = hledger
        name.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    // Assets (资产类).
    static let cash = VillageAccount(hledger: "资产:库存现金", beancount: "Assets:Cash", chinese: "库存现金")
    static let bank = VillageAccount(hledger: "资产:银行存款", beancount: "Assets:Bank", chinese: "银行存款")
    /// 长期投资, one sub-account per counterparty in hledger; one account in beancount, with the
    /// counterparty on each transaction.
    static func investment(_ counterparty: String) -> VillageAccount {
        VillageAccount(hledger: "资产:长期投资:" + hledgerComponent(counterparty), beancount: "Assets:LongTermInvestments", chinese: "长期投资")
    }

    // Liabilities (负债类).
    /// 应付款, one sub-account per household: what a distribution owes it and it has not been paid.
    static func payable(household: String) -> VillageAccount {
        VillageAccount(hledger: "负债:应付款:" + hledgerComponent(household), beancount: "Liabilities:Payables:H" + asciiComponent(household),
                       chinese: "应付款—\(household)")
    }
    /// 应付款 for an appropriation other than 公积公益金 (e.g. 管理人员报酬).
    static func payable(other name: String) -> VillageAccount {
        VillageAccount(hledger: "负债:应付款:" + hledgerComponent(name), beancount: "Liabilities:Payables:Other", chinese: "应付款")
    }
    static let specialPayable = VillageAccount(hledger: "负债:专项应付款", beancount: "Liabilities:SpecialPayables", chinese: "专项应付款")

    // Owners' equity (所有者权益类).
    static let reserveFund = VillageAccount(hledger: "所有者权益:公积公益金", beancount: "Equity:ReserveWelfareFund", chinese: "公积公益金")
    static let distributionToHouseholds = VillageAccount(
        hledger: "所有者权益:收益分配:各项分配:农户分配", beancount: "Equity:Distribution:Households", chinese: "收益分配—各项分配—农户分配")
    /// True for an appropriation to 公积公益金 (account 311, owners' equity): named 公积… or
    /// 公益…, for a village may split it (Heyang: 公积金 27%, 公益金 10%, DOMAIN §9.2).
    static func isReserveFund(_ name: String) -> Bool { name.contains("公积") || name.contains("公益") }

    static func distributionAppropriation(_ name: String) -> VillageAccount {
        isReserveFund(name)
            ? VillageAccount(hledger: "所有者权益:收益分配:各项分配:提取公积公益金", beancount: "Equity:Distribution:ReserveWelfareFund",
                             chinese: "收益分配—各项分配—提取公积公益金")
            : VillageAccount(hledger: "所有者权益:收益分配:各项分配:" + hledgerComponent(name), beancount: "Equity:Distribution:Other",
                             chinese: "收益分配—各项分配—其他")
    }

    /// 收益分配—未分配收益: income of earlier years not yet distributed.
    static let undistributed = VillageAccount(
        hledger: "所有者权益:收益分配:未分配收益", beancount: "Equity:Distribution:Undistributed", chinese: "收益分配—未分配收益")

    // Income and expenses (损益类), by the category an entry names.
    /// The account an income record credits: by its category, or — for earlier years'
    /// undistributed income brought into the ledger (上年未分配收益) — 未分配收益 itself, not income.
    static func income(category: String) -> VillageAccount {
        if category.contains("未分配") { return undistributed }
        let (chinese, ascii): (String, String)
        if ["经营收入", "投资收益", "补助收入", "其他收入"].contains(category) {
            (chinese, ascii) = (category, ["经营收入": "Operating", "投资收益": "Investment", "补助收入": "Subsidy", "其他收入": "Other"][category]!)
        } else if ["经营", "发包", "承包", "租"].contains(where: category.contains) {
            (chinese, ascii) = ("经营收入", "Operating")
        } else if ["投资", "盈余", "分红", "股金", "入股"].contains(where: category.contains) {
            (chinese, ascii) = ("投资收益", "Investment")
        } else if ["补助", "补贴"].contains(where: category.contains) {
            (chinese, ascii) = ("补助收入", "Subsidy")
        } else {
            (chinese, ascii) = ("其他收入", "Other")
        }
        return VillageAccount(hledger: "收入:" + chinese, beancount: "Income:" + ascii, chinese: chinese)
    }

    static func expense(category: String) -> VillageAccount {
        let names = ["经营支出": "Operating", "税金及附加": "TaxesAndSurcharges", "管理费用": "Administrative",
                     "公益支出": "PublicWelfare", "其他支出": "Other", "所得税费用": "IncomeTax"]
        let chinese: String
        if names[category] != nil {
            chinese = category
        } else if category.contains("所得税") {
            chinese = "所得税费用"
        } else if category.contains("税") {
            chinese = "税金及附加"
        } else if category.contains("管理") {
            chinese = "管理费用"
        } else if category.contains("公益") {
            chinese = "公益支出"
        } else if category.contains("经营") {
            chinese = "经营支出"
        } else {
            chinese = "其他支出"
        }
        return VillageAccount(hledger: "支出:" + chinese, beancount: "Expenses:" + names[chinese]!, chinese: chinese)
    }

    /// The hledger account type of the top-level name.
    var hledgerType: String {
        switch hledger.prefix(while: { $0 != ":" }) {
        case "资产": "A"
        case "负债": "L"
        case "所有者权益": "E"
        case "收入": "R"
        default: "X"
        }
    }

    /// A name made safe as one hledger account component: no `:`, no double spaces or tabs, no
    /// leading bracket (which would make a virtual posting), no `;`.
    static func hledgerComponent(_ name: String) -> String {
        var out = ""
        for c in name {
            switch c {
            case ":": out.append("：")
            case ";": out.append("；")
            case "(": out.append(out.isEmpty ? "（" : "(")
            case "[": out.append(out.isEmpty ? "［" : "[")
            case _ where c.isWhitespace: if out.last != " " && !out.isEmpty { out.append(" ") }
            default: out.append(c)
            }
        }
        while out.last == " " { out.removeLast() }
        return out.isEmpty ? "-" : out
    }

    /// Letters, digits and `-` only, as a beancount component allows after its first character.
    static func asciiComponent(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
    }
}
