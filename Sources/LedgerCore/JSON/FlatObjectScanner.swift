/// The fast path for reading an entry body: finds the members of a *flat* object already in
/// canonical form — one object whose values are strings, integers, booleans or null, written
/// without whitespace, names in order, no escapes, every name a field of the format — without
/// building any value, and files each under its name's slot (``FieldSlots``).
///
/// Most entries (allocations, payments, registrations, share issues) are such objects. Anything
/// else — whitespace, names out of order or repeated, a name no field has, an escape, a nested
/// array or object, any error — makes ``scan(_:into:)`` return nil, and the caller takes the full
/// ``JSONParser``, which says what is wrong. So the scanner never changes which bodies are
/// accepted, nor any message: what it accepts, the parser accepts with the same members and
/// finds canonical.
struct FlatObjectScanner {
    enum Value {
        /// The bytes between the quotes: valid UTF-8, no escapes, no control characters.
        case string(start: Int32, end: Int32)
        case integer(Int64)
        case bool(Bool)
        case null
    }

    /// Scans `bytes`, writing each member's value at its name's slot of `values` (which must
    /// hold ``FieldSlots/capacity``), and returns the set of slots written, one bit each; nil when
    /// `bytes` is not a flat object in canonical form. Only the slots returned are written.
    static func scan(_ bytes: UnsafeRawBufferPointer, into values: UnsafeMutableBufferPointer<Value>) -> UInt64? {
        var names = ScannedNames(keeping: false)
        return scan(bytes, into: values, names: &names)
    }

    /// As ``scan(_:into:)``, checking each member's name first against the name `names` holds for
    /// its place (the names of the body scanned before), and keeping this body's names there.
    static func scan(_ bytes: UnsafeRawBufferPointer, into values: UnsafeMutableBufferPointer<Value>,
                     names: inout ScannedNames) -> UInt64? {
        var scanner = FlatObjectScanner(bytes: bytes)
        return scanner.members(into: values, names: &names)
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    private mutating func members(into values: UnsafeMutableBufferPointer<Value>, names: inout ScannedNames) -> UInt64? {
        let count = bytes.count
        guard count >= 2, bytes[0] == UInt8(ascii: "{"), bytes[count - 1] == UInt8(ascii: "}") else { return nil }
        var present: UInt64 = 0
        if count == 2 { return present }
        position = 1
        var previous = -1
        var place = 0
        let table = FieldSlots.table
        while true {
            let slot: Int
            if let known = names.match(place, bytes, at: position) {
                slot = known.slot
                position += known.length
            } else {
                let opening = position
                guard let (nameStart, nameEnd) = name() else { return nil }
                slot = table.slot(NameKey(bytes, nameStart, nameEnd))
                guard slot >= 0, take(UInt8(ascii: ":")) else { return nil }
                names.record(place, slot: slot, bytes, opening..<position)
            }
            // In canonical order the slots increase: a name out of order or repeated is declined.
            guard slot > previous, let value = value() else { return nil }
            values.initializeElement(at: slot, to: value)  // a trivial value: nothing to deinitialize after
            present |= 1 << UInt64(slot)
            previous = slot
            place += 1
            if take(UInt8(ascii: ",")) { continue }
            return position == count - 1 ? present : nil
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// A member name: printable ASCII only, so that byte order is the canonical (UTF-16) order.
    private mutating func name() -> (Int, Int)? {
        guard take(Self.quote) else { return nil }
        let start = position
        skipPlainASCII()
        while position < bytes.count, bytes[position] != Self.quote {
            let c = bytes[position]
            guard c >= 0x20, c < 0x80, c != Self.backslash else { return nil }
            position += 1
        }
        guard position < bytes.count else { return nil }
        position += 1
        return (start, position - 1)
    }

    private mutating func value() -> Value? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case Self.quote: return string()
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard case .integer(let value) = JSONParser.scanInteger(bytes, at: &position) else { return nil }
            return .integer(value)
        default: return nil
        }
    }

    private mutating func string() -> Value? {
        position += 1
        let start = position
        var ascii = true
        skipPlainASCII()
        while position < bytes.count, bytes[position] != Self.quote {
            let c = bytes[position]
            guard c >= 0x20, c != Self.backslash else { return nil }
            if c >= 0x80 { ascii = false }
            position += 1
        }
        guard position < bytes.count, ascii || JSONParser.isValidUTF8(bytes, start, position) else { return nil }
        position += 1
        return .string(start: Int32(start), end: Int32(position - 1))
    }

    /// Moves eight bytes at a time to the first byte that needs a look — a quote, a backslash, a
    /// control character or a byte beyond ASCII — or to the last eight bytes; the byte loops of
    /// ``name()`` and ``string()`` go on from there. Most names and strings are plain ASCII, so
    /// the first byte that needs a look is their closing quote.
    @inline(__always)
    private mutating func skipPlainASCII() {
        while position + 8 <= bytes.count {
            let special = Self.specialBytes(bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            if special != 0 {
                position += special.trailingZeroBitCount >> 3
                return
            }
            position += 8
        }
    }

    /// The high bit of each byte of `word` (little-endian) that is a quote, a backslash, a control
    /// character or beyond ASCII, exact up to and including the lowest such byte. Each test is a
    /// "has a zero byte" trick, (x − 0x01…) & ~x & 0x80…, whose lowest flag is exact: a borrow
    /// only runs upward from the first byte that sets one.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quotes = hasZeroByte(word ^ (ones &* UInt64(quote)))
        let backslashes = hasZeroByte(word ^ (ones &* UInt64(backslash)))
        let controls = (word &- ones &* 0x20) & ~word & highs  // some byte below 0x20
        return quotes | backslashes | controls | word & highs
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        for k in 0..<length where bytes[position + k] != word.utf8Start[k] { return false }
        position += length
        return true
    }
}

/// The member names of the body scanned before, by place: each as the bytes `"name":` and the
/// slot of its name. Consecutive entries are mostly of one kind, with the same members, so the
/// scanner first compares the bytes at a member's place with the name that came there before —
/// three words — and only when they differ finds the name's end and looks it up. Only names that
/// are fields are kept, so a match is a field's name, exactly.
struct ScannedNames {
    private struct Name {
        /// `"name":` as three little-endian words (zero beyond its length) and their masks.
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var masks: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var length = 0
        var slot = -1
    }

    private var names: [Name] = []
    /// False for a body read alone: nothing comes after it to compare, so nothing is kept (and
    /// no storage allocated).
    private let keeps: Bool

    init(keeping: Bool) {
        keeps = keeping
        if keeping { names.reserveCapacity(FieldSlots.count) }
    }

    /// The slot and length of the name kept for `place`, when the bytes at `position` are that
    /// name, quotes and colon included.
    @inline(__always)
    func match(_ place: Int, _ bytes: UnsafeRawBufferPointer, at position: Int) -> (slot: Int, length: Int)? {
        guard place < names.count else { return nil }
        let name = names[place]
        if position + 24 <= bytes.count {
            let load = { (offset: Int) in UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position + offset, as: UInt64.self)) }
            guard load(0) & name.masks.0 == name.words.0, load(8) & name.masks.1 == name.words.1,
                  load(16) & name.masks.2 == name.words.2 else { return nil }
        } else {
            // Near the end of the body: byte by byte, within it.
            guard position + name.length <= bytes.count else { return nil }
            for i in 0..<name.length where bytes[position + i] != Self.byte(i, of: name) { return nil }
        }
        return (name.slot, name.length)
    }

    /// Keeps the name `bytes[range]` (`"name":`, at most 24 bytes) of slot `slot` for `place`.
    mutating func record(_ place: Int, slot: Int, _ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard keeps, place <= names.count, range.count <= 24 else { return }
        var name = Name(length: range.count, slot: slot)
        withUnsafeMutableBytes(of: &name.words) { words in
            for (i, byte) in bytes[range].enumerated() { words[i] = byte }
        }
        withUnsafeMutableBytes(of: &name.masks) { masks in
            for i in 0..<range.count { masks[i] = 0xFF }
        }
        // Stored as the loads read them: little-endian words.
        name.words = (UInt64(littleEndian: name.words.0), UInt64(littleEndian: name.words.1), UInt64(littleEndian: name.words.2))
        name.masks = (UInt64(littleEndian: name.masks.0), UInt64(littleEndian: name.masks.1), UInt64(littleEndian: name.masks.2))
        if place == names.count { names.append(name) } else { names[place] = name }
    }

    private static func byte(_ i: Int, of name: Name) -> UInt8 {
        let word = i < 8 ? name.words.0 : i < 16 ? name.words.1 : name.words.2
        return UInt8(truncatingIfNeeded: word >> UInt64(8 * (i % 8)))
    }
}
