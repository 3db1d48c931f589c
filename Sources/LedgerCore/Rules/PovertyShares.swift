/// 扶贫股 go to registered-poor households (DOMAIN §3). A household counts its poverty shares only
/// while it is registered-poor, so shares of the class issued or transferred to one that is not,
/// on their date, would count for nothing in every distribution, and nothing would say so: a
/// household registered with its 建档立卡 cell left empty (否) was paid as if it had none.
///
/// Judged when an entry is written, from the household's own entries; `fenhong verify`, which
/// keeps no household's history, does not judge it.
public enum PovertyShares {
    /// The household that `payload` gives poverty shares to, and their date; nil for any other.
    public static func recipient(of payload: EntryPayload) -> (household: String, date: LedgerDate)? {
        switch payload {
        case .sharesIssue(let s) where s.shareClass == ShareClass.poverty && s.holder != Holder.collective: (s.holder, s.date)
        case .sharesTransfer(let t) where t.shareClass == ShareClass.poverty && t.to != Holder.collective: (t.to, t.date)
        default: nil
        }
    }

    /// The payloads (appended from `firstSeq` on) that give poverty shares to a household not
    /// registered-poor on their date. `recorded(h)` gives household `h`'s registration and
    /// updates in the ledger, in order; the payloads before one count as well (a household marked
    /// poor, then given shares, in one command). A household not registered at all is left to the other rules.
    public static func violations(_ payloads: [EntryPayload], firstSeq: Int64,
                                  recorded: (String) throws -> [EntryPayload]) rethrows -> [RuleViolation] {
        var violations = [RuleViolation]()
        var histories = HouseholdHistory(payloads)
        for (index, payload) in payloads.enumerated() {
            guard let (household, date) = recipient(of: payload) else { continue }
            let history = try histories.of(household, before: index, recorded: recorded)
            guard let poor = isPoor(household, on: date, history: history), !poor else { continue }
            violations.append(RuleViolation(
                seq: firstSeq + Int64(index), code: .povertyShares,
                detail: "household \(household) is not registered-poor on \(date): 扶贫股 (class poverty) go to registered-poor households, and would count for nothing in its dividends; "
                    + "if it is registered-poor, say so first (fenhong household update --household \(household) --poor yes --date …)"))
        }
        return violations
    }

    /// Whether `household` was registered-poor on `date` by `history`, its registration's and
    /// updates' changes of status read as ``PovertyStatus`` reads them. Nil when `history` does
    /// not register it.
    static func isPoor(_ household: String, on date: LedgerDate, history: [EntryPayload]) -> Bool? {
        var changes = [PovertyStatus.Change]()
        var registered = false
        for payload in history {
            switch payload {
            case .householdRegister(let r) where r.household == household:
                // Registered again after a withdrawal: its status starts afresh.
                registered = true
                changes = [(r.date, r.poor)]
            case .householdUpdate(let u) where u.household == household:
                if let poor = u.poor { changes.append((u.date, poor)) }
            default: break
            }
        }
        guard registered else { return nil }
        return PovertyStatus.isPoor(on: date, changes)
    }
}
