import Foundation

/// Reads a file the user named, saying in one sentence why it cannot be read: missing, a folder,
/// or not readable — not "cannot be read" for all three.
public enum InputFile {
    /// Why a named file cannot be read; its message names the file as the user gave it.
    public struct Unreadable: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The bytes of `path`. `label` names it in messages (the path, or "--trusted PATH").
    public static func contents(of path: String, label: String? = nil) throws(Unreadable) -> [UInt8] {
        let name = label ?? path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Unreadable(description: "\(name) does not exist")
        }
        guard !isFolder.boolValue else { throw Unreadable(description: "\(name) is a folder, not a file") }
        guard isRegularFile(path) else { throw Unreadable(description: "\(name) is not a regular file (a device or a pipe)") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Unreadable(description: "\(name) cannot be read (no permission)")
        }
        return [UInt8](data)
    }

    /// Whether `path` (its symbolic links followed) is a regular file: not a folder, a device or
    /// a pipe, which would block or never end when read.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

/// Says why a file the user asked for could not be created, in words, instead of the system's
/// "The operation could not be completed".
public enum OutputFile {
    /// Why `path` cannot be created: its folder is missing, is not a folder, or cannot be written
    /// to; a generic reason when none of these is the cause (a full disk, a name too long).
    public static func whyNotCreatable(_ path: String) -> String {
        let shown = folder(of: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: shown, isDirectory: &isFolder) else {
            return "the folder \(shown) does not exist"
        }
        guard isFolder.boolValue else { return "\(shown) is a file, not a folder" }
        guard FileManager.default.isWritableFile(atPath: shown) else { return "the folder \(shown) cannot be written to (no permission)" }
        return generic
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
