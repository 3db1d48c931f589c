/// Internal algorithms that keep allocation over a million holders well under a second:
/// a byte-exact duplicate check and a partial selection instead of a full sort.
public enum Selection {
    /// Rearranges `elements` so that its first `k` are the `k` smallest under `precedes`, in
    /// no particular order. Average O(n) (quickselect, median of three); falls back to sorting
    /// the remaining range after 2·log2(n) rounds so adversarial input stays O(n log n).
    /// Requires `precedes` to be a strict total order on the elements.
    public static func moveSmallestToFront<T>(_ k: Int, of elements: inout [T], by precedes: (T, T) -> Bool) {
        guard k > 0, k < elements.count else { return }
        let target = k - 1
        var low = 0, high = elements.count - 1
        var rounds = 0
        let roundLimit = 2 * (Int.bitWidth - elements.count.leadingZeroBitCount) + 4
        while low < high {
            rounds += 1
            if rounds > roundLimit {
                elements[low...high].sort(by: precedes)
                return
            }
            let middle = low + (high - low) / 2
            if precedes(elements[middle], elements[low]) { elements.swapAt(middle, low) }
            if precedes(elements[high], elements[low]) { elements.swapAt(high, low) }
            if precedes(elements[middle], elements[high]) { elements.swapAt(middle, high) }
            let pivot = elements[high]
            var store = low
            for index in low..<high where precedes(elements[index], pivot) {
                elements.swapAt(index, store)
                store += 1
            }
            elements.swapAt(store, high)
            if store == target { return }
            if store > target { high = store - 1 } else { low = store + 1 }
        }
    }

    /// The first id that occurs twice, comparing ids by their UTF-8 bytes; nil if all differ.
    ///
    /// An open-addressing table keyed by FNV-1a of the bytes, the hash kept in the slot so a
    /// probe usually touches one cache line: several times faster than `Set<String>`, whose
    /// hashing must normalise Unicode.
    public static func firstDuplicate(in ids: [String]) -> String? {
        guard ids.count > 1 else { return nil }
        var capacity = 4
        while capacity < ids.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var hashes = [UInt64](repeating: 0, count: capacity)  // 0 = empty slot
        var owners = [Int32](repeating: 0, count: capacity)
        for index in ids.indices {
            let hash = fnv1a(ids[index]) | 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash, ids[Int(owners[slot])].utf8.elementsEqual(ids[index].utf8) {
                    return ids[index]
                }
                slot = (slot + 1) & mask
            }
            hashes[slot] = hash
            owners[slot] = Int32(truncatingIfNeeded: index)
        }
        return nil
    }

    /// FNV-1a over the UTF-8 bytes of `id`.
    private static func fnv1a(_ id: String) -> UInt64 {
        var copy = id
        return copy.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }
}
