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
            let sorted = violations.sorted { $0.seq < $1.seq }
            let first = batch.error(for: sorted[0], firstSeq: firstSeq)
            guard sorted.count > 1 else { throw first }
            throw CSVError(file: first.file, line: first.line, column: first.column,
                           problem: .invalidValue("\(first.problem) (and \(sorted.count - 1) more \(sorted.count == 2 ? "problem" : "problems"); nothing was recorded)"))
        }
    }
}
