import Foundation
import TestScratch

/// The switches, seeds and scratch folders of the reliability tests.
enum Reliability {
    /// `FENHONG_LONG=1` runs the long variants (more kills, writers, fuzz iterations).
    static let long = ProcessInfo.processInfo.environment["FENHONG_LONG"] == "1"

    /// A seed for `test`: `FENHONG_SEED` when set (to replay a failure), else a fresh one. Printed
    /// either way, so that every failure can be replayed.
    static func seed(_ test: String) -> UInt64 {
        let seed = ProcessInfo.processInfo.environment["FENHONG_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 0...UInt64.max)
        print("\(test): seed \(seed) (replay with FENHONG_SEED=\(seed))")
        return seed
    }

    /// A new empty folder under the test process's scratch folder (removed at exit at the latest).
    static func folder(_ name: String) throws -> String {
        try Scratch.path(name)
    }

    /// Seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// True when `text` is one non-empty line: what every error shows a user.
    static func isOneLine(_ text: String) -> Bool {
        !text.trimmingCharacters(in: .whitespaces).isEmpty && !text.contains(where: \.isNewline)
    }
}
