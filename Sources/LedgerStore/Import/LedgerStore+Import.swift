import LedgerCore

extension LedgerStore {
    /// Appends every row of `batch` in one command (one transaction, one checkpoint), or
    /// nothing. A broken business rule (a household already registered, a payment above what is
    /// owed …) is reported as a ``CSVError`` naming the line of the row whose entry broke it;
    /// when several rows break rules, the first is named and the rest counted. `otherAccounts`:
    /// payments into accounts other than their households' registered ones are recorded as made.
    @discardableResult
    public func importRows(_ batch: ImportBatch, signer: NoteSigner, at time: LedgerTime, otherAccounts: Bool = false) throws -> AppendResult {
        precondition(!batch.payloads.isEmpty, "an import appends at least one row")
        var firstSeq: Int64 = 0
        do {
            return try append(signer: signer, at: time, otherAccounts: otherAccounts) { reader in
                firstSeq = try reader.size()
                // A file imported twice, or a row the ledger already holds, doubles what it records.
                let existing = try batch.repeatableKinds.flatMap { try reader.entries(kind: $0) } + reader.entries(kind: .entryReverse)
                if let repeated = batch.alreadyRecorded(in: existing.sorted { $0.seq < $1.seq }) {
                    throw repeated
                }
                return batch.payloads
            }
        } catch StoreError.rules(let violations) {
            var sorted = violations.sorted { $0.seq < $1.seq }
            if let hint = try? lookAlike(sorted[0], in: batch, firstSeq: firstSeq) {
                sorted[0] = RuleViolation(seq: sorted[0].seq, code: sorted[0].code, detail: sorted[0].detail + hint)
            }
            let first = batch.error(for: sorted[0], firstSeq: firstSeq)
            guard sorted.count > 1 else { throw first }
            throw CSVError(file: first.file, line: first.line, column: first.column,
                           problem: .invalidValue("\(first.problem) (and \(sorted.count - 1) more \(sorted.count == 2 ? "problem" : "problems"); nothing was recorded)"))
        }
    }

    /// For a row naming a household not registered, the registered ones it may have been before
    /// Excel read the cell as a number: `7` for `152223-007`, `12` for `0012` (a number's leading
    /// zeros, or all before its last digits, dropped). Nil when none is, or for another rule.
    private func lookAlike(_ violation: RuleViolation, in batch: ImportBatch, firstSeq: Int64) throws -> String? {
        let offset = Int(violation.seq - firstSeq)
        guard violation.code == .unknownHousehold, batch.payloads.indices.contains(offset) else { return nil }
        let given: String
        switch batch.payloads[offset] {
        case .sharesIssue(let issue): given = issue.holder
        case .dividendPay(let payment): given = payment.household
        default: return nil
        }
        let digits = { (number: String) in String(number.reversed().prefix { $0.isASCII && $0.isNumber }.reversed().drop { $0 == "0" }) }
        let wanted = digits(given)
        guard !wanted.isEmpty, given.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let registered = try withReader { try $0.registeredHouseholds() }.filter { $0 != given && digits($0) == wanted }
        guard !registered.isEmpty else { return nil }
        return " (\(registered.prefix(3).joined(separator: ", ")) \(registered.count == 1 ? "is" : "are") registered: did Excel drop the leading zeros "
            + "of the household number? Format the column as text and type it again)"
    }
}
