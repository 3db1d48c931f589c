// Withdrawing a household registered by mistake (a wrong number, a household registered twice
// under two numbers): an entry.reverse of its household.register, once nothing of it stands —
// it holds no shares and no standing distribution allocated to it. A household registered and
// never withdrawn takes its part of every distribution by households or members; withdrawn, it
// counts as never registered, from the reversal on, and its number is not registered again.

extension LedgerState {
    /// A registration applied: the entry and its household (interned).
    struct Registration: Sendable {
        let seq: Int64
        let household: Int32
    }

    /// Keeps registration `seq` of household `h` for a reversal of it to find.
    mutating func keepRegistration(seq: Int64, h: Int) {
        registrations.append(Registration(seq: seq, household: Int32(truncatingIfNeeded: h)))
        seqFlags.markReversible(seq)
    }

    /// The household (interned) that entry `seq` registered, if it is a registration applied.
    func registeredHousehold(seq: Int64) -> Int? {
        registrations.element(seq: seq, \.seq).map { Int($0.household) }
    }

    /// Counts household `holder`'s holdings that are not 0, as one goes from 0 to `balance`
    /// or back: a withdrawal asks for none, without reading every holding.
    mutating func countHolding(_ holder: String, from units: Int64, to balance: Int64) {
        guard (units == 0) != (balance == 0), holder != Holder.collective else { return }
        holdingsHeld[intern(household: holder)] += balance == 0 ? -1 : 1
    }

    /// Withdraws household `h`, registered by entry `target`, by the reversal at `seq`: only while
    /// it holds no shares and no standing distribution has allocated to it (`household-standing`);
    /// then it is registered no more, and any entry naming it is refused as one naming a
    /// household not registered.
    mutating func withdraw(household h: Int, registeredBy target: Int64, by seq: Int64, _ problems: inout RuleReport) {
        let household = householdNumbers.string(numbered: h)
        if holdingsHeld[h] != 0 {
            problems.add(.householdStanding, "household \(household) holds shares of \(holdingsHeld[h] == 1 ? "a class" : "\(holdingsHeld[h]) classes"); "
                         + "reverse the entries that issued them to it, or retire or transfer them, before withdrawing its registration (fenhong log --household \(household) lists them)")
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
        householdRegistered[h] = false
        householdSince[h] = nil
        households[household] = nil
        povertyHistory[h] = nil
        withdrawnBy[h] = seq
    }

    /// "household H is not registered", saying so when its registration was withdrawn.
    func notRegistered(_ household: String) -> String {
        guard let h = householdNumbers.number(of: household), let by = withdrawnBy[h] else { return "household \(household) is not registered" }
        return "household \(household) is not registered: its registration was withdrawn by entry \(by)"
    }

    /// Records that `households` were withdrawn, each by the reversal given (the store names
    /// them for a command that registers or names one again, instead of replaying their history).
    public mutating func assumeWithdrawn(_ households: [String: Int64]) {
        for (household, by) in households { withdrawnBy[intern(household: household)] = by }
    }
}
