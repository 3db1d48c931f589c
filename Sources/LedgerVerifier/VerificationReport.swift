import LedgerCore
import MerkleLog

/// What a verification found: the recomputed tree head, what was checked, and every problem.
public struct VerificationReport: Sendable {
    /// The largest checkpoint size an inspector key validly cosigned (0: none).
    public struct Cosigned: Sendable, Equatable {
        /// The inspector key's name.
        public let inspector: String
        public let keyID: KeyID
        /// The largest cosigned checkpoint size, 0 when the inspector cosigned nothing.
        public let size: Int64

        public init(inspector: String, keyID: KeyID, size: Int64) {
            self.inspector = inspector
            self.keyID = keyID
            self.size = size
        }
    }

    /// The source's name (its path).
    public let source: String
    /// The number of entries read.
    public let entries: Int64
    /// The size of the recomputed tree (the number of leaves, equal to ``entries``).
    public let size: Int64
    /// The root of the recomputed tree over every entry read.
    public let root: TreeHash
    /// The number of stored checkpoints checked.
    public let checkpoints: Int
    /// For each inspector key the ledger enrolled, how far it cosigned.
    public let cosigned: [Cosigned]
    /// The keys of the ledger after its last entry, as the entries define them.
    public let keys: [KeyID: LedgerState.KeyRecord]
    /// The ledger's origin, from `ledger.open` (nil when entry 0 is unreadable).
    public let origin: String?
    /// The organisation, village and region its `ledger.open` names (nil when entry 0 is unreadable).
    public internal(set) var organisation: (org: String, village: String, region: [String])?
    /// Every problem found, ordered by seq; empty when the ledger is intact.
    public let problems: [Problem]
    /// What the rules could not judge and say so, though nothing is wrong: a cooperative's
    /// transactions that came from a volumes file (`allocation-units`).
    public internal(set) var notJudged: [Problem] = []
    /// The stored checkpoint of the whole ledger (its size is ``entries``), with its
    /// cosignatures, as a signed note's text; nil when none of that size is stored or it cannot be
    /// read. When the report is ``ok`` this is the checkpoint an inspector keeps for next time:
    /// the one verified, read in the same pass (`fenhong verify --keep`).
    public internal(set) var head: String?
    /// The recomputed root at each size ``Verifier/Options/rootsAt`` asked for that the ledger reached.
    public internal(set) var rootsAt: [Int64: TreeHash] = [:]

    /// True when nothing is wrong.
    public var ok: Bool { problems.isEmpty }
}
