/// A household's dividend goes into the account registered for it (DOMAIN §6: 一卡通, paid into
/// the household's own card). A payment into another account — a column shifted in a payments
/// file, a neighbour's card typed by mistake — pays someone else, and nothing else in the ledger
/// says so: the household's statement would list the payment as received. A household with a new
/// account has it recorded first (`household.update`), and is paid into it from that date.
///
/// Judged when an entry is written, from the household's own entries; `fenhong verify`, which
/// keeps no household's history, does not judge it (entries written before it was judged carry
/// no such promise).
public enum PaymentAccount {
    /// The bank or card payments (appended from `firstSeq` on) into an account other than the one
    /// registered for their household on their date. `recorded(h)` gives household `h`'s registration
    /// and updates in the ledger, in order; the payloads before one count as well (an account updated, then
    /// paid into, in one command). A household not registered at all is left to the other rules.
    public static func violations(_ payloads: [EntryPayload], firstSeq: Int64,
                                  recorded: (String) throws -> [EntryPayload]) rethrows -> [RuleViolation] {
        var violations = [RuleViolation]()
        var histories = HouseholdHistory(payloads)
        for (index, payload) in payloads.enumerated() {
            guard case .dividendPay(let payment) = payload, payment.channel != .cash else { continue }
            let history = try histories.of(payment.household, before: index, recorded: recorded)
            guard let registered = HouseholdRegistration.of(payment.household, on: payment.date, in: history)?.account,
                  Masking.maskAccount(registered) != Masking.maskAccount(payment.account) else { continue }
            let held = registered == Masking.cash ? "is registered as paid in cash, with no account," : "has account \(registered) registered"
            violations.append(RuleViolation(
                seq: firstSeq + Int64(index), code: .paymentAccount,
                detail: "household \(payment.household) \(held) as of \(payment.date), not \(payment.account): a dividend is paid into the household's own registered account; "
                    + "if the household has a new account, record it first (fenhong household update --household \(payment.household) --account … --date …); "
                    + "if the money went into this account all the same, record the payment as made with --other-account (import: --other-accounts)"))
        }
        return violations
    }
}
