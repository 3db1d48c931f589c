import LedgerCore
import LedgerVerifier

/// A verification report as a person reads it, or as JSON.
enum ReportPrinter {
    /// The summary and one line per problem.
    /// `trusted`: the checkpoint given with `--trusted`, named so that the reader knows the
    /// ledger was held to it (a problem with it is among the problems).
    static func text(_ report: VerificationReport, trusted: SignedCheckpoint? = nil) -> String {
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
                    + (report.ok ? "\n" : ", a checkpoint the entries may no longer match: see the problems below\n")
                : "inspector \(cosigner.inspector) (key \(cosigner.keyID)) has cosigned nothing\n"
        }
        if report.ok {
            out += "intact: no problems found\n"
            // Without a kept checkpoint, a ledger cut short, or rewritten from some entry on and
            // signed again with the accountant's key, is intact in itself: say how to catch it.
            if trusted == nil {
                out += "held to no kept checkpoint: keep the latest (fenhong checkpoint, or a bundle's checkpoints/<size>.txt) and verify "
                    + "with --trusted KEPT next time; only that shows a ledger cut short, or rewritten and signed again\n"
            }
            return out
        }
        out += "\(report.problems.count) problem\(report.problems.count == 1 ? "" : "s") found:\n"
        for problem in report.problems { out += "\(problem)\n" }
        return out
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
}
