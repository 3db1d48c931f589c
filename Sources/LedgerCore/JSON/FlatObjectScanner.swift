/// The fast path for reading an entry body: finds the members of a *flat* object already in
/// canonical form — one object whose values are strings, integers, booleans or null, written
/// without whitespace, names in order, no escapes — without building any value.
///
/// Most entries (allocations, payments, registrations, share issues) are such objects. Anything
/// else — whitespace, names out of order or repeated, an escape, a nested array or object, any
/// error — makes ``scan(_:)`` return nil, and the caller takes the full ``JSONParser``, which
/// says what is wrong. So the scanner never changes which bodies are accepted, nor any message:
/// what it accepts, the parser accepts with the same members and finds canonical.
struct FlatObjectScanner {
    /// Names stay in the raw bytes: a member is located by byte offsets into the scanned text.
    struct Member {
        let nameStart: Int32
        let nameEnd: Int32
        /// The name's first 8 bytes (``prefixWord(_:)``), so that a field is found by comparing
        /// integers before any byte.
        let namePrefix: UInt64
        let value: Value
    }

    /// Up to the first 8 bytes of a name, packed into a word.
    static func prefixWord(_ name: UnsafeRawBufferPointer) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<min(8, name.count) { word |= UInt64(name[i]) << UInt64(8 * i) }
        return word
    }

    enum Value {
        /// The bytes between the quotes: valid UTF-8, no escapes, no control characters.
        case string(start: Int32, end: Int32)
        case integer(Int64)
        case bool(Bool)
        case null
    }

    /// The members in order, or nil when `bytes` is not a flat object in canonical form.
    static func scan(_ bytes: UnsafeRawBufferPointer) -> [Member]? {
        var scanner = FlatObjectScanner(bytes: bytes)
        return scanner.members()
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    private init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    private mutating func members() -> [Member]? {
        let count = bytes.count
        guard count >= 2, bytes[0] == UInt8(ascii: "{"), bytes[count - 1] == UInt8(ascii: "}") else { return nil }
        var members = [Member]()
        members.reserveCapacity(16)
        if count == 2 { return members }
        position = 1
        while true {
            guard let (nameStart, nameEnd) = name() else { return nil }
            if let last = members.last, !precedes(last.nameStart, last.nameEnd, nameStart, nameEnd) { return nil }
            guard take(UInt8(ascii: ":")), let value = value() else { return nil }
            let prefix = Self.prefixWord(UnsafeRawBufferPointer(rebasing: bytes[nameStart..<nameEnd]))
            members.append(Member(nameStart: Int32(nameStart), nameEnd: Int32(nameEnd), namePrefix: prefix, value: value))
            if take(UInt8(ascii: ",")) { continue }
            return position == count - 1 ? members : nil
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
        while position < bytes.count, bytes[position] != Self.quote {
            let c = bytes[position]
            guard c >= 0x20, c < 0x80, c != Self.backslash else { return nil }
            position += 1
        }
        guard position < bytes.count else { return nil }
        position += 1
        return (start, position - 1)
    }

    /// True when the name at `a..<aEnd` sorts strictly before the one at `b..<bEnd`.
    private func precedes(_ a: Int32, _ aEnd: Int32, _ b: Int, _ bEnd: Int) -> Bool {
        let aCount = Int(aEnd - a), bCount = bEnd - b
        for k in 0..<min(aCount, bCount) where bytes[Int(a) + k] != bytes[b + k] {
            return bytes[Int(a) + k] < bytes[b + k]
        }
        return aCount < bCount
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
        // Eight bytes at a time while none of them needs a look: most strings are plain ASCII.
        while position + 8 <= bytes.count, Self.isPlainASCII(bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)) {
            position += 8
        }
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

    /// True when none of the eight bytes of `word` is a quote, a backslash, a control character
    /// or beyond ASCII (each test is the exact "has a zero byte" trick: (x − 0x01…) & ~x & 0x80…).
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quotes = hasZeroByte(word ^ (ones &* UInt64(quote)))
        let backslashes = hasZeroByte(word ^ (ones &* UInt64(backslash)))
        let controls = (word &- ones &* 0x20) & ~word & highs  // some byte below 0x20
        return (quotes | backslashes | controls | word & highs) == 0
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length <= bytes.count else { return false }
        for k in 0..<length where bytes[position + k] != word.utf8Start[k] { return false }
        position += length
        return true
    }
}
