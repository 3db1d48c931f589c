import LedgerCore

extension HouseholdStatement {
    /// The statement arranged for a listener, who cannot look ahead or back (Chen Mei is blind):
    /// whose statement it is first, then the totals (``SpeechRenderer`` says them first), then
    /// each distribution in turn — the household's own amount, how it was reckoned, and what was
    /// paid of it — and only then the rules, each said once for the distributions that share it.
    /// A script of the printed order had named the household after its totals and reached its
    /// amounts five minutes into nine, after the same rule read five times.
    ///
    /// The holdings, the totals, the notes and the signatures are the printed statement's own
    /// sections; a script is not checked against the ledger (it cannot be), the printed
    /// statement is.
    public func listeningDocument() -> StatementDocument {
        let printed = document()
        func printedSection(_ heading: String) -> StatementDocument.Section? { printed.sections.first { $0.heading == heading } }
        // Its number and head are in the first sentence; its members and ID as printed.
        var sections: [StatementDocument.Section] = []
        if let identity = printedSection("户主信息"), case .keyValues(let pairs) = identity.content {
            sections.append(.init(heading: identity.heading, content: .keyValues(pairs.filter { [StatementLabels.members, StatementLabels.idNumber].contains($0.key) })))
        }
        sections += [StatementLabels.holdings, StatementLabels.accounts].compactMap(printedSection)
        if let moved = spokenMovements() { sections.append(moved) }
        let owedAndPaid = spokenDistributions()
        // None at all is said, not left to the zeros of the totals.
        sections += owedAndPaid.isEmpty ? [.init(heading: "各次分配", content: .paragraph(.init("本期无应分记录，也无支付记录。")))] : owedAndPaid
        sections += ["扶贫股未参与的分配"].compactMap(printedSection)
        sections += spokenRules()
        sections += [StatementLabels.totalsHeading, "说明", "签字"].compactMap(printedSection)
        let period = (year.map { "\($0)年度" } ?? "全部年度") + "，截至" + date.chinese
        let what = LedgerOpen.isCooperative(org) ? StatementLabels.cooperativeTitle : "分红明细单"
        return StatementDocument(title: "这是\(head)户的\(what)，户号\(household)", subtitleLines: [org, period],
                                 sections: sections, footer: printed.footer, owner: printed.owner)
    }

    /// How the holdings came and went, when they did more than come once: shares transferred
    /// away (递补) or retired are said, with where and why, not left to be guessed from 扶贫股 no
    /// longer counted.
    private func spokenMovements() -> StatementDocument.Section? {
        guard movementsShown else { return nil }
        let said = shareMovements.map { m -> String in
            let shares = ShareClass.accounts.contains(m.shareClass)
                ? ShareClass.displayName(m.shareClass) + Fen(Int64(m.units.magnitude)).spokenChinese
                : ShareClass.displayName(m.shareClass) + Self.spoken(Int64(m.units.magnitude)) + "股"
            let what = switch (m.units > 0, m.counterpart) {
            case (true, let from?): "由户号\(from)转入" + shares
            case (false, let to?): shares + "转给户号\(to)"
            case (true, nil): "取得" + shares
            case (false, nil): "注销" + shares
            }
            // A reversed one is heard with its reversal, as a payment's is: the statement says
            // reversed records are kept and marked.
            let reversed = m.reversal.map { reversal -> String in
                let reason = if case .entryReverse(let r) = reversal.entry.payload { "，原因：\(r.reason)" } else { "" }
                return "此笔已于\(reversal.entry.reversalDate.chinese)冲销\(reason)。"
            } ?? ""
            return "\(m.date.chinese)，\(what)，事由：\(m.reason)。" + reversed
        }
        return .init(heading: "持股变动", content: .keyValues(said.map { .init("", $0, spoken: $0) }))
    }

    /// One section a distribution, in ledger order: what the household was owed by it and how,
    /// and each payment of it; payments of a distribution the period has no line of, after.
    private func spokenDistributions() -> [StatementDocument.Section] {
        let recordDates = Dictionary(distributions.map { ($0.declaration.id, $0.declaration.recordDate) }, uniquingKeysWith: { first, _ in first })
        var ids: [String] = []
        for line in allocations + payments where !ids.contains(line.distribution) { ids.append(line.distribution) }
        return ids.map { id in
            var said: [String] = []
            let owedHere = allocations.filter { $0.distribution == id }
            for line in owedHere { said.append(spokenAllocation(line)) }
            let paidHere = payments.filter { $0.distribution == id }
            said += paidHere.map(spokenPayment)
            if !owedHere.isEmpty {
                let left = owedHere.reduce(Int64(0)) { $0 + $1.amount.value } - paidHere.reduce(Int64(0)) { $0 + $1.amount.value }
                // Paid in full goes without saying (the amounts were just heard); what is not, is said.
                if left != 0 { said.append(left > 0 ? "此次尚未支付\(Fen(left).spokenChinese)。" : "此次多付\(Fen(-left).spokenChinese)。") }
            }
            let heading = "分配编号\(id)" + (recordDates[id].map { "，登记日\($0.chinese)" } ?? "")
            return .init(heading: heading, content: .keyValues(said.map { .init("", $0, spoken: $0) }))
        }
    }

    /// What a distribution owed the household, and how it was reckoned: its 份额, a guaranteed
    /// minimum and what its shares added to it, a cooperative's return by transactions and its
    /// share by capital; or that the distribution was withdrawn.
    private func spokenAllocation(_ line: Line) -> String {
        switch line.kind {
        case .withdrawal(_, let reason):
            // The entry that withdrew it, as the printed line cites it.
            return "此次分配已撤销，见第\(line.record.seq)条记录，应分减去\(Fen(-line.amount.value).spokenChinese)，原因：\(reason)。"
        case .allocation(let units, let byVolume, let rebate, let capital, let minimum):
            let share = byVolume ? "本户交易额\(Fen(units).spokenChinese)" : "本户\(Self.spoken(units))份"
            if let minimum, minimum <= line.amount {
                let more = line.amount - minimum
                return share + "，保底\(minimum.spokenChinese)" + (more.value > 0 ? "，另按份额分得\(more.spokenChinese)" : "")
                    + "，共应分\(line.amount.spokenChinese)。"
            }
            if let rebate {
                return share + "，应分\(line.amount.spokenChinese)：其中按交易量返还\(rebate.spokenChinese)，"
                    + (capital.map { "本户出资额等\(Fen($0).spokenChinese)，" } ?? "") + "按出资额等分配\((line.amount - rebate).spokenChinese)。"
            }
            return share + "，应分\(line.amount.spokenChinese)。"
        case .payment, .reversal:
            preconditionFailure("payments are not allocation lines")
        }
    }

    /// How each distribution was divided, said once for the distributions that share every
    /// word and figure of it (the same rule, the same pool, the same rate: five years of one
    /// poverty fund).
    private func spokenRules() -> [StatementDocument.Section] {
        guard !distributions.isEmpty else { return [] }
        let withdrawn = Set(allocations.compactMap { line -> String? in if case .withdrawal = line.kind { line.distribution } else { nil } })
        var groups: [(ids: [String], sentences: [String])] = []
        for distribution in distributions {
            let d = distribution.declaration
            // A withdrawn distribution's rule is said with its mark, as wherever it is named.
            let id = withdrawn.contains(d.id) ? d.id + StatementLabels.withdrawnMark : d.id
            let words = DistributionDisclosure.ruleInWords(d.rule, layout: .current)
            let drawn = d.appropriations.map { "提取\($0.name)\(Self.spokenRate($0.bp))，\($0.amount.spokenChinese)" }
            let division = (distribution.division?.lines(rule: d.rule) ?? []).compactMap(\.spoken)
            // A rate not exact to the fen: why two households of one share count may differ by a fen.
            let rounded = division.contains { $0.contains("约") } ? ["各户应分算到分，余下的分按尾数大小补给各户，所以份额相同的户可能相差一分。"] : []
            let sentences = [Self.spokenWeights(words) + "。", "可分配收益\(d.distributable.spokenChinese)，" + drawn.map { $0 + "，" }.joined() + "分配总额\(d.pool.spokenChinese)。"]
                + division + rounded
            if let same = groups.firstIndex(where: { $0.sentences == sentences }) {
                groups[same].ids.append(id)
            } else {
                groups.append(([id], sentences))
            }
        }
        // One part a rule, a pause between them: a hundred seconds of rules had run on without one.
        return groups.enumerated().map { index, group in
            let which = group.ids.count == 1 ? "分配编号\(group.ids[0])：" : "分配编号" + group.ids.joined(separator: "；") + "，这\(Self.spoken(Int64(group.ids.count)))次规则相同："
            return .init(heading: index == 0 ? "各次分配的规则" : "", content: .keyValues(([which] + group.sentences).map { .init("", $0, spoken: $0) }))
        }
    }
}
