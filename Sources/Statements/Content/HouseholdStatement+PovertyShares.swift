import LedgerCore

extension HouseholdStatement {
    /// A distribution that weighed 扶贫股 while the household held some but was not registered-poor
    /// on its record date: they counted for nothing (动态调整, DOMAIN §3), and no money line says so.
    public struct PovertySharesPassedOver: Sendable, Equatable {
        /// The distribution id.
        public var distribution: String
        /// Its record date.
        public var recordDate: LedgerDate
        /// The 扶贫股 held on the record date.
        public var units: Int64
        /// The day the household left the register (脱贫退出), when it had been on it.
        public var exited: LedgerDate?

        public init(distribution: String, recordDate: LedgerDate, units: Int64, exited: LedgerDate?) {
            self.distribution = distribution
            self.recordDate = recordDate
            self.units = units
            self.exited = exited
        }
    }

    /// Of `declarations` (the first of each id, in ledger order), those not withdrawn and `shown`
    /// that divide by shares weighing 扶贫股, on whose record date `household` held some by the
    /// `covered` entries but was not registered-poor, as the planner reads its status
    /// (``PovertyStatus``).
    static func povertySharesPassedOver(_ household: String, declarations: [RecordedEntry], reversals: [Int64: RecordedEntry],
                                        covered: [RecordedEntry], shown: (DividendDeclaration) -> Bool) -> [PovertySharesPassedOver] {
        var changes = [PovertyStatus.Change]()
        for record in covered {
            switch record.entry.payload {
            case .householdRegister(let r) where r.household == household: changes = [(r.date, r.poor)]  // registered again: afresh
            case .householdUpdate(let u) where u.household == household: if let poor = u.poor { changes.append((u.date, poor)) }
            default: break
            }
        }
        let inEffect = PovertyStatus.inEffect(changes)
        return declarations.compactMap { record in
            guard case .dividendDeclare(let d) = record.entry.payload, reversals[record.seq] == nil, shown(d), weighsPovertyShares(d.rule),
                  !PovertyStatus.isPoor(on: d.recordDate, changes) else { return nil }
            let units = allHoldings(of: household, in: covered, on: d.recordDate).first { $0.shareClass == ShareClass.poverty }?.units ?? 0
            guard units > 0 else { return nil }
            let before = inEffect.filter { $0.date <= d.recordDate }
            let exited = before.dropLast().contains { $0.poor } ? before.last?.date : nil
            return PovertySharesPassedOver(distribution: d.id, recordDate: d.recordDate, units: units, exited: exited)
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
            let status = passed.exited.map { "本户已于\($0.chinese)退出建档立卡" } ?? "本户登记日不是建档立卡户"
            let id = named(passed.distribution)
            return [
                StatementDocument.KeyValue(id, "登记日\(passed.recordDate.text)，所持扶贫股\(passed.units)股不参与分配（动态调整）",
                                           spoken: "分配编号\(id)，登记日\(passed.recordDate.chinese)，\(status)，所持扶贫股\(Self.spoken(passed.units))股不参与分配。"),
                StatementDocument.KeyValue("", status, spoken: ""),
            ]
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
