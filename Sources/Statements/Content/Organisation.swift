import LedgerCore

/// What kind of organisation keeps a ledger, as its name (`ledger.open`'s `org`) says.
enum Organisation {
    /// ``LedgerOpen/isCooperative(_:)``.
    static func isCooperative(_ org: String) -> Bool { LedgerOpen.isCooperative(org) }
}
