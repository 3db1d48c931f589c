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

    /// Measures both for `bodies`, committing every `batch` rows, in files under `folder`
    /// named after `name`.
    init(_ bodies: [[UInt8]], batch: Int, folder: String, name: String) throws {
        let barePath = folder + "/\(name)-bare.sqlite", schemaPath = folder + "/\(name)-schema.sqlite"
        for path in [barePath, schemaPath] { try? FileManager.default.removeItem(atPath: path) }
        bareSeconds = try SQLiteReference.bareInsertSeconds(bodies, batch: batch, path: barePath)
        schemaSeconds = try SQLiteReference.schemaInsertSeconds(bodies, batch: batch, path: schemaPath)
        bareRate = Double(bodies.count) / bareSeconds
        schemaRate = Double(bodies.count) / schemaSeconds
    }

    /// The reference column of a benchmark row.
    var text: String {
        "bare table (seq, body): \(Sample.rate(bareRate)) (\(Sample.s(bareSeconds))); the same rows into the ledger's own schema "
            + "with their tree nodes, SQLite alone: \(Sample.rate(schemaRate)) (\(Sample.s(schemaSeconds)))"
    }

    /// The ratio column for a rate of `perSecond`: against the bare table (the goal's
    /// reference), and against the schema alone.
    func ratio(_ perSecond: Double) -> String {
        "\(Sample.ratio(perSecond / bareRate)) (\(Sample.ratio(perSecond / schemaRate)) of the schema alone; the schema alone is \(Sample.ratio(schemaRate / bareRate)))"
    }
}
