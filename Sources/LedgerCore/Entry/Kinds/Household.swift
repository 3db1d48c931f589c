/// `household.register`: a household (户) enters the register.
public struct HouseholdRegistration: EntryFields {
    /// The household number (户号), e.g. `152223-001`.
    public var household: String
    /// The head of household (户主).
    public var head: String
    /// How many members the household has.
    public var members: Int64
    /// Registered-poor (建档立卡) from `date` on.
    public var poor: Bool
    /// The head's ID number, masked (`152223********1234`); never the full number.
    public var idMasked: String
    /// The payout account, masked (`****5678`; never the full number), or `cash` for a household
    /// paid in cash, signed for at the dividend meeting.
    public var account: String
    /// Effective date.
    public var date: LedgerDate

    public init(household: String, head: String, members: Int64, poor: Bool, idMasked: String, account: String, date: LedgerDate) {
        self.household = household
        self.head = head
        self.members = members
        self.poor = poor
        self.idMasked = idMasked
        self.account = account
        self.date = date
    }

    /// What a household's `account` must be.
    static let accountForm = "must be masked, e.g. ****5678, or \"cash\" for a household paid in cash"

    public init(reading f: inout FieldReader) throws(EntryError) {
        household = try f.string(.household)
        head = try f.string(.head)
        members = try f.positiveInteger(.members)
        poor = try f.bool(.poor)
        idMasked = try f.string(.idMasked)
        account = try f.string(.account)
        date = try f.date(.date)
        try Self.checkHousehold(household, f)
        guard Masking.isMaskedID(idMasked) else { throw f.invalid(.idMasked, "must be masked, e.g. 152223********1234") }
        guard Masking.isPayoutAccount(account) else { throw f.invalid(.account, Self.accountForm) }
    }

    public func write(to f: inout FieldWriter) {
        f.set("household", household)
        f.set("head", head)
        f.set("members", members)
        f.set("poor", poor)
        f.set("idMasked", idMasked)
        f.set("account", account)
        f.set("date", date)
    }

    static func checkHousehold(_ household: String, _ f: FieldReader) throws(EntryError) {
        guard household != "collective", household.utf8.count <= 32, household.utf8.allSatisfy(isHouseholdByte)
        else { throw f.invalid(.household, "must be a household number of at most 32 letters, digits and -, not \(MessageText.quoted(household))") }
    }

    /// An ASCII letter, digit or `-`.
    private static func isHouseholdByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): true
        default: false
        }
    }
}

/// `household.update`: changes to a household from an effective date on; absent fields are unchanged.
public struct HouseholdUpdate: EntryFields {
    public var household: String
    public var head: String?
    public var members: Int64?
    /// Registered-poor status from `date` on; `false` records an exit from poverty (脱贫).
    public var poor: Bool?
    public var idMasked: String?
    public var account: String?
    public var date: LedgerDate
    public var reason: String?

    public init(household: String, head: String? = nil, members: Int64? = nil, poor: Bool? = nil, idMasked: String? = nil,
                account: String? = nil, date: LedgerDate, reason: String? = nil) {
        self.household = household
        self.head = head
        self.members = members
        self.poor = poor
        self.idMasked = idMasked
        self.account = account
        self.date = date
        self.reason = reason
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        household = try f.string(.household)
        head = try f.optionalString(.head)
        members = try f.optionalInteger(.members)
        poor = try f.optionalBool(.poor)
        idMasked = try f.optionalString(.idMasked)
        account = try f.optionalString(.account)
        date = try f.date(.date)
        reason = try f.optionalString(.reason)
        if let members, members <= 0 { throw f.invalid(.members, "must be greater than zero") }
        if let idMasked, !Masking.isMaskedID(idMasked) { throw f.invalid(.idMasked, "must be masked, e.g. 152223********1234") }
        if let account, !Masking.isPayoutAccount(account) { throw f.invalid(.account, HouseholdRegistration.accountForm) }
        guard head != nil || members != nil || poor != nil || idMasked != nil || account != nil else {
            throw f.invalid(.household, "names no change (a head, members, poor, idMasked or account)")
        }
    }

    public func write(to f: inout FieldWriter) {
        f.set("household", household)
        f.set("head", head)
        f.set("members", members)
        f.set("poor", poor)
        f.set("idMasked", idMasked)
        f.set("account", account)
        f.set("date", date)
        f.set("reason", reason)
    }
}

extension HouseholdRegistration {
    /// The registration as `update` leaves it.
    public mutating func apply(_ update: HouseholdUpdate) {
        if let head = update.head { self.head = head }
        if let members = update.members { self.members = members }
        if let idMasked = update.idMasked { self.idMasked = idMasked }
        if let account = update.account { self.account = account }
        if let poor = update.poor { self.poor = poor }
    }

    /// `household` as `history` registers it on `date`: its registration with the updates dated
    /// by then applied in the order recorded (as `household list`, statements and `dividend pay`
    /// read it). Nil when `history` does not register it.
    public static func of(_ household: String, on date: LedgerDate, in history: some Sequence<EntryPayload>) -> HouseholdRegistration? {
        var registration: HouseholdRegistration?
        for payload in history {
            switch payload {
            case .householdRegister(let r) where r.household == household: registration = r
            case .householdUpdate(let u) where u.household == household && u.date <= date: registration?.apply(u)
            default: break
            }
        }
        return registration
    }
}
