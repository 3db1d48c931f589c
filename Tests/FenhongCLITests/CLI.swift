import Foundation
import TestScratch

/// Runs the built `fenhong` binary as a user would, in a temporary folder.
final class CLI {
    let folder: URL
    var environment: [String: String] = [:]

    /// What a run printed and how it ended.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    init() throws {
        folder = try Scratch.folder("cli")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The binary beside the test bundle (`.build/debug/fenhong`).
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("fenhong")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/fenhong")
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Run {
        try execute(Self.binary.path, arguments)
    }

    /// Runs the binary with `arguments`.
    @discardableResult
    func execute(_ arguments: [String]) throws -> Run {
        try execute(Self.binary.path, arguments)
    }

    /// Runs a shell command in the folder (for the bundle's VERIFY.txt recipes).
    @discardableResult
    func shell(_ script: String) throws -> Run {
        try execute("/bin/bash", ["-c", script])
    }

    private func execute(_ program: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func file(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
