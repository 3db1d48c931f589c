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
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Unreadable(description: "\(name) cannot be read (no permission)")
        }
        return [UInt8](data)
    }
}
