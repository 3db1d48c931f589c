/// A JSON value of the restricted form the ledger allows (DESIGN §2): objects, arrays, strings,
/// integers within ±(2^53−1), booleans and null. There are no floats anywhere in the format.
public enum JSONValue: Hashable, Sendable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case null

    /// The largest magnitude an integer may have: 2^53 − 1, exact in every JSON reader.
    public static let integerMagnitudeMax: Int64 = (1 << 53) - 1

    /// The string, if this is one.
    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The integer, if this is one.
    public var integerValue: Int64? { if case .integer(let i) = self { i } else { nil } }
    /// The object's members, if this is an object.
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The boolean, if this is one.
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }

    /// Why `number`, beyond ±``integerMagnitudeMax``, cannot be written: the end of a sentence
    /// that begins with the field's name.
    public static func outOfRange(_ number: Int64) -> String {
        "is \(number), beyond ±9,007,199,254,740,991, the largest whole number a ledger can hold"
    }

    /// The first integer in this value, at any depth, whose magnitude is beyond
    /// ``integerMagnitudeMax``: a number the format cannot hold, which no reader would read back.
    public var integerOutOfRange: Int64? {
        switch self {
        case .integer(let i): i.magnitude > UInt64(Self.integerMagnitudeMax) ? i : nil
        case .array(let elements): elements.lazy.compactMap(\.integerOutOfRange).first
        case .object(let members): members.sorted { $0.key < $1.key }.lazy.compactMap(\.value.integerOutOfRange).first
        case .string, .bool, .null: nil
        }
    }

    /// The first character in a string of this value, at any depth, that would break a line or
    /// reorder text where the ledger prints it (statements, journals, the public posting): a line
    /// break or control character, or a bidirectional override, which reorders what follows it.
    /// With `allowingLineFeed`, a line feed is allowed (a reason may run to several lines).
    public func lineBreakingScalar(allowingLineFeed: Bool = false) -> Unicode.Scalar? {
        switch self {
        case .string(let s):
            s.unicodeScalars.first {
                ($0 != "\n" || !allowingLineFeed) && MessageText.needsEscape($0)
                    || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
            }
        case .array(let elements): elements.lazy.compactMap { $0.lineBreakingScalar(allowingLineFeed: allowingLineFeed) }.first
        case .object(let members):
            members.sorted { $0.key < $1.key }.lazy.compactMap { $0.value.lineBreakingScalar(allowingLineFeed: allowingLineFeed) }.first
        case .integer, .bool, .null: nil
        }
    }

    /// Why the value of member `field` cannot be written (see ``lineBreakingScalar(allowingLineFeed:)``;
    /// a `reason` may hold line feeds): the end of a sentence that begins with the field's name;
    /// nil when it can.
    public func lineBreakReason(field: String) -> String? {
        lineBreakingScalar(allowingLineFeed: field == "reason").map {
            MessageText.needsEscape($0)
                ? "holds a line break or control character (\(MessageText.escape($0))); type it on one line"
                : "holds a bidirectional override (\(MessageText.escape($0))), which reorders what follows it on a printed line; type it without one"
        }
    }

    /// Why a text cannot be written though it is not empty: it is spaces alone (any width, or
    /// none: zero-width), which no one reading it can read; with `edgesMatter`, it begins or
    /// ends with one, which no one sees (an id typed "2025 " is another than "2025"). The end of
    /// a sentence that begins with the field's name; nil when it can be written.
    public func blankReason(edgesMatter: Bool = false) -> String? {
        guard case .string(let text) = self, let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return nil }
        let unseen = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace || [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains(scalar.value) }
        if text.unicodeScalars.allSatisfy(unseen) { return "is only spaces; type what it is" }
        if edgesMatter, unseen(first) || unseen(last) {
            return "begins or ends with a space (\(MessageText.quoted(text))), which no one sees on paper; type it without"
        }
        return nil
    }

    /// The name of this value's JSON type, for error messages.
    public var typeName: String {
        switch self {
        case .object: "object"
        case .array: "array"
        case .string: "string"
        case .integer: "integer"
        case .bool: "boolean"
        case .null: "null"
        }
    }
}

/// One member of an object: its name and value. A struct rather than a tuple, because arrays of
/// labelled tuples cost a runtime metadata lookup on every generic use, on the hottest path.
public struct JSONMember: Sendable {
    public let key: String
    public let value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
