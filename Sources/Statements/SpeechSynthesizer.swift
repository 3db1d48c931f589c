import Foundation

/// Why a spoken statement could not be written.
public enum SpeechSynthesisError: Error, Equatable, CustomStringConvertible {
    /// The speech engine is not installed or not on `PATH`.
    case engineNotFound(engine: String)
    /// The engine ran but exited non-zero.
    case engineFailed(engine: String, exitStatus: Int32, message: String)
    /// The engine exited zero but left no WAV file at `path`.
    case outputMissing(path: String)
    /// The script could not be handed to the engine (a temporary file could not be written).
    case scriptNotWritten(path: String, reason: String)

    /// One sentence naming the fault and what to do.
    public var description: String {
        switch self {
        case .engineNotFound(let engine):
            return "\(engine) was not found on PATH; install it (apt-get install espeak-ng) to write spoken statements"
        case .engineFailed(let engine, let status, let message):
            return "\(engine) exited with status \(status): \(message)"
        case .outputMissing(let path):
            return "the speech engine wrote no audio to \(path)"
        case .scriptNotWritten(let path, let reason):
            return "could not write the speech script to \(path): \(reason)"
        }
    }
}

/// Turns a `SpeechRenderer` script into a WAV file with the espeak-ng Mandarin voice.
public enum SpeechSynthesizer {
    /// The espeak-ng voice for Mandarin. `espeak-ng --voices=zh` lists `cmn` and `cmn-latn-pinyin`;
    /// in espeak-ng 1.51 (Debian, Ubuntu) plain `cmn` reads each character's pinyin as English,
    /// tone digit included ("陈" → "chen two"; espeak-ng issue #1236), while `cmn-latn-pinyin`
    /// reads Chinese correctly and Latin names such as "Baixin" as pinyin.
    public static let mandarinVoice = "cmn-latn-pinyin"

    /// Writes `script` as speech to the WAV file `output`.
    ///
    /// Runs `espeak-ng -v cmn-latn-pinyin -b 1 -f SCRIPT -w FILE`; the script goes through a temporary file
    /// because a long statement can exceed the kernel's limit on one argument (128 KiB).
    /// Throws `SpeechSynthesisError` when espeak-ng is missing or fails; never traps.
    public static func wav(
        script: String, to output: URL, voice: String = mandarinVoice, engine: String = "espeak-ng"
    ) throws(SpeechSynthesisError) {
        guard let executable = findOnPath(engine) else { throw .engineNotFound(engine: engine) }
        let scriptFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("fenhong-speech-\(ProcessInfo.processInfo.globallyUniqueString).txt")
        // Removed however the function ends, a half-written script included.
        defer { try? FileManager.default.removeItem(at: scriptFile) }
        do {
            try Data(ssml(pronounced(script)).utf8).write(to: scriptFile)
        } catch {
            throw .scriptNotWritten(path: scriptFile.path, reason: String(describing: error))
        }

        let process = Process()
        process.executableURL = executable
        // -b 1: the input is UTF-8; -m: it is SSML; -f: read the text from a file; -w: write WAV instead of playing.
        process.arguments = ["-v", voice, "-b", "1", "-m", "-f", scriptFile.path, "-w", output.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .engineFailed(engine: engine, exitStatus: -1, message: String(describing: error))
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .engineFailed(
                engine: engine, exitStatus: process.terminationStatus,
                message: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0
        guard size > 44 else { throw .outputMissing(path: output.path) }  // 44 bytes is an empty WAV header
    }

    /// Words the engine reads with their other reading, each written as it is said for the engine
    /// alone (the script keeps the words): espeak-ng 1.51's Mandarin reads 银行 yínxíng, 返还
    /// fǎnhái, 会计 huìjì, 还款 háikuǎn and 调整 diàozhěng (checked with `espeak-ng -x`).
    static let soundAlikes: [(word: String, said: String)] = [
        ("银行", "银航"), ("返还", "返环"), ("会计", "快计"), ("还款", "环款"), ("调整", "条整"),
    ]

    /// How long the engine pauses at an empty line of a script, between its sections: without
    /// it a heading sounded like any other sentence (no pause was longer than 0.37 s).
    static let sectionPause = "900ms"

    /// `script` as SSML: its text escaped, each empty line a pause of ``sectionPause``.
    static func ssml(_ script: String) -> String {
        let escaped = script.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let paragraphs = escaped.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }.filter { !$0.isEmpty }
        return "<speak>\n" + paragraphs.joined(separator: "\n<break time=\"\(sectionPause)\"/>\n") + "\n</speak>\n"
    }

    /// `script` as the engine is to read it (``soundAlikes``), each capital letter apart: a
    /// voucher's ZLT run together was one garbled syllable (`z,i51,ai35lth'i51`), Z L T three
    /// letters' names.
    static func pronounced(_ script: String) -> String {
        let said = soundAlikes.reduce(script) { $0.replacingOccurrences(of: $1.word, with: $1.said) }
        var out = ""
        for character in said {
            if character.isASCII && character.isUppercase {
                if let last = out.last, last != " " { out.append(" ") }
                out.append(character)
                out.append(" ")
            } else {
                if character == " ", out.last == " " { continue }
                out.append(character)
            }
        }
        return out
    }

    /// The first executable named `name` in the directories of `PATH`, or `name` itself if it is a path.
    static func findOnPath(_ name: String) -> URL? {
        let fileManager = FileManager.default
        if name.contains("/") {
            return fileManager.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/" + name
            if fileManager.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }
}
