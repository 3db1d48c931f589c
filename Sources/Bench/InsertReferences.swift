import Foundation
import LedgerStore

/// The two references an append rate is judged against, measured in the same run: the same
/// bodies inserted into a bare table, and the same rows inserted into the ledger's own schema
/// (indexes on body-generated columns, tree nodes) by SQLite alone.
struct InsertReferences {
    let bareRate: Double
    let bareSeconds: Double
    let schemaRate: Double
    let schemaSeconds: Double
    let startsFromLedger: Bool

    /// Measures both for `bodies`, committing every `batch` rows, in files under `folder`
    /// named after `name`; the schema reference inserts after the entries of the ledger file
    /// `start` (a copy of the ledger as the real command found it, used up), if given.
    init(_ bodies: [[UInt8]], batch: Int, folder: String, name: String, start: String? = nil) throws {
        let barePath = folder + "/\(name)-bare.sqlite"
        let schemaPath = start ?? folder + "/\(name)-schema.sqlite"
        try? FileManager.default.removeItem(atPath: barePath)
        if start == nil { try? FileManager.default.removeItem(atPath: schemaPath) }
        bareSeconds = try SQLiteReference.bareInsertSeconds(bodies, batch: batch, path: barePath)
        schemaSeconds = try SQLiteReference.schemaInsertSeconds(bodies, batch: batch, path: schemaPath)
        startsFromLedger = start != nil
        bareRate = Double(bodies.count) / bareSeconds
        schemaRate = Double(bodies.count) / schemaSeconds
    }

    /// The reference column of a benchmark row.
    var text: String {
        "bare table (seq, body): \(Sample.rate(bareRate)) (\(Sample.s(bareSeconds))); the same rows and their tree nodes into "
            + "\(startsFromLedger ? "a copy of the ledger as the command found it" : "the ledger's own schema"), SQLite alone: "
            + "\(Sample.rate(schemaRate)) (\(Sample.s(schemaSeconds)))"
    }

    /// The ratio column for a rate of `perSecond`: against the bare table (the goal's
    /// reference), and against the schema alone.
    func ratio(_ perSecond: Double) -> String {
        "\(Sample.ratio(perSecond / bareRate)) (\(Sample.ratio(perSecond / schemaRate)) of the schema alone; the schema alone is \(Sample.ratio(schemaRate / bareRate)))"
    }
}
