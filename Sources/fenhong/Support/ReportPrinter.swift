import LedgerCore
import LedgerStore
import LedgerVerifier

/// A verification report as a person reads it, or as JSON.
enum ReportPrinter {
    /// The summary and one line per problem.
    /// `trusted`: the checkpoint given with `--trusted`, named so that the reader knows the
    /// ledger was held to it (a problem with it is among the problems).
    /// `advising`: say, when intact and held to nothing, what only a kept checkpoint shows (a
    /// sweep of many ledgers says it once, in its summary).
    static func text(_ report: VerificationReport, trusted: SignedCheckpoint? = nil, advising: Bool = true) -> String {
        var out = "\(report.source): \(report.entries) entries, tree size \(report.size), root \(report.root.hex)\n"
        out += "checkpoints checked: \(report.checkpoints)\n"
        if let trusted {
            out += "checked against the trusted checkpoint of size \(trusted.checkpoint.size), root \(trusted.checkpoint.root.hex)\n"
        }
        for cosigner in report.cosigned {
            // With problems, a cosignature says only that the inspector signed that checkpoint
            // once; whether the entries still match it, the problems say.
            out += cosigner.size > 0
                ? "inspector \(cosigner.inspector) (key \(cosigner.keyID)) cosigned up to size \(cosigner.size)"
                    + (report.ok ? "\n" : " (whether the entries still match it, the problems below say)\n")
                : "inspector \(cosigner.inspector) (key \(cosigner.keyID)) has cosigned nothing\n"
        }
        for note in report.notJudged { out += "not judged: \(note)\n" }
        if report.ok {
            out += "intact: no problems found\n"
            // Without a kept checkpoint, a ledger cut short, or rewritten from some entry on and
            // signed again with the accountant's key, is intact in itself: say how to catch it.
            if trusted == nil && advising {
                out += "held to no kept checkpoint: keep the latest (fenhong checkpoint, or a bundle's checkpoints/<size>.txt) and verify "
                    + "with --trusted KEPT next time; only that shows a ledger cut short, or rewritten and signed again\n"
            }
            return out
        }
        out += "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found:\n"
        for problem in report.problems { out += "\(problem)\n" }
        return out
    }

    /// An intact report among many as one line: what it was held to and who cosigned it on the
    /// same line; nil when the report needs its lines (problems, or anything not judged).
    static func line(_ report: VerificationReport, trusted: SignedCheckpoint?) -> String? {
        guard report.ok, report.notJudged.isEmpty else { return nil }
        let village = report.origin.map { " of \($0)" } ?? ""
        var parts = ["\(report.source): intact, \(report.entries) \(report.entries == 1 ? "entry" : "entries")\(village), root \(report.root.hex)",
                     "\(report.checkpoints) \(report.checkpoints == 1 ? "checkpoint" : "checkpoints") checked"]
        if let trusted { parts.append("extends the checkpoint kept of size \(trusted.checkpoint.size)") }
        for cosigner in report.cosigned where cosigner.size > 0 {
            parts.append("inspector \(cosigner.inspector) (key \(cosigner.keyID)) cosigned up to size \(cosigner.size)")
        }
        return parts.joined(separator: "; ") + "\n"
    }

    /// `{"ok":…,"entries":…,"size":…,"root":…,"checkpoints":…,"cosigned":[…],"problems":[…]}`,
    /// with the `path` verified, the ledger's `origin`, and the `trusted` size it was held to.
    static func json(_ report: VerificationReport, path: String? = nil, trusted: SignedCheckpoint? = nil) -> String {
        var object: [String: JSONValue] = [
            "ok": .bool(report.ok),
            "entries": .integer(report.entries),
            "size": .integer(report.size),
            "root": .string(report.root.hex),
            "checkpoints": .integer(Int64(report.checkpoints)),
            "cosigned": .array(report.cosigned.map {
                .object(["inspector": .string($0.inspector), "keyID": .string($0.keyID.description), "size": .integer($0.size)])
            }),
            "problems": .array(report.problems.map { problem in
                .object(["seq": problem.seq.map(JSONValue.integer) ?? .null, "code": .string(problem.code), "detail": .string(problem.detail)])
            }),
            "notJudged": .array(report.notJudged.map { note in
                .object(["seq": note.seq.map(JSONValue.integer) ?? .null, "code": .string(note.code), "detail": .string(note.detail)])
            }),
            "origin": report.origin.map(JSONValue.string) ?? .null,
            "trusted": trusted.map { .integer($0.checkpoint.size) } ?? .null,
        ]
        if let path { object["path"] = .string(path) }
        return String(decoding: CanonicalJSON.encode(.object(object)), as: UTF8.self) + "\n"
    }

    /// A verification that could not run, for a reader of `--json`: `{"error":"…","ok":false}`.
    static func json(cannotRun message: String, path: String? = nil) -> String {
        var object: [String: JSONValue] = ["ok": .bool(false), "error": .string(message)]
        if let path { object["path"] = .string(path) }
        let value = JSONValue.object(object)
        return String(decoding: CanonicalJSON.encode(value), as: UTF8.self) + "\n"
    }

    /// The sweep's summary: the counts, then those not intact, what was passed over, split
    /// views and kept checkpoints that found no ledger, by name.
    static func text(_ summary: LedgerSweep.Summary, of sweep: LedgerSweep, unkept: Int) -> String {
        let total = summary.intact.count + summary.withProblems.count + summary.unreadable.count
        var out = "\(total) \(total == 1 ? "ledger" : "ledgers"): \(summary.intact.count) intact, \(summary.withProblems.count) with problems, \(summary.unreadable.count) could not be read"
        out += sweep.passedOver.isEmpty ? "\n" : "; \(sweep.passedOver.count) other \(sweep.passedOver.count == 1 ? "file" : "files") passed over\n"
        if !summary.withProblems.isEmpty { out += "with problems: \(summary.withProblems.joined(separator: ", "))\n" }
        if !summary.unreadable.isEmpty { out += "could not be read: \(summary.unreadable.joined(separator: ", "))\n" }
        for split in summary.splitViews { out += "split view: \(split)\n" }
        for renamed in summary.renamed { out += "two origins: \(renamed)\n" }
        for kept in summary.keptWithoutLedger { out += missing(kept) + "\n" }
        if !summary.newVillages.isEmpty {
            out += "held to no kept checkpoint, no checkpoint of their village being kept: \(summary.newVillages.joined(separator: ", ")); "
                + "a village new to the round, or a ledger under a new origin: see that it is one the round should have"
                + (summary.newOrigins.values.allSatisfy { $0 } ? "\n" : " (then --new-village ORIGIN keeps and cosigns it; --new-villages every one)\n")
        }
        if case .origins(let given) = sweep.newVillages, case let unmatched = given.subtracting(summary.newOrigins.keys), !unmatched.isEmpty {
            out += "--new-village \(unmatched.sorted().joined(separator: ", ")): no village new to this round has that origin\n"
        }
        if unkept > 0 && summary.newVillages.isEmpty {
            out += "\(unkept) intact \(unkept == 1 ? "ledger was" : "ledgers were") held to no kept checkpoint: keep each village's latest "
                + "(--keep FOLDER) and verify with --trusted FOLDER next time; only that shows a ledger cut short, or rewritten and signed again\n"
        }
        return out
    }

    /// What `--keep` did: how many villages' checkpoints went into the folder, and why any was not kept.
    static func text(_ keeping: LedgerSweep.Keeping, in folder: String) -> String {
        let count = keeping.written.count + keeping.unchanged.count
        var out = count == 0 ? "kept nothing in \(folder)\n"
            : "kept in \(folder): the latest checkpoint of \(count) \(count == 1 ? "village" : "villages")"
                + " (\(keeping.written.count) written, \(keeping.unchanged.count) already there); next time verify with --trusted \(folder)\n"
        for file in keeping.cosigned { out += "kept beside the checkpoint that replaced it: \(file), a cosigned one\n" }
        for reason in keeping.notKept { out += "not kept: \(reason)\n" }
        return out
    }

    /// What a run of many says on stderr before verifying: the files passed over, the names of one
    /// file, and a first visit of a kept folder.
    static func notes(of sweep: LedgerSweep, trusted: String?) {
        for other in sweep.passedOver { Printer.stderr("fenhong: " + LedgerSweep.passedOverLine(other)) }
        for note in sweep.sameFileNotes + sweep.misfiledNotes { Printer.stderr("fenhong: \(note)") }
        if sweep.startsKeeping, let trusted { Printer.stderr("fenhong: no checkpoint is kept in \(trusted) yet: this run keeps the first ones") }
    }

    /// A village kept in `--trusted FOLDER` whose ledger the run was not given.
    static func missing(_ kept: LedgerSweep.Kept) -> String {
        "no ledger given for the checkpoint kept in \(kept.path) (\(kept.checkpoint.checkpoint.origin), size \(kept.checkpoint.checkpoint.size)): "
            + "this village's ledger is missing from the run"
    }

    /// The sweep's summary as one line of JSON: `{"summary":true,"ok":…,"ledgers":…,…}`, with
    /// `"kept":[files written],"keptUnchanged":[…],"keptCosigned":[…],"notKept":[…]` after `--keep`.
    static func json(_ summary: LedgerSweep.Summary, of sweep: LedgerSweep, keeping: LedgerSweep.Keeping? = nil) -> String {
        let names = { (paths: [String]) in JSONValue.array(paths.map(JSONValue.string)) }
        var object: [String: JSONValue] = [
            "summary": .bool(true), "ok": .bool(summary.exitCode == 0),
            "ledgers": .integer(Int64(summary.intact.count + summary.withProblems.count + summary.unreadable.count)),
            "intact": .integer(Int64(summary.intact.count)), "withProblems": names(summary.withProblems),
            "unreadable": names(summary.unreadable), "passedOver": names(sweep.passedOver),
            "splitViews": names(summary.splitViews), "keptWithoutLedger": names(summary.keptWithoutLedger.map(\.path)),
            "twoOrigins": names(summary.renamed), "newVillages": names(summary.newVillages),
        ]
        if let keeping {
            object["kept"] = names(keeping.written)
            object["keptUnchanged"] = names(keeping.unchanged)
            object["keptCosigned"] = names(keeping.cosigned)
            object["notKept"] = names(keeping.notKept)
        }
        return String(decoding: CanonicalJSON.encode(.object(object)), as: UTF8.self) + "\n"
    }
}
