/// A strict parser for the restricted JSON of the ledger format. It rejects what the format
/// forbids instead of repairing it: floats and exponents, integers beyond ±(2^53−1), `-0`,
/// leading zeros, duplicate member names, invalid UTF-8, lone surrogates, raw control
/// characters, trailing bytes, and nesting deeper than ``depthMax``.
public struct JSONParser {
    /// The deepest nesting accepted.
    public static let depthMax = 32

    /// Why a text is not acceptable JSON, with the byte offset where parsing stopped.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        /// The byte offset, 0-based.
        public let offset: Int
        /// What was wrong there.
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset): \(MessageText.oneLine(reason))" }
    }

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Whether everything read so far is in canonical form (RFC 8785 as restricted here): no
    /// whitespace, members in order, only the escapes the canonical encoder writes. Numbers and
    /// literals have one form only, so they never make a text non-canonical.
    private(set) var isCanonical = true

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Parses exactly one value from `bytes`.
    public static func parse(_ bytes: [UInt8]) throws(Error) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result<JSONValue, Error> { () throws(Error) in try parse(buffer) }
        }
        return try result.get()
    }

    /// Parses exactly one value from raw bytes.
    public static func parse(_ buffer: UnsafeRawBufferPointer) throws(Error) -> JSONValue {
        var parser = JSONParser(buffer)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.position == buffer.count else { throw parser.fail("unexpected bytes after the value") }
        return value
    }

    /// Parses exactly one object and returns its members in the order written (nil when the value
    /// is not an object), and whether the text was in canonical form, so that a verifier need not
    /// re-encode to find out. Duplicate names are refused, as `parse` refuses them. The hot path
    /// of entry decoding: no dictionary is built for the top level.
    public static func parseObjectMembersNotingForm(_ bytes: [UInt8]) throws(Error) -> (members: [JSONMember], canonical: Bool)? {
        let result = bytes.withUnsafeBytes { buffer in
            Result<(members: [JSONMember], canonical: Bool)?, Error> { () throws(Error) in
                var parser = JSONParser(buffer)
                parser.skipWhitespace()
                guard parser.current == UInt8(ascii: "{") else {
                    _ = try parser.parseValue(depth: 0)
                    return nil
                }
                let members = try parser.parseMembers(depth: 0)
                parser.skipWhitespace()
                guard parser.position == buffer.count else { throw parser.fail("unexpected bytes after the value") }
                return (members, parser.isCanonical)
            }
        }
        return try result.get()
    }

    private func fail(_ reason: String) -> Error { Error(offset: position, reason: reason) }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        let start = position
        while let c = current, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { position += 1 }
        if position != start { isCanonical = false }
    }

    private mutating func expect(_ literal: String) throws(Error) {
        for byte in literal.utf8 {
            guard current == byte else { throw fail("expected \(literal)") }
            position += 1
        }
    }

    private mutating func parseValue(depth: Int) throws(Error) -> JSONValue {
        guard depth <= Self.depthMax else { throw fail("nested deeper than \(Self.depthMax)") }
        guard let c = current else { throw fail("unexpected end of input") }
        switch c {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try parseInteger())
        default: throw fail("unexpected character")
        }
    }

    private mutating func parseObject(depth: Int) throws(Error) -> JSONValue {
        var members = [String: JSONValue]()
        for member in try parseMembers(depth: depth) { members[member.key] = member.value }
        return .object(members)
    }

    /// The members of an object in the order written; refuses a repeated name.
    private mutating func parseMembers(depth: Int) throws(Error) -> [JSONMember] {
        position += 1
        var members = [JSONMember]()
        var offsets = [Int]()
        skipWhitespace()
        if current == UInt8(ascii: "}") { position += 1; return members }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw fail("expected a member name") }
            offsets.append(position)
            let name = try parseString()
            skipWhitespace()
            try expect(":")
            skipWhitespace()
            if isCanonical, let previous = members.last, !CanonicalJSON.precedes(previous.key, name) { isCanonical = false }
            members.append(JSONMember(name, try parseValue(depth: depth + 1)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                try checkDistinct(members, offsets)
                return members
            default: throw fail("expected , or }")
            }
        }
    }

    private func checkDistinct(_ members: [JSONMember], _ offsets: [Int]) throws(Error) {
        let order = members.indices.sorted { members[$0].key.utf8.lexicographicallyPrecedes(members[$1].key.utf8) }
        for (a, b) in zip(order, order.dropFirst()) where members[a].key == members[b].key {
            throw Error(offset: offsets[max(a, b)], reason: "duplicate member name \(MessageText.quoted(members[a].key))")
        }
    }

    private mutating func parseArray(depth: Int) throws(Error) -> JSONValue {
        position += 1
        var elements = [JSONValue]()
        skipWhitespace()
        if current == UInt8(ascii: "]") { position += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw fail("expected , or ]")
            }
        }
    }

    private mutating func parseInteger() throws(Error) -> Int64 {
        switch Self.scanInteger(bytes, at: &position) {
        case .integer(let value): return value
        case .invalid(let offset, let reason): throw Error(offset: offset, reason: reason)
        }
    }

    /// An integer read by ``scanInteger(_:at:)``, or why the text there is not one.
    enum IntegerScan {
        case integer(Int64)
        case invalid(offset: Int, reason: String)
    }

    /// Reads the integer at `position` and moves past it: digits with an optional `-`, no leading
    /// zero, no `-0`, no fraction or exponent, magnitude at most 2^53 − 1. The one reading of
    /// numbers, shared by the parser and ``FlatObjectScanner``.
    static func scanInteger(_ bytes: UnsafeRawBufferPointer, at position: inout Int) -> IntegerScan {
        let start = position
        var negative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { negative = true; position += 1 }
        guard position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") else {
            return .invalid(offset: position, reason: "expected a digit")
        }
        let first = bytes[position]
        var magnitude: Int64 = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            if digits == 1 && first == UInt8(ascii: "0") { return .invalid(offset: start, reason: "leading zero") }
            magnitude = magnitude * 10 + Int64(bytes[position] - UInt8(ascii: "0"))
            digits += 1
            guard magnitude <= JSONValue.integerMagnitudeMax else {
                return .invalid(offset: start, reason: "integer beyond ±(2^53−1)")
            }
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") || bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            return .invalid(offset: start, reason: "numbers must be integers; floats are not allowed")
        }
        if negative && magnitude == 0 { return .invalid(offset: start, reason: "-0 is not allowed") }
        return .integer(negative ? -magnitude : magnitude)
    }

    private mutating func parseString() throws(Error) -> String {
        position += 1
        // Fast path: a string without escapes or control characters is validated and copied
        // in one step (most member names and values are).
        var end = position
        var ascii = true
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            if bytes[end] >= 0x80 { ascii = false }
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\""), ascii || Self.isValidUTF8(bytes, position, end) {
            let run = UnsafeBufferPointer(start: bytes.baseAddress!.advanced(by: position).assumingMemoryBound(to: UInt8.self),
                                          count: end - position)
            let string = String(decoding: run, as: UTF8.self)
            position = end + 1
            return string
        }
        var out = [UInt8]()
        while true {
            guard let c = current else { throw fail("unterminated string") }
            switch c {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw fail("raw control character in a string")
            case 0x80...:
                try copyUTF8Scalar(into: &out)
            default:
                out.append(c)
                position += 1
            }
        }
    }

    private mutating func parseEscape(into out: inout [UInt8]) throws(Error) {
        guard let c = current else { throw fail("unterminated escape") }
        position += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F); isCanonical = false
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let digits = position
            var scalar = try parseHex4()
            // The canonical encoder writes \u only for control characters without a short
            // escape, in lowercase hex.
            let short: Set<UInt32> = [0x08, 0x09, 0x0A, 0x0C, 0x0D]
            if scalar >= 0x20 || short.contains(scalar)
                || (digits..<digits + 4).contains(where: { bytes[$0] >= UInt8(ascii: "A") && bytes[$0] <= UInt8(ascii: "F") }) {
                isCanonical = false
            }
            if (0xD800..<0xDC00).contains(scalar) {
                guard current == UInt8(ascii: "\\") else { throw fail("lone high surrogate") }
                position += 1
                guard current == UInt8(ascii: "u") else { throw fail("lone high surrogate") }
                position += 1
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("lone high surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw fail("lone low surrogate")
            }
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            throw fail("unknown escape")
        }
    }

    private mutating func parseHex4() throws(Error) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current else { throw fail("short \\u escape") }
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("bad hex digit in \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    /// True when `bytes[start..<end]` is well-formed UTF-8: no overlong forms, no surrogates,
    /// nothing above U+10FFFF, no stray continuation bytes.
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 { i += 1; continue }
            let length: Int, minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return false
            }
            guard i + length <= end else { return false }
            for k in 1..<length {
                let next = bytes[i + k]
                guard next & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800..<0xE000).contains(scalar) else { return false }
            i += length
        }
        return true
    }

    /// Copies one multi-byte UTF-8 scalar, rejecting overlong forms, surrogates and stray bytes.
    private mutating func copyUTF8Scalar(into out: inout [UInt8]) throws(Error) {
        let lead = bytes[position]
        let length: Int
        let minimum: UInt32
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
        default: throw fail("invalid UTF-8")
        }
        guard position + length <= bytes.count else { throw fail("truncated UTF-8") }
        for i in 1..<length {
            let next = bytes[position + i]
            guard next & 0xC0 == 0x80 else { throw fail("invalid UTF-8") }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800..<0xE000).contains(scalar) else {
            throw fail("invalid UTF-8")
        }
        for i in 0..<length { out.append(bytes[position + i]) }
        position += length
    }
}
