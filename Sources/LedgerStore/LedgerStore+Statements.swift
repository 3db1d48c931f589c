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
        var all = [HashedEntry]()
        try forEachHashedEntry { all.append(($0, $1)) }
        return all
    }

    /// Every entry in order, one at a time, as ``allHashedEntries()`` holds them: decoded, held
    /// to its stored hash, and at its place (0, 1, 2 …).
    public func forEachHashedEntry(_ body: (Entry, EntryHash) throws -> Void) throws {
        var position: Int64 = 0
        try forEachHashedEntry(sql: "SELECT seq, body, hash FROM entry ORDER BY seq", arguments: []) { entry, hash in
            guard entry.seq == position else {
                throw StoreError.notALedger(path: path, reason: "its entries are not 0, 1, 2 … in order: entry \(entry.seq) stands where entry \(position) should (run fenhong verify)")
            }
            try body(entry, hash)
            position += 1
        }
    }
}
