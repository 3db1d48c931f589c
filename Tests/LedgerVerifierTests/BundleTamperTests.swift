import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import Testing

/// Tampering with an exported bundle: its lines are read exactly, its checkpoints from their files.
struct BundleTamperTests {
    let fixture = Fixture.shared

    private func editLines(_ folder: String, _ edit: (inout [String]) -> Void) throws {
        let url = URL(fileURLWithPath: folder + "/entries.jsonl")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        #expect(lines.removeLast() == "")
        edit(&lines)
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: url)
    }

    /// A bundle that passed through Windows (CRLF line ends in entries.jsonl and the checkpoint
    /// files) holds the same bodies and notes: no canonical body or signed note holds a raw CR.
    @Test func windowsLineEndsAreLineEnds() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try editLines(folder) { lines in lines = lines.map { $0 + "\r" } }
        let checkpoints = folder + "/checkpoints"
        for name in try FileManager.default.contentsOfDirectory(atPath: checkpoints) {
            let url = URL(fileURLWithPath: checkpoints + "/" + name)
            try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: url)
        }
        expectExactly(try Verifier.verify(BundleSource(folder: folder)), [])
    }

    /// A CR elsewhere in a line is part of the body: not canonical, and it changes the hash.
    @Test func lineWithCRInsideIsNotCanonical() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try editLines(folder) { $0[3] = String($0[3].dropLast()) + "\r}" }
        let report = try Verifier.verify(BundleSource(folder: folder))
        expectFirstProblem(report, "not-canonical", at: 3)
        expectProblem(report, "prev-mismatch", at: 4)
    }

    /// A trailing space is not trimmed away: not canonical.
    @Test func lineWithTrailingSpaceIsNotCanonical() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try editLines(folder) { $0[9] += " " }
        expectFirstProblem(try Verifier.verify(BundleSource(folder: folder)), "not-canonical", at: 9)
    }

    /// A deleted line shifts every later body: one seq gap where it happened, not one per line.
    @Test func deletedLineIsOneSeqGap() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try editLines(folder) { $0.remove(at: 5) }
        let report = try Verifier.verify(BundleSource(folder: folder))
        expectFirstProblem(report, "seq-gap", at: 5)
        #expect(report.problems.filter { $0.code == "seq-gap" }.count == 1)
    }

    /// Without the head checkpoint's file, the last entry is covered by no checkpoint.
    @Test func missingCheckpointFileUncoversEntries() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try FileManager.default.removeItem(atPath: folder + "/checkpoints/19.txt")
        expectExactly(try Verifier.verify(BundleSource(folder: folder)), [("uncovered-entry", 18)])
    }

    /// A checkpoint file renamed to another size contradicts its own content.
    @Test func renamedCheckpointFileIsInconsistent() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try FileManager.default.moveItem(atPath: folder + "/checkpoints/8.txt", toPath: folder + "/checkpoints/9.txt.bak")
        try FileManager.default.removeItem(atPath: folder + "/checkpoints/9.txt")
        try FileManager.default.moveItem(atPath: folder + "/checkpoints/9.txt.bak", toPath: folder + "/checkpoints/9.txt")
        let report = try Verifier.verify(BundleSource(folder: folder))
        expectProblem(report, "inconsistent-checkpoints", at: 8)
    }

    /// An empty line after the last entry is reported as what it is, at the place it stands.
    @Test func emptyLastLineIsNoEntry() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try editLines(folder) { $0.append("") }
        let report = try Verifier.verify(BundleSource(folder: folder))
        #expect(report.problems.map(\.description) == ["entry 19: not-canonical: the body is empty (in a bundle, an empty line): no entry"], "\(report.problems)")
    }

    /// A checkpoint file that is a link to nothing, beyond the bundle's end: named as such, at the
    /// last entry it says there is (as every checkpoint beyond the end, and a cosignature of one).
    @Test func checkpointLinkedToNothingIsNamed() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/checkpoints/300.txt", withDestinationPath: "/nonexistent/300.txt")
        let report = try Verifier.verify(BundleSource(folder: folder))
        #expect(report.problems.map(\.description) == [
            "entry 299: malformed-checkpoint: checkpoint 300 cannot be read: malformed signed note: checkpoints/300.txt is a link to nothing",
        ], "\(report.problems)")
    }

    /// keys.txt lists exactly the keys the entries add: one swapped for another, one left out,
    /// or the file gone is a problem (a reader checking by hand takes keys from it).
    @Test func keysListIsTheEntriesKeys() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        let path = folder + "/keys.txt"
        let listed = try String(contentsOfFile: path, encoding: .utf8)
        let stranger = try NoteSigner.generate(name: "stranger", algorithm: .ed25519).verifier.vkey
        try (listed + stranger + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let added = try Verifier.verify(BundleSource(folder: folder))
        #expect(added.problems.map(\.description) == ["keys-file: keys.txt lists \"\(stranger)\", which no entry adds: a reader taking keys from it "
                                                       + "would hold checkpoints to a key the ledger never had"], "\(added.problems)")
        let first = try #require(listed.split(separator: "\n").first)
        try listed.split(separator: "\n").dropFirst().map { $0 + "\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try Verifier.verify(BundleSource(folder: folder)).problems.map(\.description) == ["keys-file: keys.txt does not list \(first), which the entries add"])
        try FileManager.default.removeItem(atPath: path)
        expectExactly(try Verifier.verify(BundleSource(folder: folder)), [("keys-file", nil)])
        // CRLF and a byte-order mark, as an editor saves it, list the same keys.
        try ("\u{FEFF}" + listed.replacingOccurrences(of: "\n", with: "\r\n")).write(toFile: path, atomically: true, encoding: .utf8)
        expectExactly(try Verifier.verify(BundleSource(folder: folder)), [])
    }

    /// A truncated bundle is caught against the inspector's trusted checkpoint.
    @Test func truncatedBundleFailsAgainstTrustedCheckpoint() throws {
        let folder = try fixture.bundle()
        defer { Fixture.discard(folder) }
        try editLines(folder) { $0.removeLast(4) }
        for size in [16, 17, 18, 19] { try FileManager.default.removeItem(atPath: folder + "/checkpoints/\(size).txt") }
        expectExactly(try Verifier.verify(BundleSource(folder: folder)), [])
        expectExactly(try Verifier.verify(BundleSource(folder: folder), trusted: fixture.head), [("inconsistent-with-trusted", 15)])
    }
}
