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

    /// Every entry with its hash, in order, in one scan (a statement for every household).
    public func allHashedEntries() throws -> [HashedEntry] {
        try hashedEntries(sql: "SELECT seq, body, hash FROM entry ORDER BY seq", arguments: [])
    }

    private func hashedEntries(sql: String, arguments: StatementArguments) throws -> [HashedEntry] {
        var out = [HashedEntry]()
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let row = try cursor.next() {
            let seq: Int64 = row[0]
            let bytes = try row.withUnsafeData(atIndex: 1) { data in data.map { [UInt8]($0) } ?? [] }
            let hashData: Data? = row[2]
            guard let hashData, let hash = EntryHash(bytes: hashData) else {
                throw StoreError.notALedger(path: path, reason: "entry \(seq) has a malformed hash (run fenhong verify)")
            }
            do {
                out.append((try Entry.decode(body: bytes), hash))
            } catch {
                throw StoreError.notALedger(path: path, reason: "entry \(seq) cannot be read: \(error) (run fenhong verify)")
            }
        }
        return out
    }
}
