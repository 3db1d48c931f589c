import Foundation
import LedgerVerifier

/// The ledgers of a run of many, by village: what `--keep` keeps and `cosign` cosigns is a
/// village's, never a file's alone, for one village's copies may tell two histories.
extension LedgerSweep {
    /// One village's copies in a run, and why nothing of it may be kept or cosigned, if so.
    public struct Village: Sendable {
        public let origin: String
        /// The copies verified, in the run's order.
        public let copies: [(path: String, report: VerificationReport)]
        /// Why nothing of this village is kept or cosigned: one of its copies could not be
        /// read, has problems, or disagrees with another (a split view). A sentence naming it.
        public let trouble: String?
        /// True when no checkpoint of it is kept while others' are, and none was to be accepted
        /// (``LedgerSweep/isNewVillage(_:)``): then ``trouble`` says so.
        public let isNew: Bool

        /// The copies of the greatest size, the ledger files first (the live ledger before a
        /// bundle taken from it).
        public var longest: [(path: String, report: VerificationReport)] {
            guard let size = copies.map(\.report.size).max() else { return [] }
            return copies.filter { $0.report.size == size }.sorted { !LedgerSweep.isFolder($0.path) && LedgerSweep.isFolder($1.path) }
        }

    }

    /// True for a folder (a bundle), false for a file (a ledger).
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The villages the outcomes verified, by origin. A copy that could not be read belongs to
    /// the village it still names, if it names one (``LedgerAudit/villageNamed(by:)``).
    public func villages(_ outcomes: [(path: String, outcome: Outcome)], summary: Summary) -> [Village] {
        var copies = [String: [(path: String, report: VerificationReport)]]()
        var unreadable = [String: String]()
        for (path, outcome) in outcomes {
            switch outcome {
            case .verified(let report, _):
                if let origin = report.origin { copies[origin, default: []].append((path, report)) }
            case .cannotRun:
                if let origin = LedgerAudit.villageNamed(by: path), unreadable[origin] == nil { unreadable[origin] = path }
            }
        }
        return copies.sorted { $0.key < $1.key }.map { origin, copies in
            let wrong: String? = if let path = unreadable[origin] {
                "\(origin): \(path) could not be read"
            } else if summary.splitOrigins.contains(origin) {
                "\(origin): its copies disagree (a split view)"
            } else if summary.renamedOrigins[origin] != nil {
                "\(origin): its organisation has a ledger under another origin too"
            } else if let bad = copies.first(where: { !$0.report.ok }) {
                "\(origin): \(bad.path) has problems"
            } else {
                nil
            }
            // New to the round, and nothing else wrong with it.
            let isNew = wrong == nil && isNewVillage(origin)
            let trouble = isNew ? "\(origin): no checkpoint of it is kept (a village new to the round, or a ledger under a new name); "
                + LedgerSweep.newVillageAdvice(origin) : wrong
            return Village(origin: origin, copies: copies, trouble: trouble, isNew: isNew)
        }
    }
}

extension LedgerSweep.Summary {
    /// Notes the organisations whose ledgers in the run have more than one origin (`renamed`).
    mutating func noteRenamed(_ byOrigin: [String: [(path: String, report: VerificationReport)]]) {
        var origins = [String: Set<String>]()
        for (origin, copies) in byOrigin {
            for copy in copies {
                guard let named = copy.report.organisation else { continue }
                // The region too: one village name may be found in two townships.
                // Spaces aside: "白辛嘎查 " is 白辛嘎查 to anyone reading it.
                let name = ([named.org, named.village] + named.region).map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
                origins[name.joined(separator: ", "), default: []].insert(origin)
            }
        }
        for (name, set) in origins.sorted(by: { $0.key < $1.key }) where set.count > 1 {
            let each = set.sorted().map { origin in "\(origin) (\(byOrigin[origin, default: []].map(\.path).sorted().joined(separator: ", ")))" }
            let sentence = "\(each.joined(separator: " and ")) each open the ledger of \(name): one organisation under \(set.count) origins, "
                + "its history rewritten under another name (which no checkpoint kept of the first holds) or begun again; neither is kept "
                + "nor cosigned until the round holds only the one the village keeps"
            renamed.append(sentence)
            for origin in set { renamedOrigins[origin] = sentence }
        }
    }
}
