import Foundation
import LedgerCore
import LedgerVerifier

/// Verifying what an inspector points at, a ledger file or a bundle folder, and cosigning a
/// ledger only after it verified.
public enum LedgerAudit {
    /// Verifies the ledger file or bundle folder at `path` against an optional trusted checkpoint.
    public static func verify(path: String, trusted: SignedCheckpoint?, progress: (@Sendable (Int64) -> Void)? = nil) throws -> VerificationReport {
        try verify(path: path, heldTo: trusted.map { [Verifier.Trusted($0)] } ?? [], progress: progress)
    }

    /// Verifies the ledger file or bundle folder at `path` held to every checkpoint of `kept`, in
    /// one pass (``Verifier/verify(_:heldTo:options:)``).
    /// `rootsAt`: sizes at which to note the recomputed root (``VerificationReport/rootsAt``).
    public static func verify(path: String, heldTo kept: [Verifier.Trusted], rootsAt: Set<Int64> = [],
                              progress: (@Sendable (Int64) -> Void)? = nil) throws -> VerificationReport {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A link to nothing is there, but names nothing.
            throw SourceError("\(path) \(InputFile.isLink(path) ? "is a link to nothing" : "does not exist")")
        }
        var options = Verifier.Options(progressInterval: 100_000) { count in progress?(count) }
        options.rootsAt = rootsAt
        if isDirectory.boolValue {
            return try Verifier.verify(BundleSource(folder: path), heldTo: kept, options: options)
        }
        // A checkpoint kept, given where the ledger goes, is named as such, not as a damaged database.
        if InputFile.head(of: path, count: 8) == Data("fenhong/".utf8) {
            throw SourceError("\(path) is a checkpoint kept, not a ledger: give it as --trusted, and the ledger or bundle as the path to verify")
        }
        return try Verifier.verify(LedgerStore.auditSource(path: path), heldTo: kept, options: options)
    }

    /// The signed checkpoint of `size` that the ledger file or bundle folder at `path` stores;
    /// nil when it has none that reads.
    public static func checkpoint(of path: String, size: Int64) -> SignedCheckpoint? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return try? readTrusted(path + "/checkpoints/\(size).txt") }
        return (try? LedgerStore.open(path: path, readOnly: true).withReader { try $0.checkpoint(size: size) }) ?? nil
    }

    /// The origin of the ledger file or bundle folder at `path`, as its entry 0 says; nil when
    /// that cannot be read (verify then says why).
    public static func origin(of path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        let first: Entry?
        if isDirectory.boolValue {
            guard let handle = InputFile.openRegular(path + "/entries.jsonl") else { return nil }
            defer { try? handle.close() }
            guard let head = try? handle.read(upToCount: Entry.bodySizeMax + 2) else { return nil }
            var line = Array(head.prefix { $0 != UInt8(ascii: "\n") })
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            first = try? Entry.decode(body: line)
        } else {
            first = try? LedgerStore.open(path: path, readOnly: true).withReader { try $0.entry(seq: 0) }
        }
        if case .ledgerOpen(let opening)? = first?.payload { return opening.origin }
        return nil
    }

    /// The village a ledger file or bundle folder that cannot be verified still names, if any:
    /// its entry 0's origin (``origin(of:)``); else a bundle's first checkpoint's first line; else
    /// the origin of the `ledger.open` body found among the file's first megabyte (a ledger cut
    /// short keeps its first pages). Only to hold a village's other copies back, never to trust.
    public static func villageNamed(by path: String) -> String? {
        if let origin = origin(of: path) { return origin }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            let checkpoints = path + "/checkpoints"
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: checkpoints)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
            for name in names {
                if let head = InputFile.head(of: checkpoints + "/" + name, count: SignedNote.sizeMax),
                   let line = String(data: head, encoding: .utf8)?.split(separator: "\n").first,
                   Origin.isValid(String(line)) { return String(line) }
            }
            return nil
        }
        guard let head = InputFile.head(of: path, count: 1 << 20) else { return nil }
        let marker = Array(#""origin":""#.utf8), bytes = [UInt8](head)
        var i = 0
        while i + marker.count < bytes.count {
            if bytes[i..<i + marker.count].elementsEqual(marker) {
                let start = i + marker.count
                if let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")),
                   let origin = String(bytes: bytes[start..<end], encoding: .utf8), Origin.isValid(origin) { return origin }
            }
            i += 1
        }
        return nil
    }

    /// Reads a checkpoint the inspector kept. `label` names it in messages; `wanted` says which
    /// checkpoint goes there, to one who gave a ledger instead.
    public static func readTrusted(_ path: String, label: String = "--trusted",
                                   wanted: String = "give the ledger as the path, and as --trusted the checkpoint you kept (fenhong checkpoint prints one)") throws -> SignedCheckpoint {
        let data: [UInt8]
        // A ledger given for its checkpoint is named as such, whatever its size.
        let isLedger = InputFile.head(of: path, count: 16) == Data("SQLite format 3\0".utf8)
        // Room for a signed note saved with CRLF line ends or in UTF-16 (refused below, by name).
        let limit = (bytes: 2 * SignedNote.sizeMax + 2, what: "a checkpoint")
        do { data = isLedger ? [] : try InputFile.contents(of: path, label: "\(label) \(path)", limit: limit) } catch { throw SourceError(error.description) }
        if isLedger {
            throw SourceError("\(label) \(path) is a ledger file, not a checkpoint kept: \(wanted)")
        }
        guard !data.isEmpty else { throw SourceError("\(label) \(path) is empty (0 bytes), not a checkpoint kept") }
        // As a text editor may have saved it: UTF-8 with or without a byte-order mark, or the
        // Chinese Windows code page (GB18030, Notepad's "ANSI"); CRLF line ends; blank lines after
        // the last signature. A checkpoint's text is ASCII, so all of these read the same.
        var text: String
        do {
            text = String(decoding: try CSVEncoding.decode([UInt8](data)).utf8, as: UTF8.self)
        } catch .utf16 {
            throw SourceError("\(label) \(path) is UTF-16 text (Notepad's \"Unicode\"); save it as UTF-8")
        } catch {
            throw SourceError("\(label) \(path) is not text in UTF-8 or GB18030")
        }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        while text.hasSuffix("\n\n") { text.removeLast() }
        do { return try SignedCheckpoint(parsing: text) } catch { throw SourceError("\(label) \(path): \(error)") }
    }

    /// What `cosign` did.
    public enum CosignOutcome {
        /// The head checkpoint now carries the inspector's cosignature.
        case cosigned(SignedNote, VerificationReport)
        /// The inspector had already cosigned the head checkpoint.
        case alreadyCosigned(SignedNote, VerificationReport)
        /// A bundle, a copy, was cosigned: the cosigned checkpoint is returned for the village's
        /// accountant to add to the ledger (`fenhong cosignature add`); nothing was written.
        case cosignedCopy(SignedNote, VerificationReport)
        /// The ledger did not verify; nothing was written.
        case refused(VerificationReport)
    }

    /// Verifies the whole ledger and, only if it is intact and `signer` is an enrolled, unretired
    /// inspector key, adds a C2SP cosignature at `time` to the head checkpoint.
    /// With `trusted`, the ledger must also extend that checkpoint: a fork re-signed with the
    /// accountant's key is not cosigned.
    public static func cosign(path: String, with signer: NoteSigner, time: UInt64, trusted: SignedCheckpoint? = nil,
                              progress: (@Sendable (Int64) -> Void)? = nil) throws -> CosignOutcome {
        try checkInspector(signer)
        return try cosign(path: path, verified: try verify(path: path, trusted: trusted, progress: progress), with: signer, time: time)
    }

    /// Refuses an accountant's key for cosigning.
    public static func checkInspector(_ signer: NoteSigner) throws {
        guard signer.verifier.algorithm == .cosignature else {
            throw SourceError("key \(signer.name) is an accountant key; cosign with an inspector key (`fenhong key generate --role inspector`)")
        }
    }

    /// Cosigns the head checkpoint of the ledger at `path`, which `report` is the verification
    /// of, when it is intact and `signer` an enrolled, unretired inspector key (see
    /// ``cosign(path:with:time:trusted:progress:)``).
    public static func cosign(path: String, verified report: VerificationReport, with signer: NoteSigner, time: UInt64) throws -> CosignOutcome {
        // A ledger with problems is said so first: the next step is to look at them, not to enrol a key.
        guard report.ok else { return .refused(report) }
        guard let record = report.keys[signer.id], record.key == signer.verifier, record.role == .inspector else {
            throw SourceError("key \(signer.name) (\(signer.id)) is not an inspector key of \(path); the village's accountant enrols it first: "
                + "`fenhong key add --ledger LEDGER --key ACCOUNTANT_KEY --vkey \(signer.verifier.vkey) --role inspector`")
        }
        if let retiredAt = record.retiredAt {
            throw SourceError("inspector key \(signer.name) (\(signer.id)) was retired at entry \(retiredAt) and can no longer cosign")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let file = path + "/checkpoints/\(report.size).txt"
            // Read as the verification just read it.
            let stored = try BundleSource(folder: path).read { snapshot -> String? in
                var cursor = try snapshot.checkpoints()
                while let checkpoint = try cursor.next() {
                    if checkpoint.size == report.size { return checkpoint.note }
                }
                return nil
            }
            let head: SignedCheckpoint
            do {
                guard let stored else { throw SourceError("it cannot be read") }
                head = try SignedCheckpoint(parsing: stored)
            } catch {
                throw SourceError("\(file): \(error)")
            }
            guard head.checkpoint.root == report.root else { throw SourceError("\(file) is not the checkpoint of the bundle's entries") }
            if head.note.cosignatureTime(by: signer.verifier) != nil { return .alreadyCosigned(head.note, report) }
            var note = head.note
            try note.cosign(with: signer, time: time)
            return .cosignedCopy(note, report)
        }
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

    /// Adds to the ledger at `path` the cosignatures `kept` carries (a checkpoint an inspector
    /// cosigned on a copy, a bundle): each must be by an inspector key of the ledger, verify over
    /// the ledger's own checkpoint of that size, and be new. Returns the inspectors added.
    public static func addCosignatures(path: String, from kept: SignedCheckpoint) throws -> [String] {
        let store = try LedgerStore.open(path: path)
        let size = kept.checkpoint.size
        let (stored, state) = try store.withReader { reader in (try reader.checkpoint(size: size), try reader.state(for: [])) }
        let keys = state.keys
        if let origin = state.opening?.origin, kept.checkpoint.origin != origin {
            throw SourceError("the checkpoint given is of \(kept.checkpoint.origin), another village; \(path) is \(origin)")
        }
        guard let stored else { throw SourceError("\(path) has no checkpoint of size \(size)") }
        guard stored.note.text == kept.note.text else {
            throw SourceError("the checkpoint given is not \(path)'s checkpoint of size \(size): it is another ledger's, or of a history this ledger does not have")
        }
        var added = [String](), lines = [(keyID: KeyID, line: String)]()
        for signature in kept.note.signatures where signature.cosignatureTime != nil {
            guard let record = keys[signature.id], record.role == .inspector, record.key.name == signature.name else {
                throw SourceError("\(signature.name) (\(signature.id)) is not an inspector key of \(path); nothing was added")
            }
            // One cosignature a key and checkpoint: already on record, or twice in the file.
            if stored.note.signatures.contains(where: { $0.id == signature.id && $0.cosignatureTime != nil })
                || lines.contains(where: { $0.keyID == signature.id }) { continue }
            guard SignedNote(text: stored.note.text, signatures: [signature]).cosignatureTime(by: record.key) != nil else {
                throw SourceError("the cosignature of inspector \(signature.name) (\(signature.id)) does not verify over checkpoint \(size); nothing was added")
            }
            if let retiredAt = record.retiredAt, size - 1 >= retiredAt {
                throw SourceError("inspector key \(signature.name) (\(signature.id)) was retired at entry \(retiredAt), before checkpoint \(size)")
            }
            lines.append((signature.id, signature.line))
            added.append("\(signature.name) (\(signature.id))")
        }
        // All or nothing: every line was judged before any is written.
        try store.addCosignatures(size: size, lines)
        return added
    }
}
