import Foundation
import LedgerCore
import LedgerStore

extension BenchmarkRunner {
    /// A league's villages: Xing'an League's 847 gacha, rounded.
    static let leagueVillages = 850
    /// Entries of one village's ledger: 60 households over eight years of dividends, a checkpoint
    /// each command (34 of them).
    static let leagueEntries: Int64 = 1_200
    static let leagueRuns = 3

    /// `fenhong verify FOLDER` over a league's folder of village ledgers, against its floor: every
    /// body of every ledger read and hashed once, plus one Ed25519 verification per checkpoint at
    /// the rate `openssl speed` measures now. The two are run in turns, as for one large ledger.
    func league(_ report: inout BenchmarkReport) throws {
        let league = folder + "/league"
        try makeLeague(at: league)
        let signaturesPerSecond = try Self.opensslEd25519VerifyRate()
        let sweep = try LedgerSweep(paths: [league], trusted: nil)
        var floors: [Double] = [], ours: [Double] = []
        var entries: Int64 = 0, checkpoints = 0
        for _ in 0..<Self.leagueRuns {
            var start = DispatchTime.now()
            for ledger in sweep.ledgers { _ = try SQLiteReference.readAndHash(ledgerAt: ledger) }
            floors.append(seconds(since: start))
            start = DispatchTime.now()
            var outcomes: [(path: String, outcome: LedgerSweep.Outcome)] = []
            sweep.verifyAll { path, outcome in outcomes.append((path, outcome)) }
            let summary = sweep.summary(outcomes)
            ours.append(seconds(since: start))
            precondition(summary.intact.count == Self.leagueVillages && summary.exitCode == 0, "the league's ledgers must verify")
            (entries, checkpoints) = outcomes.reduce((0, 0)) { sum, item in
                guard case .verified(let verified, _) = item.outcome else { return sum }
                return (sum.0 + verified.entries, sum.1 + verified.checkpoints)
            }
        }
        let floor = Sample.percentile(floors, 0.5), verify = Sample.percentile(ours, 0.5)
        let fullFloor = floor + Double(checkpoints) / signaturesPerSecond
        report.rows.append(BenchmarkRow(
            name: "verify of a league's folder: \(Self.leagueVillages) village ledgers, \(entries) entries, \(checkpoints) checkpoints (median of \(Self.leagueRuns) runs, in turns with the floor's)",
            figure: "\(Sample.s(verify)) (\(Sample.s(ours.min()!))–\(Sample.s(ours.max()!)))",
            reference: "read + SHA-256 every body of every ledger \(Sample.s(floor)); + \(checkpoints) Ed25519 verifications at \(Int(signaturesPerSecond))/s (openssl speed) = \(Sample.s(fullFloor))",
            ratio: "\(Sample.ratio(verify / fullFloor)) of the full floor",
            goal: "— (none set)", met: nil))
    }

    /// Writes the league's ledgers into `folder` (`v001.fenhong` …, a village of its own for each
    /// seed), unless it holds them already.
    private func makeLeague(at folder: String) throws {
        let names = (1...Self.leagueVillages).map { String(format: "v%03d.fenhong", $0) }
        let present = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        // Written again when an earlier generator wrote them (each village its own name since v2).
        guard !names.allSatisfy(present.contains) || !FileManager.default.fileExists(atPath: folder + Self.leagueMarker) else { return }
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        log("writing \(Self.leagueVillages) village ledgers of \(Self.leagueEntries) entries…")
        for (index, name) in names.enumerated() {
            _ = try SyntheticLedger(entries: Self.leagueEntries, seed: UInt64(index + 1)).generate(at: folder + "/" + name)
        }
        _ = FileManager.default.createFile(atPath: folder + Self.leagueMarker, contents: Data())
    }

    /// The file beside the league's folder that says which generator wrote its ledgers (not in
    /// it: a league's folder names any other file it holds).
    static let leagueMarker = ".generated-v3"
}
