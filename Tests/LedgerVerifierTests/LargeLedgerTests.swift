import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import Testing

/// A large ledger, built and verified only when FENHONG_LARGE_LEDGER names a file (it is kept and
/// reused): `FENHONG_LARGE_LEDGER=/tmp/large.fenhong FENHONG_LARGE_ENTRIES=1000000 swift test -c release
/// --filter LargeLedgerTests`. Prints the time and the checkpoint count; a check, not a benchmark.
struct LargeLedgerTests {
    static let path = ProcessInfo.processInfo.environment["FENHONG_LARGE_LEDGER"]

    /// A ledger of many entries (1,000 a command, one checkpoint each) verifies intact.
    @Test(.enabled(if: path != nil)) func largeLedgerVerifies() throws {
        let path = Self.path!
        let entries = Int(ProcessInfo.processInfo.environment["FENHONG_LARGE_ENTRIES"] ?? "") ?? 200_000
        if !FileManager.default.fileExists(atPath: path) {
            let signer = try NoteSigner.generate(name: "baixin-accountant", algorithm: .ed25519)
            let opening = LedgerOpen(origin: Fixture.origin, org: "白辛嘎查股份经济合作社", village: "白辛嘎查", region: ["白辛嘎查"], key: signer.verifier.vkey)
            let (store, _) = try LedgerStore.create(path: path, opening: opening, signer: signer, at: Fixture.time)
            var written = 1
            while written < entries {
                let batch = min(1_000, entries - written)
                let payloads = (0..<batch).map { i in
                    EntryPayload.incomeRecord(CashFlow(amount: Fen(Int64(100 + (written + i) % 9_000)), category: "rent",
                                                       counterparty: "扎赉特旗光伏 \(written + i)", date: Fixture.date))
                }
                _ = try store.append(payloads, signer: signer, at: Fixture.time)
                written += batch
            }
        }
        let start = ContinuousClock.now
        let report = try Verifier.verify(LedgerStore.auditSource(path: path))
        print("verified \(report.entries) entries, \(report.checkpoints) checkpoints in \(ContinuousClock.now - start)")
        expectExactly(report, [])
    }
}
