/// Why a body is not a valid v1 entry. Each case names the field at fault.
public enum EntryError: Error, Equatable, CustomStringConvertible {
    case notJSON(JSONParser.Error)
    case notAnObject
    case unsupportedVersion(Int64)
    case unknownKind(String)
    case missingField(kind: String, field: String)
    case wrongType(kind: String, field: String, expected: String, found: String)
    case unknownField(kind: String, field: String)
    case invalidValue(kind: String, field: String, reason: String)
    case tooLarge(bytes: Int, limit: Int)
    /// No bytes at all: an empty line of a bundle's `entries.jsonl`.
    case empty

    public var description: String { MessageText.oneLine(sentence) }

    /// The message before untrusted values in it are kept to one line.
    private var sentence: String {
        switch self {
        case .notJSON(let error): "the body is not valid JSON (\(error))"
        case .notAnObject: "the body is not a JSON object"
        case .unsupportedVersion(let v): "format version \(v) is not known to this program (it reads version 1)"
        case .unknownKind(let kind): "\(MessageText.quoted(kind)) is not a known entry kind"
        case .missingField(let kind, let field): "a \(kind) entry needs the field \"\(field)\""
        case .wrongType(let kind, let field, let expected, let found):
            "field \"\(field)\" of a \(kind) entry must be \(expected), not \(found)"
        case .unknownField(let kind, let field): "a \(kind) entry has no field \"\(field)\""
        case .invalidValue(let kind, let field, let reason): "field \"\(field)\" of a \(kind) entry \(reason)"
        case .tooLarge(let bytes, let limit): "the body has \(bytes) bytes, more than the limit of \(limit)"
        case .empty: "the body is empty (in a bundle, an empty line): no entry"
        }
    }
}
