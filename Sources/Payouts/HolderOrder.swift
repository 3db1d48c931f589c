/// The deterministic order of holder ids used to break ties (the extra fen goes to the lower id).
///
/// - Two ids made only of ASCII digits (household numbers, `0012` or `152223001`) compare as
///   numbers, so `9` comes before `10`; if they are numerically equal (`007` and `7`) their
///   UTF-8 bytes decide.
/// - Every all-digit id comes before every other id (`collective`, `H1`).
/// - Two other ids compare by their UTF-8 bytes (so `H10` comes before `H2`).
///
/// This is a total order, unlike "numeric if both are digits, else lexicographic", which
/// would put `9 < 10 < 1a < 9` in a cycle.
public enum HolderOrder {
    /// True when `a` sorts strictly before `b`.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        HolderKey(a).precedes(HolderKey(b), a, b)
    }
}

/// A precomputed sort key for a holder id, so that sorting a million holders rarely touches
/// the strings: all-digit ids of at most 19 significant digits compare as one `UInt64`.
struct HolderKey: Sendable {
    /// 0 for an all-digit id, 1 for any other id.
    let group: UInt8
    /// The numeric value of an all-digit id, when it fits.
    let number: UInt64
    /// True when `number` holds the whole value.
    let fits: Bool

    init(_ id: String) {
        var number: UInt64 = 0
        var allDigits = !id.isEmpty
        var fits = true
        for byte in id.utf8 {
            guard byte >= 48, byte <= 57 else { allDigits = false; break }
            let (times10, o1) = number.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - 48))
            if o1 || o2 { fits = false } else { number = sum }
        }
        self.group = allDigits ? 0 : 1
        self.number = allDigits && fits ? number : 0
        self.fits = allDigits && fits
    }

    /// Compares two keys, falling back to the ids themselves when the keys cannot decide.
    func precedes(_ other: HolderKey, _ id: String, _ otherID: String) -> Bool {
        if group != other.group { return group < other.group }
        if group == 0 {
            if fits, other.fits {
                if number != other.number { return number < other.number }
            } else {
                let a = id.utf8.drop { $0 == 48 }, b = otherID.utf8.drop { $0 == 48 }
                if a.count != b.count { return a.count < b.count }
                if !a.elementsEqual(b) { return a.lexicographicallyPrecedes(b) }
            }
        }
        return id.utf8.lexicographicallyPrecedes(otherID.utf8)
    }
}
