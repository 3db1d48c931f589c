import Foundation
import LedgerCore
import LedgerVerifier

/// Verifying what an inspector points at, a ledger file or a bundle folder, and cosigning a
/// ledger only after it verified.
public enum LedgerAudit {
    /// Verifies the ledger file or bundle folder at `path` against an optional trusted checkpoint.
    public static func verify(path: String, trusted: SignedCheckpoint?, progress: (@Sendable (Int64) -> Void)? = nil) throws -> VerificationReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SourceError("\(path) does not exist")
        }
        let options = Verifier.Options(progressInterval: 100_000) { count in progress?(count) }
        if isDirectory.boolValue {
            return try Verifier.verify(BundleSource(folder: path), trusted: trusted, options: options)
        }
        let sidecars = LedgerStore.Sidecars(of: path)
        do {
            return try Verifier.verify(LedgerStore.auditSource(path: path), trusted: trusted, options: options)
        } catch {
            sidecars.removeNewEmpty()
            throw error
        }
    }

    /// What `path` names for `verify`: itself when it is a ledger file or a bundle folder (one
    /// with `entries.jsonl`); for any other folder, the ledgers in it — its `*.fenhong` files and
    /// its bundle folders, by name — and the names of the other files it skipped (SQLite's
    /// `-wal` and `-shm` files beside a ledger are neither).
    public static func ledgers(at path: String) -> (ledgers: [String], skipped: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              !FileManager.default.fileExists(atPath: path + "/entries.jsonl"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return ([path], []) }
        var ledgers = [String](), skipped = [String]()
        for name in names.sorted() where !name.hasPrefix(".") {
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            var folder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &folder)
            if folder.boolValue ? FileManager.default.fileExists(atPath: full + "/entries.jsonl") : name.hasSuffix(".fenhong") {
                ledgers.append(full)
            } else if !["-wal", "-shm", "-journal"].contains(where: { name.hasSuffix($0) }) {
                skipped.append(name)
            }
        }
        return (ledgers, skipped)
    }

    /// Reads a checkpoint the inspector kept.
    public static func readTrusted(_ path: String) throws -> SignedCheckpoint {
        let data: [UInt8]
        do { data = try InputFile.contents(of: path, label: "--trusted \(path)") } catch { throw SourceError(error.description) }
        guard var text = String(validating: data, as: UTF8.self) else { throw SourceError("--trusted \(path) is not UTF-8 text") }
        // As a text editor may have saved it: a byte-order mark before, CRLF line ends (Notepad).
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        do { return try SignedCheckpoint(parsing: text) } catch { throw SourceError("--trusted \(path): \(error)") }
    }

    /// What `cosign` did.
    public enum CosignOutcome {
        /// The head checkpoint now carries the inspector's cosignature.
        case cosigned(SignedNote, VerificationReport)
        /// The inspector had already cosigned the head checkpoint.
        case alreadyCosigned(SignedNote, VerificationReport)
        /// The ledger did not verify; nothing was written.
        case refused(VerificationReport)
    }

    /// Verifies the whole ledger and, only if it is intact and `signer` is an enrolled, unretired
    /// inspector key, adds a C2SP cosignature at `time` to the head checkpoint.
    /// With `trusted`, the ledger must also extend that checkpoint: a fork re-signed with the
    /// accountant's key is not cosigned.
    public static func cosign(path: String, with signer: NoteSigner, time: UInt64, trusted: SignedCheckpoint? = nil,
                              progress: (@Sendable (Int64) -> Void)? = nil) throws -> CosignOutcome {
        guard signer.verifier.algorithm == .cosignature else {
            throw SourceError("key \(signer.name) is an accountant key; cosign with an inspector key (`fenhong key generate --role inspector`)")
        }
        let report = try verify(path: path, trusted: trusted, progress: progress)
        guard let record = report.keys[signer.id], record.key == signer.verifier, record.role == .inspector else {
            throw SourceError("key \(signer.name) (\(signer.id)) is not an inspector key of \(path); enrol it first with `fenhong key add --vkey \(signer.verifier.vkey) --role inspector`")
        }
        if let retiredAt = record.retiredAt {
            throw SourceError("inspector key \(signer.name) (\(signer.id)) was retired at entry \(retiredAt) and can no longer cosign")
        }
        guard report.ok else { return .refused(report) }
        let store = try LedgerStore.open(path: path)
        guard let head = try store.withReader({ try $0.checkpoint(size: report.size) }), head.checkpoint.root == report.root else {
            throw SourceError("\(path) changed while it was being verified; run cosign again")
        }
        if head.note.cosignatureTime(by: signer.verifier) != nil { return .alreadyCosigned(head.note, report) }
        var note = head.note
        try note.cosign(with: signer, time: time)
        try store.addCosignature(size: report.size, keyID: signer.id, line: note.signatures[note.signatures.count - 1].line)
        return .cosigned(note, report)
    }
}
