/// Reads the members of an entry body one field at a time, checking types, and at the end
/// refuses any member that no field consumed: a v1 body has exactly the fields its kind defines.
public struct FieldReader {
    /// The kind being read, for error messages.
    public let kind: String
    private var members: [String: JSONValue]

    /// Reads `members` of an entry of `kind`.
    public init(kind: String, members: [String: JSONValue]) {
        self.kind = kind
        self.members = members
    }

    private mutating func take(_ field: String) throws(EntryError) -> JSONValue {
        guard let value = members.removeValue(forKey: field) else {
            throw .missingField(kind: kind, field: field)
        }
        return value
    }

    private func wrongType(_ field: String, _ expected: String, _ value: JSONValue) -> EntryError {
        .wrongType(kind: kind, field: field, expected: expected, found: value.typeName)
    }

    /// An error naming `field` of this kind.
    public func invalid(_ field: String, _ reason: String) -> EntryError {
        .invalidValue(kind: kind, field: field, reason: reason)
    }

    /// A required non-empty string.
    public mutating func string(_ field: String) throws(EntryError) -> String {
        let value = try take(field)
        guard let s = value.stringValue else { throw wrongType(field, "a string", value) }
        guard !s.isEmpty else { throw invalid(field, "must not be empty") }
        return s
    }

    /// A string that may be absent.
    public mutating func optionalString(_ field: String) throws(EntryError) -> String? {
        guard members[field] != nil else { return nil }
        return try string(field)
    }

    /// A required integer.
    public mutating func integer(_ field: String) throws(EntryError) -> Int64 {
        let value = try take(field)
        guard let i = value.integerValue else { throw wrongType(field, "an integer", value) }
        return i
    }

    /// An integer that may be absent.
    public mutating func optionalInteger(_ field: String) throws(EntryError) -> Int64? {
        guard members[field] != nil else { return nil }
        return try integer(field)
    }

    /// A required positive integer.
    public mutating func positiveInteger(_ field: String) throws(EntryError) -> Int64 {
        let i = try integer(field)
        guard i > 0 else { throw invalid(field, "must be greater than zero, not \(i)") }
        return i
    }

    /// A required amount of money in fen, zero or more.
    public mutating func amount(_ field: String) throws(EntryError) -> Fen {
        let i = try integer(field)
        guard i >= 0 else { throw invalid(field, "must not be negative, found \(i) fen") }
        guard i <= Fen.max.value else { throw invalid(field, "is above the largest amount the ledger accepts") }
        return Fen(i)
    }

    /// A required boolean.
    public mutating func bool(_ field: String) throws(EntryError) -> Bool {
        let value = try take(field)
        guard let b = value.boolValue else { throw wrongType(field, "true or false", value) }
        return b
    }

    /// A boolean that may be absent.
    public mutating func optionalBool(_ field: String) throws(EntryError) -> Bool? {
        guard members[field] != nil else { return nil }
        return try bool(field)
    }

    /// A required date, `YYYY-MM-DD`.
    public mutating func date(_ field: String) throws(EntryError) -> LedgerDate {
        let s = try string(field)
        guard let date = LedgerDate(s) else { throw invalid(field, "must be a date YYYY-MM-DD, not \"\(s)\"") }
        return date
    }

    /// A required array of strings.
    public mutating func strings(_ field: String) throws(EntryError) -> [String] {
        let value = try take(field)
        guard let elements = value.arrayValue else { throw wrongType(field, "an array of strings", value) }
        var out = [String]()
        for element in elements {
            guard let s = element.stringValue else { throw wrongType(field, "an array of strings", element) }
            out.append(s)
        }
        return out
    }

    /// A required value of any JSON type.
    public mutating func value(_ field: String) throws(EntryError) -> JSONValue {
        try take(field)
    }

    /// A required array.
    public mutating func array(_ field: String) throws(EntryError) -> [JSONValue] {
        let value = try take(field)
        guard let elements = value.arrayValue else { throw wrongType(field, "an array", value) }
        return elements
    }

    /// A required object.
    public mutating func object(_ field: String) throws(EntryError) -> [String: JSONValue] {
        let value = try take(field)
        guard let members = value.objectValue else { throw wrongType(field, "an object", value) }
        return members
    }

    /// Refuses members that no field consumed.
    public func finish() throws(EntryError) {
        if let extra = CanonicalJSON.sortedKeys(members.keys).first {
            throw .unknownField(kind: kind, field: extra)
        }
    }
}

/// Collects the members of an entry body.
public struct FieldWriter {
    /// The members written so far.
    public private(set) var members: [String: JSONValue] = [:]

    public init() {}

    public mutating func set(_ field: String, _ value: String) { members[field] = .string(value) }
    public mutating func set(_ field: String, _ value: String?) { if let value { set(field, value) } }
    public mutating func set(_ field: String, _ value: Int64) { members[field] = .integer(value) }
    public mutating func set(_ field: String, _ value: Int64?) { if let value { set(field, value) } }
    public mutating func set(_ field: String, _ value: Fen) { members[field] = .integer(value.value) }
    public mutating func set(_ field: String, _ value: Bool) { members[field] = .bool(value) }
    public mutating func set(_ field: String, _ value: Bool?) { if let value { set(field, value) } }
    public mutating func set(_ field: String, _ value: LedgerDate) { members[field] = .string(value.text) }
    public mutating func set(_ field: String, _ value: [String]) { members[field] = .array(value.map { .string($0) }) }
    public mutating func set(_ field: String, _ value: JSONValue) { members[field] = value }
}
