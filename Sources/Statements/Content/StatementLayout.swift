/// The ways fenhong has laid out a household's statement, oldest first.
///
/// `statement check` holds a statement to the one fenhong prints again from the ledger. A
/// household keeps its paper for years, and the inspector who checks it runs whatever fenhong is
/// current then: so a statement is printed again in every layout fenhong has released, and passes
/// if it is one of them. A layout, once released, never changes; a change makes a new one.
public enum StatementLayout: Int, CaseIterable, Sendable, Comparable {
    /// Released until 2026-11: a distribution's basis gives the amount drawn before the pool, not
    /// its rate.
    case first = 1
    /// A distribution's rule also names each appropriation drawn before the pool, with its rate
    /// and amount (提取公积公益金（10%）1,600.00元): DOMAIN §5's reserve % and amount.
    case appropriationRates = 2

    /// The layout fenhong prints in.
    public static let current: StatementLayout = .appropriationRates

    /// Every layout, the current first: a check tries them in this order.
    public static let newestFirst: [StatementLayout] = allCases.reversed()

    public static func < (a: StatementLayout, b: StatementLayout) -> Bool { a.rawValue < b.rawValue }
}
