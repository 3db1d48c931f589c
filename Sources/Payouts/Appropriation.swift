import LedgerCore

/// A share of the distributable amount kept back before the pool (提取公积公益金, 福利费…).
public struct Appropriation: Hashable, Sendable {
    /// What it is called in the books, e.g. `公积公益金`.
    public let name: String
    /// Its rate in basis points of the distributable amount (1000 = 10%).
    public let bp: Int64

    /// Creates an appropriation of `bp` basis points.
    public init(name: String, bp: Int64) {
        self.name = name
        self.bp = bp
    }

    /// The amount for `distributable`: `distributable × bp / 10000`, rounded half-up to the fen.
    public func amount(of distributable: Fen) -> Fen {
        distributable.basisPoints(bp, rounding: .halfUp)
    }
}

/// An appropriation with its amount, as shown in a plan and written in `dividend.declare`.
public struct AppropriationAmount: Hashable, Sendable {
    /// Its name.
    public let name: String
    /// Its rate in basis points.
    public let bp: Int64
    /// The amount kept back.
    public let amount: Fen

    /// Creates a line, e.g. when reading a `dividend.declare` entry back.
    public init(name: String, bp: Int64, amount: Fen) {
        self.name = name
        self.bp = bp
        self.amount = amount
    }
}

extension Appropriation {
    /// Applies `appropriations` to `distributable`; returns the amounts and the pool left.
    ///
    /// Throws if a rate is negative, the rates exceed 10000 bp, or rounding makes the total
    /// exceed the distributable amount.
    public static func apply(
        _ appropriations: [Appropriation], to distributable: Fen
    ) throws(PayoutError) -> (amounts: [AppropriationAmount], pool: Fen) {
        var totalBp: Int64 = 0
        for appropriation in appropriations {
            guard appropriation.bp >= 0 else {
                throw .negativeAppropriationRate(name: appropriation.name, bp: appropriation.bp)
            }
            totalBp = totalBp.addingReportingOverflow(appropriation.bp).overflow ? .max : totalBp + appropriation.bp
        }
        guard totalBp <= 10_000 else { throw .appropriationRatesAbove100Percent(totalBp: totalBp) }
        let amounts = appropriations.map {
            AppropriationAmount(name: $0.name, bp: $0.bp, amount: $0.amount(of: distributable))
        }
        let total = amounts.reduce(Fen.zero) { $0 + $1.amount }
        guard total <= distributable else {
            throw .appropriationsExceedDistributable(total: total, distributable: distributable)
        }
        return (amounts, distributable - total)
    }
}
