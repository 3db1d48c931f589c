/// Registered-poor status (建档立卡, DOMAIN §3) over time: the one reading of it for the rules
/// written, the planner and the verifier. A household's changes of status are its registration's
/// and its updates', each dated by the day it took effect; one may be recorded after a
/// later-dated one (a past year entered late).
public enum PovertyStatus {
    /// A change of status: the day it took effect, and whether the household is registered-poor from then.
    public typealias Change = (date: LedgerDate, poor: Bool)

    /// Whether the status on `date` is registered-poor: of the `changes` (in the order recorded)
    /// dated by then, the latest-dated; of one day's, the last recorded (a mistaken exit
    /// corrected the same day never happened). Not poor before any change.
    public static func isPoor(on date: LedgerDate, _ changes: some Sequence<Change>) -> Bool {
        var latest: Change?
        for change in changes where change.date <= date && latest.map({ $0.date <= change.date }) ?? true { latest = change }
        return latest?.poor ?? false
    }

    /// The `changes` (in the order recorded) as they take effect: in date order, of one day's
    /// only the last recorded.
    public static func inEffect(_ changes: [Change]) -> [Change] {
        guard changes.count > 1 else { return changes }  // most households: registered, never updated
        var ordered = [Change]()
        for change in changes.enumerated().sorted(by: { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }).map(\.element) {
            if let last = ordered.last, last.date == change.date { ordered[ordered.count - 1] = change } else { ordered.append(change) }
        }
        return ordered
    }
}
