import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

extension BenchmarkRunner {
    /// Full verification of the large ledger against the floor: every body read and hashed once,
    /// plus one Ed25519 verification per checkpoint at the rate `openssl speed` measures now.
    ///
    /// The machine is shared and its speed drifts by a fifth within minutes, so the floor and the
    /// verification are run in turns, `verifyRuns` times each, and the medians compared.
    func verify(_ report: inout BenchmarkReport) throws {
        let signaturesPerSecond = try Self.opensslEd25519VerifyRate()
        var floors: [Double] = [], ours: [Double] = []
        var result: VerificationReport?
        for _ in 0..<Self.verifyRuns {
            floors.append(try SQLiteReference.readAndHash(ledgerAt: largeLedger).seconds)
            let start = DispatchTime.now()
            result = try LedgerAudit.verify(path: largeLedger, trusted: nil)
            ours.append(seconds(since: start))
            precondition(result!.ok, "the benchmark ledger must verify: \(result!.problems.prefix(3))")
        }
        let verified = result!
        let floor = Sample.percentile(floors, 0.5), verify = Sample.percentile(ours, 0.5)
        let signatureFloor = Double(verified.checkpoints) / signaturesPerSecond
        let fullFloor = floor + signatureFloor
        report.rows.append(BenchmarkRow(
            name: "full verify of \(verified.entries) entries, \(verified.checkpoints) checkpoints (median of \(Self.verifyRuns) runs, in turns with the floor's)",
            figure: "\(Sample.s(verify)) (\(Sample.s(ours.min()!))–\(Sample.s(ours.max()!)))",
            reference: "read + SHA-256 every body \(Sample.s(floor)) (\(Sample.s(floors.min()!))–\(Sample.s(floors.max()!))); + \(verified.checkpoints) Ed25519 verifications at \(Int(signaturesPerSecond))/s (openssl speed) = \(Sample.s(fullFloor))",
            ratio: "\(Sample.ratio(verify / fullFloor)) of the full floor; \(Sample.ratio(verify / floor)) of read + hash",
            goal: "≤ 1.5×", met: verify / fullFloor <= 1.5))
        let rss = try peakMemoryOfVerify()
        report.rows.append(BenchmarkRow(
            name: "peak memory of `fenhong verify` at \(verified.entries) entries (own process, ru_maxrss)",
            figure: String(format: "%.0f MB", Double(rss) / 1_048_576), reference: "—", ratio: "—", goal: "≤ 100 MB", met: rss <= 100 << 20))
    }

    static let verifyRuns = 5

    /// Verifications per second of `openssl speed ed25519`, measured now.
    static func opensslEd25519VerifyRate() throws -> Double {
        let output = try run("/usr/bin/env", ["openssl", "speed", "-seconds", "2", "ed25519"]).stdout
        // "253 bits EdDSA (Ed25519)   0.0000s   0.0001s  24031.0   8061.3"  → the last column is verify/s.
        guard let line = output.split(separator: "\n").last(where: { $0.contains("Ed25519") && !$0.contains("sign/s") }),
              let rate = line.split(separator: " ").last.flatMap({ Double($0) })
        else { throw SourceError("cannot read `openssl speed ed25519` output") }
        return rate
    }

    /// The peak resident memory of `fenhong verify LEDGER` in a process of its own, in bytes.
    /// Measured by a small intermediate process (`fenhong bench peak-memory`): the kernel counts
    /// in a child's peak the pages it shared with its parent before exec, so a child of this
    /// large benchmark process would be charged for the benchmark's own memory.
    func peakMemoryOfVerify() throws -> Int {
        let output = try Self.run(binary, ["bench", "peak-memory", binary, "verify", largeLedger]).stdout
        guard let bytes = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw SourceError("cannot read the peak memory of fenhong verify: \(output)")
        }
        return bytes
    }

    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
