/// Numbers strings 0, 1, 2 … in the order first seen, found again with one probe of one array.
///
/// The rules look up a household for every allocation and payment. A `Dictionary<String, _>`
/// keeps its occupancy bits, keys and values in three arrays, and at league scale each look-up
/// missed the cache in all three; here a string of up to 16 UTF-8 bytes (every household number
/// in practice) is packed into its slot beside its number. Longer strings go to a dictionary.
/// Hashes are seeded per process, so a ledger cannot be crafted to make the probes collide.
struct StringInterner: Sendable {
    private struct Slot: Sendable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        /// The string's number + 1; 0 in an empty slot.
        var numberPlusOne: UInt32 = 0
        var length: UInt8 = 0
    }

    /// A power of two, at most 70% full.
    private var slots = [Slot](repeating: Slot(), count: 64)
    /// Each number's packed string (length 0xFF for a longer one), in number order: allocations
    /// and payments mostly name households in the order they were first seen, so the string
    /// after the last one asked is tried first, in this array read in order, before a probe of
    /// `slots` at a place the cache has not seen.
    private var byNumber: [Slot] = []
    /// The number after the last one `intern` returned.
    private var next = 0
    private var packedCount = 0
    private var long: [String: Int] = [:]
    /// How many strings have numbers.
    private(set) var count = 0
    private let seed = UInt64.random(in: .min ... .max) | 1

    /// The number of `string`, if it has one.
    func number(of string: String) -> Int? {
        guard let key = Self.packed(string) else { return long[string] }
        let found = slots[probe(key)]
        return found.numberPlusOne == 0 ? nil : Int(found.numberPlusOne) - 1
    }

    /// The string numbered `number`: for a message, not a hot path (a longer string is searched for).
    func string(numbered number: Int) -> String {
        let slot = byNumber[number]
        if slot.length == 0xFF { return long.first { $0.value == number }!.key }
        var words = (slot.low, slot.high)
        return withUnsafeBytes(of: &words) { String(decoding: $0.prefix(Int(slot.length)), as: UTF8.self) }
    }

    /// The number of `string`, given the next one when it has none yet.
    mutating func intern(_ string: String) -> Int {
        guard let key = Self.packed(string) else {
            if let number = long[string] { return number }
            long[string] = count
            byNumber.append(Slot(length: 0xFF))
            count += 1
            return count - 1
        }
        if next < byNumber.count {
            let guess = byNumber[next]
            if guess.low == key.low && guess.high == key.high && guess.length == key.length {
                next += 1
                return next - 1
            }
        }
        let at = probe(key)
        if slots[at].numberPlusOne != 0 {
            next = Int(slots[at].numberPlusOne)
            return next - 1
        }
        let slot = Slot(low: key.low, high: key.high, numberPlusOne: UInt32(count + 1), length: key.length)
        slots[at] = slot
        byNumber.append(slot)
        count += 1
        next = count
        packedCount += 1
        if packedCount * 10 > slots.count * 7 { grow() }
        return count - 1
    }

    private typealias Key = (low: UInt64, high: UInt64, length: UInt8)

    /// The UTF-8 of a string of at most 16 bytes, in two words.
    private static func packed(_ string: String) -> Key? {
        var string = string
        return string.withUTF8 { bytes -> Key? in
            guard bytes.count <= 16 else { return nil }
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
            return (words.0, words.1, UInt8(bytes.count))
        }
    }

    /// The slot holding `key`, or the empty slot where it belongs (linear probing).
    private func probe(_ key: Key) -> Int {
        let mask = slots.count - 1
        var h = (key.low ^ seed) &* 0x9E37_79B9_7F4A_7C15
        h = (h ^ key.high ^ UInt64(key.length)) &* 0xC2B2_AE3D_27D4_EB4F
        var at = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
        while true {
            let slot = slots[at]
            if slot.numberPlusOne == 0 || (slot.low == key.low && slot.high == key.high && slot.length == key.length) { return at }
            at = (at + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.numberPlusOne != 0 {
            slots[probe((slot.low, slot.high, slot.length))] = slot
        }
    }
}
