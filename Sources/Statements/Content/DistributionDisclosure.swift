import LedgerCore

/// The public posting of one distribution (村务公开 分红公示表): who gets what and why, for the
/// village notice board. It shows household number, head, units and amount only: never an ID
/// number, an account, or a health or poverty status (DOMAIN §4, 去标识化).
public struct DistributionDisclosure: Sendable, Equatable {
    /// One household's line.
    public struct Line: Sendable, Equatable {
        /// The household number.
        public var household: String
        /// The head of household.
        public var head: String
        /// The basis units the amount was computed from.
        public var units: Int64
        /// The amount allocated.
        public var amount: Fen
        /// A cooperative member's part of it returned by transactions, when recorded.
        public var rebate: Fen? = nil
        /// The capital accounts (fen) the rest was divided by, when recorded.
        public var capital: Int64? = nil
    }

    /// The organisation.
    public var org: String
    /// The village.
    public var village: String
    /// The `dividend.declare` entry.
    public var declaration: DividendDeclaration
    /// One line per allocation, by household number.
    public var lines: [Line]
    /// The first day of the posting period (公示期).
    public var postedFrom: LedgerDate
    /// Days the posting stays up; at least 1.
    public var days: Int
    /// The checkpoint the posting is made against.
    public var checkpoint: StatementCheckpoint
    /// How the pool was divided (the rate per share), when the ledger tells it.
    public var division: DistributionDivision? = nil

    /// Σ units.
    public var totalUnits: Int64 { lines.reduce(0) { $0 + $1.units } }
    /// Σ amounts; equals the declaration's `allocated` in a valid ledger.
    public var totalAmount: Fen { Fen(lines.reduce(Int64(0)) { $0 + $1.amount.value }) }
    /// The last day of the posting period.
    public var postedTo: LedgerDate { postedFrom.adding(days: days - 1) }
}

/// Why a posting cannot be made.
public enum DisclosureError: Error, Equatable, CustomStringConvertible {
    /// No `dividend.declare` of this id at or before the checkpoint.
    case distributionNotDeclared(id: String)
    /// The declaration was withdrawn (reversed) by entry `by`.
    case withdrawn(id: String, by: Int64)

    /// One sentence naming the fault.
    public var description: String {
        switch self {
        case .distributionNotDeclared(let id): "distribution \(id) was never declared in the ledger"
        case .withdrawn(let id, let by): "distribution \(id) was withdrawn by entry \(by); nothing of it is owed, so there is nothing to post"
        }
    }
}

extension DistributionDisclosure {
    /// Builds the posting of distribution `id` from the ledger's entries of that distribution and
    /// the heads of its households (`heads[household]`), posted for `days` days from `postedFrom`.
    public static func build(
        opening: LedgerOpen, id: String, entries: [Entry], heads: [String: String], postedFrom: LedgerDate, days: Int,
        checkpoint: StatementCheckpoint, division: DistributionDivision? = nil
    ) throws(DisclosureError) -> DistributionDisclosure {
        precondition(days >= 1, "a posting stays up at least one day")
        let covered = entries.filter { $0.seq < checkpoint.checkpoint.size }.sorted { $0.seq < $1.seq }
        var declaration: DividendDeclaration?
        var declaredAt: Int64?
        var lines = [Line]()
        for entry in covered {
            switch entry.payload {
            case .dividendDeclare(let d) where d.id == id: (declaration, declaredAt) = (d, entry.seq)
            case .entryReverse(let r) where r.target == declaredAt: throw .withdrawn(id: id, by: entry.seq)
            case .dividendAllocate(let a) where a.id == id:
                lines.append(Line(household: a.household, head: heads[a.household] ?? "", units: a.units, amount: a.amount,
                                  rebate: a.rebate, capital: a.capital))
            default: break
            }
        }
        guard let declaration else { throw .distributionNotDeclared(id: id) }
        return DistributionDisclosure(
            org: opening.org, village: opening.village, declaration: declaration,
            lines: lines.sorted { $0.household < $1.household }, postedFrom: postedFrom, days: days, checkpoint: checkpoint,
            division: division.flatMap { $0.id == id && $0.end <= checkpoint.checkpoint.size ? $0 : nil })
    }

    /// The posting laid out for the renderers.
    public func document() -> StatementDocument {
        let d = declaration
        var plan: [StatementDocument.KeyValue] = [
            .init("分配规则", Self.ruleName(d.rule), spoken: "分配规则：" + Self.ruleName(d.rule)),
            .init("规则参数", Self.ruleDetails(d.rule), spoken: ""),
        ]
        // Earlier years' income carried in is no part of what the rates are drawn from: the year's
        // amount first, its appropriations, then what is carried in, so that the lines add up as
        // read (可分配收益 11,000.00 above 提取公积金（10%）1,000.00 had asked for 1,100.00).
        let carried = Fen(d.rule["carriedIn"]?.integerValue ?? 0)
        if carried > .zero {
            let year = d.distributable - carried
            plan.append(.init("本年可分配收益", year.formatted, spoken: "本年可分配收益" + year.spokenChinese))
        } else {
            plan.append(.init("可分配收益", d.distributable.formatted, spoken: "可分配收益" + d.distributable.spokenChinese))
        }
        for line in d.appropriations {
            let rate = Self.percent(line.bp)
            plan.append(.init("提取\(line.name)（\(rate)）", line.amount.formatted,
                              spoken: "提取\(line.name)\(HouseholdStatement.spokenRate(line.bp))，\(line.amount.spokenChinese)"))
        }
        if carried > .zero {
            plan.append(.init("上年未分配收益转入", carried.formatted, spoken: "上年未分配收益转入" + carried.spokenChinese))
        }
        plan.append(.init("分配总额", d.pool.formatted, spoken: "分配总额" + d.pool.spokenChinese))
        // How it was divided, the rate per share (DOMAIN §5): labelled once, for a line or two.
        for (i, line) in (division?.lines(rule: d.rule) ?? []).enumerated() {
            plan.append(.init(i == 0 ? "分配计算" : "", line.value, spoken: line.spoken))
        }
        plan += [
            .init("已分配", d.allocated.formatted, spoken: "已分配" + d.allocated.spokenChinese),
            // Under the amount it spells out, not under the residual.
            .init("已分配（大写）", totalAmount.capitalNumerals, spoken: ""),
            .init("结余（未分配收益）", d.residual.formatted, spoken: "结余" + d.residual.spokenChinese),
        ]
        // A cooperative's allocations count transaction volume in fen: shown in yuan.
        let byVolume = d.rule["basis"]?.stringValue == "cooperative"
        let units = { (value: Int64) in byVolume ? Fen(value).formatted : String(value) }
        // Art. 44: a cooperative's returns by transactions and shares by capital, each in a column.
        let split = !lines.isEmpty && lines.allSatisfy { $0.rebate != nil }
        let rebates = Fen(lines.reduce(Int64(0)) { $0 &+ ($1.rebate?.value ?? 0) })
        // What the rest was divided by, where recorded: in the plan, for the table has no room
        // in 80 columns (each member's own is on its statement).
        if split, lines.allSatisfy({ $0.capital != nil }) {
            let capitalTotal = Fen(lines.reduce(Int64(0)) { $0 &+ ($1.capital ?? 0) })
            plan.append(.init("出资额等合计", capitalTotal.formatted, spoken: "出资额等合计" + capitalTotal.spokenChinese))
        }
        let table = StatementDocument.Table(
            columns: [.init("户号"), .init("户主"), .init(byVolume ? "交易额（元）" : "份额", alignment: .right)]
                + (split ? [.init("按交易量返还", alignment: .right), .init("按出资额等分配", alignment: .right)] : [])
                + [.init("金额（元）", alignment: .right)],
            rows: lines.map { line in
                let parts = split ? [line.rebate!.formatted, (line.amount - line.rebate!).formatted] : []
                return .init([line.household, line.head, units(line.units)] + parts + [line.amount.formatted],
                             spoken: "户号\(line.household)，\(line.head)，\(HouseholdStatement.spoken(line.units))份，\(line.amount.spokenChinese)。")
            },
            // The count of households belongs to the label (合计 8 户), not to the heads' column.
            totals: .init(["合计 \(lines.count) 户", "", units(totalUnits)] + (split ? [rebates.formatted, (totalAmount - rebates).formatted] : [])
                          + [totalAmount.formatted],
                          spoken: "合计\(HouseholdStatement.spoken(Int64(lines.count)))户，\(totalAmount.spokenChinese)。"))
        // A cooperative posts to its members, overseen by its board of supervisors (监事会) and
        // sealed by its council (理事会); a village to the villagers (村务公开) — by what the
        // organisation is, whatever the distribution's basis.
        let cooperative = LedgerOpen.isCooperative(org)
        let period = "公示期：\(postedFrom.chinese)至\(postedTo.chinese)（\(days)天）。如有异议，请在公示期内向"
            + (cooperative ? "本社监事会（执行监事）反映。" : "村务监督委员会反映。")
        let signatures: [StatementDocument.SignatureLine] = cooperative
            ? [.init("经办人"), .init("监事会（执行监事）"), .init("理事会（盖章）")]
            : [.init("经办人"), .init("监督小组"), .init("村民委员会（盖章）")]
        var document = StatementDocument(
            title: cooperative ? "\(org) \(byVolume ? "盈余分配" : "分配")公示表" : "\(village) 村务公开 分红公示表",
            subtitleLines: (cooperative ? [] : [org]) + ["分配编号 \(d.id)　登记日 \(d.recordDate.chinese)"],
            sections: [
                .init(heading: "分配方案", content: .keyValues(plan)),
                .init(heading: "分配明细", content: .table(table)),
                .init(heading: "公示期", content: .paragraph(.init(period))),
                .init(heading: "签字", content: .signatures(signatures)),
            ],
            footer: checkpoint.footer(extraNotes: ["核验方法：fenhong verify 账本 --trusted 检查点文件"]))
        document.keepsMarksWhole = true
        document.typesetting = [.all, .readableHTML, .wholeTermsAndParagraphs, .signedBesideTotals, .wholeWords]
        return document
    }

    /// 按股份 / 按户 / 按人口 / 合作社, from the rule's `basis` as `dividend.declare` records it.
    static func ruleName(_ rule: [String: JSONValue]) -> String {
        let basis = rule["basis"]?.stringValue ?? ""
        switch basis {
        case "units": return "按股份分配"
        case "household": return "按户平均分配"
        case "member": return "按人口分配"
        case "cooperative": return "按交易量返还，其余按出资额分配（合作社法第四十四条）"
        default: return "按\(basis)分配"
        }
    }

    /// The rule's parameters in words a villager reads: weights by class, the method, the
    /// guaranteed minimum, the cooperative rebate; amounts in yuan. Anything else as recorded.
    static func ruleDetails(_ rule: [String: JSONValue]) -> String {
        let parts = ruleDetailParts(rule, rateUnit: DistributionDivision.unitNoun(rule), surplusAfterReserve: true)
        return parts.isEmpty ? String(decoding: CanonicalJSON.encode(.object(rule)), as: UTF8.self) : parts.joined(separator: "；")
    }

    /// The rule as a household's statement gives it: its name, then what makes a household's
    /// share differ from the shares it holds (weights, a rate, a guaranteed minimum …), but not
    /// how remainders are settled, which the public posting gives.
    /// A declared rate is per 份 as layouts 1 and 2 said it, per the distribution's unit (股, 人,
    /// 户) since layout 3, as the line that says how the pool was divided does.
    static func ruleInWords(_ rule: [String: JSONValue], layout: StatementLayout = .current) -> String {
        let unit = layout >= .third ? DistributionDivision.unitNoun(rule) : "份"
        return ([ruleName(rule)] + ruleDetailParts(rule, settling: false, rateUnit: unit, surplusAfterReserve: layout >= .fifth)).joined(separator: "；")
    }

    /// The parameters of ``ruleDetails(_:)``, each in words; empty when there are none. Without
    /// `settling`, largest remainder (the way fen are settled) is left out.
    /// With `surplusAfterReserve` (the posting; statements since layout 5), Art. 44's surplus is
    /// named as what is left after 公积金, not as the pool, which other appropriations make smaller.
    private static func ruleDetailParts(_ rule: [String: JSONValue], settling: Bool = true, rateUnit: String,
                                        surplusAfterReserve: Bool) -> [String] {
        var parts = [String]()
        if let classes = rule["classes"]?.objectValue {
            let weights = classes.sorted { $0.key < $1.key }.compactMap { name, weight in
                weight.integerValue.map { "\(ShareClass.displayName(name))每股×\($0)" }
            }
            if !weights.isEmpty { parts.append("权重：" + weights.joined(separator: "，")) }
        }
        switch rule["method"]?.stringValue {
        case "largest-remainder"? where settling: parts.append("最大余额法，精确到分")
        case "rate-per-unit"?: parts.append("每\(rateUnit)定额" + (rule["rate"]?.integerValue.map { Fen($0).formatted + "元" } ?? ""))
        default: break
        }
        if let minimum = rule["minimum"]?.integerValue { parts.append("建档立卡户保底每户\(Fen(minimum).formatted)元") }
        if let carried = rule["carriedIn"]?.integerValue { parts.append("可分配收益含上年未分配收益转入\(Fen(carried).formatted)元") }
        // Art. 44's 60% is of the distributable surplus (可分配盈余): what is left after the
        // reserve fund (公积金), which is the pool (分配总额) where nothing else was drawn.
        if let bp = rule["rebateBp"]?.integerValue {
            parts.append("按交易量返还不少于可分配盈余（\(surplusAfterReserve ? "提取公积金后的盈余" : "分配总额")）的\(percent(bp))")
        }
        if rule["transactions"]?.stringValue == "ledger" {
            let after = rule["transactionsAfter"]?.stringValue.flatMap(LedgerDate.init)
            parts.append("交易额按成员账户记载，" + (after.map { "\($0.adding(days: 1).chinese)起至登记日" } ?? "截至登记日"))
        }
        if let rebate = rule["rebate"]?.integerValue { parts.append("返还总额\(Fen(rebate).formatted)元") }
        return parts
    }

    /// 1000 → "10%", 825 → "8.25%".
    static func percent(_ bp: Int64) -> String {
        bp % 100 == 0 ? "\(bp / 100)%" : "\(bp / 100).\(bp % 100 < 10 ? "0" : "")\(bp % 100 % 10 == 0 ? bp % 100 / 10 : bp % 100)%"
    }
}
