// Withdrawing a household registered by mistake (a wrong number, a household registered twice
// under two numbers): an entry.reverse of its household.register, once nothing of it stands —
// every share entry naming it reversed, no standing distribution allocated to it. A household
// registered and never withdrawn takes its part of every distribution by households or members;
// withdrawn, it counts as never registered, from the reversal on. Its number may be registered
// again (a withdrawal made by mistake is undone so): its history starts afresh.

extension LedgerState {
    /// A registration applied: its entry's seq (40 bits) and its household (interned, 24 bits) in
    /// one word, for a verifier keeps one for every household. A seq or household beyond them (a
    /// forged ledger of more than sixteen million households) is kept in ``registrationsBeyond``.
    struct Registration: Sendable {
        let packed: UInt64
        init?(seq: Int64, household: Int) {
            guard seq >= 0, seq < 1 << 40, household < 1 << 24 else { return nil }
            packed = UInt64(seq) << 24 | UInt64(household)
        }
        var seq: Int64 { Int64(packed >> 24) }
        var household: Int { Int(packed & 0xFF_FFFF) }
    }

    /// Keeps registration `seq` of household `h` for a reversal of it to find.
    mutating func keepRegistration(seq: Int64, h: Int) {
        if let registration = Registration(seq: seq, household: h) { registrations.append(registration) } else { registrationsBeyond[seq] = h }
        seqFlags.markReversible(seq)
    }

    /// The household (interned) that entry `seq` registered, if it is a registration applied.
    func registeredHousehold(seq: Int64) -> Int? {
        registrations.element(seq: seq, \.seq)?.household ?? registrationsBeyond[seq]
    }

    /// Counts a share entry (`by` 1) or its reversal (-1) for each household it names: a
    /// withdrawal asks for none standing, without reading the holdings. Not a balance of 0: a
    /// household that held shares on a record date counted in that distribution, and one
    /// withdrawn holding shares could be given them back by reversing what took them away.
    mutating func countShareEntry(_ changes: [(ShareKey, Int64)], by step: Int32) {
        for (key, _) in changes where key.holder != Holder.collective {
            shareEntriesStanding[intern(household: key.holder)] += step
        }
    }

    /// Withdraws household `h` by the reversal at `seq` of its registration: only while
    /// every share entry naming it is reversed and no standing distribution has allocated to it
    /// (`household-standing`); then it is registered no more, and any entry naming it is refused
    /// as one naming a household not registered, until it is registered again.
    mutating func withdraw(household h: Int, by seq: Int64, _ problems: inout RuleReport) {
        let household = householdNumbers.string(numbered: h)
        let standingEntries = shareEntriesStanding[h]
        if standingEntries != 0 {
            problems.add(.householdStanding, "household \(household) is named by \(standingEntries == 1 ? "a share entry" : "\(standingEntries) share entries") not reversed; "
                         + "reverse \(standingEntries == 1 ? "it" : "them") (fenhong log --household \(household) lists them) before withdrawing its registration")
        }
        if replaysEverything && !mayRead(tallies.count) {
            problems.add(.householdStanding, "the withdrawal of household \(household) is one too many to hold to the distributions (\(recordDateWork) facts read for record dates so far): its allocations are not judged")
        } else {
            let standing = tallies.indices.filter { d in
                tallies[d].isDeclared && tallies[d].withdrawnBy == nil && owed[AllocationKey(distribution: d, household: h)] != nil
            }
            if !standing.isEmpty {
                let named = standing.prefix(3).map { distributionIDs[$0] }.joined(separator: ", ") + (standing.count > 3 ? " and \(standing.count - 3) more" : "")
                problems.add(.householdStanding, "household \(household) has an allocation in distribution\(standing.count == 1 ? "" : "s") \(named), which stand\(standing.count == 1 ? "s" : ""); "
                             + "a distribution that counted it was divided wrongly: reverse its payments and its declaration, and declare it again, before withdrawing the registration")
            }
        }
        if standingEntries == 0 {
            // Its holdings, each of nothing on every day, are none: registered again, it holds no
            // class it never had.
            for shareClass in shareClassesHeld { holdings[ShareKey(holder: household, shareClass: shareClass)] = nil }
        }
        householdRegistered[h] = false
        householdSince[h] = nil
        households[household] = nil
        povertyHistory[h] = nil
        withdrawnBy[h] = seq
        // Registered again, its facts start afresh (its share entries are all reversed).
        if replaysEverything && h < standings.lastFact.count {
            standings.lastFact[h] = -1
            standings.lastRow[h] = -1
            standings.latest[h] = nil
            standings.irregular[h] = true
        }
    }

    /// The reversal that withdrew `household`, while it is not registered again.
    public func withdrawal(of household: String) -> Int64? {
        householdNumbers.number(of: household).flatMap { withdrawnBy[$0] }
    }

    /// "household H is not registered", saying so when its registration was withdrawn.
    func notRegistered(_ household: String) -> String {
        guard let by = withdrawal(of: household) else { return "household \(household) is not registered" }
        return "household \(household) is not registered: its registration was withdrawn by entry \(by)"
    }

    /// Records that `households` were withdrawn, each by the reversal given (the store names
    /// them for a command that names one, instead of replaying their history).
    public mutating func assumeWithdrawn(_ households: [String: Int64]) {
        for (household, by) in households { withdrawnBy[intern(household: household)] = by }
    }
}
