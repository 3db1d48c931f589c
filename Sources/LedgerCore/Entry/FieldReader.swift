/// Reads the members of an entry body one field at a time, checking types, and at the end
/// refuses any member that no field consumed: a v1 body has exactly the fields its kind defines.
///
/// A body the ``FlatObjectScanner`` read has its members filed by slot (``FieldSlots``): each
/// field is found at its name's slot, and its strings stay in the body's bytes until a field asks
/// for them. This is the hot path of every verification. Members given as values (the full
/// parser's, or an entry being written) are kept in an array and found by a linear search: an
/// entry has about fifteen, and hashing each name into a dictionary cost more than the search.
public struct FieldReader {
    /// The kind being read, for error messages: given, or the scanned body's `kind` member.
    public var kind: String {
        if let givenKind { return givenKind }
        if let i = index(of: .kind, includingConsumed: true), case .string(let name) = value(at: i) { return name }
        return "entry"
    }
    private let givenKind: String?
    /// Members given as values (empty for a scanned body).
    private let pairs: [JSONMember]
    /// The values the scanner filed by slot (nil for given members), located in `text`; only
    /// the slots of `present` hold one.
    private let scanned: UnsafeBufferPointer<FlatObjectScanner.Value>?
    private let present: UInt64
    /// The scanned body's bytes: valid only while ``Entry`` reads it (see ``init(scanned:present:in:)``).
    private let text: UnsafeRawBufferPointer
    private var isScanned: Bool { scanned != nil }
    /// Given members consumed, by index; scanned ones, by slot.
    private var consumed: ConsumedMembers

    /// Reads `members` of an entry of `kind`.
    public init(kind: String, members: [String: JSONValue]) {
        self.init(kind: kind, pairs: members.map { JSONMember($0.key, $0.value) })
    }

    /// Reads members given as (name, value) pairs with distinct names.
    public init(kind: String, pairs: [JSONMember]) {
        givenKind = kind
        self.pairs = pairs
        scanned = nil
        present = 0
        text = UnsafeRawBufferPointer(start: nil, count: 0)
        consumed = ConsumedMembers(count: pairs.count)
    }

    /// Reads the members the scanner filed in `values` (the slots of `present`) from `text`; the
    /// kind is the `kind` member's, if any. `values` and `text` must stay valid for as long as the
    /// reader is used: a reader lives only inside the decoding of one body, in the scope that
    /// lends them.
    init(scanned values: UnsafeBufferPointer<FlatObjectScanner.Value>, present: UInt64, in text: UnsafeRawBufferPointer) {
        givenKind = nil
        pairs = []
        scanned = values
        self.present = present
        self.text = text
        consumed = ConsumedMembers(count: FieldSlots.capacity)
    }

    /// The member named `field` not yet consumed (or, when asked, even if consumed).
    private func index(of field: FieldName, includingConsumed: Bool = false) -> Int? {
        guard isScanned else {
            let name = field.text
            for i in pairs.indices where (includingConsumed || !consumed[i]) && pairs[i].key == name { return i }
            return nil
        }
        let slot = field.slot
        guard present & (1 << UInt64(slot)) != 0, includingConsumed || !consumed[slot] else { return nil }
        return slot
    }

    /// The value of member `i`; a scanned string becomes a `String` only here.
    private func value(at i: Int) -> JSONValue {
        guard let scanned else { return pairs[i].value }
        switch scanned[i] {
        case .string(let start, let end): return .string(string(Int(start), Int(end)))
        case .integer(let value): return .integer(value)
        case .bool(let value): return .bool(value)
        case .null: return .null
        }
    }

    private func name(at i: Int) -> String {
        isScanned ? FieldSlots.names[i] : pairs[i].key
    }

    /// The scanned body's bytes `start..<end` as a string.
    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    private mutating func take(_ field: FieldName) throws(EntryError) -> JSONValue {
        guard let i = index(of: field) else { throw .missingField(kind: kind, field: field.text) }
        consumed.insert(i)
        return value(at: i)
    }

    private func has(_ field: FieldName) -> Bool { index(of: field) != nil }

    private func wrongType(_ field: FieldName, _ expected: String, _ value: JSONValue) -> EntryError {
        .wrongType(kind: kind, field: field.text, expected: expected, found: value.typeName)
    }

    /// An error naming `field` of this kind.
    public func invalid(_ field: FieldName, _ reason: String) -> EntryError {
        .invalidValue(kind: kind, field: field.text, reason: reason)
    }

    /// Where the scanned string `field` lies in `text`, consuming it; nil when the body was not
    /// scanned or `field` is not a string there (the general path then reads it, or says why not).
    private mutating func takeScannedString(_ field: FieldName) -> Range<Int>? {
        guard let scanned, let i = index(of: field), case .string(let start, let end) = scanned[i] else { return nil }
        consumed.insert(i)
        return Int(start)..<Int(end)
    }

    /// A required non-empty string.
    public mutating func string(_ field: FieldName) throws(EntryError) -> String {
        if let range = takeScannedString(field) {
            guard !range.isEmpty else { throw invalid(field, "must not be empty") }
            return string(range.lowerBound, range.upperBound)
        }
        let value = try take(field)
        guard let s = value.stringValue else { throw wrongType(field, "a string", value) }
        guard !s.isEmpty else { throw invalid(field, "must not be empty") }
        return s
    }

    /// A string that may be absent.
    public mutating func optionalString(_ field: FieldName) throws(EntryError) -> String? {
        guard has(field) else { return nil }
        return try string(field)
    }

    /// A required integer.
    public mutating func integer(_ field: FieldName) throws(EntryError) -> Int64 {
        if let scanned, let i = index(of: field), case .integer(let value) = scanned[i] {
            consumed.insert(i)
            return value
        }
        let value = try take(field)
        guard let i = value.integerValue else { throw wrongType(field, "an integer", value) }
        // Given members may hold any Int64; a scanned or parsed body never holds more.
        guard i.magnitude <= UInt64(JSONValue.integerMagnitudeMax) else { throw invalid(field, JSONValue.outOfRange(i)) }
        return i
    }

    /// An integer that may be absent.
    public mutating func optionalInteger(_ field: FieldName) throws(EntryError) -> Int64? {
        guard has(field) else { return nil }
        return try integer(field)
    }

    /// A required positive integer.
    public mutating func positiveInteger(_ field: FieldName) throws(EntryError) -> Int64 {
        let i = try integer(field)
        guard i > 0 else { throw invalid(field, "must be greater than zero, not \(i)") }
        return i
    }

    /// An amount of money that may be absent.
    public mutating func optionalAmount(_ field: FieldName) throws(EntryError) -> Fen? {
        guard has(field) else { return nil }
        return try amount(field)
    }

    /// A required amount of money in fen, zero or more.
    public mutating func amount(_ field: FieldName) throws(EntryError) -> Fen {
        let i = try integer(field)
        guard i >= 0 else { throw invalid(field, "must not be negative, found \(i) fen") }
        guard i <= Fen.max.value else { throw invalid(field, "is above the largest amount the ledger accepts") }
        return Fen(i)
    }

    /// A required boolean.
    public mutating func bool(_ field: FieldName) throws(EntryError) -> Bool {
        let value = try take(field)
        guard let b = value.boolValue else { throw wrongType(field, "true or false", value) }
        return b
    }

    /// A boolean that may be absent.
    public mutating func optionalBool(_ field: FieldName) throws(EntryError) -> Bool? {
        guard has(field) else { return nil }
        return try bool(field)
    }

    /// A required date, `YYYY-MM-DD`.
    /// A date that may be absent.
    public mutating func optionalDate(_ field: FieldName) throws(EntryError) -> LedgerDate? {
        guard has(field) else { return nil }
        return try date(field)
    }

    public mutating func date(_ field: FieldName) throws(EntryError) -> LedgerDate {
        try parsed(field, LedgerDate.init(utf8:)) { "must be a date YYYY-MM-DD, not \(MessageText.quoted($0))" }
    }

    /// A required non-empty string that `parse` reads from its UTF-8 bytes — in place, for a
    /// scanned body — refused with `reason` when `parse` returns nil. Hashes, key IDs, dates and
    /// times are read this way, without a string made for them.
    public mutating func parsed<T>(_ field: FieldName, invalid reason: String,
                                   _ parse: (UnsafeRawBufferPointer) -> T?) throws(EntryError) -> T {
        try parsed(field, parse) { _ in reason }
    }

    /// As ``parsed(_:invalid:_:)``, with the reason for a refusal made from the text refused.
    public mutating func parsed<T>(_ field: FieldName, _ parse: (UnsafeRawBufferPointer) -> T?,
                                   invalid reason: (String) -> String) throws(EntryError) -> T {
        switch try parsedOrRefused(field, parse) {
        case .parsed(let value): return value
        case .refused(let text): throw invalid(field, reason(text))
        }
    }

    /// As ``parsed(_:invalid:_:)``, with the error for a refusal made from the text refused.
    public mutating func parsed<T>(_ field: FieldName, _ parse: (UnsafeRawBufferPointer) -> T?,
                                   refusing error: (String) -> EntryError) throws(EntryError) -> T {
        switch try parsedOrRefused(field, parse) {
        case .parsed(let value): return value
        case .refused(let text): throw error(text)
        }
    }

    private enum Parsed<T> {
        case parsed(T)
        /// The text `parse` refused.
        case refused(String)
    }

    private mutating func parsedOrRefused<T>(_ field: FieldName, _ parse: (UnsafeRawBufferPointer) -> T?) throws(EntryError) -> Parsed<T> {
        if let range = takeScannedString(field) {
            guard !range.isEmpty else { throw invalid(field, "must not be empty") }
            guard let value = parse(UnsafeRawBufferPointer(rebasing: text[range])) else {
                return .refused(string(range.lowerBound, range.upperBound))
            }
            return .parsed(value)
        }
        var text = try string(field)
        guard let value = text.withUTF8({ parse(UnsafeRawBufferPointer($0)) }) else { return .refused(text) }
        return .parsed(value)
    }

    /// A required array of strings.
    public mutating func strings(_ field: FieldName) throws(EntryError) -> [String] {
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
    public mutating func value(_ field: FieldName) throws(EntryError) -> JSONValue {
        try take(field)
    }

    /// A required array.
    public mutating func array(_ field: FieldName) throws(EntryError) -> [JSONValue] {
        let value = try take(field)
        guard let elements = value.arrayValue else { throw wrongType(field, "an array", value) }
        return elements
    }

    /// A required object.
    public mutating func object(_ field: FieldName) throws(EntryError) -> [String: JSONValue] {
        let value = try take(field)
        guard let members = value.objectValue else { throw wrongType(field, "an object", value) }
        return members
    }

    /// Refuses members that no field consumed.
    public func finish() throws(EntryError) {
        let extra: [String]
        if isScanned {
            guard !consumed.all(of: present) else { return }
            extra = (0..<FieldSlots.count).filter { present & (1 << UInt64($0)) != 0 && !consumed[$0] }.map(name(at:))
        } else {
            guard !consumed.all else { return }
            extra = (0..<consumed.count).filter { !consumed[$0] }.map(name(at:))
        }
        if let first = CanonicalJSON.sortedKeys(extra).first {
            throw .unknownField(kind: kind, field: first)
        }
    }
}

/// Which members a ``FieldReader`` has consumed: a bit each, in one word for the usual body.
private struct ConsumedMembers {
    let count: Int
    private var word: UInt64 = 0
    private var beyond: [Bool]

    init(count: Int) {
        self.count = count
        beyond = count > 64 ? [Bool](repeating: false, count: count - 64) : []
    }

    subscript(i: Int) -> Bool { i < 64 ? word & (1 << UInt64(i)) != 0 : beyond[i - 64] }

    /// True when every member is consumed.
    var all: Bool {
        count < 64 ? word == (1 << UInt64(count)) - 1 : word == .max && !beyond.contains(false)
    }

    /// True when every member of `mask` (members 0–63, one bit each) is consumed.
    func all(of mask: UInt64) -> Bool { mask & ~word == 0 }

    mutating func insert(_ i: Int) {
        if i < 64 { word |= 1 << UInt64(i) } else { beyond[i - 64] = true }
    }
}
