import Foundation
import LedgerCore
import LedgerVerifier

/// `fenhong verify` of many villages in one run: the ledgers that paths and folders hold (found
/// in subfolders too, named in any case, or known by their content), each verified against the
/// checkpoint kept for its village, and what the reports say together: which were not intact,
/// what was passed over, two copies of one village's ledger that disagree, a village whose kept
/// checkpoint found no ledger.
public struct LedgerSweep: Sendable {
    /// The ledger files and bundle folders found, each once, in the order given (a folder's by name).
    public let ledgers: [String]
    /// The other files in the folders given, passed over (SQLite's `-wal`, `-shm` and `-journal`
    /// files beside a ledger are not counted).
    public let passedOver: [String]

    /// Why `path` (one of ``passedOver``) was passed over, in words, its name shown escaped.
    public static func passedOverLine(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return "passed over \(MessageText.oneLine(path)): " + (name.unicodeScalars.contains(where: MessageText.needsEscape)
            ? "its name holds a line break, a tab or a terminal's escape, which a report would print as lines of its own; rename it to verify it"
            : "not a ledger file or a bundle folder")
    }
    /// Names of a file already found (hard links), and which one is verified: one sentence each.
    public let sameFileNotes: [String]
    /// Kept files named as one village's that hold another's checkpoint: one sentence each.
    public let misfiledNotes: [String]
    /// True when one file is verified by two names: then one ledger at a time.
    let repeatsAFile: Bool
    /// The checkpoint to hold one ledger to: the one `--trusted` names, for a single ledger.
    let single: Kept?
    /// The checkpoints kept, by origin, largest first (`--trusted` with many ledgers).
    public let kept: [String: [Kept]]
    /// True when `--trusted` and `--keep` name one folder that holds no checkpoint yet (missing
    /// or empty): a first visit, which holds each ledger to nothing and keeps the first ones.
    public let startsKeeping: Bool
    /// True when the paths are only some of the villages kept (see ``init(paths:trusted:keep:partial:)``).
    public let partial: Bool
    /// The villages none of whose checkpoints is kept that may be kept and cosigned although
    /// others' are: the inspector has seen each is one the round should have.
    public let newVillages: NewVillages

    /// Which villages new to a round the inspector accepts.
    public enum NewVillages: Sendable, Equatable {
        case none
        /// Every one (`--new-villages`).
        case all
        /// Those of these origins (`--new-village ORIGIN`): a look-alike of one is not among them.
        case origins(Set<String>)

        func accepts(_ origin: String?) -> Bool {
            switch self {
            case .none: false
            case .all: true
            case .origins(let given): origin.map(given.contains) ?? false
            }
        }
    }

    /// What an inspector gives to keep and cosign a village new to the round.
    static func newVillageAdvice(_ origin: String?) -> String {
        "once you have seen it is one the round should have, give --new-village \(origin ?? "ORIGIN")"
    }

    /// A checkpoint kept, and the file it was read from.
    public struct Kept: Sendable {
        public let path: String
        public let checkpoint: SignedCheckpoint

        public init(path: String, checkpoint: SignedCheckpoint) {
            self.path = path
            self.checkpoint = checkpoint
        }
    }

    /// What verifying one ledger came to.
    public enum Outcome {
        /// The report, and the checkpoint it was held to, if any.
        case verified(VerificationReport, trusted: SignedCheckpoint?)
        /// Why it could not be verified.
        case cannotRun(any Error)
    }

    /// `trusted`: a checkpoint kept (a file), or a folder of them. With one ledger, a file is the
    /// checkpoint it is held to, whatever its origin (a mismatch is a problem); with many, each
    /// ledger is held to the kept checkpoint of its own origin.
    /// `keep`: the folder `--keep` names; like a folder of kept checkpoints `trusted` names, it is
    /// not searched for ledgers when it lies inside a folder given (its files are no ledgers).
    /// `partial`: the paths are some of the villages kept in `trusted`, not all (a day's round):
    /// a village kept there whose ledger is not given is not said to be missing.
    public init(paths: [String], trusted: String?, keep: String? = nil, partial: Bool = false, newVillages: NewVillages = .none) throws {
        self.partial = partial
        self.newVillages = newVillages
        var names = Names(), passedOver = [String]()
        let skipping = Set([trusted, keep].compactMap { $0.flatMap(FileIdentity.init(path:)) })
        for path in paths {
            let (ledgers, others) = Self.ledgers(at: path, skipping: skipping)
            for ledger in ledgers { names.add(ledger) }
            passedOver += others
        }
        let found = names.ledgers
        ledgers = found
        sameFileNotes = names.notes
        repeatsAFile = names.repeatsAFile
        self.passedOver = passedOver
        // The first visit of `--trusted K --keep K`, the same command each time: nothing kept yet.
        // Only while no checkpoint lies anywhere in the folder (a subfolder, a hidden name), and
        // nothing stands where a kept file would that cannot be read.
        let firstVisit = trusted.map { trusted in
            Self.isSameFolder(trusted, keep) && (!FileManager.default.fileExists(atPath: trusted)
                || Self.isFolder(trusted) && Self.scanKept(trusted) == ([], nil))
        } ?? false
        let keptFiles = firstVisit ? [] : try trusted.map(Self.keptFiles) ?? []
        if let trusted { try Self.requireOutside(keptFiles, of: found, trusted: trusted) }
        startsKeeping = firstVisit
        // A file given is what one ledger is held to; a folder's checkpoints go by village.
        var misfiled = [String]()
        if found.count == 1, let trusted, !Self.isFolder(trusted), let file = keptFiles.first {
            single = Kept(path: file, checkpoint: try LedgerAudit.readTrusted(file))
            kept = [:]
        } else {
            single = nil
            var byOrigin = [String: [Kept]]()
            for file in keptFiles {
                let checkpoint = try LedgerAudit.readTrusted(file)
                let origin = checkpoint.checkpoint.origin
                byOrigin[origin, default: []].append(Kept(path: file, checkpoint: checkpoint))
                if let note = Self.misfiled(file, origin: origin) { misfiled.append(note) }
            }
            kept = byOrigin.mapValues { $0.sorted { $0.checkpoint.checkpoint.size > $1.checkpoint.checkpoint.size } }
        }
        misfiledNotes = misfiled
    }

    /// What to say of kept file `file`, holding a checkpoint of `origin`, when it is named as
    /// another village's (`fenhong_…txt`, as `--keep` names them): the village its name stands for
    /// is held to no checkpoint from it — a file moved or replaced. Nil when named as its own, or
    /// not as any village's.
    static func misfiled(_ file: String, origin: String) -> String? {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard name.hasPrefix("fenhong_"), name.hasSuffix(".txt"), !name.contains(".cosigned-"), name != keptFileName(origin: origin) else { return nil }
        return "\(MessageText.oneLine(file)) is named as another village's kept file but holds the checkpoint of \(MessageText.oneLine(origin)) "
            + "(moved or replaced?): the village its name stands for is held to no checkpoint from it"
    }

    /// Refuses a kept checkpoint that lies in a bundle folder being verified: a bundle's own
    /// checkpoints agree with it whatever was cut from it or rewritten, so holding it to them
    /// proves nothing (VERIFY.txt tells the inspector to keep one: a copy, taken away).
    private static func requireOutside(_ keptFiles: [String], of ledgers: [String], trusted: String) throws {
        let bundles = ledgers.filter(isFolder).map { (given: $0, resolved: URL(fileURLWithPath: $0).resolvingSymlinksInPath().path + "/") }
        guard !bundles.isEmpty else { return }
        for file in keptFiles {
            let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
            guard let bundle = bundles.first(where: { resolved.hasPrefix($0.resolved) }) else { continue }
            let what = file == trusted ? "is" : "holds \(MessageText.oneLine(file)),"
            throw SourceError("--trusted \(MessageText.oneLine(trusted)) \(what) a checkpoint of the bundle \(MessageText.oneLine(bundle.given)) being verified, "
                              + "which agrees with it whatever was cut from it or rewritten: give the checkpoint you kept from an earlier visit, a copy kept apart from the bundle")
        }
    }

    /// The checkpoints kept in `folder` (as `--trusted FOLDER` reads them), largest first.
    public static func keptCheckpoints(in folder: String) throws -> [Kept] {
        try keptFiles(folder).map { Kept(path: $0, checkpoint: try LedgerAudit.readTrusted($0)) }
            .sorted { $0.checkpoint.checkpoint.size > $1.checkpoint.checkpoint.size }
    }

    /// True when `a` and `b` name one folder, whether or not it exists yet.
    static func isSameFolder(_ a: String, _ b: String?) -> Bool {
        guard let b else { return false }
        if let one = FileIdentity(path: a), let other = FileIdentity(path: b) { return one == other }
        return URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }

    /// The files `--trusted` names: itself, or a folder's checkpoints wherever in it
    /// (``scanKept(_:depth:)``). A link to nothing or a pipe where a kept file would be stops the
    /// run: the checkpoint it stood for would hold nothing, and a ledger it catches pass.
    private static func keptFiles(_ path: String) throws -> [String] {
        guard isFolder(path) else { return [path] }
        let scan = scanKept(path)
        if let odd = scan.odd { throw SourceError(odd) }
        guard !scan.files.isEmpty else { throw SourceError("--trusted \(path) is a folder with no kept checkpoint in it") }
        return scan.files
    }

    /// The checkpoint files of the kept folder `path` — in it and in its subfolders, for a
    /// checkpoint moved into one (an archive of older ones, a folder made to hide one) is still
    /// held — and the first thing standing where a kept checkpoint would that cannot be read, in a
    /// sentence: a link to nothing or a pipe named as a kept file is (`*.txt`, `fenhong_*`). Links
    /// to folders are not followed, nor `.git` read. A file is a checkpoint when it begins as one
    /// does, or is named as a village's kept file (`fenhong_*.txt`: read, so that one damaged is
    /// said to be); any other file is passed over — what an OS or a sync tool leaves on a stick
    /// (Thumbs.db, .Trashes), a README. A hidden file is held only when it holds a whole
    /// checkpoint (one `--keep` was writing when a run stopped holds part of one).
    private static func scanKept(_ path: String, depth: Int = 0) -> (files: [String], odd: String?) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        var files = [String](), odd: String?
        for name in names.sorted() where name != ".git" {
            let file = join(path, name)
            var info = stat()
            guard lstat(file, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                guard depth < 8 else { continue }
                let inner = scanKept(file, depth: depth + 1)
                files += inner.files
                odd = odd ?? inner.odd
                continue
            }
            let looksKept = name.lowercased().hasSuffix(".txt") || name.hasPrefix("fenhong_")
            if let what = InputFile.notAFile(file) {
                if looksKept, !what.hasSuffix("folder") {
                    odd = odd ?? "--trusted \(MessageText.oneLine(path)) holds \(MessageText.oneLine(file)), which is \(what), not a kept checkpoint: "
                        + "a kept file is read at every visit; put the checkpoint it stood for in its place, or move it out of the folder"
                }
                continue
            }
            if name.hasPrefix(".") {
                if (try? LedgerAudit.readTrusted(file)) != nil { files.append(file) }
                continue
            }
            var head = InputFile.head(of: file, count: 11) ?? Data()
            if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
            // A checkpoint saved as UTF-16 (Notepad's "Unicode") is read, to be refused by name.
            let utf16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
            if head.starts(with: Data("fenhong/".utf8)) || name.hasPrefix("fenhong_") && name.lowercased().hasSuffix(".txt") || utf16 && looksKept {
                files.append(file)
            }
        }
        return (files, odd)
    }

    /// True when `origin`'s ledger is new to a round that keeps other villages' checkpoints, and
    /// is not to be kept or cosigned until the inspector says it belongs (``newVillages``):
    /// a history begun again under a look-alike origin is held to nothing, and would be kept.
    func isNewVillage(_ origin: String?) -> Bool {
        !newVillages.accepts(origin) && !kept.isEmpty && kept[origin ?? ""] == nil
    }

    /// Verifies the ledger at `path`, held to the checkpoints kept for its village, in one pass:
    /// the largest in the report, and each other one too (two kept checkpoints may disagree; the
    /// ledger must extend them all).
    public func verify(_ path: String, progress: (@Sendable (Int64) -> Void)? = nil) -> Outcome {
        if let single {
            do {
                return .verified(try LedgerAudit.verify(path: path, trusted: single.checkpoint, progress: progress), trusted: single.checkpoint)
            } catch { return .cannotRun(error) }
        }
        func held(_ kept: [Kept]) -> [Verifier.Trusted] {
            kept.enumerated().map { Verifier.Trusted($0.element.checkpoint, name: $0.offset == 0 ? nil : "the checkpoint kept in \($0.element.path)") }
        }
        do {
            var kept = self.kept.isEmpty ? [] : LedgerAudit.origin(of: path).flatMap { self.kept[$0] } ?? []
            var report = try LedgerAudit.verify(path: path, heldTo: held(kept), progress: progress)
            // Entry 0 unreadable where it was looked up first, but read by the verifier: held to
            // its village's kept checkpoints all the same.
            if kept.isEmpty, let origin = report.origin, let found = self.kept[origin] {
                kept = found
                report = try LedgerAudit.verify(path: path, heldTo: held(kept), progress: progress)
            }
            return .verified(report, trusted: kept.first?.checkpoint)
        } catch {
            return .cannotRun(error)
        }
    }

    /// What the outcomes say together.
    public struct Summary: Sendable {
        public var intact: [String] = []
        public var withProblems: [String] = []
        public var unreadable: [String] = []
        /// Two or more ledgers of one origin and size with different roots: one village, two
        /// histories. Each a sentence.
        public var splitViews: [String] = []
        /// The origins of those split views.
        public var splitOrigins: Set<String> = []
        /// Kept checkpoints whose village no ledger given belongs to: each such village's largest.
        public var keptWithoutLedger: [Kept] = []
        /// Ledgers of one organisation and village under two origins: one history, or one under
        /// another name (a fork whose origin was changed escapes the checkpoint kept of the first).
        /// Each a sentence.
        public var renamed: [String] = []
        /// The origins of those, each with its sentence.
        public var renamedOrigins: [String: String] = [:]
        /// Ledgers verified against no kept checkpoint while checkpoints were kept for others
        /// (`--trusted FOLDER`): villages new to the folder, each `path (origin, N entries)`.
        public var newVillages: [String] = []
        /// Their origins, and whether the inspector accepted each.
        public var newOrigins: [String: Bool] = [:]

        /// 2 when a ledger could not be read or a kept checkpoint found none, 1 for problems
        /// (split views and one organisation under two origins among them), else 0.
        public var exitCode: Int32 {
            !unreadable.isEmpty || !keptWithoutLedger.isEmpty ? 2 : !withProblems.isEmpty || !splitViews.isEmpty || !renamed.isEmpty ? 1 : 0
        }
    }

    public func summary(_ outcomes: [(path: String, outcome: Outcome)]) -> Summary {
        var summary = Summary()
        var byOrigin = [String: [(path: String, report: VerificationReport)]]()
        for (path, outcome) in outcomes {
            switch outcome {
            case .verified(let report, _):
                if report.ok { summary.intact.append(path) } else { summary.withProblems.append(path) }
                if let origin = report.origin { byOrigin[origin, default: []].append((path, report)) }
            case .cannotRun:
                summary.unreadable.append(path)
            }
        }
        for (origin, copies) in byOrigin.sorted(by: { $0.key < $1.key }) {
            for (size, same) in Dictionary(grouping: copies, by: { $0.report.size }).sorted(by: { $0.key < $1.key }) {
                let roots = Dictionary(grouping: same, by: { $0.report.root })
                guard roots.count > 1 else { continue }
                let versions = roots.sorted { $0.value[0].path < $1.value[0].path }.map { root, paths in
                    paths.map(\.path).joined(separator: ", ") + " (root \(root.hex.prefix(16))…)"
                }
                summary.splitOrigins.insert(origin)
                summary.splitViews.append("\(origin): \(versions.joined(separator: " and ")) each hold \(size) entries of this village "
                    + "with a different root: one village, two histories (a split view); keep every copy, and hold each to a checkpoint kept from before")
            }
        }
        // Copies of one village of different sizes: the longest must extend each shorter one —
        // have, at its size, the root its entries give (whatever else is wrong with either).
        for (origin, copies) in byOrigin.sorted(by: { $0.key < $1.key }) {
            guard let longest = copies.max(by: { $0.report.size < $1.report.size }) else { continue }
            let shorter = copies.filter { $0.report.size < longest.report.size }.sorted { ($0.report.size, $0.path) < ($1.report.size, $1.path) }
            guard !shorter.isEmpty,
                  let roots = try? LedgerAudit.verify(path: longest.path, heldTo: [], rootsAt: Set(shorter.map(\.report.size))).rootsAt else { continue }
            for copy in shorter where roots[copy.report.size] != copy.report.root {
                summary.splitOrigins.insert(origin)
                summary.splitViews.append("\(origin): \(longest.path) (\(longest.report.size) entries) does not extend \(copy.path) (\(copy.report.size) entries, "
                    + "root \(copy.report.root.hex.prefix(16))…): one village, two histories (a split view); keep every copy, and hold each to a checkpoint kept from before")
            }
        }
        summary.noteRenamed(byOrigin)
        if !kept.isEmpty {
            for (path, outcome) in outcomes {
                // Those in another trouble (two origins, two histories, problems) are named for it.
                guard case .verified(let report, nil) = outcome, report.ok, let origin = report.origin,
                      summary.renamedOrigins[origin] == nil, !summary.splitOrigins.contains(origin) else { continue }
                summary.newVillages.append("\(path) (\(report.origin ?? "no origin"), \(report.entries) \(report.entries == 1 ? "entry" : "entries"))")
                summary.newOrigins[origin] = newVillages.accepts(origin)
            }
        }
        let given = Set(byOrigin.keys)
        // One a village (its largest kept checkpoint), however many are kept of it.
        summary.keptWithoutLedger = partial ? [] : kept.filter { !given.contains($0.key) }.compactMap(\.value.first).sorted { $0.path < $1.path }
        return summary
    }

    /// What `path` names: itself when it is a ledger file or a bundle folder; for any other
    /// folder, the ledgers in it and in its subfolders (not through links to folders) — files
    /// named `*.fenhong` in any case or beginning as an SQLite database does (a damaged `x.db` is
    /// passed over and named: a `Thumbs.db` is no ledger), and bundle folders — by name, and the
    /// other files,
    /// passed over. A folder with a bundle's `checkpoints` or `keys.txt` but no `entries.jsonl` is
    /// a bundle cut short, not a folder to pass over.
    /// Folders in `skipping` (those of kept checkpoints) are not searched.
    static func ledgers(at path: String, skipping: Set<FileIdentity> = []) -> (ledgers: [String], passedOver: [String]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue, !isBundle(path),
              let names = try? FileManager.default.contentsOfDirectory(atPath: path)
        else { return ([path], []) }
        var ledgers = [String](), passedOver = [String]()
        for name in names.sorted() {
            let full = join(path, name)
            // A name with a line break or a terminal's escape in it could print a line of a report
            // of its own: passed over, and named escaped.
            if name.unicodeScalars.contains(where: MessageText.needsEscape) {
                passedOver.append(full)
                continue
            }
            var folder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &folder)
            let isLink = (try? FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType) == .typeSymbolicLink
            if folder.boolValue {
                if let identity = FileIdentity(path: full), skipping.contains(identity) { continue }
                // A link to a folder is not followed: `up -> ..` would count a ledger without end.
                guard !isLink || isBundle(full) else { passedOver.append(full); continue }
                let inner = Self.ledgers(at: full, skipping: skipping)
                ledgers += inner.ledgers
                passedOver += inner.passedOver
            } else if name.lowercased().hasSuffix(".fenhong") || isSQLite(full) {
                ledgers.append(full)
            } else if !["-wal", "-shm", "-journal"].contains(where: { name.lowercased().hasSuffix($0) }) {
                passedOver.append(full)
            }
        }
        return (ledgers, passedOver)
    }

    /// True for a bundle folder, whole or cut short: one with `entries.jsonl`, or with the
    /// `keys.txt` and `VERIFY.txt` every exported bundle has (a folder of kept checkpoints named
    /// `checkpoints` is none).
    static func isBundle(_ folder: String) -> Bool {
        let has = { (name: String) in FileManager.default.fileExists(atPath: join(folder, name)) }
        return has("entries.jsonl") || has("keys.txt") && has("VERIFY.txt")
    }

    /// True for a file that begins as every SQLite database does.
    private static func isSQLite(_ path: String) -> Bool {
        InputFile.head(of: path, count: 16) == Data("SQLite format 3\0".utf8)
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
