import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import MerkleLog

/// Where the time of a verification goes: each stage of DESIGN §3 timed alone, on one thread,
/// over every entry of a ledger. Not a report of the verifier (which runs the stages as a
/// pipeline on two cores) but the figures any change to it should be judged by.
public struct VerifyStages {
    public struct Stage: Sendable {
        public let name: String
        public let seconds: Double
    }

    public let entries: Int
    /// Bodies the decode stage read as entries, and the rules those broke: for an intact ledger,
    /// every entry and none, so that no stage was timed doing less than a verification does.
    public let decoded: Int
    public let ruleViolations: Int
    public let stages: [Stage]

    /// Times the stages over the ledger at `path`. Holds every body and every decoded entry in
    /// memory at once (about 600 MB for a million entries): a benchmark, not a verifier.
    public static func measure(ledgerAt path: String) throws -> VerifyStages {
        let source = try LedgerStore.auditSource(path: path)
        var stages: [Stage] = []
        func timed<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now()
            let result = try work()
            stages.append(Stage(name: name, seconds: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9))
            return result
        }
        var bytes = 0, count = 0
        try timed("read every entry (seq, body, hash) through SQLite") {
            try source.read { snapshot in try snapshot.forEachEntry { _, body, _ in bytes &+= body.count; count += 1 } }
        }
        // As the verifier reads them: the bodies of each batch of 2,048 copied into one buffer.
        // (Into one buffer for the whole ledger, the copy had been timed with the first touch of
        // each of its pages: 0.41 s instead of 0.23 at 1M entries.)
        try timed("read, and copy the bodies batch by batch") {
            try source.read { snapshot in
                var batch: [UInt8] = [], entries = 0
                batch.reserveCapacity(2_048 * 320)
                try snapshot.forEachEntry { _, body, _ in
                    batch.append(contentsOf: body)
                    entries += 1
                    if entries == 2_048 { batch.removeAll(keepingCapacity: true); entries = 0 }
                }
            }
        }
        // Untimed: every body in one buffer, located by its end, for the stages below.
        var buffer: [UInt8] = [], ends: [Int] = []
        buffer.reserveCapacity(bytes)
        ends.reserveCapacity(count)
        try source.read { snapshot in
            try snapshot.forEachEntry { _, body, _ in
                buffer.append(contentsOf: body)
                ends.append(buffer.count)
            }
        }
        func eachBody<T>(_ work: (UnsafeRawBufferPointer) -> T) -> [T] {
            buffer.withUnsafeBytes { all in
                ends.indices.map { i in work(UnsafeRawBufferPointer(rebasing: all[(i == 0 ? 0 : ends[i - 1])..<ends[i]])) }
            }
        }
        let hashes = timed("leaf hash SHA-256(0x00 ‖ body)") { eachBody(RFC9162.leafHash) }
        let decoded = timed("decode and check the form of each body") {
            var decoder = EntryDecoder()
            return eachBody { try? decoder.decodeNotingForm(bytes: $0).entry }
        }
        let violations = timed("business rules (LedgerState.apply, in order)") {
            var state = LedgerState(keepingHouseholdRecords: false, replayingEverything: true)  // as a verification does
            var violations = 0
            for entry in decoded { if let entry { violations += state.apply(entry).count } }
            return violations
        }
        _ = timed("tree: append every leaf, hash every node") {
            var frontier = TreeFrontier()
            var nodes = 0
            for hash in hashes { frontier.append(hash) { _ in nodes += 1 } }
            return nodes
        }
        _ = try timed("read every stored tree node through SQLite") {
            try source.read { snapshot in
                guard case .levels(let levels) = try snapshot.treeNodeLevels() else { return 0 }
                var count = 0
                for level in levels {
                    var cursor = try snapshot.treeNodes(level: level)
                    while try cursor.next() != nil { count += 1 }
                }
                return count
            }
        }
        return VerifyStages(entries: ends.count, decoded: decoded.count { $0 != nil }, ruleViolations: violations, stages: stages)
    }

    /// One line per stage: seconds and microseconds per entry.
    public var text: String {
        let width = stages.map(\.name.count).max() ?? 0
        return stages.map { stage in
            stage.name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(format: "  %6.3f s  %5.2f µs/entry", stage.seconds, stage.seconds * 1e6 / Double(max(entries, 1)))
        }.joined(separator: "\n")
    }
}
