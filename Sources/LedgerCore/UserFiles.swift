import Foundation

/// Reads a file the user named, saying in one sentence why it cannot be read: missing, a folder,
/// or not readable — not "cannot be read" for all three.
public enum InputFile {
    /// Why a named file cannot be read; its message names the file as the user gave it.
    public struct Unreadable: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The bytes of `path`. `label` names it in messages (the path, or "--trusted PATH").
    /// `limit`: the most bytes such a file holds (`what` names such a file): a larger one is
    /// refused before it is read, not read whole into memory.
    public static func contents(of path: String, label: String? = nil, limit: (bytes: Int, what: String)? = nil) throws(Unreadable) -> [UInt8] {
        let name = label ?? path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Unreadable(description: "\(name) does not exist")
        }
        guard !isFolder.boolValue else { throw Unreadable(description: "\(name) is a folder, not a file") }
        guard isRegularFile(path) else { throw Unreadable(description: "\(name) is not a regular file (a device or a pipe)") }
        guard let handle = openRegular(path) else { throw Unreadable(description: "\(name) cannot be read (no permission)") }
        let data: Data?
        if let limit {
            data = try? handle.read(upToCount: limit.bytes + 1) ?? Data()
            if let data, data.count > limit.bytes {
                throw Unreadable(description: "\(name) is larger than \(limit.what) may be (\(limit.bytes) bytes)")
            }
        } else {
            data = try? handle.readToEnd() ?? Data()
        }
        guard let data else { throw Unreadable(description: "\(name) cannot be read (no permission)") }
        return [UInt8](data)
    }

    /// Whether `path` (its symbolic links followed) is a regular file: not a folder, a device or
    /// a pipe, which would block or never end when read.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// `path` opened for reading when it is a regular file (its links followed); nil otherwise.
    /// Opened without waiting and then judged, so that a pipe put where a file was expected is
    /// never waited on (opening a pipe for reading waits for a writer), nor a file swapped for
    /// one between a check and the opening read.
    public static func openRegular(_ path: String) -> FileHandle? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Up to `count` bytes from the start of `path` when it is a regular file that reads.
    public static func head(of path: String, count: Int) -> Data? {
        guard let handle = openRegular(path) else { return nil }
        return try? handle.read(upToCount: count) ?? Data()
    }

    /// What is at `path` itself (a link not followed), when it is no regular file or a link to
    /// one, in words: "a folder", "a link to nothing", "a pipe, a device or a socket"; nil for a
    /// regular file, a link to one, or nothing there.
    public static func notAFile(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFLNK:
            var target = stat()
            guard stat(path, &target) == 0 else { return "a link to nothing" }
            switch target.st_mode & S_IFMT {
            case S_IFREG: return nil
            case S_IFDIR: return "a link to a folder"
            default: return "a link to a pipe, a device or a socket"
            }
        default: return "a pipe, a device or a socket"
        }
    }

    /// True when `path` itself is a symbolic link.
    public static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}

/// Says why a file the user asked for could not be created, in words, instead of the system's
/// "The operation could not be completed".
public enum OutputFile {
    /// Why `path` cannot be created: its folder is missing, is not a folder, or cannot be written
    /// to; a generic reason when none of these is the cause (a full disk, a name too long).
    public static func whyNotCreatable(_ path: String) -> String {
        if let taken = takenBySomethingElse(path) { return taken }
        let shown = folder(of: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &isFolder) else {
            return "the folder \(shown) does not exist"
        }
        guard isFolder.boolValue else { return "\(shown) is a file, not a folder" }
        guard FileManager.default.isWritableFile(atPath: shown) else { return "the folder \(shown) cannot be written to (no permission)" }
        return generic
    }

    /// Why fenhong may not write a statement, a posting, a proof or a script over the file at
    /// `path`, or nil when none is there or it is one fenhong printed (printed again, it is
    /// replaced): a ledger (an SQLite database), a key, or any file fenhong did not print — a kept
    /// checkpoint, a bundle's files, a journal, a note. An `--out` mistyped had replaced a
    /// village's ledger with a statement, and exited 0.
    ///
    /// What fenhong prints says so in its own words: a PDF's producer (`/Producer (fenhong)`), an
    /// HTML page's generator, a proof's first line (`fenhong.statement-proof/v1`), a text's line
    /// saying how to check it (`核验方法：fenhong …`), a script's `先说合计。`; audio is the WAV
    /// espeak-ng writes (22,050 Hz, one channel, 16 bits).
    public static func notFenhongsToReplace(_ path: String) -> String? {
        if let taken = takenBySomethingElse(path) { return taken }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }  // none there
        defer { try? handle.close() }
        // The marks lie in a file's first or last few kilobytes (a PDF's producer at byte 146, a
        // text's check line at its end): 10,000 statements printed again read 80 MB, not 380.
        let head = [UInt8]((try? handle.read(upToCount: 4096)) ?? Data())
        if head.isEmpty { return nil }
        if head.starts(with: Array("SQLite format 3\u{0}".utf8)) { return "\(path) is an SQLite database (a ledger?), not a file fenhong printed" }
        if head.starts(with: Array("PRIVATE+KEY+".utf8)) { return "\(path) is a private key, not a file fenhong printed" }
        // Audio first: a household's years read aloud run to 100 MB.
        if head.count >= 36, head.starts(with: Array("RIFF".utf8)), head[8..<16].elementsEqual("WAVEfmt ".utf8),
           head[22] == 1, head[23] == 0, head[24..<28].elementsEqual([0x22, 0x56, 0, 0]), head[34] == 16 { return nil }
        var info = stat()
        let size = fstat(handle.fileDescriptor, &info) == 0 ? Int(info.st_size) : 0
        guard size <= 64 << 20 else { return "\(path) is there and is not a file fenhong printed" }
        // The last 4 KB, overlapping the first where the file is shorter than 8 KB (a mark across
        // byte 4,096 of a 4,179-byte statement had been in neither).
        var tail: [UInt8] = []
        if size > head.count, (try? handle.seek(toOffset: UInt64(max(0, size - 4096)))) != nil {
            tail = [UInt8]((try? handle.readToEnd()) ?? Data())
        }
        let printed = head.starts(with: Array("%PDF-".utf8)) ? ["/Producer (fenhong)"]
            : head.starts(with: Array("fenhong.statement-proof/".utf8)) ? [""]
            : ["<meta name=\"generator\" content=\"fenhong\">", "核验方法：fenhong ", "\n先说合计。\n"]
        func holds(_ bytes: [UInt8], _ mark: String) -> Bool {
            var mark = mark
            return mark.withUTF8 { needle in
                bytes.withUnsafeBytes { haystack in
                    guard needle.count <= haystack.count, let first = needle.first else { return false }
                    for i in 0...(haystack.count - needle.count) where haystack[i] == first {
                        if memcmp(haystack.baseAddress! + i, needle.baseAddress!, needle.count) == 0 { return true }
                    }
                    return false
                }
            }
        }
        if printed.contains(where: { mark in mark.isEmpty || holds(head, mark) || holds(tail, mark) }) { return nil }
        return "\(path) is there and is not a file fenhong printed"
    }

    /// Why a file cannot be written at `path` though its folder may be there: a folder, or a file
    /// that may not be written, already lies there; nil otherwise.
    public static func takenBySomethingElse(_ path: String) -> String? {
        if isLink(path) { return "\(path) is a link" }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        if isFolder.boolValue { return "\(path) is a folder" }
        return FileManager.default.isWritableFile(atPath: path) ? nil : "\(path) exists and cannot be written to (no permission)"
    }

    /// True when `path` itself is a symbolic link (to anything, or to nothing).
    public static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The folder a file's path names: `.` for a bare name, `/` for a file at the root. Not
    /// `NSString.deletingLastPathComponent`, which traps on a one-character name in this
    /// Foundation (`fenhong init --ledger c` crashed after creating the ledger).
    public static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The reason given when the folder is there and writable.
    public static let generic = "the disk may be full"
}

/// A file written a megabyte at a time: a large export streams through it, held whole nowhere.
public struct BufferedOutput {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushAt = 1 << 20

    /// Creates `path` (empty, replacing any file there) for writing; nil when it cannot be.
    public init?(creating path: String) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else { return nil }
        self.handle = handle
        buffer.reserveCapacity(Self.flushAt + (1 << 16))
    }

    public mutating func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushAt { try flush() }
    }

    public mutating func write(_ text: String) throws { try write(text.utf8) }

    /// Writes what is buffered and closes the file.
    public mutating func close() throws {
        try flush()
        try handle.close()
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
