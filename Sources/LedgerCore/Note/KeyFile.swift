import Foundation

/// Private key files: one skey line, mode 0600, refused when group or others can read them.
public enum KeyFile {
    /// Why a key file could not be used.
    public enum Error: Swift.Error, CustomStringConvertible {
        case missing(String)
        case exposed(path: String, mode: Int)
        case exists(String)
        case unreadable(path: String, reason: String)

        public var description: String { MessageText.oneLine(sentence) }

        /// The message before untrusted values in it are kept to one line.
        private var sentence: String {
            switch self {
            case .missing(let path): "key file \(path) does not exist (make one with `fenhong key generate`)"
            case .exposed(let path, let mode):
                "key file \(path) can be read by others (mode \(String(mode, radix: 8))); run `chmod 600 \(path)` first"
            case .exists(let path): "\(path) already exists; a key file is never overwritten"
            case .unreadable(let path, let reason): "key file \(path): \(reason)"
            }
        }
    }

    /// Writes `signer` to a new file readable by its owner only.
    public static func write(_ signer: NoteSigner, to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw Error.exists(path) }
        let created = FileManager.default.createFile(
            atPath: path, contents: Data((signer.skey + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw Error.unreadable(path: path, reason: "cannot be created: " + OutputFile.whyNotCreatable(path)) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// Reads a signer, refusing a file that group or others may read. What the file is comes
    /// first: a CSV file or a pipe given as `--key` is named as no key file, not told to be
    /// made private.
    public static func read(_ path: String) throws -> NoteSigner {
        guard FileManager.default.fileExists(atPath: path) else { throw Error.missing(path) }
        guard let handle = InputFile.openRegular(path) else {
            throw Error.unreadable(path: path, reason: InputFile.notAFile(path).map { "is \($0), not a key file" } ?? "cannot be read (no permission)")
        }
        let data: Data
        do { data = try handle.read(upToCount: 4096) ?? Data() } catch { throw Error.unreadable(path: path, reason: "cannot be read") }
        guard !data.isEmpty else { throw Error.unreadable(path: path, reason: "is empty (0 bytes), not a key file") }
        guard let text = String(data: data, encoding: .utf8) else { throw Error.unreadable(path: path, reason: "is not UTF-8 text") }
        let signer: NoteSigner
        do { signer = try NoteSigner(skey: text) } catch { throw Error.unreadable(path: path, reason: "\(error)") }
        // The mode of the file the key is in (a link's own mode is always 777).
        var info = stat()
        guard fstat(handle.fileDescriptor, &info) == 0 else { throw Error.unreadable(path: path, reason: "cannot be read (no permission)") }
        let mode = Int(info.st_mode & 0o7777)
        guard mode & 0o077 == 0 else { throw Error.exposed(path: path, mode: mode) }
        return signer
    }
}
