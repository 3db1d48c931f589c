import LedgerCore

extension HouseholdStatement {
    /// A distribution that weighed 扶贫股 while the household held some but was not registered-poor
    /// on its record date: they counted for nothing (动态调整, DOMAIN §3), and no money line says so.
    public struct PovertySharesPassedOver: Sendable, Equatable {
        /// The distribution id.
        public var distribution: String
        /// Its record date.
        public var recordDate: LedgerDate
        /// The 扶贫股 that counted for nothing.
        public var units: Int64
        /// The 扶贫股 held on the record date (more than ``units`` when some counted).
        public var held: Int64
        /// The last day the household left the register (脱贫退出) by the record date, when it had been on it.
        public var exited: LedgerDate?
        /// The day it came back onto the register after that, when it did by the record date: the
        /// shares it held when it left count no more (DOMAIN §3).
        public var returned: LedgerDate?

        public init(distribution: String, recordDate: LedgerDate, units: Int64, held: Int64, exited: LedgerDate?, returned: LedgerDate? = nil) {
            self.distribution = distribution
            self.recordDate = recordDate
            self.units = units
            self.held = held
            self.exited = exited
            self.returned = returned
        }
    }

    /// Of `declarations` (the first of each id, in ledger order), those not withdrawn and `shown`
    /// that divide by shares weighing 扶贫股, on whose record date `household` held some by the
    /// `covered` entries that did not count: all of them when it was not registered-poor then, or
    /// those it held when it last left the register, when it came back (as the planner counts
    /// them: ``PovertyStatus``, ``PovertyUnits``).
    static func povertySharesPassedOver(_ household: String, declarations: [RecordedEntry], reversals: [Int64: RecordedEntry],
                                        covered: [RecordedEntry], shown: (DividendDeclaration) -> Bool) -> [PovertySharesPassedOver] {
        var changes = [PovertyStatus.Change]()
        var shares = [(date: LedgerDate, delta: Int64)]()
        let reversed = Set(covered.compactMap { record -> Int64? in
            if case .entryReverse(let r) = record.entry.payload { r.target } else { nil }
        })
        for record in covered {
            switch record.entry.payload {
            case .householdRegister(let r) where r.household == household: changes = [(r.date, r.poor)]  // registered again: afresh
            case .householdUpdate(let u) where u.household == household: if let poor = u.poor { changes.append((u.date, poor)) }
            case .sharesIssue(let c) where c.holder == household && c.shareClass == ShareClass.poverty && !reversed.contains(record.seq):
                shares.append((c.date, c.units))
            case .sharesRetire(let c) where c.holder == household && c.shareClass == ShareClass.poverty && !reversed.contains(record.seq):
                shares.append((c.date, -c.units))
            case .sharesTransfer(let t) where t.shareClass == ShareClass.poverty && (t.from == household || t.to == household) && !reversed.contains(record.seq):
                shares.append((t.date, t.to == household ? t.units : -t.units))
            default: break
            }
        }
        return declarations.compactMap { record in
            guard case .dividendDeclare(let d) = record.entry.payload, reversals[record.seq] == nil, shown(d), weighsPovertyShares(d.rule) else { return nil }
            let day = d.recordDate
            let held = allHoldings(of: household, in: covered, on: day).first { $0.shareClass == ShareClass.poverty }?.units ?? 0
            guard held > 0 else { return nil }
            let status = PovertyStatus.inEffect(changes.filter { $0.date <= day })
            let poor = status.last?.poor ?? false
            let counted = poor ? PovertyUnits.sinceExit(status: status, shares: shares.filter { $0.date <= day }) : 0
            guard held - counted > 0 else { return nil }
            // The last time it left the register, and came back after.
            let exitIndex = status.indices.last { $0 > 0 && status[$0 - 1].poor && !status[$0].poor }
            let exited = exitIndex.map { status[$0].date }
            let returned = poor ? exitIndex.flatMap { i in status[(i + 1)...].first { $0.poor }?.date } : nil
            return PovertySharesPassedOver(distribution: d.id, recordDate: day, units: held - counted, held: held, exited: exited, returned: returned)
        }
    }

    /// Whether a rule divides by shares and counts 扶贫股: all classes, or among its weights.
    private static func weighsPovertyShares(_ rule: [String: JSONValue]) -> Bool {
        guard rule["basis"]?.stringValue == "units" else { return false }
        guard let classes = rule["classes"]?.objectValue else { return true }
        return (classes[ShareClass.poverty]?.integerValue ?? 0) > 0
    }

    /// The section that says why: each distribution, its record date and the shares; under it,
    /// the household's status then.
    func povertySharesSection(_ named: (String) -> String) -> StatementDocument.Section? {
        guard !povertySharesPassedOver.isEmpty else { return nil }
        return .init(heading: "扶贫股未参与的分配", content: .keyValues(povertySharesPassedOver.flatMap { passed in
            // Each line short enough to stand whole beside a long distribution id.
            let status = switch (passed.exited, passed.returned) {
            case (let exited?, let returned?): ["本户于\(exited.chinese)退出建档立卡，", "\(returned.chinese)重新认定；退出时所持扶贫股不再参与分配"]
            case (let exited?, nil): ["本户已于\(exited.chinese)退出建档立卡"]
            default: ["本户登记日不是建档立卡户"]
            }
            let shares = (passed.units < passed.held ? "所持扶贫股中\(passed.units)股" : "所持扶贫股\(passed.units)股")
            let spokenShares = (passed.units < passed.held ? "所持扶贫股中\(Self.spoken(passed.units))股" : "所持扶贫股\(Self.spoken(passed.units))股")
            let id = named(passed.distribution)
            return [
                StatementDocument.KeyValue(id, "登记日\(passed.recordDate.text)，\(shares)不参与分配（动态调整）",
                                           spoken: "分配编号\(id)，登记日\(passed.recordDate.chinese)，\(status.joined())，\(spokenShares)不参与分配。"),
            ] + status.map { StatementDocument.KeyValue("", $0, spoken: "") }
        }))
    }
}

extension HouseholdStatement {
    /// The first declaration of each id among `records`, in ledger order (the rules refuse a second).
    static func firstDeclarations(_ records: [RecordedEntry]) -> [RecordedEntry] {
        var seen = Set<String>()
        return records.sorted { $0.seq < $1.seq }.filter { record in
            if case .dividendDeclare(let d) = record.entry.payload { seen.insert(d.id).inserted } else { false }
        }
    }
}

extension HouseholdFacts {
    /// Of `declarations` (the ledger's, any order), those that passed over `household`'s 扶贫股 by
    /// its `own` entries (``HouseholdStatement/PovertySharesPassedOver``): its facts hold them, for
    /// its statement says so. None for a household that never held 扶贫股.
    public static func passingOverPovertyShares(_ household: String, own: [RecordedEntry], declarations: [RecordedEntry]) -> [RecordedEntry] {
        let holdsPovertyShares = own.contains { record in
            switch record.entry.payload {
            case .sharesIssue(let c), .sharesRetire(let c): c.shareClass == ShareClass.poverty
            case .sharesTransfer(let t): t.shareClass == ShareClass.poverty
            default: false
            }
        }
        guard holdsPovertyShares else { return [] }
        let firsts = HouseholdStatement.firstDeclarations(declarations)
        let ids = Set(HouseholdStatement.povertySharesPassedOver(household, declarations: firsts, reversals: [:],
                                                                 covered: own.sorted { $0.seq < $1.seq }) { _ in true }.map(\.distribution))
        return firsts.filter { if case .dividendDeclare(let d) = $0.entry.payload { ids.contains(d.id) } else { false } }
    }

    /// The seqs of the declarations among ``entries`` that allocated nothing to the household and
    /// paid it nothing (they passed over its 扶贫股), and of their withdrawals.
    var onlyPassingOver: Set<Int64> {
        var ids = Set<String>()
        for record in entries {
            switch record.entry.payload {
            case .dividendAllocate(let a) where a.household == household: ids.insert(a.id)
            case .dividendPay(let p) where p.household == household: ids.insert(p.id)
            default: break
            }
        }
        var seqs = Set<Int64>()
        for record in entries {
            if case .dividendDeclare(let d) = record.entry.payload, !ids.contains(d.id) { seqs.insert(record.seq) }
        }
        for record in entries {
            if case .entryReverse(let r) = record.entry.payload, seqs.contains(r.target) { seqs.insert(record.seq) }
        }
        return seqs
    }
}
