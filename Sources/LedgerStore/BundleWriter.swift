import Foundation
import LedgerCore

/// Writes the bundle an inspector takes away (DESIGN §2 "Bundle"): `entries.jsonl` (line n is
/// exactly the body of entry n), `checkpoints/<size>.txt`, `keys.txt` (one vkey a line) and
/// `VERIFY.txt`. The folder appears whole or not at all: it is written beside and renamed.
public enum BundleWriter {
    /// What was written.
    public struct Summary: Sendable {
        public let entries: Int64
        public let checkpoints: Int
        public let keys: Int
    }

    public static func write(store: LedgerStore, to out: String) throws -> Summary {
        let fm = FileManager.default
        if fm.fileExists(atPath: out) {
            throw StoreError.outputExists(path: out)
        }
        // Named before anything is tried: the system's words for a missing or read-only folder
        // name no path.
        let reason = OutputFile.whyNotCreatable(out)
        guard reason == OutputFile.generic else { throw StoreError.cannotCreate(path: out, reason: reason) }
        let staging = out + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(atPath: staging + "/checkpoints", withIntermediateDirectories: true)
            let summary = try store.withReader { reader in try write(reader, to: staging) }
            try fm.moveItem(atPath: staging, toPath: out)
            return summary
        } catch let error as StoreError {
            try? fm.removeItem(atPath: staging)
            throw error
        } catch {
            try? fm.removeItem(atPath: staging)
            throw StoreError.cannotCreate(path: out, reason: (error as NSError).localizedDescription)
        }
    }

    private static func write(_ reader: LedgerReader, to folder: String) throws -> Summary {
        var count: Int64 = 0
        guard var entries = BufferedOutput(creating: folder + "/entries.jsonl") else { throw StoreError.readOnly(path: folder) }
        try reader.forEachCheckedBody { _, body in
            try entries.write(body)
            try entries.write(CollectionOfOne(0x0A))
            count += 1
        }
        try entries.close()

        let checkpoints = try reader.checkpoints()
        for checkpoint in checkpoints {
            try Data(checkpoint.note.utf8).write(to: URL(fileURLWithPath: "\(folder)/checkpoints/\(checkpoint.size).txt"))
        }
        var keys = [String]()
        var opening: LedgerOpen?
        for entry in try reader.entries(sql: "SELECT seq, body, hash FROM entry WHERE kind IN \(Schema.rareKindList) ORDER BY seq", arguments: []) {
            switch entry.payload {
            case .ledgerOpen(let open): opening = open; keys.append(open.key)
            case .keyAdd(let change): if !keys.contains(change.key) { keys.append(change.key) }
            default: break
            }
        }
        try Data(keys.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: folder + "/keys.txt"))
        // The recipe checks the latest checkpoint with the key that signed it: after a key was
        // rotated, that is not the first key of the ledger.
        let signer = checkpoints.last.flatMap { VerifyInstructions.signer(of: $0.note) }
        let instructions = VerifyInstructions.text(opening: opening, keys: keys, latest: checkpoints.last?.size ?? 0, signer: signer)
        try Data(instructions.utf8).write(to: URL(fileURLWithPath: folder + "/VERIFY.txt"))
        return Summary(entries: count, checkpoints: checkpoints.count, keys: keys.count)
    }
}
