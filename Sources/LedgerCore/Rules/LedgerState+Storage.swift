// The compact storage behind LedgerState: a verifier replays a million entries in it, so it is
// kept to a few bytes per entry.

extension LedgerState {
    /// The payment recorded at `seq`, if any.
    func paymentEffect(seq: Int64) -> PaymentEffect? {
        paymentEffects.element(seq: seq, \.seq)
    }
}

extension LedgerState {
    /// A holding: its units now, and its latest-dated change and the chain of changes behind
    /// it in ``LedgerState/shareChanges``.
    struct Holding: Sendable {
        var units: Int64 = 0
        /// The latest date of any change; nil before the first.
        var latest: LedgerDate?
        /// The index of its last change recorded, -1 for none.
        var last: Int32 = -1
        /// Its changes by day in ``LedgerState/holdingDays``, once one came out of date order; -1 before.
        var days: Int32 = -1
    }

    /// The units a holding gained (or lost) on one day.
    struct DayTotal: Sendable {
        let date: LedgerDate
        var delta: Int64
    }

    /// One share change: 16 bytes, linked to its holding's change before it (-1 for none).
    struct ShareChange: Sendable {
        let date: LedgerDate
        let previous: Int32
        let delta: Int64
    }
}

/// What each household is owed by each distribution, in arrays indexed by the interned
/// distribution and household: no hashing and no per-entry overhead, so a million allocations
/// take tens of megabytes, not hundreds.
struct AllocationTable: Sendable {
    /// 16 bytes: `owed` is -1 in a slot with no allocation (amounts are never negative).
    private struct Slot: Sendable {
        var owed: Int64 = -1
        var paid: Int64 = 0
    }

    private var rows: [[Slot]] = []

    subscript(key: LedgerState.AllocationKey) -> LedgerState.Owed? {
        get {
            let d = key.distribution, h = key.household
            guard d < rows.count, h < rows[d].count, rows[d][h].owed >= 0 else { return nil }
            return LedgerState.Owed(owed: rows[d][h].owed, paid: rows[d][h].paid)
        }
        set {
            let d = key.distribution, h = key.household
            while d >= rows.count {
                // A new distribution usually allocates to the households of the one before.
                var row = [Slot]()
                row.reserveCapacity(rows.last?.count ?? 0)
                rows.append(row)
            }
            if h >= rows[d].count {
                // Grow by a quarter, not double: at a million allocations the slack is memory.
                if h >= rows[d].capacity { rows[d].reserveCapacity(max(h + 1, rows[d].count + rows[d].count / 4)) }
                rows[d].append(contentsOf: repeatElement(Slot(), count: h + 1 - rows[d].count))
            }
            if let newValue {
                rows[d][h] = Slot(owed: newValue.owed, paid: newValue.paid)
            } else {
                rows[d][h] = Slot()
            }
        }
    }
}

/// One byte per entry: reversible, reversed. A million entries cost a megabyte.
struct SeqFlags: Sendable {
    /// Dense from seq 0, for a replay of every entry in order (the verifier's).
    private var bytes: [UInt8] = []
    /// Far beyond the dense end, for a few entries of a large ledger (an append's rules): one
    /// byte a seq up to them would be a megabyte zeroed for every append at a million entries.
    private var sparse: [Int64: UInt8] = [:]
    private static let reversible: UInt8 = 1
    private static let reversed: UInt8 = 2
    /// The furthest past the dense end a seq may lie and still extend it.
    private static let stretchMax = 4_096
    /// The most seqs kept sparse: beyond it the state is a replay (a verification's), and dense.
    private static let sparseMax = 1_024

    private mutating func set(_ seq: Int64, _ flag: UInt8) {
        let index = Int(seq)
        if index >= bytes.count && index - bytes.count > Self.stretchMax && sparse.count < Self.sparseMax {
            sparse[seq, default: 0] |= flag
            return
        }
        if index >= bytes.count {
            // Grown by half (or to the seq) into room of exactly that: appending alone doubles the
            // room whenever it runs out, and a verification of a million entries could end with
            // two megabytes of it, or one, by where the first seq marked happened to fall.
            let grown = bytes.count + max(index + 1 - bytes.count, bytes.count / 2)
            bytes.reserveCapacity(grown)
            bytes.append(contentsOf: repeatElement(0, count: grown - bytes.count))
            // Seqs kept sparse that the dense bytes now reach move into them.
            for (kept, flags) in sparse where Int(kept) < bytes.count {
                bytes[Int(kept)] |= flags
                sparse[kept] = nil
            }
        }
        bytes[index] |= flag
    }

    private func get(_ seq: Int64, _ flag: UInt8) -> Bool {
        guard seq >= 0 else { return false }
        if Int(seq) < bytes.count { return bytes[Int(seq)] & flag != 0 }
        return (sparse[seq] ?? 0) & flag != 0
    }

    mutating func markReversible(_ seq: Int64) { set(seq, Self.reversible) }
    mutating func markReversed(_ seq: Int64) { set(seq, Self.reversed) }
    mutating func clear(_ seq: Int64) {
        if seq >= 0 && Int(seq) < bytes.count { bytes[Int(seq)] = 0 } else { sparse[seq] = nil }
    }
    func isReversible(_ seq: Int64) -> Bool { get(seq, Self.reversible) }
    func isReversed(_ seq: Int64) -> Bool { get(seq, Self.reversed) }
}

/// An append-only array kept in fixed-size chunks: it never copies what it holds to grow, so a
/// million elements need their own size and at most one chunk more, not twice or three times it.
struct ChunkedArray<Element: Sendable>: Sendable {
    private static var chunkSize: Int { 1 << 14 }
    private var chunks: [[Element]] = []
    private(set) var count = 0

    mutating func append(_ element: Element) {
        if count % Self.chunkSize == 0 {
            var chunk = [Element]()
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
        }
        chunks[chunks.count - 1].append(element)
        count += 1
    }

    subscript(index: Int) -> Element { chunks[index / Self.chunkSize][index % Self.chunkSize] }

    /// The element whose `seq` is `seq`, found by binary search: the elements are in seq order.
    func element(seq: Int64, _ seqOf: (Element) -> Int64) -> Element? {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if seqOf(self[mid]) < seq { low = mid + 1 } else { high = mid }
        }
        return low < count && seqOf(self[low]) == seq ? self[low] : nil
    }
}
