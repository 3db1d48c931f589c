import Foundation
import LedgerCore
import LedgerStore
import Payouts

extension BenchmarkRunner {
    /// Declaring one distribution over `entries` households — one `dividend.declare` and an
    /// allocation each, hashed, treed and checkpointed in one command — against a bare insert of
    /// the same rows in one transaction.
    func declare(_ report: inout BenchmarkReport) throws {
        let count = Int(entries)
        let path = folder + "/declare.fenhong"
        try? FileManager.default.removeItem(atPath: path)
        let generator = try SyntheticLedger(entries: 1, seed: 5)
        let signer = generator.accountant
        let open = LedgerOpen(origin: "fenhong/152223/declare", org: "合成", village: "合成嘎查", region: ["合成嘎查"], key: signer.verifier.vkey)
        var time: Int64 = 1_545_292_800
        func at() -> LedgerTime { time += 60; return LedgerTime(secondsSinceEpoch: time) }
        let store = try LedgerStore.create(path: path, opening: open, signer: signer, at: at()).0
        let day = LedgerDate("2018-12-20")!
        let ids = (0..<count).map { SyntheticLedger.householdNumber($0 + 1) }
        for chunk in stride(from: 0, to: count, by: 10_000) {
            try store.append((chunk..<min(chunk + 10_000, count)).map { i in
                .householdRegister(HouseholdRegistration(household: ids[i], head: "户主\(i + 1)", members: Int64(1 + i % 7), poor: false,
                                                         idMasked: "152223********1234", account: "****5678", date: day))
            }, signer: signer, at: at())
        }
        let holders = (0..<count).map { PayoutHolder(id: ids[$0], units: [ShareClass.member: Int64(1 + $0 % 7)]) }
        let plan = try DistributionPlan(DistributionRequest(
            amount: .distributable(Fen(yuan: 50_000_000)), appropriations: [Appropriation(name: "公积公益金", bp: 1000)],
            basis: .units(classWeights: [ShareClass.member: 1]), holders: holders))
        let payloads = plan.declarationEntries(id: "2019", recordDate: day)
        let before = folder + "/declare-before.fenhong"
        try? FileManager.default.removeItem(atPath: before)
        try SQLiteReference.copyLedger(path, to: before)
        let start = DispatchTime.now()
        let result = try store.append(payloads, signer: signer, at: at())
        let ours = seconds(since: start)
        let bodies = result.entries.map { $0.canonicalBody() }
        let references = try InsertReferences(bodies, batch: bodies.count, folder: folder, name: "declare", start: before)
        let rate = Double(bodies.count) / ours
        report.rows.append(BenchmarkRow(
            name: "declare one distribution over \(count) households (\(bodies.count) entries in one command, on a ledger of \(count + 1))",
            figure: Sample.rate(rate) + " (\(Sample.s(ours)))",
            reference: references.text,
            ratio: references.ratio(rate), goal: "≥ 0.5×", met: rate / references.bareRate >= 0.5))
    }
}
