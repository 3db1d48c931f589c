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
        var bytes = 0
        try timed("read every entry (seq, body, hash) through SQLite") {
            try source.read { snapshot in try snapshot.forEachEntry { _, body, _ in bytes &+= body.count } }
        }
        let bodies = try timed("read, and copy each body out") {
            try source.read { snapshot in
                var bodies: [[UInt8]] = []
                try snapshot.forEachEntry { _, body, _ in bodies.append([UInt8](body)) }
                return bodies
            }
        }
        let hashes = timed("leaf hash SHA-256(0x00 ‖ body)") { bodies.map(RFC9162.leafHash) }
        let decoded = timed("decode and check the form of each body") {
            bodies.map { try? Entry.decodeNotingForm(body: $0).entry }
        }
        timed("business rules (LedgerState.apply, in order)") {
            var state = LedgerState(keepingHouseholdRecords: false)
            var violations = 0
            for entry in decoded { if let entry { violations += state.apply(entry).count } }
            return violations
        }
        timed("tree: append every leaf, hash every node") {
            var frontier = TreeFrontier()
            var nodes = 0
            for hash in hashes { frontier.append(hash) { _ in nodes += 1 } }
            return nodes
        }
        try timed("read every stored tree node through SQLite") {
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
        return VerifyStages(entries: bodies.count, stages: stages)
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
