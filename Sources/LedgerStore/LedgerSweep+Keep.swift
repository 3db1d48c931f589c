import FenhongCrypto
import Foundation
import LedgerCore
import LedgerVerifier

/// `fenhong verify … --keep FOLDER`: after a run, the checkpoint each intact village's ledger
/// ends with goes into one folder of kept checkpoints, one file a village, which the next run
/// takes as `--trusted FOLDER`. What an inspector otherwise does by hand, a village at a time
/// (`fenhong checkpoint > kept/village.txt`), for a league's 850.
extension LedgerSweep {
    /// What keeping came to.
    public struct Keeping: Sendable {
        /// The files written: new, or a village's earlier checkpoint replaced by its newer one.
        public var written: [String] = []
        /// The files that already held the checkpoint (nothing written).
        public var unchanged: [String] = []
        /// Cosigned checkpoints a later one replaced, kept beside it.
        public var cosigned: [String] = []
        /// Why a village's checkpoint was not kept: a sentence each.
        public var notKept: [String] = []
    }

    /// Whether `folder` can take kept checkpoints: a folder, or nothing yet (made when keeping).
    /// Asked before anything is verified, so that a wrong `--keep` writes nothing.
    public static func checkKeepFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SourceError("--keep \(folder) is a file, not a folder: give the folder kept checkpoints go in (made if missing)")
        }
        // The folder, or the nearest folder above it that exists, must take new files; none of
        // them a bundle, whose files are a ledger's.
        var existing = URL(fileURLWithPath: folder).standardizedFileURL
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" { existing.deleteLastPathComponent() }
        var above = URL(fileURLWithPath: FileIdentity.realPath(existing.path))  // through links, as files are written
        while true {
            if isBundle(above.path) {
                throw SourceError("--keep \(folder) would put kept checkpoints in the bundle \(above.path), whose files are a ledger's: "
                    + "give a folder of their own")
            }
            guard above.path != "/" else { break }
            above.deleteLastPathComponent()
        }
        guard FileManager.default.isWritableFile(atPath: existing.path) else {
            throw SourceError("--keep \(folder): \(existing.path == URL(fileURLWithPath: folder).standardizedFileURL.path ? "the folder" : existing.path) "
                + "cannot be written to; give a folder you may write to")
        }
    }

    /// The file a village's checkpoint is kept in: its origin with each `/` written `_`
    /// (`fenhong/152223/baixin` → `fenhong_152223_baixin.txt`). One file a village: an entry's
    /// origin is `fenhong/` + six digits + `/` + lowercase ASCII letters, digits and `-`, so no two
    /// origins give one name, and none a name a file system refuses. An origin too long for a file
    /// name (a village's name has no bound) keeps its first 150 bytes and, after a `~` no origin
    /// holds, 16 hex digits of its SHA-256.
    /// The file in `folder` a village's checkpoint is kept in (``keptFileName(origin:)``).
    static func keptFile(origin: String, in folder: String) -> String { join(folder, keptFileName(origin: origin)) }

    public static func keptFileName(origin: String) -> String {
        let stem = origin.replacingOccurrences(of: "/", with: "_")
        guard stem.utf8.count > 200 else { return stem + ".txt" }
        return String(decoding: stem.utf8.prefix(150), as: UTF8.self) + "~" + SHA256Digest.hash(Array(origin.utf8)).hex.prefix(16) + ".txt"
    }

    /// Keeps in `folder` the checkpoint each village's intact ledger ends with, as verified (read
    /// in the same pass: ``VerificationReport/head``). Of several copies of a village, the longest
    /// (of one size, the one with the most inspectors' cosignatures that verify); nothing for a
    /// village one of whose copies has problems or could not be read, or whose copies disagree (a
    /// split view). A village's file is replaced only when this run held the ledger to the
    /// checkpoint it holds (`--trusted` named it) and found the ledger extends it: what is kept
    /// only ever grows. One carrying an inspector's cosignature the new one lacks is first kept
    /// beside it (``cosignedFileName(_:size:)``), so that the next visit still finds the
    /// cosignature deleted, if it is. A file that cannot be written is said, and the other
    /// villages are kept all the same.
    ///
    /// `heads`: by path, the checkpoint to keep instead of the one the ledger was verified with
    /// (its head, cosigned since: `fenhong cosign … --keep`); of a village with one, that one.
    public func keep(_ outcomes: [(path: String, outcome: Outcome)], summary: Summary, in folder: String,
                     heads: [String: String] = [:]) -> Keeping {
        var keeping = Keeping()
        let chosen = choose(outcomes, summary: summary, heads: heads, notKept: &keeping.notKept)
        guard !chosen.isEmpty else { return keeping }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            keeping.notKept.append("\(folder) cannot be made: \(error.localizedDescription); nothing kept")
            return keeping
        }
        for village in chosen { keep(village, in: folder, &keeping) }
        return keeping
    }

    /// A village's checkpoint to keep: the copy it comes from, its report, and its text.
    private typealias Chosen = (origin: String, path: String, report: VerificationReport, head: String)

    /// The checkpoint to keep of each village, and why none is kept of the others.
    private func choose(_ outcomes: [(path: String, outcome: Outcome)], summary: Summary, heads: [String: String],
                        notKept: inout [String]) -> [Chosen] {
        villages(outcomes, summary: summary).compactMap { village -> Chosen? in
            if let trouble = village.trouble {
                notKept.append("\(trouble); nothing kept for this village")
                return nil
            }
            // A checkpoint cosigned in this run is kept over any copy's stored one.
            let cosigned = village.copies.filter { heads[$0.path] != nil }
            guard let best = (cosigned.isEmpty ? village.copies : cosigned).compactMap({ copy in (heads[copy.path] ?? copy.report.head).map { (copy.path, copy.report, $0) } })
                .max(by: { ($0.1.size, Self.cosigners($0.2, $0.1).count) < ($1.1.size, Self.cosigners($1.2, $1.1).count) }) else {
                notKept.append("\(village.origin): no checkpoint covers the whole of \(village.copies[0].path); nothing to keep")
                return nil
            }
            return (village.origin, best.0, best.1, best.2)
        }
    }

    /// Keeps one village's checkpoint in `folder` (see ``keep(_:summary:in:heads:)``).
    private func keep(_ village: Chosen, in folder: String, _ keeping: inout Keeping) {
        let file = Self.keptFile(origin: village.origin, in: folder)
        let text = Data(village.head.utf8)
        // Written only as a file of its own: a link's file may lie anywhere (what is kept there is
        // not this folder's to replace), and a link to nothing was another checkpoint once.
        if InputFile.isLink(file) {
            let what = InputFile.notAFile(file) ?? "a link"
            return keeping.notKept.append("\(village.path): \(file) is \(what), not a file of its own; a kept checkpoint is written only in its own file: "
                                          + "put the checkpoint it stands for in its place, or move it away")
        }
        do throws(WriteFailure) {
            if let existing = InputFile.head(of: file, count: SignedNote.sizeMax + 1) {
                if existing == text { return keeping.unchanged.append(file) }
                switch replaceable(file, origin: village.origin, folder: folder) {
                case .failure(let refusal): return keeping.notKept.append("\(village.path): \(refusal.reason)")
                case .success(let kept):
                    if let cosigned = try keepCosigned(kept, existing, of: file, replacedBy: village.head, report: village.report) { keeping.cosigned.append(cosigned) }
                }
            }
            try Self.write(text, to: file)
            keeping.written.append(file)
        } catch {
            keeping.notKept.append("\(village.path): \(error.file) cannot be written: \(error.reason)")
        }
    }

    /// The checkpoint `file`, a village's, holds, when this run may replace it; else why not:
    /// it holds another village's checkpoint, or none, or one this run did not hold the ledger to.
    private func replaceable(_ file: String, origin: String, folder: String) -> Result<SignedCheckpoint, Refusal> {
        guard let there = try? LedgerAudit.readTrusted(file) else {
            return .failure(Refusal(reason: "\(file) holds no checkpoint that reads; move it away"))
        }
        guard there.checkpoint.origin == origin else {
            return .failure(Refusal(reason: "\(file) holds the checkpoint of another village, \(there.checkpoint.origin); move it away"))
        }
        guard heldTo(file, origin: origin) else {
            return .failure(Refusal(reason: "\(file) holds a checkpoint this run did not hold the ledger to; verify with --trusted \(folder) to replace it, or move it away"))
        }
        return .success(there)
    }

    /// Why a kept file is not replaced.
    private struct Refusal: Error {
        let reason: String
    }

    /// The file a cosigned checkpoint is kept in once a later one replaces it:
    /// `fenhong_152223_baixin.cosigned-242.txt` (a `.` no origin holds, so no village's own file).
    public static func cosignedFileName(_ file: String, size: Int64) -> String {
        String(file.dropLast(4)) + ".cosigned-\(size).txt"
    }

    /// Keeps `kept` (`existing`, the bytes of `file`), about to be replaced by `head`, beside it
    /// when it carries an inspector's cosignature that `head` does not; returns the file written, if any.
    private func keepCosigned(_ kept: SignedCheckpoint, _ existing: Data, of file: String, replacedBy head: String,
                              report: VerificationReport) throws(WriteFailure) -> String? {
        let replacing = (try? SignedCheckpoint(parsing: head)).map { $0.checkpoint.size == kept.checkpoint.size ? Self.cosigners($0.note, report) : [] } ?? []
        guard !Self.cosigners(kept.note, report).isSubset(of: replacing) else { return nil }
        var beside = Self.cosignedFileName(file, size: kept.checkpoint.size)
        var n = 1
        while let there = InputFile.head(of: beside, count: SignedNote.sizeMax + 1) {
            if there == existing { return nil }
            n += 1
            beside = Self.cosignedFileName(file, size: kept.checkpoint.size).dropLast(4) + ".\(n).txt"
        }
        try Self.write(existing, to: beside)
        return beside
    }

    /// The inspectors of the ledger `report` verified whose cosignature on `note` verifies: the
    /// evidence a kept checkpoint holds (a line repeated, or an accountant's, is none).
    private static func cosigners(_ note: String, _ report: VerificationReport) -> Set<KeyID> {
        guard let parsed = try? SignedCheckpoint(parsing: note) else { return [] }
        return cosigners(parsed.note, report)
    }

    private static func cosigners(_ note: SignedNote, _ report: VerificationReport) -> Set<KeyID> {
        Set(note.inspectorCosignatures(report.keys).map(\.signature.id))
    }

    /// True when `file` is one of the kept checkpoints of `origin` this run held its ledger to.
    private func heldTo(_ file: String, origin: String) -> Bool {
        guard let identity = FileIdentity(path: file) else { return false }
        let held = (kept[origin] ?? []) + (single.map { [$0] } ?? [])
        return held.contains { $0.checkpoint.checkpoint.origin == origin && FileIdentity(path: $0.path) == identity }
    }

    /// Writes `data` to `file` whole or not at all (Foundation writes a file beside it, then
    /// renames it over).
    private static func write(_ data: Data, to file: String) throws(WriteFailure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WriteFailure(file: file, reason: "a folder has its name")
        }
        do { try data.write(to: URL(fileURLWithPath: file), options: .atomic) } catch {
            // Foundation's words for a file it cannot write are its error's number; the system's
            // reason is underneath.
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying?.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(underlying!.code))) : error.localizedDescription
            throw WriteFailure(file: file, reason: reason)
        }
    }

    /// A kept checkpoint's file that could not be written, and why.
    private struct WriteFailure: Error {
        let file: String
        let reason: String
    }
}
