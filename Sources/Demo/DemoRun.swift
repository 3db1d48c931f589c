import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

/// The demo as a user runs it: a folder with the ledger, its bundle and the demo keys.
public struct DemoRun {
    public let folder: String
    public let entries: Int64
    public let checkpoints: Int
    /// The verification of the finished ledger, before it was cosigned.
    public let report: VerificationReport
    /// The head checkpoint with the inspector's cosignature.
    public let cosigned: SignedNote
    /// Each file written and what it is.
    public let files: [(String, String)]

    /// Creates `folder` (which must not exist) and fills it.
    public static func create(in folder: String) throws -> DemoRun {
        guard !FileManager.default.fileExists(atPath: folder) else { throw StoreError.exists(path: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ledger = folder + "/baixin.fenhong"
        let store = try DemoLedger.build(at: ledger)
        try KeyFile.write(DemoKeys.accountant, to: folder + "/accountant.key")
        try KeyFile.write(DemoKeys.inspector, to: folder + "/inspector.key")
        guard case .cosigned(let note, let report) = try LedgerAudit.cosign(path: ledger, with: DemoKeys.inspector, time: DemoLedger.cosignTime) else {
            throw SourceError("the demo ledger did not verify; this is a bug in the demo")
        }
        let summary = try BundleWriter.write(store: store, to: folder + "/bundle")
        return DemoRun(folder: folder, entries: summary.entries, checkpoints: summary.checkpoints, report: report, cosigned: note, files: [
            ("baixin.fenhong", "the ledger (SQLite): fenhong log --ledger \(folder)/baixin.fenhong"),
            ("bundle/", "what an inspector takes away: fenhong verify \(folder)/bundle"),
            ("accountant.key", "demo accountant key (published seed: not for real use)"),
            ("inspector.key", "demo inspector key (published seed: not for real use)"),
        ])
    }
}
