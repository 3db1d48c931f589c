#if canImport(Glibc)
internal import Glibc
#endif
/// The canonical encoding of RFC 8785 (JCS) restricted to the values of ``JSONValue``:
/// members sorted by the UTF-16 code units of their names, no whitespace, UTF-8, the shortest
/// string escapes. The stored body of an entry *is* these bytes.
public enum CanonicalJSON {
    /// The canonical bytes of `value`.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(256)
        write(value, to: &out)
        return out
    }

    /// Appends the canonical bytes of `value` to `out`.
    public static func write(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .string(let s): writeString(s, to: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, key) in sortedKeys(members.keys).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                write(members[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The canonical bytes of an object given as (name, value) pairs with distinct names.
    public static func encodeObject(_ pairs: [JSONMember]) -> [UInt8] {
        encodeObject(pairs, locating: "").bytes
    }

    /// The canonical bytes of an object, and where the value of the member `name` starts in
    /// them (nil when there is no such member).
    public static func encodeObject(_ pairs: [JSONMember], locating name: String) -> (bytes: [UInt8], offset: Int?) {
        var out = [UInt8]()
        out.reserveCapacity(384)
        var offset: Int?
        out.append(UInt8(ascii: "{"))
        for (i, pair) in sortedMembers(pairs).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeString(pair.key, to: &out)
            out.append(UInt8(ascii: ":"))
            if pair.key == name { offset = out.count }
            write(pair.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return (out, offset)
    }

    /// True when `a` sorts strictly before `b` in JCS member order (UTF-16 code units).
    /// UTF-8 bytes sort as code points do, which is UTF-16 order except between characters
    /// beyond U+FFFF and those from U+E000 to U+FFFF: only names holding either (a lead byte
    /// from 0xEE) are compared as UTF-16.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let byBytes: Bool? = a.withUTF8 { x in
            b.withUTF8 { y in
                if x.contains(where: { $0 >= 0xEE }) || y.contains(where: { $0 >= 0xEE }) { return nil }
                let common = min(x.count, y.count)
                if common > 0 {
                    let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
        return byBytes ?? a.utf16.lexicographicallyPrecedes(b.utf16)
    }

    /// `pairs` in JCS member order. Names of at most 16 printable ASCII bytes — every name the
    /// ledger writes — are packed into two big-endian words, whose order is the names' order;
    /// the sort of every append's fifteen members then compares integers, not strings.
    static func sortedMembers(_ pairs: [JSONMember]) -> [JSONMember] {
        var packed = [(high: UInt64, low: UInt64, index: Int)]()
        packed.reserveCapacity(pairs.count)
        for (index, pair) in pairs.enumerated() {
            guard let (high, low) = packedName(pair.key) else { return pairs.sorted { precedes($0.key, $1.key) } }
            packed.append((high, low, index))
        }
        // Insertion sort: a body has about fifteen members.
        for i in packed.indices.dropFirst() {
            let item = packed[i]
            var j = i
            while j > 0, (packed[j - 1].high, packed[j - 1].low) > (item.high, item.low) {
                packed[j] = packed[j - 1]
                j -= 1
            }
            packed[j] = item
        }
        return packed.map { pairs[$0.index] }
    }

    /// A name of 1 to 16 bytes from U+0020 to U+007E as two big-endian words, zero-padded; nil
    /// for any other name. Padding sorts a name before its extensions, as JCS does.
    private static func packedName(_ name: String) -> (UInt64, UInt64)? {
        var high: UInt64 = 0, low: UInt64 = 0, count = 0
        for byte in name.utf8 {
            guard byte >= 0x20, byte < 0x7F, count < 16 else { return nil }
            let shift = UInt64(56 - 8 * (count % 8))
            if count < 8 { high |= UInt64(byte) << shift } else { low |= UInt64(byte) << shift }
            count += 1
        }
        return count > 0 ? (high, low) : nil
    }

    /// Member names in JCS order: by UTF-16 code units (see ``precedes(_:_:)``).
    public static func sortedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted(by: precedes)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Copy runs that need no escape in one go; most strings are one such run.
            var runStart = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                runStart = i + 1
                switch byte {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                default:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0f)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
