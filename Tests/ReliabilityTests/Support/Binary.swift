import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `fenhong` binary, run as a user would, or started and killed.
enum Binary {
    /// What a run printed and how it ended.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary beside the test bundle (`.build/debug/fenhong`).
    static let path: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("fenhong")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/fenhong").path
    }()

    /// Runs `program` (the binary by default) to its end in `folder`.
    @discardableResult
    static func run(_ arguments: [String], in folder: String, program: String = path) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once so that neither can fill up and stall the child.
        let stderr = Captured()
        let errors = err.fileHandleForReading
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderr.data = errors.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr.data, as: UTF8.self))
    }

    /// Bytes a reader thread hands back once it is done.
    private final class Captured: @unchecked Sendable {
        var data = Data()
    }

    /// Starts the binary with its output discarded; the caller kills or waits for it.
    static func start(_ arguments: [String], in folder: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Sends SIGKILL (no handler, no cleanup, no atexit: as close to pulling the plug as a
    /// process can get) and waits for the child. Returns false when it had already exited.
    static func kill(_ process: Process) -> Bool {
        let wasRunning = process.isRunning
        if wasRunning { _ = Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return wasRunning && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
    }
}
