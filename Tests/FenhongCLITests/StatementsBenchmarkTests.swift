import Foundation
import LedgerCore
import LedgerStore
import Testing

/// The issue's benchmark: PDF statements for 10,000 households (run with FENHONG_BENCH=1).
struct StatementsBenchmarkTests {
    /// Writes 10,000 household PDF statements and prints the time `fenhong statements` took.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FENHONG_BENCH"] == "1"))
    func tenThousandPDFStatements() throws {
        let count = Int(ProcessInfo.processInfo.environment["FENHONG_BENCH_COUNT"] ?? "") ?? 10_000
        let cli = try CLI()
        let accountant = try NoteSigner.generate(name: "bench-accountant", algorithm: .ed25519)
        let open = LedgerOpen(origin: "fenhong/152223/bench", org: "基准测试股份经济合作社", village: "基准嘎查",
                              region: ["兴安盟"], key: accountant.verifier.vkey)
        let path = cli.folder.appendingPathComponent("bench.fenhong").path
        let time = LedgerTime("2024-12-20T08:00:00Z")!
        let day = LedgerDate("2024-12-20")!
        let (store, _) = try LedgerStore.create(path: path, opening: open, signer: accountant, at: time)
        let ids = (0..<count).map { String(format: "152223-%05d", $0) }
        _ = try store.append(ids.map { .householdRegister(HouseholdRegistration(
            household: $0, head: "户主\($0.suffix(3))", members: 3, poor: false, idMasked: "152223********1234",
            account: "****5678", date: day)) }, signer: accountant, at: time)
        _ = try store.append(ids.map { .sharesIssue(SharesChange(holder: $0, shareClass: "member", units: 3, date: day, reason: "折股量化")) },
                             signer: accountant, at: time)
        let each = Fen(yuan: 288)
        let pool = Fen(each.value * Int64(count))
        _ = try store.append([.dividendDeclare(DividendDeclaration(
            id: "2024", recordDate: day, distributable: pool, appropriations: [], pool: pool,
            rule: ["basis": .string("units")], allocated: pool, residual: .zero))]
            + ids.map { .dividendAllocate(DividendAllocation(id: "2024", household: $0, units: 3, amount: each)) },
            signer: accountant, at: time)
        _ = try store.append(ids.map { .dividendPay(DividendPayment(id: "2024", household: $0, amount: each, channel: .bank,
                                                                    account: "****5678", reference: "BX-\($0)", date: day)) },
                             signer: accountant, at: time)
        let start = Date()
        // FENHONG_BENCH_BINARY=.build/release/fenhong times a release build instead of the debug one.
        let binary = ProcessInfo.processInfo.environment["FENHONG_BENCH_BINARY"].map { URL(fileURLWithPath: $0).path } ?? CLI.binary.path
        let run = try cli.shell("'\(binary)' statements --ledger '\(path)' --out pdf --format pdf --date 2024-12-31")
        let seconds = Date().timeIntervalSince(start)
        #expect(run.status == 0, "\(run.stderr.suffix(300))")
        print("BENCH fenhong statements --format pdf: \(count) households in \(String(format: "%.2f", seconds)) s (binary \(binary))")
    }
}
