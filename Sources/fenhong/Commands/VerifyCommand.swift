import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a ledger file or an exported bundle: bodies, chain, tree, checkpoints, signatures, business rules.",
        discussion: "Exit status: 0 intact, 1 problems found (each printed with its entry and rule), 2 could not run.")

    @Argument(help: "A ledger file, or a bundle folder written by `fenhong export`.") var path: String
    @Option(help: "A checkpoint you kept earlier: the ledger must extend it (catches truncation and rewritten history).")
    var trusted: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func run() throws {
        let report = try Audit.verify(path: path, trusted: trusted)
        print(json ? Audit.json(report) : Audit.text(report), terminator: "")
        if !report.ok { throw ExitCode(1) }
    }
}

/// Running the verifier for `verify` and `cosign`, and printing its report.
enum Audit {
    /// Verifies the ledger file or bundle folder at `path`, showing progress on stderr.
    static func verify(path: String, trusted trustedPath: String?) throws -> VerificationReport {
        let trusted = try trustedPath.map(readTrusted)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SourceError("\(path) does not exist")
        }
        let options = Verifier.Options(progressInterval: 100_000) { count in
            Printer.stderr("fenhong: verified \(count) entries…")
        }
        if isDirectory.boolValue {
            return try Verifier.verify(BundleSource(folder: path), trusted: trusted, options: options)
        }
        return try Verifier.verify(LedgerStore.auditSource(path: path), trusted: trusted, options: options)
    }

    static func readTrusted(_ path: String) throws -> SignedCheckpoint {
        guard let data = FileManager.default.contents(atPath: path) else { throw SourceError("--trusted \(path) cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw SourceError("--trusted \(path) is not UTF-8 text") }
        do { return try SignedCheckpoint(parsing: text) } catch { throw SourceError("--trusted \(path): \(error)") }
    }

    /// The summary and one line per problem.
    static func text(_ report: VerificationReport) -> String {
        var out = "\(report.source): \(report.entries) entries, tree size \(report.size), root \(report.root.hex)\n"
        out += "checkpoints checked: \(report.checkpoints)\n"
        for cosigner in report.cosigned {
            out += cosigner.size > 0
                ? "inspector \(cosigner.inspector) cosigned up to size \(cosigner.size)\n"
                : "inspector \(cosigner.inspector) has cosigned nothing\n"
        }
        if report.ok { return out + "intact: no problems found\n" }
        out += "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found:\n"
        for problem in report.problems { out += "\(problem)\n" }
        return out
    }

    /// `{"ok":…,"entries":…,"size":…,"root":…,"checkpoints":…,"cosigned":[…],"problems":[…]}`.
    static func json(_ report: VerificationReport) -> String {
        let value = JSONValue.object([
            "ok": .bool(report.ok),
            "entries": .integer(report.entries),
            "size": .integer(report.size),
            "root": .string(report.root.hex),
            "checkpoints": .integer(Int64(report.checkpoints)),
            "cosigned": .array(report.cosigned.map { .object(["inspector": .string($0.inspector), "size": .integer($0.size)]) }),
            "problems": .array(report.problems.map { problem in
                .object(["seq": problem.seq.map(JSONValue.integer) ?? .null, "code": .string(problem.code), "detail": .string(problem.detail)])
            }),
        ])
        return String(decoding: CanonicalJSON.encode(value), as: UTF8.self) + "\n"
    }
}
