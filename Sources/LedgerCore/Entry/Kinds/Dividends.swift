/// One appropriation drawn before the pool: name, rate, amount (公积公益金 10% …).
public struct AppropriationLine: Hashable, Sendable {
    public var name: String
    public var bp: Int64
    public var amount: Fen

    public init(name: String, bp: Int64, amount: Fen) {
        self.name = name
        self.bp = bp
        self.amount = amount
    }
}

/// What a cooperative returns by transactions is reckoned on (Art. 44): the year's surplus after
/// its losses are covered and its reserve fund (公积金) drawn — the pool, with whatever else was
/// drawn before it (公益金, 风险金) put back, for the law draws nothing else before the return.
public enum CooperativeSurplus {
    /// Whether an appropriation is the reserve fund the law draws before the return: named as it,
    /// exactly. A name that merely holds 公积 — 公积公益金 (a village's fund, 公益金 in it),
    /// 风险金（非公积金） — is not: what it draws is put back, and the return reckoned on it.
    public static func isReserveFund(_ name: String) -> Bool { reserveFundNames.contains(name) }

    /// The most a distribution by another basis than Art. 44's, of record date `date`, may take in
    /// a cooperative: of the income (less expenses) dated after `after` — the record date of its
    /// last Art. 44 distribution, nil for none — what the other such distributions of those days
    /// did not take, through its own record date and through every later one's before `next` (the
    /// next Art. 44 distribution's), for what it takes, the later ones cannot. What was earned by
    /// an Art. 44 distribution is that surplus (a token one of 1,000.00 on 2020-12-31 had let
    /// 99,000.00 of 2020's go out by capital the next day), and a distribution takes no income
    /// earned after its record date (one of 2020-05-31 had taken December's).
    public static func leftForAnotherBasis(on date: LedgerDate, after: LedgerDate?, before next: LedgerDate?,
                                           income: [(date: LedgerDate, fen: Int64)], takenBy others: [(recordDate: LedgerDate, fen: Int64)]) -> Int64 {
        func inPeriod(_ day: LedgerDate, through: LedgerDate) -> Bool { after.map { day > $0 } ?? true && day <= through }
        let later = others.map(\.recordDate).filter { day in day > date && next.map { day < $0 } ?? true }
        return ([date] + later).map { through in
            let earned = income.filter { inPeriod($0.date, through: through) }.reduce(Int64(0)) { $0 &+ $1.fen }
            return others.filter { inPeriod($0.recordDate, through: through) }.reduce(earned) { $0 &- $1.fen }
        }.min()!
    }

    /// The names of a cooperative's reserve fund (Art. 42).
    public static let reserveFundNames: Set<String> = ["公积金", "法定公积金", "任意公积金", "盈余公积", "盈余公积金"]

    /// The distributable surplus of Art. 44 of a `pool` left after `drawn` (name, amount) pairs.
    public static func of(pool: Fen, drawn: [(name: String, amount: Fen)]) -> Fen {
        // In 128 bits, clamped: a forged body's amounts may add up beyond 64.
        Fen(Int64(clamping: drawn.filter { !isReserveFund($0.name) }.reduce(Int128(pool.value)) { $0 + Int128($1.amount.value) }))
    }
}

/// `dividend.declare`: a distribution, its appropriations, pool, rule and totals. Followed in the
/// same command by one `dividend.allocate` per household.
public struct DividendDeclaration: EntryFields {
    /// The distribution id, unique in the ledger, e.g. `2024`.
    public var id: String
    /// Holdings and eligibility are taken at this date.
    public var recordDate: LedgerDate
    public var distributable: Fen
    public var appropriations: [AppropriationLine]
    /// What is shared out: distributable − Σ appropriations.
    public var pool: Fen
    /// The rule as data: `{"basis": "units", "classes": {...}, "method": "largest-remainder", ...}`.
    public var rule: [String: JSONValue]
    /// Σ of the allocations that follow.
    public var allocated: Fen
    /// pool − allocated, kept as undistributed income (未分配收益).
    public var residual: Fen
    /// The days its list is posted for the villagers' objections (公示), when recorded: nothing of
    /// it is paid until they are over. Nil in declarations that record none.
    public var posting: PostingPeriod?

    public init(id: String, recordDate: LedgerDate, distributable: Fen, appropriations: [AppropriationLine], pool: Fen,
                rule: [String: JSONValue], allocated: Fen, residual: Fen, posting: PostingPeriod? = nil) {
        self.posting = posting
        self.id = id
        self.recordDate = recordDate
        self.distributable = distributable
        self.appropriations = appropriations
        self.pool = pool
        self.rule = rule
        self.allocated = allocated
        self.residual = residual
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        id = try f.string(.id)
        recordDate = try f.date(.recordDate)
        distributable = try f.amount(.distributable)
        var lines = [AppropriationLine]()
        for element in try f.array(.appropriations) {
            guard let members = element.objectValue else { throw f.invalid(.appropriations, "must hold objects") }
            var line = FieldReader(kind: f.kind, members: members)
            lines.append(AppropriationLine(name: try line.string(.name), bp: try line.integer(.bp), amount: try line.amount(.amount)))
            try line.finish()
        }
        appropriations = lines
        pool = try f.amount(.pool)
        rule = try f.object(.rule)
        allocated = try f.amount(.allocated)
        residual = try f.amount(.residual)
        switch (try f.optionalDate(.postingStart), try f.optionalDate(.postingEnd)) {
        case (nil, nil): posting = nil
        case (let start?, let end?):
            guard start <= end else { throw f.invalid(.postingEnd, "must not come before postingStart (\(start)), not \(end)") }
            posting = PostingPeriod(start: start, end: end)
        case (nil, _?): throw f.invalid(.postingStart, "goes with postingEnd: a posting period has both its days")
        case (_?, nil): throw f.invalid(.postingEnd, "goes with postingStart: a posting period has both its days")
        }
        guard rule["basis"]?.stringValue != nil else { throw f.invalid(.rule, "must name its \"basis\"") }
        // What is carried in from earlier years is part of the distributable amount; the
        // appropriations are drawn, each rounded half-up, from the rest: this year's.
        let carried = rule["carriedIn"]
        guard carried == nil || (carried?.integerValue).map({ (0...distributable.value).contains($0) }) == true else {
            throw f.invalid(.rule, "must give \"carriedIn\" as fen from 0 to the distributable amount (\(distributable.value))")
        }
        let base = Fen(distributable.value - (carried?.integerValue ?? 0))
        for line in appropriations {
            guard (0...10_000).contains(line.bp), line.amount == base.basisPoints(line.bp, rounding: .halfUp) else {
                throw f.invalid(.appropriations, "\(line.name) must be \(line.bp) bp of \(base.value) fen rounded half-up, not \(line.amount.value)")
            }
        }
        let drawn = appropriations.reduce(Int64(0)) { $0 + $1.amount.value }
        guard drawn + pool.value == distributable.value else {
            throw f.invalid(.pool, "must equal distributable − appropriations (\(distributable.value) − \(drawn) fen), not \(pool.value)")
        }
        guard allocated.value + residual.value == pool.value else {
            throw f.invalid(.residual, "must equal pool − allocated (\(pool.value - allocated.value) fen), not \(residual.value)")
        }
    }

    public func write(to f: inout FieldWriter) {
        f.set("id", id)
        f.set("recordDate", recordDate)
        f.set("distributable", distributable)
        f.set("appropriations", JSONValue.array(appropriations.map {
            .object(["name": .string($0.name), "bp": .integer($0.bp), "amount": .integer($0.amount.value)])
        }))
        f.set("pool", pool)
        f.set("rule", JSONValue.object(rule))
        f.set("allocated", allocated)
        f.set("residual", residual)
        if let posting {
            f.set("postingStart", posting.start)
            f.set("postingEnd", posting.end)
        }
    }
}

/// The days a distribution's list is posted for objections (公示, 村务公开), first and last
/// included: DOMAIN §4 found no statutory minimum, so the accountant sets it.
public struct PostingPeriod: Sendable, Hashable {
    public let start: LedgerDate
    public let end: LedgerDate

    public init(start: LedgerDate, end: LedgerDate) {
        self.start = start
        self.end = end
    }

    /// `days` days from `start`, `start` the first (`days` ≥ 1).
    public init(start: LedgerDate, days: Int) {
        self.init(start: start, end: start.adding(days: days - 1))
    }

    /// How many days it lasts, first and last included.
    public var days: Int { start.days(to: end) + 1 }
}

/// `dividend.allocate`: what one household is owed by a distribution.
public struct DividendAllocation: EntryFields {
    public var id: String
    public var household: String
    /// The basis units the amount was computed from (shares, members, or fen of trade).
    public var units: Int64
    public var amount: Fen
    /// A cooperative member's part of `amount` returned by transactions (Art. 44); the rest is
    /// its share by capital accounts. Nil elsewhere, and in allocations written before it was.
    public var rebate: Fen?
    /// With `rebate`: the capital accounts (出资额, 公积金份额, 补助份额; fen) its share by capital was
    /// divided by, as `units` are its transactions. Nil in allocations written before it was.
    public var capital: Int64?

    public init(id: String, household: String, units: Int64, amount: Fen, rebate: Fen? = nil, capital: Int64? = nil) {
        self.id = id
        self.household = household
        self.units = units
        self.amount = amount
        self.rebate = rebate
        self.capital = capital
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        id = try f.string(.id)
        household = try f.string(.household)
        units = try f.integer(.units)
        amount = try f.amount(.amount)
        rebate = try f.optionalAmount(.rebate)
        capital = try f.optionalInteger(.capital)
        guard units >= 0 else { throw f.invalid(.units, "must not be negative") }
        if let rebate, rebate > amount { throw f.invalid(.rebate, "must not exceed the amount (\(amount.value) fen), not \(rebate.value)") }
        if let capital {
            guard capital >= 0 else { throw f.invalid(.capital, "must not be negative") }
            guard rebate != nil else { throw f.invalid(.capital, "goes with rebate: only a cooperative's allocation records its capital accounts") }
        }
    }

    public func write(to f: inout FieldWriter) {
        f.set("id", id)
        f.set("household", household)
        f.set("units", units)
        f.set("amount", amount)
        if let rebate { f.set("rebate", rebate) }
        if let capital { f.set("capital", capital) }
    }
}

/// How a dividend was paid.
public enum PaymentChannel: String, Sendable, CaseIterable {
    /// Bank transfer.
    case bank
    /// A 一卡通 benefits card.
    case card
    /// Cash at a public dividend meeting, signed for.
    case cash

    /// A channel as an accountant names it, in Chinese or English: 银行/bank, 一卡通/card,
    /// 现金/cash (any case); nil for anything else.
    public init?(named text: String) {
        switch text.lowercased() {
        case "银行", "bank": self = .bank
        case "一卡通", "card": self = .card
        case "现金", "cash": self = .cash
        default: return nil
        }
    }
}

/// `dividend.pay`: money paid to a household against what a distribution owes it.
public struct DividendPayment: EntryFields {
    public var id: String
    public var household: String
    public var amount: Fen
    public var channel: PaymentChannel
    /// The masked account paid into (`****5678`); for cash, `cash`.
    public var account: String
    /// Bank reference or voucher number (凭证号).
    public var reference: String
    public var date: LedgerDate

    public init(id: String, household: String, amount: Fen, channel: PaymentChannel, account: String, reference: String, date: LedgerDate) {
        self.id = id
        self.household = household
        self.amount = amount
        self.channel = channel
        self.account = account
        self.reference = reference
        self.date = date
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        id = try f.string(.id)
        household = try f.string(.household)
        amount = try f.amount(.amount)
        let channelText = try f.string(.channel)
        guard let channel = PaymentChannel(rawValue: channelText) else {
            throw f.invalid(.channel, "must be bank, card or cash, not \(MessageText.quoted(channelText))")
        }
        self.channel = channel
        account = try f.string(.account)
        reference = try f.string(.reference)
        date = try f.date(.date)
        guard amount.value > 0 else { throw f.invalid(.amount, "must be greater than zero") }
        guard channel == .cash ? account == "cash" : Masking.isMaskedAccount(account) else {
            throw f.invalid(.account, "must be a masked account such as ****5678 (or \"cash\" for cash)")
        }
    }

    public func write(to f: inout FieldWriter) {
        f.set("id", id)
        f.set("household", household)
        f.set("amount", amount)
        f.set("channel", channel.rawValue)
        f.set("account", account)
        f.set("reference", reference)
        f.set("date", date)
    }
}

/// `entry.reverse`: undoes an earlier entry's effect; the earlier entry stays in the ledger.
public struct Reversal: EntryFields {
    /// The seq of the entry reversed.
    public var target: Int64
    public var reason: String
    /// The voucher or bank reference of the money returned, if any.
    public var reference: String?
    /// The day the reversal took effect (money returned, an error found), when not the day it
    /// was recorded: a past year entered later. A share entry is undone on its own date whatever.
    public var date: LedgerDate?

    public init(target: Int64, reason: String, reference: String? = nil, date: LedgerDate? = nil) {
        self.target = target
        self.reason = reason
        self.reference = reference
        self.date = date
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        target = try f.integer(.target)
        reason = try f.string(.reason)
        reference = try f.optionalString(.reference)
        date = try f.optionalDate(.date)
        guard target >= 0 else { throw f.invalid(.target, "must be a seq, 0 or more") }
    }

    public func write(to f: inout FieldWriter) {
        f.set("target", target)
        f.set("reason", reason)
        f.set("reference", reference)
        if let date { f.set("date", date) }
    }
}

extension Reversal {
    /// What a reversal undoes, as far as its `date` is judged: a share entry, or a dated entry
    /// and the day it took effect. The rules keep it for every entry that can be reversed, so
    /// that the store and the verifier judge a reversal's date as `fenhong reverse` does.
    public enum Undone: Sendable, Equatable {
        case shares
        case payment(LedgerDate)
        /// A declaration, by its record date.
        case declaration(LedgerDate)
        /// An income or expense record.
        case record(LedgerDate)
        case receipt(LedgerDate)
        case investment(LedgerDate)
        /// A household's registration, by its date: reversing it withdraws the household.
        case registration(LedgerDate)

        /// What `entry` is to a reversal of it; nil for an entry no reversal undoes.
        public init?(_ entry: Entry) {
            switch entry.payload {
            case .sharesIssue, .sharesTransfer, .sharesRetire: self = .shares
            case .dividendPay(let p): self = .payment(p.date)
            case .dividendDeclare(let d): self = .declaration(d.recordDate)
            case .incomeRecord(let c), .expenseRecord(let c): self = .record(c.date)
            case .fundReceive(let f): self = .receipt(f.date)
            case .investmentMake(let i): self = .investment(i.date)
            case .householdRegister(let r): self = .registration(r.date)
            default: return nil
            }
        }
    }

    /// Why this reversal's `date` cannot stand against entry `target`, or nil: money is
    /// returned, an error found, on or after the day of what it undoes; a share entry is undone
    /// on its own date, so a day given for it would say what the ledger does not do.
    public func refusal(reversing target: Int64, _ undone: Undone) -> String? {
        guard let date else { return nil }
        switch undone {
        case .shares:
            return "entry \(target) is a share entry, undone on its own date; a reversal of it takes no date"
        case .payment(let day) where date < day:
            return "the reversal is dated \(date), before the payment it reverses (entry \(target), \(day))"
        case .declaration(let day) where date < day:
            return "the reversal is dated \(date), before the record date of the distribution it withdraws (entry \(target), \(day))"
        case .record(let day) where date < day:
            return "the reversal is dated \(date), before the record it reverses (entry \(target), \(day))"
        case .receipt(let day) where date < day:
            return "the reversal is dated \(date), before the receipt it reverses (entry \(target), \(day))"
        case .investment(let day) where date < day:
            return "the reversal is dated \(date), before the investment it reverses (entry \(target), \(day))"
        case .registration(let day) where date < day:
            return "the reversal is dated \(date), before the registration it withdraws (entry \(target), \(day))"
        default:
            return nil
        }
    }
}

extension Entry {
    /// The day an entry took effect as a reader dates it: a reversal's own `date`, or the day
    /// it was recorded.
    public var reversalDate: LedgerDate {
        if case .entryReverse(let r) = payload, let date = r.date { return date }
        return at.date
    }
}
