/// The business rules an entry can break, as stable codes that reports and tests name.
public enum RuleCode: String, Sendable, CaseIterable {
    case notOpened = "not-opened"
    case reopened = "reopened"
    case unknownKey = "unknown-key"
    case retiredKey = "retired-key"
    case wrongRole = "wrong-role"
    case duplicateKey = "duplicate-key"
    case lastAccountant = "last-accountant"
    case selfRetire = "self-retire"
    case unknownHousehold = "unknown-household"
    case datedBeforeRegistration = "dated-before-registration"
    case settledDate = "settled-date"
    case duplicateHousehold = "duplicate-household"
    case negativeShares = "negative-shares"
    /// A share balance beyond 2^53 − 1, the largest whole number a body holds (an allocation records it).
    case tooLarge = "too-large"
    case duplicateDistribution = "duplicate-distribution"
    case undeclaredDistribution = "undeclared-distribution"
    case duplicateAllocation = "duplicate-allocation"
    case allocationSum = "allocation-sum"
    /// An allocation that is not what its distribution's rule gives from the units recorded.
    case allocationSplit = "allocation-split"
    /// An allocation whose units are not what its household had at the record date (shares of the
    /// classes weighed, members, a cooperative member's transactions and capital accounts), or a
    /// household that had some and no allocation.
    case allocationUnits = "allocation-units"
    case notAllocated = "not-allocated"
    case overpayment = "overpayment"
    case paidBeforeRecordDate = "paid-before-record-date"
    /// A payment dated on or before the last day its distribution's list is posted for
    /// objections (公示), where the declaration records the posting.
    case paidDuringPosting = "paid-during-posting"
    /// A cooperative's distribution returning less than 60% of its pool by transactions (Art. 44).
    case cooperativeRebate = "cooperative-rebate"
    /// A distribution taking more than the income recorded and not yet distributed: paid with
    /// borrowed money (举债分配, DOMAIN §1).
    case borrowedDistribution = "borrowed-distribution"
    /// A declaration reversed while payments of its distribution stand.
    case paymentsStanding = "payments-standing"
    /// A household's registration withdrawn while it holds shares or has an allocation that stands.
    case householdStanding = "household-standing"
    case missingTarget = "missing-target"
    case irreversible = "irreversible"
    case doubleReversal = "double-reversal"
    /// A reversal dated before the entry it reverses, or dated at all for a share entry.
    case reversalDate = "reversal-date"
    /// 扶贫股 issued or transferred to a household not registered-poor on their date; judged
    /// when written (``PovertyShares``), not by `fenhong verify`.
    case povertyShares = "poverty-shares"
    /// A full ID or bank card number in an entry's text (a reason, a voucher, a name); judged
    /// when written (``UnmaskedNumbers``), not by `fenhong verify`.
    case unmaskedNumber = "unmasked-number"
    /// A bank or card payment into an account other than its household's registered one; judged
    /// when written (``PaymentAccount``), not by `fenhong verify`.
    case paymentAccount = "payment-account"
    /// A member's account (出资额, 公积金份额, 补助份额, 交易额) issued, transferred or retired for the
    /// collective, which holds none; judged when written (``CollectiveAccounts``), not by `fenhong verify`.
    case collectiveAccount = "collective-account"
}

/// One broken business rule: where, which, and the values needed to act on it.
public struct RuleViolation: Error, Equatable, Sendable, CustomStringConvertible {
    /// The entry at fault.
    public let seq: Int64
    public let code: RuleCode
    /// One sentence with the expected and found values.
    public let detail: String

    public init(seq: Int64, code: RuleCode, detail: String) {
        self.seq = seq
        self.code = code
        self.detail = MessageText.oneLine(detail)
    }

    public var description: String { "entry \(seq): \(detail) [\(code.rawValue)]" }
}
