// Reversals: what an entry.reverse may undo, and what undoing it does to the state (a share
// change undone on its own date, a payment unpaid, a declaration withdrawn, income given back).

extension LedgerState {
    /// Marks `entry` (neither a payment nor a share entry) as one a reversal may undo.
    mutating func markReversible(_ entry: Entry) {
        seqFlags.markReversible(entry.seq)
        undoneDays[entry.seq] = Reversal.Undone(entry)
    }

    /// Applies `reversal`, entry `seq`: its target must exist before it, be reversible and not yet
    /// reversed, and its date stand against the target's (`reversal-date`); then the target's
    /// effect is undone.
    mutating func reverse(_ reversal: Reversal, seq: Int64, _ problems: inout RuleReport) {
        let target = reversal.target
        guard target < seq else {
            let before = seq > 0 ? "the \(seq) before it are entries 0–\(seq - 1)" : "none comes before entry 0"
            return problems.add(.missingTarget, "there is no entry \(target) to reverse: a reversal undoes an earlier entry, and \(before)")
        }
        guard seqFlags.isReversible(target) else {
            return problems.add(.irreversible, "entry \(target) is of a kind that entry.reverse cannot undo: only payments, share issues, transfers and retirements, fund, investment, income and expense records, declarations (with all their allocations) and a household's registration (withdrawing a household registered by mistake) can be reversed; a household is otherwise corrected with household update, a key with key retire, an allocation by withdrawing its declaration, and a reversal made by mistake by recording the reversed entry again")
        }
        guard !seqFlags.isReversed(target) else {
            return problems.add(.doubleReversal, "entry \(target) was already reversed" + (reversedBy[target].map { " by entry \($0)" } ?? ""))
        }
        seqFlags.markReversed(target)
        reversedBy[target] = seq
        let payment = paymentEffect(seq: target)
        let registered = payment == nil ? registeredHousehold(seq: target) : nil
        if reversal.date != nil,
           let undone = shareEffects[target] != nil ? .shares : payment.map({ .payment($0.date) })
                ?? registered.flatMap({ householdSince[$0] }).map(Reversal.Undone.registration) ?? undoneDays[target],
           let refusal = reversal.refusal(reversing: target, undone) {
            problems.add(.reversalDate, refusal)
        }
        if let effect = shareEffects[target] {
            countShareEntry(effect.changes, by: -1)
            if replaysEverything { keepReversal(of: effect.changes) }
            // Undone on the day it took effect: a day a declared distribution has settled is
            // not changed afterwards, and no day may be left holding fewer than no units.
            requireUnsettled(effect.date, classes: effect.changes.map(\.0.shareClass), reversing: target, &problems)
            // What it would leave short is said of the reversal, which names the entry it undoes.
            var undoing = RuleReport(seq: seq, enabled: problems.enabled)
            applyShares(seq: seq, date: effect.date, effect.changes.map { ($0.0, -$0.1) }, &undoing)
            for violation in undoing.violations { problems.add(violation.code, "reversing entry \(target): " + violation.detail) }
        } else if let payment {
            owed[payment.key]?.paid -= payment.amount
            tallies[payment.key.distribution].paid -= payment.amount
        } else if let h = registered {
            withdraw(household: h, by: seq, &problems)
        } else if let d = declarations.firstIndex(where: { $0?.seq == target }) {
            withdraw(d, by: seq, &problems)
        }
        if let effect = incomeEffects.removeValue(forKey: target) { moveIncome(by: effect == .min ? .max : -effect) }
        shareEffects[seq] = nil  // a reversal is itself never reversed
        seqFlags.clear(seq)
    }

    /// Withdraws distribution `d`'s declaration, and with it every allocation: nothing is owed by
    /// it any more. Only once none of its payments stands (each was reversed first), and the
    /// record date it settled is settled no longer, unless another declaration settles it.
    mutating func withdraw(_ d: Int, by seq: Int64, _ problems: inout RuleReport) {
        let id = distributionIDs[d]
        requireNoLaterCooperative(than: d, &problems)
        if tallies[d].paid > 0 {
            // Named, the first few: the entries the accountant reverses first.
            var standing = [Int64]()
            for i in 0..<paymentEffects.count where paymentEffects[i].key.distribution == d && !seqFlags.isReversed(paymentEffects[i].seq) {
                standing.append(paymentEffects[i].seq)
            }
            let named = standing.prefix(3).map { "\($0)" }.joined(separator: ", ") + (standing.count > 3 ? " and \(standing.count - 3) more" : "")
            problems.add(.paymentsStanding, "distribution \(id) has \(Fen(tallies[d].paid).formatted) paid that is not reversed (\(standing.count == 1 ? "entry" : "entries") \(named)); "
                         + "reverse its payments before its declaration")
        }
        tallies[d].withdrawnBy = seq
        settledThrough = nil
        settledClasses = SettledClasses()
        for other in tallies.indices where tallies[other].isDeclared && tallies[other].withdrawnBy == nil {
            if let date = tallies[other].recordDate, settledThrough.map({ date > $0.date }) ?? true {
                settledThrough = (date, distributionIDs[other])
            }
            if let declaration = declarations[other]?.declaration { settledClasses.add(declaration, cooperative: isCooperative) }
        }
    }
}
