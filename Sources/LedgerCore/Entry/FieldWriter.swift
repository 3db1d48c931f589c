/// Collects the members of an entry body, each set once.
public struct FieldWriter {
    /// The members written so far, in the order written.
    public private(set) var pairs: [JSONMember] = []

    public init() {}

    /// The members as a dictionary.
    public var members: [String: JSONValue] {
        Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    }

    public mutating func set(_ field: String, _ value: JSONValue) { pairs.append(JSONMember(field, value)) }
    public mutating func set(_ field: String, _ value: String) { set(field, JSONValue.string(value)) }
    public mutating func set(_ field: String, _ value: String?) { if let value { set(field, value) } }
    public mutating func set(_ field: String, _ value: Int64) { set(field, JSONValue.integer(value)) }
    public mutating func set(_ field: String, _ value: Int64?) { if let value { set(field, value) } }
    public mutating func set(_ field: String, _ value: Fen) { set(field, JSONValue.integer(value.value)) }
    public mutating func set(_ field: String, _ value: Bool) { set(field, JSONValue.bool(value)) }
    public mutating func set(_ field: String, _ value: Bool?) { if let value { set(field, value) } }
    public mutating func set(_ field: String, _ value: LedgerDate) { set(field, JSONValue.string(value.text)) }
    public mutating func set(_ field: String, _ value: [String]) { set(field, JSONValue.array(value.map { .string($0) })) }
}
