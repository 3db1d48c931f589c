import Foundation
import Testing

/// A ledger damaged where SQLite only finds out partway through a verification.
struct DamagedLedgerTests {
    /// The demo ledger with eight bytes of a page at 70% of the file overwritten: SQLite reports
    /// the damage after the verifier has queued checkpoint signatures on its second thread.
    /// Every run must exit 2 with its one sentence; before the verifier drained that thread, the
    /// process shut OpenSSL down under it and crashed in about one run of three.
    @Test func failingPartwayAlwaysExitsTwo() throws {
        let folder = try Reliability.folder("damaged")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try Binary.run(["demo", "--out", "demo"], in: folder).status == 0)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/demo/baixin.fenhong")))
        let page = bytes.count / 4096 * 7 / 10 * 4096
        for i in page..<page + 8 { bytes[i] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/damaged.fenhong"))
        var outcomes: [Int32: Int] = [:]
        for _ in 0..<20 {
            let run = try Binary.run(["verify", "damaged.fenhong", "--json"], in: folder)
            outcomes[run.status, default: 0] += 1
            if run.status == 2 { #expect(run.stderr.hasPrefix("fenhong: damaged.fenhong is not an intact SQLite database"), "\(run.stderr)") }
        }
        #expect(outcomes == [2: 20])
    }
}
