// TEMPORARY: replaced by the money branch's Fen on merge.
public struct Fen: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int64
    public init(_ value: Int64) { self.value = value }
    public static let zero = Fen(0)
    public static let max = Fen(1_000_000_000_000_000)
    public var formatted: String { String(value) }
    public var description: String { formatted }
    public static func < (a: Fen, b: Fen) -> Bool { a.value < b.value }
    public static func + (a: Fen, b: Fen) -> Fen { Fen(a.value + b.value) }
    public static func - (a: Fen, b: Fen) -> Fen { Fen(a.value - b.value) }
}
