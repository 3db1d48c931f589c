/// A household's registration and updates as a write's checks read them (``PovertyShares``,
/// ``PaymentAccount``): those the ledger holds, and those the command's own payloads before the
/// one judged bring (a household marked poor, then given shares, in one command). Built once for a
/// command: a payments file of 50,000 rows had copied every row before each row.
struct HouseholdHistory {
    /// The command's registrations and updates, by household, with their place among its payloads.
    private let batch: [String: [(index: Int, payload: EntryPayload)]]
    /// The ledger's registration and updates of each household asked for so far.
    private var ledger: [String: [EntryPayload]] = [:]

    init(_ payloads: [EntryPayload]) {
        var batch = [String: [(index: Int, payload: EntryPayload)]]()
        for (index, payload) in payloads.enumerated() {
            switch payload {
            case .householdRegister(let r): batch[r.household, default: []].append((index, payload))
            case .householdUpdate(let u): batch[u.household, default: []].append((index, payload))
            default: break
            }
        }
        self.batch = batch
    }

    /// `household`'s registration and updates, in order: the ledger's (`recorded`, asked once a
    /// household), then the command's before payload `index`.
    mutating func of(_ household: String, before index: Int, recorded: (String) throws -> [EntryPayload]) rethrows -> [EntryPayload] {
        let held: [EntryPayload]
        if let known = ledger[household] {
            held = known
        } else {
            held = try recorded(household)
            ledger[household] = held
        }
        return held + (batch[household] ?? []).prefix { $0.index < index }.map(\.payload)
    }
}
