/// Money as integer fen (分). 100 fen = 1 yuan.
///
/// Every amount in the ledger is a whole number of fen in an `Int64`; products are taken in
/// `Int128` so that no intermediate result can overflow, and nothing is ever a `Double`.
/// Amounts a user can enter are limited to `-max...max`; `init(_:)` itself accepts any `Int64`
/// so that decoding a ledger never traps on hostile data.
public struct Fen: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in fen.
    public let value: Int64

    /// Wraps an amount already expressed in fen.
    public init(_ value: Int64) {
        self.value = value
    }

    /// An amount of whole yuan; traps if `yuan × 100` overflows `Int64` (a programmer error).
    public init(yuan: Int64) {
        let (fen, overflow) = yuan.multipliedReportingOverflow(by: 100)
        precondition(!overflow, "Fen(yuan: \(yuan)) overflows Int64")
        self.value = fen
    }

    /// No money.
    public static let zero = Fen(0)

    /// The largest amount accepted from users or produced by checked arithmetic:
    /// 10^15 fen = 10,000,000,000,000.00 yuan (ten trillion), far above any village's books
    /// yet small enough that `amount × weight` never overflows `Int128`.
    public static let max = Fen(1_000_000_000_000_000)

    /// The amount formatted with thousands separators, e.g. `3,000.00`.
    public var description: String { formatted }

    /// True when the amount is below zero.
    public var isNegative: Bool { value < 0 }

    /// Orders amounts by value.
    public static func < (a: Fen, b: Fen) -> Bool { a.value < b.value }

    /// `self + other`, throwing `.overflow` if the result leaves `-max...max`.
    public func adding(_ other: Fen) throws(MoneyError) -> Fen {
        let (sum, overflow) = value.addingReportingOverflow(other.value)
        guard !overflow, sum.magnitude <= Fen.max.value.magnitude else {
            throw .overflow("\(self) + \(other)")
        }
        return Fen(sum)
    }

    /// `self - other`, throwing `.overflow` if the result leaves `-max...max`.
    public func subtracting(_ other: Fen) throws(MoneyError) -> Fen {
        let (difference, overflow) = value.subtractingReportingOverflow(other.value)
        guard !overflow, difference.magnitude <= Fen.max.value.magnitude else {
            throw .overflow("\(self) - \(other)")
        }
        return Fen(difference)
    }

    /// Sum; traps on `Int64` overflow, which is a programmer error (use `adding` for user data).
    public static func + (a: Fen, b: Fen) -> Fen {
        let (sum, overflow) = a.value.addingReportingOverflow(b.value)
        precondition(!overflow, "Fen overflow: \(a.value) + \(b.value)")
        return Fen(sum)
    }

    /// Difference; traps on `Int64` overflow, which is a programmer error (use `subtracting` for user data).
    public static func - (a: Fen, b: Fen) -> Fen {
        let (difference, overflow) = a.value.subtractingReportingOverflow(b.value)
        precondition(!overflow, "Fen overflow: \(a.value) - \(b.value)")
        return Fen(difference)
    }

    /// `value × bp / 10000`, computed exactly in `Int128` and rounded as asked (800 bp = 8%).
    ///
    /// Rounding acts on the magnitude, so a negative amount rounds as the mirror image of the
    /// positive one (`.down` is toward zero, `.up` and `.halfUp` away from zero). Traps if the
    /// result does not fit in `Int64`, which needs `bp` far above 10000.
    public func basisPoints(_ bp: Int64, rounding: FenRounding) -> Fen {
        let product = Int128(value) * Int128(bp)
        let magnitude = product.magnitude
        var quotient = magnitude / 10_000
        let remainder = magnitude % 10_000
        switch rounding {
        case .down: break
        case .halfUp: if remainder >= 5_000 { quotient += 1 }
        case .up: if remainder > 0 { quotient += 1 }
        }
        precondition(quotient <= UInt128(Int64.max), "Fen.basisPoints overflow: \(value) × \(bp) bp")
        let fen = Int64(quotient)
        return Fen(product < 0 ? -fen : fen)
    }
}

/// How `Fen.basisPoints(_:rounding:)` rounds a result that falls between two fen.
public enum FenRounding: Sendable {
    /// Drop the fraction (toward zero).
    case down
    /// Half a fen or more rounds away from zero; the usual rule for appropriations.
    case halfUp
    /// Any fraction rounds away from zero; used where a law says "not lower than".
    case up
}
