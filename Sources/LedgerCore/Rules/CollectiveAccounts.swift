/// A cooperative member's accounts (出资额, 公积金份额, 补助份额, 交易额: ``ShareClass/accounts``)
/// are members' (Art. 43): the collective holds none. One issued to it was recorded and then
/// counted in no distribution, without a word.
///
/// Judged when an entry is written; `fenhong verify` does not judge it.
public enum CollectiveAccounts {
    /// The payloads (appended from `firstSeq` on) that move a member's account to or from the collective.
    public static func violations(_ payloads: [EntryPayload], firstSeq: Int64) -> [RuleViolation] {
        payloads.enumerated().compactMap { index, payload in
            let shareClass: String
            switch payload {
            case .sharesIssue(let c) where c.holder == Holder.collective, .sharesRetire(let c) where c.holder == Holder.collective:
                shareClass = c.shareClass
            case .sharesTransfer(let t) where t.from == Holder.collective || t.to == Holder.collective:
                shareClass = t.shareClass
            default: return nil
            }
            guard ShareClass.accounts.contains(shareClass) else { return nil }
            return RuleViolation(
                seq: firstSeq + Int64(index), code: .collectiveAccount,
                detail: "\(ShareClass.displayName(shareClass)) (class \(shareClass)) is a member's account (Art. 43): the collective holds none, "
                    + "and no distribution would count it; record it for the member it belongs to")
        }
    }
}
