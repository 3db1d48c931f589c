import Foundation
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
        // The folder, or the nearest folder above it that exists, must take new files.
        var existing = URL(fileURLWithPath: folder).standardizedFileURL
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" { existing.deleteLastPathComponent() }
        guard FileManager.default.isWritableFile(atPath: existing.path) else {
            throw SourceError("--keep \(folder): \(existing.path == URL(fileURLWithPath: folder).standardizedFileURL.path ? "the folder" : existing.path) "
                + "cannot be written to; give a folder you may write to")
        }
    }

    /// The file a village's checkpoint is kept in: its origin with each `/` written `_`
    /// (`fenhong/152223/baixin` → `fenhong_152223_baixin.txt`). One file a village: an entry's
    /// origin is `fenhong/` + six digits + `/` + lowercase ASCII letters, digits and `-`, so no two
    /// origins give one name, and none a name a file system refuses.
    public static func keptFileName(origin: String) -> String {
        origin.replacingOccurrences(of: "/", with: "_") + ".txt"
    }

    /// Keeps in `folder` the checkpoint each village's intact ledger ends with, as verified (read
    /// in the same pass: ``VerificationReport/head``). Of several copies of a village, the longest;
    /// none for a village whose copies disagree (a split view) or whose ledger had problems. A
    /// village's file is replaced only when this run held the ledger to the checkpoint it holds
    /// (`--trusted` named it) and found the ledger extends it: what is kept only ever grows.
    public func keep(_ outcomes: [(path: String, outcome: Outcome)], summary: Summary, in folder: String) throws -> Keeping {
        var keeping = Keeping()
        var latest = [String: (path: String, report: VerificationReport)]()
        for (path, outcome) in outcomes {
            guard case .verified(let report, _) = outcome, report.ok, let origin = report.origin else { continue }
            guard !summary.splitOrigins.contains(origin) else { continue }
            guard report.head != nil else {
                keeping.notKept.append("\(path): no checkpoint covers the whole ledger, nothing to keep")
                continue
            }
            if let other = latest[origin], other.report.size >= report.size { continue }
            latest[origin] = (path, report)
        }
        for origin in summary.splitOrigins.sorted() {
            keeping.notKept.append("\(origin): its copies disagree (a split view); nothing kept for this village")
        }
        guard !latest.isEmpty else { return keeping }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (origin, (path, report)) in latest.sorted(by: { $0.key < $1.key }) {
            let file = (folder.hasSuffix("/") ? folder : folder + "/") + Self.keptFileName(origin: origin)
            let text = Data(report.head!.utf8)
            if let existing = FileManager.default.contents(atPath: file) {
                if existing == text { keeping.unchanged.append(file); continue }
                guard heldTo(file, origin: origin) else {
                    keeping.notKept.append("\(path): \(file) holds a checkpoint this run did not hold the ledger to; "
                        + "verify with --trusted \(folder) to replace it, or move it away")
                    continue
                }
            }
            try write(text, to: file)
            keeping.written.append(file)
        }
        return keeping
    }

    /// True when `file` is one of the kept checkpoints of `origin` this run held its ledger to.
    private func heldTo(_ file: String, origin: String) -> Bool {
        guard let identity = FileIdentity(path: file) else { return false }
        let held = (kept[origin] ?? []) + (single.map { [$0] } ?? [])
        return held.contains { $0.checkpoint.checkpoint.origin == origin && FileIdentity(path: $0.path) == identity }
    }

    /// Writes `data` to `file` whole or not at all (Foundation writes a file beside it, then
    /// renames it over).
    private func write(_ data: Data, to file: String) throws {
        do { try data.write(to: URL(fileURLWithPath: file), options: .atomic) } catch {
            throw SourceError("--keep: cannot write \(file): \(error.localizedDescription)")
        }
    }
}
