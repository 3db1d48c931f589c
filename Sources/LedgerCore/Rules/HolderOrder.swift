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

/// A precomputed sort key for a holder id, so that ordering a million holders rarely touches
/// the strings: an all-digit id of at most 19 significant digits compares as one `UInt64`,
/// any other id first by its leading 8 UTF-8 bytes.
public struct HolderKey: Sendable {
    /// 0 for an all-digit id, 1 for any other id.
    public let group: UInt8
    /// True when `number` holds the whole value of an all-digit id.
    public let fits: Bool
    /// The numeric value of an all-digit id that fits; otherwise the first 8 UTF-8 bytes,
    /// big-endian and zero-padded, which order like the bytes themselves when they differ.
    public let number: UInt64

    /// The key of `id`.
    public init(_ id: String) {
        var copy = id
        (group, fits, number) = copy.withUTF8 { bytes -> (UInt8, Bool, UInt64) in
            var number: UInt64 = 0
            var fits = true
            for byte in bytes {
                guard byte >= 48, byte <= 57 else {
                    var prefix: UInt64 = 0
                    for (offset, byte) in bytes.prefix(8).enumerated() { prefix |= UInt64(byte) << (56 - 8 * offset) }
                    return (1, false, prefix)
                }
                let (times10, o1) = number.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(byte - 48))
                if o1 || o2 { fits = false } else { number = sum }
            }
            if bytes.isEmpty { return (1, false, 0) }
            return (0, fits, fits ? number : 0)
        }
    }

    /// Compares two keys, falling back to the ids themselves when the keys cannot decide.
    public func precedes(_ other: HolderKey, _ id: String, _ otherID: String) -> Bool {
        if group != other.group { return group < other.group }
        if group == 1 {
            if number != other.number { return number < other.number }
        } else {
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
