import LedgerCore

/// Labels shared by the statement layout and by the statement check, which reads them back.
public enum StatementLabels {
    /// Σ allocations.
    public static let owed = "应分合计"
    /// Σ payments − reversals.
    public static let paid = "已付合计"
    /// owed − paid.
    public static let outstanding = "未付余额"
    /// Appended to a total's label for its line in capital numerals.
    public static let capitalSuffix = "（大写）"
    /// Marks a payment that was reversed.
    public static let reversedMark = "（冲销）"
    /// Marks a distribution that was withdrawn, wherever it is named.
    public static let withdrawnMark = "（已撤销）"
    /// Who the household is, in the header.
    public static let household = "户号", head = "户主", members = "家庭人口", idNumber = "身份证号"
    /// The holdings section, its columns and its totals row.
    public static let holdings = "持股情况", shareClass = "股份类别", units = "股数", total = "合计"
    /// A farmers' cooperative's statement's title, after its name (since layout 5).
    public static let cooperativeTitle = "盈余分配明细单"
    /// How the holdings came and went, after them (since layout 5).
    public static let movements = "持股变动"
    /// The heading of the totals section, which a listener hears first as well as last.
    public static let totalsHeading = "合计"
    /// The heading of the totals a reader sees first, under the household's details (in large
    /// print the totals section is pages away).
    public static let overviewHeading = "先看合计"
    /// The other sections' headings, which end the holdings when a statement is read back.
    public static let sectionsAfterHoldings = [accounts, movements, "分配依据", rules, "应分明细", "支付明细", "合计", "说明", "签字"]
    /// How each distribution counted its shares, in words.
    public static let rules = "分配方式"
    /// A cooperative member's accounts (出资额 …), in yuan, after the holdings.
    public static let accounts = "成员账户"
    /// The columns every money line ends with: the entry's seq and short hash.
    public static let entry = "条目", hash = "哈希"
}

extension HouseholdStatement {
    /// The statement laid out for the renderers: every money line ends with its entry's `seq` and
    /// short hash, so the printed page can be checked line by line against the proof. In
    /// `layout`, the current unless a statement printed earlier is printed again to be checked.
    public func document(layout: StatementLayout = .current) -> StatementDocument {
        // A farmers' cooperative's statement is its own, titled by it, since layout 5: it had been
        // headed by the village of its ledger, which a cooperative's members may not share.
        let cooperative = layout >= .fifth && LedgerOpen.isCooperative(org)
        var subtitles = cooperative ? [] : [org]
        subtitles.append((year.map { "\($0) 年度" } ?? "全部年度") + "　截至 " + date.chinese)
        var sections: [StatementDocument.Section] = []

        sections.append(.init(heading: "户主信息", content: .keyValues([
            .init(StatementLabels.household, household),
            .init(StatementLabels.head, head),
            .init(StatementLabels.members, Self.printed(members: members), spoken: "家庭人口" + Self.spoken(members) + "人"),
            .init(StatementLabels.idNumber, idMasked, spoken: "身份证号后四位" + String(idMasked.suffix(4))),
        ])))

        sections.append(.init(heading: StatementLabels.overviewHeading, content: .keyValues([
            .init(StatementLabels.owed, owed.formatted), .init(StatementLabels.paid, paid.formatted),
            .init(StatementLabels.outstanding, outstanding.formatted),
        ])))

        // The 交易额 an account records is every year's, transfers too, and matches no distribution,
        // each of which returns on its own period's (on its allocation's row): since layout 2 not
        // among the accounts, which are what the rest is divided by.
        let shownAccounts = layout >= .second ? accounts.filter { $0.shareClass != ShareClass.trade } : accounts
        if holdings.isEmpty {
            // A cooperative member holds accounts, not shares: since layout 2 said so, not "无持股" alone.
            let none = layout >= .second && !shownAccounts.isEmpty ? "统计日无股份；出资额等见成员账户。" : "统计日无持股。"
            sections.append(.init(heading: StatementLabels.holdings, content: .paragraph(.init(none))))
        } else {
            let total = holdings.reduce(Int64(0)) { $0 &+ $1.units }
            sections.append(.init(heading: StatementLabels.holdings, content: .table(.init(
                columns: [.init(StatementLabels.shareClass), .init(StatementLabels.units, alignment: .right)],
                rows: holdings.map { holding in
                    let name = ShareClass.displayName(holding.shareClass)
                    return .init([name, String(holding.units)], spoken: "\(name)\(Self.spoken(holding.units))股。")
                },
                totals: .init([StatementLabels.total, String(total)], spoken: "共\(Self.spoken(total))股。")))))
        }

        if !shownAccounts.isEmpty {
            // A cooperative member's accounts are money, not shares: in yuan, apart.
            sections.append(.init(heading: StatementLabels.accounts, content: .keyValues(shownAccounts.map { account in
                let name = ShareClass.displayName(account.shareClass)
                return .init(name, Fen(account.units).formatted + "元", spoken: name + Fen(account.units).spokenChinese)
            })))
        }

        // Shares gone to another household (递补) or retired had left only holdings that no longer
        // show them: since layout 5 how they came and went is printed, each change by its entry.
        if layout >= .fifth, movementsShown { sections.append(movementsSection()) }

        // A withdrawn distribution is marked wherever it is named, not only where its allocation is taken back.
        let withdrawn = Set(allocations.compactMap { line -> String? in
            if case .withdrawal = line.kind { line.distribution } else { nil }
        })
        func named(_ id: String) -> String { withdrawn.contains(id) ? id + StatementLabels.withdrawnMark : id }
        if !distributions.isEmpty {
            sections.append(.init(heading: "分配依据", content: .table(.init(
                columns: [.init("分配编号"), .init("登记日"), .init("可分配收益", alignment: .right),
                          .init("提取", alignment: .right), .init("分配总额", alignment: .right),
                          .init(StatementLabels.entry, alignment: .right), .init(StatementLabels.hash)],
                // Heard in the listening document's own words (``listeningDocument()``), not these rows'.
                rows: distributions.map { distribution in
                    let d = distribution.declaration
                    return .init([named(d.id), d.recordDate.text, d.distributable.formatted, distribution.appropriated.formatted,
                                  d.pool.formatted, String(distribution.record.seq), distribution.record.shortHash])
                }))))
        }

        if !distributions.isEmpty {
            // How each share was counted (weights by class, a guaranteed minimum …): what makes a
            // household's 份额 differ from the shares it holds.
            sections.append(.init(heading: StatementLabels.rules, content: .keyValues(distributions.flatMap { distribution in
                let id = named(distribution.declaration.id)
                let words = DistributionDisclosure.ruleInWords(distribution.declaration.rule, layout: layout)
                let rule = StatementDocument.KeyValue(id, words)
                guard layout >= .second else { return [rule] }
                // What was drawn before the pool, each on a line of its own under the rule; not
                // said again, for the basis says it with the pool it leaves.
                return [rule] + distribution.declaration.appropriations.map { line in
                    StatementDocument.KeyValue("", "提取\(line.name)（\(DistributionDisclosure.percent(line.bp))）\(line.amount.formatted)元")
                } + (layout >= .third ? distribution.division?.lines(rule: distribution.declaration.rule) ?? [] : [])
            })))
        }

        if allocations.isEmpty {
            sections.append(.init(heading: "应分明细", content: .paragraph(.init("本期无应分记录。"))))
        } else {
            sections.append(.init(heading: "应分明细", content: .table(.init(
                columns: [.init("分配编号"), .init("日期"), .init("份额", alignment: .right),
                          .init("应分（元）", alignment: .right), .init(StatementLabels.entry, alignment: .right), .init(StatementLabels.hash)],
                rows: allocations.map { line in
                    if case .withdrawal(let target, let reason) = line.kind {
                        return .init([line.distribution, line.date.text, "撤销第\(target)条：\(reason)", line.amount.formatted,
                                      String(line.record.seq), line.record.shortHash])
                    }
                    guard case .allocation(let units, let byVolume, _, _, let minimum) = line.kind else { preconditionFailure("an allocation line") }
                    // A cooperative returns by transactions: its units are the volume, in fen. A
                    // guaranteed minimum is in the amount: said, for the shares alone do not give it.
                    let share = (byVolume ? "交易额" + Fen(units).formatted : String(units)) + (minimum.map { "（含保底\($0.formatted)）" } ?? "")
                    // Since layout 2 its distribution is marked withdrawn here too, as everywhere it is named.
                    return .init([layout >= .second ? named(line.distribution) : line.distribution, line.date.text, share, line.amount.formatted,
                                  String(line.record.seq), line.record.shortHash])
                }))))
        }

        // Why a distribution of the period has no line though the household held 扶贫股.
        if layout >= .second, let passedOver = povertySharesSection(named) { sections.append(passedOver) }

        // Art. 44: a cooperative member sees what is returned by its transactions and what is its
        // share by capital accounts, each on its own.
        let returns = allocations.compactMap { line -> (Line, Fen, Int64?)? in
            if case .allocation(_, _, let rebate?, let capital, _) = line.kind { (line, rebate, capital) } else { nil }
        }
        if !returns.isEmpty {
            // With the capital accounts the second part was divided by, where recorded.
            let capitals = returns.contains { $0.2 != nil }
            sections.append(.init(heading: "盈余返还构成", content: .table(.init(
                columns: [.init("分配编号"), .init("按交易量返还", alignment: .right)]
                    + (capitals ? [.init("出资额等（元）", alignment: .right)] : [])
                    + [.init("按出资额等分配", alignment: .right), .init("应分（元）", alignment: .right)],
                rows: returns.map { line, rebate, capital in
                    let byCapital = line.amount - rebate
                    let basis = capitals ? [capital.map { Fen($0).formatted } ?? ""] : []
                    return .init([named(line.distribution), rebate.formatted] + basis + [byCapital.formatted, line.amount.formatted])
                }))))
        }

        if payments.isEmpty {
            sections.append(.init(heading: "支付明细", content: .paragraph(.init("本期无支付记录。"))))
        } else {
            var paid = StatementDocument.Table(
                columns: [.init("日期"), .init("分配编号"), .init("摘要"), .init("凭证号", keepsWhole: true),
                          .init("金额（元）", alignment: .right), .init(StatementLabels.entry, alignment: .right), .init(StatementLabels.hash)],
                rows: payments.map(paymentRow))
            // Heard moving down its amounts, a payment is named by its distribution.
            paid.rowHeader = 1
            sections.append(.init(heading: "支付明细", content: .table(paid)))
        }

        sections.append(.init(heading: StatementLabels.totalsHeading, content: .keyValues([
            .init(StatementLabels.owed, owed.formatted, spoken: StatementLabels.owed + owed.spokenChinese),
            .init(StatementLabels.owed + StatementLabels.capitalSuffix, owed.capitalNumerals, spoken: ""),
            .init(StatementLabels.paid, paid.formatted, spoken: StatementLabels.paid + paid.spokenChinese),
            .init(StatementLabels.paid + StatementLabels.capitalSuffix, paid.capitalNumerals, spoken: ""),
            .init(StatementLabels.outstanding, outstanding.formatted,
                  spoken: StatementLabels.outstanding + outstanding.spokenChinese),
            .init(StatementLabels.outstanding + StatementLabels.capitalSuffix, outstanding.capitalNumerals, spoken: ""),
        ])))

        // A cooperative's members turn to its board of supervisors, since layout 2.
        let overseers = layout >= .second && LedgerOpen.isCooperative(org) ? "本社监事会（执行监事）" : "村务监督委员会"
        sections.append(.init(heading: "说明", content: .paragraph(.init(
            "本明细单由\(org)根据分红账本生成。“条目”是账本记录的编号，“哈希”是该记录指纹的前8位；"
                + "冲销的记录照原样保留并标明\(StatementLabels.reversedMark)，不删除。"
                + "如有疑问，请向\(overseers)反映。",
            spoken: "本明细单由\(org)根据分红账本生成。冲销的记录照原样保留并标明冲销，不删除。如有疑问，请向\(overseers)反映。"))))

        // The collective's seal beside the signatures (DOMAIN §5), since layout 2.
        sections.append(.init(heading: "签字", content: .signatures([
            .init("经办人"), .init(layout >= .second && LedgerOpen.isCooperative(org) ? "监事会（执行监事）" : "监督小组"),
            .init("户主（或见证人、按手印）"),
        ] + (layout >= .second ? [.init("\(org)（盖章）")] : []))))

        var document = StatementDocument(
            title: cooperative ? "\(org) \(StatementLabels.cooperativeTitle)" : "\(village) 分红明细单", subtitleLines: subtitles, sections: sections,
            footer: checkpoint.footer(extraNotes: [
                "核验方法：fenhong statement check 本明细单 --ledger 账本（或 --bundle 账本目录）",
            ]), owner: "\(StatementLabels.household) \(household) \(head)")
        // （冲销） was set as "（冲" and "销）" on two lines of a narrow cell: whole since layout 2.
        document.keepsMarksWhole = layout >= .second
        // And in a browser, which had broken them as it broke any Chinese text; no figure broken
        // in a table too wide, no heading alone on a page: since layout 3.
        document.typesetting = layout >= .third ? .all : []
        // A page a screen reader moves through by its headings and tables: since layout 4.
        // And a PDF whose pages stand alone, signed beside its totals: since layout 4.
        if layout >= .fourth { document.typesetting.formUnion([.readableHTML, .wholeTermsAndParagraphs, .signedBesideTotals]) }
        // Lines that never break a word of its own (“条/目”, 村/务监督委员会): since layout 5.
        if layout >= .fifth { document.typesetting.insert(.wholeWords) }
        return document
    }

    /// How the holdings came and went (``shareMovements``), a row a change: its day, class and
    /// units in or out, what it was — 取得, 转给户号…, 由户号…转入, 注销 — and why, and its entry.
    private func movementsSection() -> StatementDocument.Section {
        .init(heading: StatementLabels.movements, content: .table(.init(
            columns: [.init("日期"), .init(StatementLabels.shareClass), .init("增减", alignment: .right), .init("说明"),
                      .init(StatementLabels.entry, alignment: .right), .init(StatementLabels.hash)],
            rows: movementRows())))
    }

    /// The movements' rows in the order they took effect: a reversed one marked （冲销）, and its
    /// reversal a row of its own, by its day, as a payment's is.
    private func movementRows() -> [StatementDocument.Row] {
        func quantity(_ m: ShareMovement, _ units: Int64) -> String {
            let magnitude = Int64(units.magnitude)
            return (units > 0 ? "+" : "-") + (ShareClass.accounts.contains(m.shareClass) ? Fen(magnitude).formatted + "元" : String(magnitude))
        }
        var rows: [(date: LedgerDate, seq: Int64, row: StatementDocument.Row)] = []
        for m in shareMovements {
            let what = switch (m.units > 0, m.counterpart) {
            case (true, let from?): "由户号\(from)转入"
            case (false, let to?): "转给户号\(to)"
            case (true, nil): "取得"
            case (false, nil): "注销"
            }
            let mark = m.reversal == nil ? "" : StatementLabels.reversedMark
            rows.append((m.date, m.record.seq, .init([m.date.text, ShareClass.displayName(m.shareClass), quantity(m, m.units),
                                                      what + "，" + m.reason + mark, String(m.record.seq), m.record.shortHash])))
            if let reversal = m.reversal, case .entryReverse(let r) = reversal.entry.payload {
                let day = reversal.entry.reversalDate
                rows.append((day, reversal.seq, .init([day.text, ShareClass.displayName(m.shareClass), quantity(m, -m.units),
                                                       "冲销第\(m.record.seq)条：\(r.reason)", String(reversal.seq), reversal.shortHash])))
            }
        }
        return rows.sorted { ($0.date, $0.seq) < ($1.date, $1.seq) }.map(\.row)
    }

    private func paymentRow(_ line: Line) -> StatementDocument.Row {
        let seq = String(line.record.seq)
        switch line.kind {
        case .payment(let channel, let account, let reference, let reversedBy):
            let via = ChannelName.chinese(channel)
            let summary = (channel == .cash ? via : "\(via) \(account)") + (reversedBy == nil ? "" : StatementLabels.reversedMark)
            // The amount sits just before the seq, so the statement check finds it whatever the reference says.
            return .init([line.date.text, line.distribution, summary, reference, line.amount.formatted, seq, line.record.shortHash])
        case .reversal(let target, let reason, let reference):
            return .init([line.date.text, line.distribution, "冲销第\(target)条：\(reason)", reference ?? "", line.amount.formatted,
                          seq, line.record.shortHash])
        case .allocation, .withdrawal:
            preconditionFailure("allocations are not payment lines")
        }
    }

    /// A payment or its reversal as said, under its distribution: by its day, not its entry
    /// number, which means nothing heard; a voucher by its number (what the bank or the
    /// committee is asked about).
    func spokenPayment(_ line: Line) -> String {
        switch line.kind {
        case .payment(let channel, let account, let reference, let reversedBy):
            var spoken = "\(line.date.chinese)，支付\(line.amount.spokenChinese)，"
            spoken += channel == .cash ? "现金领取" : "通过\(ChannelName.chinese(channel))，尾号\(account.suffix(4))"
            // A voucher's words parted by spaces (现金-2019-012 见证人:…) are said with a pause between.
            spoken += reference.isEmpty ? "。" : "，凭证号\(reference.split(whereSeparator: \.isWhitespace).joined(separator: "，"))。"
            if let reversedBy {
                let day = payments.first { $0.record.seq == reversedBy }?.date
                spoken += "此笔已" + (day.map { "于\($0.chinese)" } ?? "") + "冲销。"
            }
            return spoken
        case .reversal(let target, let reason, let reference):
            return "\(line.date.chinese)，冲销"
                + (payments.first { $0.record.seq == target }.map { "\($0.date.chinese)支付的" } ?? "一笔支付，")
                + "\(Fen(-line.amount.value).spokenChinese)" + (reference.map { "，凭证号\($0)" } ?? "") + "，原因：\(reason)。"
        case .allocation, .withdrawal:
            preconditionFailure("allocations are not payment lines")
        }
    }

    /// A rule's weights as said: "每股×2" is read "每股二" (the engine drops "×"), so it is said
    /// "每股计两份". Searched for, not matched by a regex literal, which Swift parses again each
    /// time it is evaluated (a tenth of the time of 10,000 PDF statements).
    static func spokenWeights(_ words: String) -> String {
        var said = "", rest = Substring(words)
        while let times = rest.firstRange(of: "每股×") {
            said += rest[..<times.lowerBound]
            let digits = rest[times.upperBound...].prefix { $0.isASCII && $0.isNumber }
            said += digits.isEmpty ? "每股×" : "每股计\(Int64(digits).map(spoken) ?? String(digits))份"
            rest = rest[(digits.isEmpty ? times.upperBound : digits.endIndex)...]
        }
        return spokenPercents(said + rest)
    }

    /// Rates written "60%" or "8.25%" said in Chinese (百分之六十): the engine reads "%" in English.
    static func spokenPercents(_ text: String) -> String {
        var said = "", rest = Substring(text)
        while let sign = rest.firstIndex(of: "%") {
            let before = rest[..<sign]
            let number = before.reversed().prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
            let parts = String(number.reversed()).split(separator: ".", omittingEmptySubsequences: false)
            if let whole = parts.first.flatMap({ Int64($0) }), parts.count <= 2, parts.count == 1 || (1...2).contains(parts[1].count) {
                let fraction = parts.count == 2 ? Int64(parts[1].count == 1 ? parts[1] + "0" : parts[1]) ?? 0 : 0
                said += before.dropLast(number.count) + spokenRate(whole * 100 + fraction)
            } else {
                said += before + "%"
            }
            rest = rest[rest.index(after: sign)...]
        }
        return said + rest
    }

    /// A count in spoken Chinese, before a measure word: 3 → 三, 10 → 十, 0 → 零, and 2 → 两
    /// (两人, 两股), as it is said.
    static func spoken(_ count: Int64) -> String {
        count == 2 ? "两" : String(Fen(count * 100).spokenChinese.dropLast())
    }

    /// A rate in basis points, spoken: 1000 → 百分之十, 850 → 百分之八点五, 825 → 百分之八点二五.
    static func spokenRate(_ bp: Int64) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        var text = "百分之" + spoken(bp / 100)
        let fraction = bp % 100
        if fraction != 0 {
            text += "点" + digits[Int(fraction / 10)]
            if fraction % 10 != 0 { text += digits[Int(fraction % 10)] }
        }
        return text
    }
}
