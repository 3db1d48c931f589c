import Foundation
import GRDB
import LedgerCore

/// The reads statements and their proofs need: entries with their stored hashes (each line of a
/// statement prints one) and exact bodies (a proof carries them).
extension LedgerReader {
    /// An entry with the hash stored beside it.
    public typealias HashedEntry = (entry: Entry, hash: EntryHash)

    /// The body of entry `seq` exactly as stored, or nil when there is no such entry.
    public func body(seq: Int64) throws -> [UInt8]? {
        let statement = try db.cachedStatement(sql: "SELECT body FROM entry WHERE seq = ?")
        guard let row = try Row.fetchOne(statement, arguments: [seq]) else { return nil }
        return try row.withUnsafeData(atIndex: 0) { data in data.map { [UInt8]($0) } ?? [] }
    }

    /// The entries that name `household`, with their hashes, in order.
    public func hashedEntries(household: String) throws -> [HashedEntry] {
        try hashedEntries(sql: "SELECT seq, body, hash FROM entry WHERE household = ? OR counterpart = ? ORDER BY seq",
                          arguments: [household, household])
    }

    /// The entries of kind `kind`, with their hashes, in order.
    public func hashedEntries(kind: EntryKind) throws -> [HashedEntry] {
        try hashedEntries(sql: "SELECT seq, body, hash FROM entry WHERE \(Schema.kindCondition(kind)) ORDER BY seq", arguments: [kind.rawValue])
    }

    /// Every entry with its hash, in order, in one scan (a statement for every household): the
    /// n-th row entry n, or the ledger is refused. A table rebuilt without its key could hold two
    /// rows of one seq, and the second be taken for the next entry of the tree.
    public func allHashedEntries() throws -> [HashedEntry] {
        let all = try hashedEntries(sql: "SELECT seq, body, hash FROM entry ORDER BY seq", arguments: [])
        for (position, item) in all.enumerated() where item.entry.seq != Int64(position) {
            throw StoreError.notALedger(path: path, reason: "its entries are not 0, 1, 2 … in order: entry \(item.entry.seq) stands where entry \(position) should (run fenhong verify)")
        }
        return all
    }
}
