/// The ways fenhong has laid out a household's statement, oldest first.
///
/// `statement check` holds a statement to the one fenhong prints again from the ledger. A
/// household keeps its paper for years, and the inspector who checks it runs whatever fenhong is
/// current then: so a statement is printed again in every layout fenhong has released, and passes
/// if it is one of them. A layout, once released, never changes; a change makes a new one.
public enum StatementLayout: Int, CaseIterable, Sendable, Comparable {
    /// Released until 2026-11.
    case first = 1
    /// Since 2026-12: under each distribution's rule, each appropriation drawn before the pool with
    /// its rate and amount (提取公积公益金（10%）1,600.00元: DOMAIN §5's reserve % and amount); and,
    /// after the allocations, the distributions that passed over the household's 扶贫股 because
    /// it was not registered-poor on their record date (扶贫股未参与的分配); and a place for the
    /// collective's seal among the signatures; an allocation of a withdrawn distribution marked so
    /// on its own row too; a cooperative member's 交易额 account left out of its accounts (each
    /// distribution's volume is on its row), a member without shares told its accounts follow, and
    /// a cooperative's members sent to its 监事会; and a short mark in full-width parentheses —
    /// （冲销）, （已撤销） — never broken across lines.
    case second = 2
    /// Since 2026-12-01: under each distribution's rule, how its pool was divided — the guaranteed
    /// minimums, then the rest divided by every household's units, the collective's among them:
    /// the rate per share (每股) of DOMAIN §5, or per 100 yuan of a cooperative's transactions
    /// and capital, which a household multiplies by its own 份额 to find its amount.
    case third = 3
    /// Since 2026-12-01: the HTML page read by a screen reader as it is seen — its title names the
    /// household, each table is named by its heading with its header cells scoped to their column
    /// and each row's first cell to its row, a rule's lines are its term's, a masked number is
    /// read as its last digits, the footer's English words are marked so
    /// (``StatementDocument/Typesetting/readableHTML``); and PDF pages that stand alone — the
    /// totals, the notes and the signatures on one page, a term never parted from its lines, a
    /// paragraph never split (``StatementDocument/Typesetting/signedBesideTotals``,
    /// ``StatementDocument/Typesetting/wholeTermsAndParagraphs``). Text as in layout 3.
    case fourth = 4
    /// Since 2026-12-01: how the household's holdings came and went, after them, where they did
    /// more than come once (持股变动: shares transferred, retired, issued again or reversed, each
    /// change by its entry, which the proof includes) — the holdings alone had left household 003
    /// with no word of where its ten 扶贫股 went; and text and PDF lines that never break a word
    /// of the statement's own (“条/目”, 村/务监督委员会, 建档立卡/户) nor a figure from its unit
    /// (``StatementDocument/Typesetting/wholeWords``); a farmers' cooperative's statement titled by
    /// the cooperative (…专业合作社 盈余分配明细单), not by its ledger's village; and Art. 44's surplus
    /// named as what is left after 公积金, not as the pool.
    case fifth = 5

    /// The layout fenhong prints in.
    public static let current: StatementLayout = .fifth

    /// Every layout, the current first: a check tries them in this order.
    public static let newestFirst: [StatementLayout] = allCases.reversed()

    public static func < (a: StatementLayout, b: StatementLayout) -> Bool { a.rawValue < b.rawValue }
}
