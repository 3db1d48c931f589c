// Share holdings, judged day by day: the rule that no holding falls below zero on any day.

extension LedgerState {
    /// Applies share changes that take effect on `date`. No holding may fall below zero on any
    /// day: a change dated before another of its holding is judged by the units held on each day
    /// from its own date on, not by the units held now (a retirement dated before the issue it
    /// retires takes what was not yet there).
    ///
    /// A holding whose changes come in date order (nearly all) keeps them in a chain it never
    /// reads; at its first change dated before another, the chain is sorted into one total per
    /// day, which its later changes keep up to date: a check then walks only the days after the
    /// change's own, never the whole history again.
    /// A holding as a message says it: `10 units`, or a member's account in yuan (`15,000.50元`).
    static func held(_ units: Int64, _ shareClass: String) -> String {
        ShareClass.accounts.contains(shareClass) ? ShareClass.quantity(units, of: shareClass) : "\(units) units"
    }

    mutating func applyShares(seq: Int64, date: LedgerDate, _ changes: [(ShareKey, Int64)], _ problems: inout RuleReport) {
        for (key, delta) in changes {
            var holding: Holding
            if let existing = holdings[key] { holding = existing } else { holding = Holding(); shareClassesHeld.insert(key.shareClass) }
            let (balance, overflow) = holding.units.addingReportingOverflow(delta)
            // A holding is written whole in a distribution's allocation: it must fit in a ledger's number.
            if overflow || balance > JSONValue.integerMagnitudeMax {
                problems.add(.tooLarge, "\(key.holder) holds \(Self.held(holding.units, key.shareClass)) of class \(key.shareClass); \(ShareClass.quantity(delta, of: key.shareClass)) more would be beyond 9,007,199,254,740,991, the largest whole number a ledger can hold")
                continue
            }
            let backdated = holding.latest.map { date < $0 } ?? false
            if backdated && holding.days < 0 { holding.days = keepByDay(holding) }
            if holding.days >= 0 {
                Self.add(delta, on: date, to: &holdingDays[Int(holding.days)])
            } else {
                shareChanges.append(ShareChange(date: date, previous: holding.last, delta: delta))
                holding.last = Int32(truncatingIfNeeded: shareChanges.count - 1)
            }
            if balance < 0 {
                problems.add(.negativeShares, "\(key.holder) holds \(Self.held(holding.units, key.shareClass)) of class \(key.shareClass); \(ShareClass.quantity(-delta, of: key.shareClass)) cannot be taken")
            } else if delta < 0, backdated, let short = Self.shortfall(holdingDays[Int(holding.days)], units: balance, taking: -delta, on: date) {
                problems.add(.negativeShares, "\(key.holder) held \(Self.held(short.held, key.shareClass)) of class \(key.shareClass) on \(short.day); taking \(ShareClass.quantity(-delta, of: key.shareClass)) on \(date) would leave it short that day")
            }
            holding.units = balance
            holding.latest = max(holding.latest ?? date, date)
            holdings[key] = holding
        }
        seqFlags.markReversible(seq)
        shareEffects[seq] = (date, changes)
        if changes.contains(where: { $0.0.holder == Holder.collective }) { collectiveShareSeqs.append(seq) }
    }

    /// Sorts `holding`'s chain of changes into one total per day, oldest first, kept in
    /// ``holdingDays`` at the index returned.
    private mutating func keepByDay(_ holding: Holding) -> Int32 {
        var history: [ShareChange] = []
        var link = holding.last
        while link >= 0 {
            history.append(shareChanges[Int(link)])
            link = history[history.count - 1].previous
        }
        var days: [DayTotal] = []
        for change in history.sorted(by: { $0.date < $1.date }) { Self.add(change.delta, on: change.date, to: &days) }
        holdingDays.append(days)
        return Int32(truncatingIfNeeded: holdingDays.count - 1)
    }

    /// Adds `delta` to the total of its day in `days` (sorted by day), inserting the day if new.
    private static func add(_ delta: Int64, on date: LedgerDate, to days: inout [DayTotal]) {
        if let last = days.last, last.date <= date {
            if last.date == date { days[days.count - 1].delta &+= delta } else { days.append(DayTotal(date: date, delta: delta)) }
            return
        }
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid].date < date { low = mid + 1 } else { high = mid }
        }
        if low < days.count, days[low].date == date { days[low].delta &+= delta } else { days.insert(DayTotal(date: date, delta: delta), at: low) }
    }

    /// The first day on or after `date` on which a holding of `units` now (its changes by day in
    /// `days`, the one taking `taken` on `date` among them) holds fewer than none, and what it
    /// held that day without them. Walks back from the latest day only as far as `date`.
    private static func shortfall(_ days: [DayTotal], units: Int64, taking taken: Int64, on date: LedgerDate) -> (day: LedgerDate, held: Int64)? {
        var held = units  // at the end of the latest day
        var found: (day: LedgerDate, held: Int64)?
        var i = days.count - 1
        while i >= 0, days[i].date >= date {
            if held < 0 { found = (days[i].date, held &+ taken) }
            held = held &- days[i].delta
            i -= 1
        }
        return found
    }
}
