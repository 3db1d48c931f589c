import Foundation
import Testing
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

    /// A ledger `file` of origin `fenhong/152223/<village>`, opened at `at` by a new accountant key
    /// `<village>-accountant` (`accountant.key`, both set as the defaults), then `steps` run.
    static func ledger(_ file: String, village: String, org: String, at: String, steps: [[String]]) throws -> CLI {
        let cli = try CLI()
        cli.environment = ["FENHONG_LEDGER": file, "FENHONG_KEY": "accountant.key"]
        #expect(try cli.run("key", "generate", "--name", "\(village)-accountant", "--out", "accountant.key").status == 0)
        let opening = ["init", "--origin", "fenhong/152223/\(village)", "--org", org, "--village", "白辛嘎查",
                       "--region", "兴安盟,扎赉特旗,阿尔本格勒镇,白辛嘎查", "--at", at]
        for step in [opening] + steps {
            let run = try cli.execute(step)
            #expect(run.status == 0, "\(step.joined(separator: " ")): \(run.stderr)")
        }
        return cli
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
