import Dispatch
import Foundation
import LedgerCore
import LedgerStore
import MerkleLog
import Statements

/// Every household's statement written into a folder: the ledger is read once, then the
/// statements are built, rendered and written on both cores. A household that fails is reported
/// and the others are still written.
public enum StatementBatch {
    /// One household's outcome.
    public struct Item: Sendable {
        public let household: String
        public let head: String
        /// The file written, or nil when the household failed.
        public let file: String?
        public let statement: HouseholdStatement?
        public let failure: String?
        /// True when a proof of an earlier run was removed, as this run wrote none.
        public var removedProof = false
    }

    /// The file in a statements folder naming the village whose statements it holds.
    public static let originFile = ".fenhong-origin"

    /// Claims `folder` for the statements of the ledger of `origin`, refusing one that holds
    /// another village's: household numbers repeat across villages, and statements written over
    /// another village's would be checked against the wrong ledger (and the index list only these).
    static func claim(_ folder: String, for origin: String) throws {
        let marker = folder + "/" + originFile
        if let data = FileManager.default.contents(atPath: marker) {
            let existing = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard existing == origin else {
                throw ReportError("\(folder) holds the statements of another village, \(MessageText.quoted(existing)) (\(marker)); "
                                  + "write those of \(origin) into a folder of their own: household numbers repeat across villages")
            }
            return
        }
        try StatementSource.write(Array((origin + "\n").utf8), to: marker)
    }

    /// What a batch did: each household's outcome, in household order, and the files it removed
    /// of households withdrawn since an earlier run (they have no statement now).
    public struct Outcome: Sendable {
        public let items: [Item]
        public let removedOfWithdrawn: [String]
    }

    /// Writes `<household>.<fileExtension>` (and `<household>.proof.txt` with `proofs`) for every
    /// household into `folder`.
    public static func write(store: LedgerStore, to folder: String, year: Int?, date: LedgerDate, fileExtension: String,
                             proofs: Bool, render: @escaping @Sendable (HouseholdStatement) throws -> [UInt8],
                             progress: @escaping @Sendable (Int, Int) -> Void) throws -> Outcome {
        var withdrawn = [String]()
        let (households, facts, footer, proofFiles) = try store.withReader { reader in
            let signed = try StatementSource.checkpoint(reader, size: nil)
            let footer = try StatementSource.footer(reader, signed)
            let records = try reader.allHashedEntries().map { RecordedEntry(entry: $0.entry, hash: $0.hash) }
            guard let (all, facts) = HouseholdFacts.collect(from: records) else {
                throw ReportError("the ledger does not start with ledger.open")
            }
            // A household withdrawn (registered by mistake) has no statement.
            withdrawn = all.filter { facts[$0]!.withdrawal(before: footer.checkpoint.size) != nil }
            let left = Set(withdrawn)
            let households = all.filter { !left.contains($0) }
            var proofFiles = [String: String]()
            if proofs {
                // Proofs read tree nodes and bodies from the ledger: made here, on this thread.
                let tree = MerkleTree(reader: reader.subtreeReader)
                for household in households {
                    guard let statement = try? HouseholdStatement.build(facts: facts[household]!, year: year, date: date, checkpoint: footer) else { continue }
                    proofFiles[household] = try StatementSource.proof(reader, statement, signed, tree: tree).serialized
                }
            }
            return (households, facts, footer, proofFiles)
        }
        try claim(folder, for: footer.checkpoint.origin)
        // The statement of a household withdrawn since an earlier run would be printed with the
        // rest: in whatever form an earlier run wrote it.
        var removed = [String]()
        for household in withdrawn {
            for written in Set(Self.fileExtensions + [fileExtension, "proof.txt"]).sorted() where Self.removeIfPrinted(folder + "/" + household + "." + written) {
                removed.append(household + "." + written)
            }
        }
        let creating = NSLock()
        let results = Slots<Item>(count: households.count)
        let counter = Counter()
        let parts = 2
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            for index in stride(from: part, to: households.count, by: parts) {
                let household = households[index]
                let file = household + "." + fileExtension
                do {
                    let statement = try HouseholdStatement.build(facts: facts[household]!, year: year, date: date, checkpoint: footer)
                    let bytes = try render(statement)
                    let proofPath = folder + "/" + household + ".proof.txt"
                    // Never over a file fenhong did not print (a ledger or a key moved into the folder).
                    for path in [folder + "/" + file] + (proofFiles[household] == nil ? [] : [proofPath]) {
                        if let taken = OutputFile.notFenhongsToReplace(path) { throw ReportError("cannot write \(path): \(taken)") }
                    }
                    // One file created in the folder at a time: two threads creating files in one
                    // folder spin on its lock in the kernel (a third of a batch's time).
                    try creating.withLock { try StatementSource.write(bytes, to: folder + "/" + file) }
                    var removedProof = false
                    if let proof = proofFiles[household] {
                        try creating.withLock { try StatementSource.write(Array(proof.utf8), to: proofPath) }
                    } else {
                        // A proof left from an earlier run would be taken for this statement's.
                        // (unlink: FileManager's removal of a missing file cost 0.2 ms a household.)
                        removedProof = Self.removeIfPrinted(proofPath)
                    }
                    results.set(index, Item(household: household, head: statement.head, file: file, statement: statement, failure: nil,
                                            removedProof: removedProof))
                } catch {
                    let head = facts[household]?.entries.lazy.compactMap(Self.head).first ?? ""
                    results.set(index, Item(household: household, head: head, file: nil, statement: nil, failure: "\(error)"))
                }
                progress(counter.increment(), households.count)
            }
        }
        return Outcome(items: results.values, removedOfWithdrawn: removed)
    }

    /// The forms a batch writes statements in: text, HTML, PDF, and text to be read aloud.
    static let fileExtensions = ["txt", "html", "pdf", "speech.txt"]

    /// The title of the index a batch writes beside the statements: a farmers' cooperative's lists
    /// its members' 盈余分配明细单, as their statements are titled (since 2026-12-01; it had been
    /// titled as a village's).
    public static func indexTitle(cooperative: Bool) -> String { cooperative ? "盈余分配明细单目录" : "分红明细单目录" }

    /// Every title an index of fenhong's has, for knowing one written by an earlier run.
    static let indexTitles = [indexTitle(cooperative: false), indexTitle(cooperative: true)]

    /// Why the index cannot be written at `path`, if it cannot: a link, a folder or a file that
    /// may not be written lies there, or a file fenhong did not write (``isIndex(_:)``). Judged
    /// before any statement is written.
    public static func indexProblem(at path: String) -> String? {
        if let taken = OutputFile.takenBySomethingElse(path) { return "cannot write the statements' index: \(taken); nothing was written" }
        if FileManager.default.fileExists(atPath: path), !isIndex(path) {
            return "\(path) is not an index fenhong wrote, and the statements' index would be written over it; move it, or write into another folder"
        }
        return nil
    }

    /// Removes the index at `path` when a batch wrote it (one of another form, from an earlier
    /// run, lists that run's files and totals); true when it did.
    public static func removeIndex(at path: String) -> Bool {
        isIndex(path) && unlink(path) == 0
    }

    /// Removes the file at `path` when fenhong printed it (a statement, proof or script of an
    /// earlier run); true when it did. Any other file under such a name — a ledger or a key moved
    /// into the folder — stays.
    static func removeIfPrinted(_ path: String) -> Bool {
        access(path, F_OK) == 0 && OutputFile.notFenhongsToReplace(path) == nil && unlink(path) == 0
    }

    /// Whether the file at `path` is an index a batch wrote (its title first, or an HTML page of
    /// fenhong's with that title): only such a file is written over or removed. False when there
    /// is no file.
    public static func isIndex(_ path: String) -> Bool {
        guard !OutputFile.isLink(path), let head = InputFile.head(of: path, count: 4_096) else { return false }
        // As an editor saved it again: UTF-8, or GB18030 (Notepad's "ANSI" on a Chinese Windows),
        // its last character perhaps cut by the 4 KB read.
        let bytes = [UInt8](head)
        let decoded = (0...3).lazy.compactMap { cut in try? CSVEncoding.decode(Array(bytes.dropLast(cut))).utf8 }.first ?? bytes
        let text = String(decoding: decoded, as: UTF8.self)
        if text.contains("<meta name=\"generator\" content=\"fenhong\">") && indexTitles.contains(where: { text.contains("<title>\($0)</title>") }) { return true }
        // The title first, then the header of its table: 户号 … 文件 (re-saved by an editor too:
        // a byte-order mark, Windows line ends).
        let lines = text.split(whereSeparator: \.isNewline).prefix(8).map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{FEFF}"])) }
        return lines.first.map(indexTitles.contains) == true && lines.contains { $0.hasPrefix("户号") && $0.contains("文件") && $0.contains("应分") }
    }

    static func head(_ record: RecordedEntry) -> String? {
        if case .householdRegister(let r) = record.entry.payload { return r.head }
        return nil
    }
}

/// Slots written by several threads, each index by one thread only, read after all finish.
final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { storage.map { $0! } }
}

/// A count shared by threads.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
