import LedgerCore
import Payouts
import Statements

/// A distribution plan as the accountant reads it before declaring, or as JSON.
enum PlanPrinter {
    /// `undistributed`: the income recorded and not yet distributed (``DistributionSpec/undistributedIncome(in:)``),
    /// nil when the ledger records no income.
    static func text(_ plan: DistributionPlan, spec: DistributionSpec, snapshot: RecordDateSnapshot, transactions: TransactionPeriod?,
                     undistributed: Int64?) -> String {
        var out = ["distribution \(spec.id) · record date \(spec.recordDate) · \(basisText(spec.basis)) · \(methodText(plan))"]
        if let posting = spec.posting {
            out.append("posted for objections 公示 \(posting.start) to \(posting.end) (\(Printer.count(posting.days, "day"))): paid after \(posting.end)")
        }
        out.append("")
        var summary = TextTable(["", "amount"], rightAligned: [1])
        if let distributable = plan.distributable { summary.add(["distributable 可分配收益", distributable.formatted]) }
        for a in plan.appropriations { summary.add(["\(a.name) \(percent(a.bp))", (a.amount == .zero ? "" : "−") + a.amount.formatted]) }  // 0% draws 0.00, not −0.00
        if plan.request.carriedIn > .zero { summary.add(["carried in 上年未分配收益转入", "+" + plan.request.carriedIn.formatted]) }
        summary.add(["pool 分配总额", plan.pool.formatted])
        if plan.minimumTotal.value > 0 { summary.add(["guaranteed minimums 保底", plan.minimumTotal.formatted]) }
        if let minimum = spec.guaranteedMinimum, minimum.value > 0, plan.minimumTotal == .zero {
            summary.add(["guaranteed minimum 保底: no household is registered-poor at the record date", "0.00"])
        }
        if let rebate = plan.rebate { summary.add(["rebate by transactions 按交易量返还", rebate.formatted]) }
        if let rate = plan.rate { summary.add(["rate per unit", rate.formatted]) }
        if plan.collectiveShare.value > 0 { summary.add(["kept for the collective's own shares 集体股", plan.collectiveShare.formatted]) }
        out.append(summary.rendered)
        // The rate per share as every household's statement will print it under the rule.
        for line in plan.division(id: spec.id).lines(rule: plan.ruleDescription) { out.append("statements will say: " + line.value) }
        out.append("")
        let (weightHeader, weightText) = weightColumn(spec.basis)
        let households = Printer.count(plan.lines.count, "household")
        var table: TextTable
        if let rebate = plan.rebate {
            // Art. 44: what is returned by transactions and what by capital, each on its own.
            table = TextTable(["household", "head", weightHeader, "by transactions", "capital (yuan)", "by capital", "exact share", "amount"],
                              rightAligned: [2, 3, 4, 5, 6, 7])
            for line in plan.lines {
                table.add([line.holder, snapshot.households[line.holder]?.head ?? "", weightText(line.weight), line.basisAmount.formatted,
                           Fen(line.capitalWeight).formatted, line.capitalAmount.formatted, line.exactShare.description, line.amount.formatted])
            }
            table.add(["total", households, "", rebate.formatted, "", (plan.allocated - rebate).formatted, "", plan.allocated.formatted])
        } else {
            table = TextTable(["household", "head", weightHeader, "exact share", "amount"], rightAligned: [2, 3, 4])
            for line in plan.lines {
                table.add([line.holder, snapshot.households[line.holder]?.head ?? "", weightText(line.weight), line.exactShare.description, line.amount.formatted])
            }
            table.add(["total", households, "", "", plan.allocated.formatted])
        }
        out.append(table.rendered)
        // Those shown with nothing are no allocation of the declaration.
        let allocated = plan.lines.filter(\.isAllocated).count
        if allocated < plan.lines.count {
            let none = plan.lines.count - allocated
            out.append("\(none) of the \(households) \(none == 1 ? "holds" : "hold") none of what is weighed: declared, the distribution allocates to \(allocated)")
        }
        // 扶贫股 a household holds again registered-poor, withdrawn at an exit (a mistaken one among them).
        for (household, withdrawn) in snapshot.withdrawnPoverty.sorted(by: { HolderOrder.areInIncreasingOrder($0.key, $1.key) }) {
            out.append("ℹ \(household) holds \(withdrawn.units) \(ShareClass.displayName(snapshot.povertyClass)) withdrawn when it exited poverty on \(withdrawn.exit): "
                       + "they count in no distribution (DOMAIN §3); an exit recorded by mistake is undone by an update --poor yes dated that same day")
        }
        out.append("")
        out.append("allocated \(plan.allocated.formatted) + residual \(plan.residual.formatted) = pool \(plan.pool.formatted)")
        for check in plan.checks { out.append("\(check.passed ? "✓" : "✗") \(check)") }
        if let transactions {
            out.append(transactions.source == .ledger
                ? "ℹ returned by the 交易额 the members' accounts record \(transactions.text)"
                : "ℹ returned by the volumes file: the ledger records no 交易额 \(transactions.text)")
            // A member without transactions gets nothing by them: say whom.
            let without = plan.lines.filter { $0.weight == 0 && $0.capitalWeight > 0 }.map(\.holder)
            if !without.isEmpty {
                out.append("ℹ no transactions \(transactions.source == .ledger ? "recorded in that time" : "in the volumes file"), so nothing returned by transactions, "
                           + "for \(without.count == 1 ? "1 member" : "\(without.count) members"): "
                           + without.prefix(30).joined(separator: ", ") + (without.count > 30 ? " …" : ""))
            }
        }
        let distributed = Fen(plan.declaredDistributable.value - plan.residual.value)
        if let undistributed, distributed.value > undistributed {
            out.append("⚠ \(distributed.formatted) to distribute is more than the income recorded and not yet distributed, "
                       + "\(Fen(undistributed).formatted): a distribution is paid from income, never from borrowed money (不得举债分配), "
                       + "and declare will refuse it; record the income first (fenhong income record; earlier years' undistributed income "
                       + "as --category 上年未分配收益)")
        } else if undistributed == nil {
            out.append("ℹ this ledger records no income, so whether the distribution is paid from income (不得举债分配) is not checked")
        }
        return out.joined(separator: "\n")
    }

    static func json(_ plan: DistributionPlan, spec: DistributionSpec, snapshot: RecordDateSnapshot) -> String {
        let lines: [JSONValue] = plan.lines.map { line in
            var object: [String: JSONValue] = [
                "household": .string(line.holder), "head": .string(snapshot.households[line.holder]?.head ?? ""),
                "units": .integer(line.weight), "exactShare": .string(line.exactShare.description), "amount": .integer(line.amount.value)]
            if plan.rebate != nil {
                object["byTransactions"] = .integer(line.basisAmount.value)
                object["capitalUnits"] = .integer(line.capitalWeight)
                object["byCapital"] = .integer(line.capitalAmount.value)
            }
            return .object(object)
        }
        var object: [String: JSONValue] = [
            "id": .string(spec.id), "recordDate": .string(spec.recordDate.text), "pool": .integer(plan.pool.value),
            "appropriations": .array(plan.appropriations.map { .object(["name": .string($0.name), "bp": .integer($0.bp), "amount": .integer($0.amount.value)]) }),
            "rule": .object(plan.ruleDescription), "lines": .array(lines), "allocated": .integer(plan.allocated.value),
            "residual": .integer(plan.residual.value), "collectiveShare": .integer(plan.collectiveShare.value),
            "checksPass": .bool(plan.allChecksPass),
            "statementsSay": .array(plan.division(id: spec.id).lines(rule: plan.ruleDescription).map { .string($0.value) }),
        ]
        if let distributable = plan.distributable { object["distributable"] = .integer(distributable.value) }
        if plan.request.carriedIn > .zero { object["carriedIn"] = .integer(plan.request.carriedIn.value) }
        if let posting = spec.posting { (object["postingStart"], object["postingEnd"]) = (.string(posting.start.text), .string(posting.end.text)) }
        return String(decoding: CanonicalJSON.encode(.object(object)), as: UTF8.self)
    }

    private static func percent(_ bp: Int64) -> String {
        bp % 100 == 0 ? "\(bp / 100)%" : "\(bp / 100).\(String(format2: bp % 100))%"
    }

    /// What a line's weight is under `basis`, and how to print it: a cooperative's weight is the
    /// household's transaction volume in fen, printed in yuan.
    private static func weightColumn(_ basis: DistributionBasis) -> (header: String, text: (Int64) -> String) {
        switch basis {
        case .units: ("units", { String($0) })
        case .equalPerHousehold: ("weight", { String($0) })
        case .perMember: ("members", { String($0) })
        case .cooperative: ("transactions (yuan)", { Fen($0).formatted })
        }
    }

    private static func basisText(_ basis: DistributionBasis) -> String {
        switch basis {
        case .units(let weights):
            "by shares (" + weights.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\(ShareClass.displayName($0.key))×\($0.value)" }.joined(separator: ", ") + ")"
        case .equalPerHousehold: "equal per household"
        case .perMember: "per member"
        case .cooperative(let rule): "cooperative Art. 44 (rebate ≥ \(percent(rule.rebateBp)))"
        }
    }

    private static func methodText(_ plan: DistributionPlan) -> String {
        switch plan.request.method {
        case .largestRemainder: "largest remainder to the fen"
        case .ratePerUnit: "rate per unit"
        }
    }
}

extension String {
    fileprivate init(format2 value: Int64) { self = value < 10 ? "0\(value)" : "\(value)" }
}
