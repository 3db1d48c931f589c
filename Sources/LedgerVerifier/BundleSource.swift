import Foundation
import LedgerCore

/// An exported bundle folder (DESIGN §2 "Bundle") as a ``LedgerSource``: `entries.jsonl`, whose
/// line n is exactly the body of entry n, and `checkpoints/<size>.txt`. A bundle keeps no stored
/// hashes or tree nodes: everything is recomputed. `keys.txt` and `VERIFY.txt` are for people;
/// the keys that count are those the entries add.
public struct BundleSource: LedgerSource {
    /// The longest line read, in bytes: far above a body's limit, which the verifier reports,
    /// but a bound on memory for a file that is not a bundle at all.
    public static let lineBytesMax = 16 << 20

    /// The folder.
    public let name: String

    /// A bundle at `folder`; throws when it has no `entries.jsonl`.
    public init(folder: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SourceError("\(folder) is not a folder")
        }
        guard FileManager.default.isReadableFile(atPath: folder + "/entries.jsonl") else {
            if InputFile.isLink(folder + "/entries.jsonl") { throw SourceError("\(folder)/entries.jsonl is a link to nothing, not a file of entries") }
            throw SourceError("\(folder) is not a Fenhong bundle: it has no readable entries.jsonl")
        }
        // A pipe or a device there would block, or never end.
        guard InputFile.isRegularFile(folder + "/entries.jsonl") else {
            throw SourceError("\(folder)/entries.jsonl is \(InputFile.notAFile(folder + "/entries.jsonl") ?? "not a regular file"), not a file of entries")
        }
        name = folder
    }

    public func read<T>(_ body: (any LedgerSnapshot) throws -> T) throws -> T {
        try body(BundleSnapshot(folder: name))
    }
}

struct BundleSnapshot: LedgerSnapshot {
    let folder: String

    func forEachEntry(_ body: (Int64, UnsafeRawBufferPointer, StoredHash) throws -> Void) throws {
        let path = folder + "/entries.jsonl"
        guard let handle = InputFile.openRegular(path) else { throw SourceError("\(path) cannot be opened") }
        defer { try? handle.close() }
        var seq: Int64 = 0
        var carry: [UInt8] = []
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw SourceError("\(path) cannot be read: \(error)") }
            if chunk.isEmpty { break }
            try chunk.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                // A byte-order mark before the first line (an editor saved the file) is no part of
                // entry 0, as a CR before a line's LF is no part of its entry.
                var start = seq == 0 && carry.isEmpty && buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
                while let newline = buffer[start...].firstIndex(of: 0x0A) {
                    if carry.isEmpty {
                        // A CR before the LF (the file passed through Windows) ends the line too:
                        // no canonical body holds a raw CR.
                        let end = newline > start && buffer[newline - 1] == 0x0D ? newline - 1 : newline
                        try body(seq, UnsafeRawBufferPointer(rebasing: buffer[start..<end]), .notKept)
                    } else {
                        carry.append(contentsOf: buffer[start..<newline])
                        if carry.last == 0x0D { carry.removeLast() }
                        try carry.withUnsafeBytes { try body(seq, $0, .notKept) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    seq += 1
                    start = newline + 1
                }
                carry.append(contentsOf: buffer[start...])
                guard carry.count <= Self.lineLimit else {
                    throw SourceError("\(path) line \(seq + 1) is longer than \(Self.lineLimit) bytes: this is not a bundle")
                }
            }
        }
        // A last line without its newline is still read as it is.
        if carry.last == 0x0D { carry.removeLast() }
        if !carry.isEmpty { try carry.withUnsafeBytes { try body(seq, $0, .notKept) } }
    }

    static let lineLimit = BundleSource.lineBytesMax

    func treeNodeLevels() throws -> StoredTreeNodes { .notKept }

    func treeNodes(level: Int) throws -> any TreeNodeCursor { NoNodes() }

    func checkpoints() throws -> any CheckpointCursor {
        BundleCheckpoints(folder: folder + "/checkpoints", sizes: try checkpointFiles().sizes)
    }

    /// `keys.txt`: every key the entries add, one vkey a line, and nothing else (the order, a
    /// byte-order mark, CRLF, spaces around a line and blank lines aside). A reader checking a checkpoint by hand takes
    /// the accountant's key from it (VERIFY.txt).
    func keysListProblems(named keys: [String]) throws -> [Problem] {
        let path = folder + "/keys.txt"
        let problem = { (detail: String) in Problem(seq: nil, .keysFile, detail) }
        guard FileManager.default.fileExists(atPath: path) || InputFile.isLink(path) else {
            return [problem("keys.txt is missing; it lists the \(keys.count) keys the entries add, for a reader checking by hand")]
        }
        guard let handle = InputFile.openRegular(path), let data = try? handle.read(upToCount: 1 << 20), data.count < 1 << 20 else {
            return [problem("keys.txt is \(InputFile.notAFile(path) ?? "a file that cannot be read whole"); it lists the keys the entries add")]
        }
        guard let text = String(data: data, encoding: .utf8) else { return [problem("keys.txt is not UTF-8 text")] }
        let lines = text.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var found = [Problem]()
        for line in lines where !keys.contains(line) {
            found.append(problem("keys.txt lists \(MessageText.quoted(line)), which no entry adds: a reader taking keys from it would hold checkpoints to a key the ledger never had"))
        }
        for key in keys where !lines.contains(key) {
            found.append(problem("keys.txt does not list \(key), which the entries add"))
        }
        return found
    }

    func storageProblems() throws -> [Problem] {
        try checkpointFiles().strays.map {
            Problem(seq: nil, .malformedCheckpoint, "checkpoints/\($0) is not named <size>.txt")
        }
    }

    /// The sizes of the `<size>.txt` files, in increasing order, and the other names.
    private func checkpointFiles() throws -> (sizes: [Int64], strays: [String]) {
        let directory = folder + "/checkpoints"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else { return ([], []) }
        guard isFolder.boolValue else { throw SourceError("\(directory) is not a folder") }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
            let why = FileManager.default.isReadableFile(atPath: directory) ? "the system refused it" : "no permission to read it"
            throw SourceError("\(directory) cannot be listed (\(why))")
        }
        var sizes: [Int64] = []
        var strays: [String] = []
        for name in names {
            if name.hasSuffix(".txt"), let size = Int64(name.dropLast(4)), "\(size).txt" == name {
                sizes.append(size)
            } else {
                strays.append(name)
            }
        }
        return (sizes.sorted(), strays.sorted())
    }
}

private struct NoNodes: TreeNodeCursor {
    mutating func next() throws -> StoredNode? { nil }
}

/// Reads `checkpoints/<size>.txt` one at a time, in size order.
private struct BundleCheckpoints: CheckpointCursor {
    let folder: String
    let sizes: [Int64]
    var position = 0

    mutating func next() throws -> StoredCheckpoint? {
        guard position < sizes.count else { return nil }
        let size = sizes[position]
        position += 1
        let path = "\(folder)/\(size).txt"
        // A dangling link, a folder, a pipe or a device is a checkpoint that cannot be read:
        // reported as malformed, like one that is not text.
        guard let handle = InputFile.openRegular(path) else {
            return StoredCheckpoint(size: size, note: nil, unreadable: "checkpoints/\(size).txt is \(InputFile.notAFile(path) ?? "a file that cannot be read")")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: SignedNote.sizeMax + 1)) ?? Data()
        guard data.count <= SignedNote.sizeMax else {
            return StoredCheckpoint(size: size, note: nil, unreadable: "checkpoints/\(size).txt is larger than a signed note may be (\(SignedNote.sizeMax) bytes)")
        }
        // The bytes stored, but for CRLF line ends (the file passed through Windows), which no
        // signed note holds: a byte-order mark is not stripped, so it is reported.
        return StoredCheckpoint(size: size, note: String(validating: [UInt8](data), as: UTF8.self)?.replacingOccurrences(of: "\r\n", with: "\n"))
    }
}
