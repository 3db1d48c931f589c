/// The slots of ``FieldName``: each name's text by slot, and the slot of a name found in a body.
enum FieldSlots {
    /// The names by slot, as bodies spell them; in canonical order (a test holds it so).
    static let names: [String] = FieldName.allCases.map { "\($0)" }

    /// How many names there are.
    static let count = FieldName.allCases.count

    /// The most slots there can be: a body's slots are the bits of one word. A constant, so
    /// that each body's storage for its values is sized without a look-up.
    static let capacity = 64

    /// The slot of `name`, or -1 when no field has that name.
    static func slot(of name: String) -> Int {
        var name = name
        return name.withUTF8 { bytes in table.slot(NameKey(UnsafeRawBufferPointer(bytes), 0, bytes.count)) }
    }

    /// The table from a name to its slot: a scanner takes it once a body.
    static let table = SlotTable(names)
}

/// A name of at most 16 bytes as two words and a length: compared without touching its bytes.
struct NameKey: Equatable {
    var low: UInt64 = 0, high: UInt64 = 0, count: Int = 0

    @inline(__always)
    init(_ bytes: UnsafeRawBufferPointer) {
        count = bytes.count
        for i in 0..<min(8, count) { low |= UInt64(bytes[i]) << UInt64(8 * i) }
        if count > 8 { for i in 8..<count { high |= UInt64(bytes[i]) << UInt64(8 * (i - 8)) } }
    }

    /// The name at `start..<end` of `bytes`: a word loaded at once where the bytes allow.
    @inline(__always)
    init(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) {
        let count = end - start
        if count <= 8, start + 8 <= bytes.count {
            self.init()
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self))  // as the byte loop packs it
            low = count == 8 ? word : word & ((1 << UInt64(8 * count)) - 1)
            self.count = count
        } else if count <= 16 {
            self.init(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        } else {
            self.init()
            self.count = count  // no name is longer: it matches none
        }
    }

    init() {}

    var bucket: Int { Int(truncatingIfNeeded: ((low ^ high &* 31 ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 57) }
}

/// An open-addressed table of 128 buckets from a name to its slot.
struct SlotTable {
    private var keys = [NameKey](repeating: NameKey(), count: 128)
    private var slots = [Int](repeating: -1, count: 128)

    init(_ names: [String]) {
        precondition(names.count <= FieldSlots.capacity, "a body's slots must fit in one word")
        for (slot, name) in names.enumerated() {
            var name = name
            let key = name.withUTF8 { NameKey(UnsafeRawBufferPointer($0)) }
            var bucket = key.bucket
            while slots[bucket] >= 0 { bucket = (bucket + 1) & 127 }
            keys[bucket] = key
            slots[bucket] = slot
        }
    }

    @inline(__always)
    func slot(_ key: NameKey) -> Int {
        var bucket = key.bucket
        while slots[bucket] >= 0 {
            if keys[bucket] == key { return slots[bucket] }
            bucket = (bucket + 1) & 127
        }
        return -1
    }
}
