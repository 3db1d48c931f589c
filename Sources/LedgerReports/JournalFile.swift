import Foundation
import Journal
import LedgerCore
import LedgerStore

/// Writes a ledger's journal (`fenhong export --format hledger|beancount`) entry by entry: two
/// passes over the entries in one read, the transactions spooled beside the file while the
/// accounts they name are gathered, then header, transactions and totals joined. The file
/// appears whole or not at all.
public enum JournalFile {
    /// Writes the journal of the ledger in `store` to `out`, which must not exist; returns the
    /// number of entries.
    public static func write(store: LedgerStore, format: JournalFormat, to out: String) throws -> Int64 {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: out) else { throw StoreError.outputExists(path: out) }
        let reason = OutputFile.whyNotCreatable(out)
        guard reason == OutputFile.generic else { throw StoreError.cannotCreate(path: out, reason: reason) }
        let staging = out + ".partial-\(ProcessInfo.processInfo.processIdentifier)", spool = staging + ".transactions"
        defer {
            try? fm.removeItem(atPath: spool)
            try? fm.removeItem(atPath: staging)
        }
        do {
            var export = JournalExport(format: format)
            guard var transactions = BufferedOutput(creating: spool) else { throw StoreError.cannotCreate(path: out, reason: OutputFile.generic) }
            try store.withReader { reader in
                try reader.forEachEntry { export.survey($0) }
                try reader.forEachEntry { try transactions.write(export.text(for: $0)) }
            }
            try transactions.close()
            guard var journal = BufferedOutput(creating: staging), let spooled = FileHandle(forReadingAtPath: spool) else {
                throw StoreError.cannotCreate(path: out, reason: OutputFile.generic)
            }
            defer { try? spooled.close() }
            try journal.write(export.header())
            while let chunk = try spooled.read(upToCount: 1 << 20), !chunk.isEmpty { try journal.write(chunk) }
            try journal.write(export.closing())
            try journal.close()
            try fm.moveItem(atPath: staging, toPath: out)
            return export.entries
        } catch let error as StoreError {
            throw error
        } catch where fm.fileExists(atPath: out) {
            throw StoreError.outputExists(path: out)  // made by someone else meanwhile
        } catch {
            throw StoreError.cannotCreate(path: out, reason: (error as NSError).localizedDescription)
        }
    }
}
