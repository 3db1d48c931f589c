/// The name of a body's field, with its first 8 bytes packed into a word as the scanner packs
/// the names it finds (``FlatObjectScanner/prefixWord(_:)``): a field is then found among a
/// body's members by comparing integers, with no work on the name at each look-up.
///
/// The format's field names are constants below; a string literal makes a name too (for a
/// nested object's fields, or in tests), computing its word each time it is evaluated.
public struct FieldName: Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String
    /// The name's first 8 UTF-8 bytes, packed little-endian.
    let prefix: UInt64

    public init(_ text: String) {
        var text = text
        prefix = text.withUTF8 { FlatObjectScanner.prefixWord(UnsafeRawBufferPointer($0)) }
        self.text = text
    }

    public init(stringLiteral text: String) { self.init(text) }

    public var description: String { text }
}

/// Every field name of format v1 (docs/FORMAT.md), as the kinds read them.
extension FieldName {
    static let account: FieldName = "account"
    static let allocated: FieldName = "allocated"
    static let amount: FieldName = "amount"
    static let appropriations: FieldName = "appropriations"
    static let at: FieldName = "at"
    static let bp: FieldName = "bp"
    static let by: FieldName = "by"
    static let category: FieldName = "category"
    static let channel: FieldName = "channel"
    static let `class`: FieldName = "class"
    static let counterparty: FieldName = "counterparty"
    static let currency: FieldName = "currency"
    static let date: FieldName = "date"
    static let distributable: FieldName = "distributable"
    static let from: FieldName = "from"
    static let head: FieldName = "head"
    static let holder: FieldName = "holder"
    static let household: FieldName = "household"
    static let id: FieldName = "id"
    static let idMasked: FieldName = "idMasked"
    static let key: FieldName = "key"
    static let kind: FieldName = "kind"
    static let members: FieldName = "members"
    static let name: FieldName = "name"
    static let org: FieldName = "org"
    static let origin: FieldName = "origin"
    static let pool: FieldName = "pool"
    static let poor: FieldName = "poor"
    static let prev: FieldName = "prev"
    static let purpose: FieldName = "purpose"
    static let reason: FieldName = "reason"
    static let recordDate: FieldName = "recordDate"
    static let reference: FieldName = "reference"
    static let region: FieldName = "region"
    static let residual: FieldName = "residual"
    static let returnBp: FieldName = "returnBp"
    static let role: FieldName = "role"
    static let rule: FieldName = "rule"
    static let seq: FieldName = "seq"
    static let source: FieldName = "source"
    static let target: FieldName = "target"
    static let to: FieldName = "to"
    static let units: FieldName = "units"
    static let v: FieldName = "v"
    static let village: FieldName = "village"
}
