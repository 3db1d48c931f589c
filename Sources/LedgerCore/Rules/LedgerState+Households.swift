// Households as the rules see them: their registration dates and status updates, and the
// record dates of distributions already declared, which settle what those counted.

extension LedgerState {
    /// Records that `households` are registered, for rules that need only that (the store uses it
    /// instead of replaying every registration a large command names).
    public mutating func assumeRegistered(_ households: some Sequence<String>) {
        for household in households { householdRegistered[intern(household: household)] = true }
    }

    /// As ``assumeRegistered(_:)``, with each household's registration date, against which the
    /// dates of its updates and share entries are checked.
    public mutating func assumeRegistered(since dates: [String: LedgerDate]) {
        for (household, date) in dates {
            let h = intern(household: household)
            householdRegistered[h] = true
            householdSince[h] = date
        }
    }

    /// True when `household` is registered: its registration was applied, or assumed.
    public func isRegistered(_ household: String) -> Bool {
        householdNumbers.number(of: household).map { householdRegistered[$0] } ?? false
    }

    mutating func updateHousehold(_ update: HouseholdUpdate, _ problems: inout RuleReport) {
        guard isRegistered(update.household) else {
            return problems.add(.unknownHousehold, notRegistered(update.household))
        }
        guard var record = households[update.household] else { return }  // registered, record not loaded
        var r = record.registration
        if let head = update.head { r.head = head }
        if let members = update.members { r.members = members }
        if let idMasked = update.idMasked { r.idMasked = idMasked }
        if let account = update.account { r.account = account }
        if let poor = update.poor {
            // In effective-date order; among equal dates, in the order recorded (the later wins).
            let at = record.poorHistory.firstIndex { $0.date > update.date } ?? record.poorHistory.endIndex
            record.poorHistory.insert((update.date, poor), at: at)
            // The status now is that of the latest effective date: a backdated update changes the past only.
            r.poor = record.poorHistory.last!.poor
        }
        record.registration = r
        households[update.household] = record
    }

    /// A household's update or share entry may not take effect before the household was
    /// registered: a share issued, transferred or retired "in 2017" to a household registered in
    /// 2019 would count in distributions it could not take part in.
    func requireRegistered(_ household: String, by date: LedgerDate, _ problems: inout RuleReport) {
        guard household != Holder.collective, let h = householdNumbers.number(of: household),
              let since = householdSince[h], date < since else { return }
        problems.add(.datedBeforeRegistration, "household \(household) was registered on \(since); an entry about it dated \(date) comes before that")
    }

    /// A household update may not take effect on or before the record date of a distribution
    /// already declared: it would change the members and eligibility that distribution was
    /// divided by, or the heads its posting showed, after the fact. A late-found change is dated
    /// after it.
    func requireUnsettled(_ date: LedgerDate, _ problems: inout RuleReport) {
        guard let settled = settledThrough, date <= settled.date else { return }
        problems.add(.settledDate, "distribution \(settled.id) was declared on households as of \(settled.date); a change dated \(date) would alter them "
                     + "(date it after \(settled.date); if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)")
    }

    /// A change of members alone may not take effect on or before the record date of a standing
    /// distribution by members: it would change what that distribution was divided by. One by
    /// shares or households never counted them.
    func requireUnsettledMembers(_ date: LedgerDate, _ problems: inout RuleReport) {
        guard let settled = settledThrough, date <= settled.date else { return }
        let counting = declarations.indices.compactMap { d -> DividendDeclaration? in
            guard tallies[d].withdrawnBy == nil, let declaration = declarations[d]?.declaration, date <= declaration.recordDate,
                  declaration.rule["basis"]?.stringValue == "member" else { return nil }
            return declaration
        }
        guard let latest = counting.max(by: { $0.recordDate < $1.recordDate }) else { return }
        problems.add(.settledDate, "distribution \(latest.id) was divided by members as of \(latest.recordDate); a change of members dated \(date) would alter it "
                     + "(date it after \(latest.recordDate); if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)")
    }

    /// A share entry, or its reversal, may not take effect on or before the record date of a
    /// standing distribution that counted a class it changes: it would change the holdings that
    /// distribution was divided by, after the fact. One of classes no distribution counted (a
    /// distribution by households, or by poverty shares alone) changes nothing settled: a
    /// household registered by mistake can so have its share entries reversed, and be withdrawn.
    /// The distribution named is the one of the latest record date, the day a correction is dated after.
    func requireUnsettled(_ date: LedgerDate, classes: some Sequence<String>, reversing target: Int64? = nil, _ problems: inout RuleReport) {
        guard let settled = settledThrough, date <= settled.date else { return }
        let passedOver = settledClasses.passedOver(classes, onOrAfter: date)
        guard let latest = settledClasses.latest(counting: classes, onOrAfter: date) ?? passedOver else { return }
        // Dated after both, when a distribution by another basis stood on the transactions too.
        let after = max(latest.date, passedOver?.date ?? latest.date)
        let what = target.map { "reversing entry \($0), a share change dated \(date)," } ?? "a share change dated \(date)"
        let remedy = target == nil ? "date it after \(after)" : "record the correction as a share entry dated after \(after)"
        if let passedOver, latest.id == passedOver.id {
            return problems.add(.settledDate, "distribution \(latest.id) was declared by another basis than Art. 44's, in a farmers' cooperative whose members "
                                + "had recorded no transactions (交易额) in its period up to its record date \(latest.date); \(what) would change the "
                                + "transactions of that period, which it stood on having none (\(remedy); if transactions were left out, reverse the "
                                + "distribution's payments and its declaration, and declare it again --basis cooperative)")
        }
        problems.add(.settledDate, "distribution \(latest.id) was declared on holdings as of \(latest.date); \(what) would alter them (\(remedy); "
                     + "if the distribution itself was wrong, reverse its payments and its declaration, and declare it again)")
    }

    /// A registration may not take effect on or before the record date of a distribution by
    /// households or by members already declared (and not withdrawn), nor, registered-poor, of one
    /// with a guaranteed minimum: it would change whom that distribution divided among.
    func requireUnsettledRegistration(_ date: LedgerDate, poor: Bool, _ problems: inout RuleReport) {
        guard let settled = settledThrough, date <= settled.date else { return }
        for d in declarations.indices where tallies[d].withdrawnBy == nil {
            // By households or members it counts every household; with a guaranteed minimum, every
            // registered-poor one.
            guard let declaration = declarations[d]?.declaration, date <= declaration.recordDate,
                  ["household", "member"].contains(declaration.rule["basis"]?.stringValue)
                    || poor && (declaration.rule["minimum"]?.integerValue ?? 0) > 0 else { continue }
            return problems.add(.settledDate, "distribution \(declaration.id) was divided among the households registered as of \(declaration.recordDate); "
                                + "a registration dated \(date) would alter them (date it after \(declaration.recordDate); if the distribution itself was wrong, "
                                + "reverse its payments and its declaration, and declare it again)")
        }
    }

    /// A cooperative's distribution returns the transactions since the record date of the one
    /// before it: one declared with a record date on or before a standing one's would return
    /// some of them again (the later one already counted them).
    /// Nor may it be declared on or before the record date of a standing distribution by another
    /// basis: that one took only the income earned after the last Art. 44 distribution before it,
    /// and one dated before it would have left it less (an Art. 44 distribution of 1,000.00 dated
    /// back had let one by capital keep the whole year's income).
    func requireCooperativeOrder(_ declaration: DividendDeclaration, _ problems: inout RuleReport) {
        for d in cooperativeDeclarations where tallies[d].withdrawnBy == nil {
            guard let earlier = declarations[d]?.declaration, declaration.recordDate <= earlier.recordDate else { continue }
            return problems.add(.settledDate, "cooperative distribution \(earlier.id) returned the transactions up to its record date \(earlier.recordDate); "
                                + "one with the record date \(declaration.recordDate) would return them again (declare a cooperative's distributions in record-date order; "
                                + "if \(earlier.id) was wrong, withdraw it first)")
        }
        if let other = standingOtherBasis(onOrAfter: declaration.recordDate) {
            problems.add(.settledDate, "distribution \(other.id), by another basis, took the income earned after the last Art. 44 distribution before its record date "
                         + "\(other.recordDate); one by Art. 44 with the record date \(declaration.recordDate) would have left it less (declare a cooperative's "
                         + "distributions in record-date order; if \(other.id) was wrong, withdraw it first)")
        }
    }

    /// The standing distribution by another basis than Art. 44's, of the latest record date on or
    /// after `date`, in a farmers' cooperative (none elsewhere).
    func standingOtherBasis(onOrAfter date: LedgerDate) -> DividendDeclaration? {
        guard isCooperative else { return nil }
        return declarations.indices.compactMap { d -> DividendDeclaration? in
            guard tallies[d].withdrawnBy == nil, let other = declarations[d]?.declaration, other.rule["basis"] != .string("cooperative"),
                  other.recordDate >= date else { return nil }
            return other
        }.max { $0.recordDate < $1.recordDate }
    }

    /// True when the ledger is a farmers' cooperative's, which Art. 44 binds.
    var isCooperative: Bool { opening.map { LedgerOpen.isCooperative($0.org) } ?? false }

    /// Withdrawing cooperative distribution `d` would give its transactions to the next one,
    /// which was divided by those since `d`'s record date: that one is withdrawn first.
    func requireNoLaterCooperative(than d: Int, _ problems: inout RuleReport) {
        guard cooperativeDeclarations.contains(d), let recordDate = tallies[d].recordDate else { return }
        for later in cooperativeDeclarations where later != d && tallies[later].withdrawnBy == nil {
            guard let next = declarations[later]?.declaration, next.recordDate > recordDate else { continue }
            return problems.add(.settledDate, "cooperative distribution \(next.id) returned the transactions after \(distributionIDs[d])'s record date \(recordDate); "
                                + "withdrawing \(distributionIDs[d]) would change what \(next.id) should have returned (withdraw \(next.id) first)")
        }
        // One by another basis after it stood on the income since; withdrawn, it would stand on
        // the transactions of its period too.
        if let other = standingOtherBasis(onOrAfter: recordDate), other.id != distributionIDs[d] {
            problems.add(.settledDate, "distribution \(other.id), by another basis, took the income earned after \(distributionIDs[d])'s record date \(recordDate); "
                         + "withdrawing \(distributionIDs[d]) would give it the transactions Art. 44 returns (withdraw \(other.id) first)")
        }
    }
}
