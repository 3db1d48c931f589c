import LedgerCore
import MerkleLog

/// Where a verification reads a ledger from: a SQLite file (the store's audit adapter) or an
/// exported bundle folder (``BundleSource``). A source hands over what is stored, as it is
/// stored, and judges nothing: every check is the verifier's.
public protocol LedgerSource {
    /// What to call the ledger in messages: its path.
    var name: String { get }

    /// Runs `body` with one consistent view of the ledger (one read transaction for SQLite).
    /// Throws when the ledger cannot be read at all (missing, not a ledger, unreadable file).
    func read<T>(_ body: (any LedgerSnapshot) throws -> T) throws -> T
}

/// One consistent view of a stored ledger. The verifier walks the entries once and, in step
/// with them, the stored tree nodes of every level and the checkpoints, so memory stays bounded.
public protocol LedgerSnapshot {
    /// Calls `body` with every stored entry in the order of its stored seq: the seq it is stored
    /// under (its line number in a bundle), its exact body bytes (valid only during the call) and
    /// the hash stored beside it, if the source keeps one.
    func forEachEntry(_ body: (_ seq: Int64, _ body: UnsafeRawBufferPointer, _ storedHash: StoredHash) throws -> Void) throws

    /// Which levels of complete-subtree hashes the source stores (level ≥ 1; level 0 is the
    /// entries' own stored hashes).
    func treeNodeLevels() throws -> StoredTreeNodes

    /// The stored nodes of `level`, in increasing index order. Only asked for levels that
    /// ``treeNodeLevels()`` listed.
    func treeNodes(level: Int) throws -> any TreeNodeCursor

    /// The stored checkpoints in increasing size order, each with its cosignature lines.
    func checkpoints() throws -> any CheckpointCursor

    /// Anything the source found in its storage that belongs to no entry, node or checkpoint
    /// (cosignature rows for a checkpoint that does not exist, stray files). Usually empty.
    /// Asked once every entry and every stored node has been read: a source may count what its
    /// cursors passed over.
    func storageProblems() throws -> [Problem]

    /// What is wrong with the keys the source lists beside its entries (a bundle's `keys.txt`),
    /// given the vkeys the entries add, in order. A source that lists none finds nothing.
    func keysListProblems(named keys: [String]) throws -> [Problem]
}

extension LedgerSnapshot {
    public func keysListProblems(named keys: [String]) throws -> [Problem] { [] }
}

/// The hash a source stores beside an entry.
public enum StoredHash: Sendable {
    /// The source keeps no hashes (a bundle): there is nothing to compare.
    case notKept
    /// A well-formed stored hash.
    case hash(EntryHash)
    /// Something that is not a 32-byte hash.
    case malformed(NotAHash)
}

/// What a source found where a hash belongs. A plain value, not text: a stored hash is read for
/// every entry and every tree node, and is described only when it is reported.
public enum NotAHash: Sendable, Equatable, CustomStringConvertible {
    case blob(bytes: Int)
    case null
    case integer
    case real
    case text

    /// As the report names it: "a 31-byte blob", "NULL".
    public var description: String {
        switch self {
        case .blob(let bytes): "a \(bytes)-byte blob"
        case .null: "NULL"
        case .integer: "an integer"
        case .real: "a real number"
        case .text: "text"
        }
    }
}

/// What a source says about its stored tree nodes.
public enum StoredTreeNodes: Sendable {
    /// The highest level a tree of at most 2^62 leaves has; rows above it (or below 1) belong
    /// to no tree. A source may report them in bulk among its ``LedgerSnapshot/storageProblems()``
    /// rather than list their levels.
    public static let levelMax = 62

    /// The source format keeps no tree nodes (a bundle): the tree is only recomputed.
    case notKept
    /// The source should keep them but cannot show them (the table was dropped): the reason.
    case unavailable(String)
    /// The levels (≥ 1) that hold at least one node, in increasing order. Rows at levels outside
    /// those the recomputed tree has are reported as extra.
    case levels([Int])
}

/// One stored complete-subtree hash.
public struct StoredNode: Sendable {
    /// Index of the subtree within its level.
    public let index: Int64
    /// The stored hash, or what was found instead of one.
    public let hash: StoredHash

    public init(index: Int64, hash: StoredHash) {
        self.index = index
        self.hash = hash
    }
}

/// The stored nodes of one level, in increasing index order.
public protocol TreeNodeCursor {
    /// The next stored node, or nil at the end of the level.
    mutating func next() throws -> StoredNode?
}

/// One stored checkpoint with the cosignature lines stored with it.
public struct StoredCheckpoint: Sendable {
    /// The size the source files it under (the `size` column, the file name `<size>.txt`).
    public let size: Int64
    /// The signed note as stored, cosignature lines appended; nil when it is not text.
    public let note: String?
    /// Why ``note`` is nil, when it is not for want of UTF-8 text: "checkpoints/300.txt is a link to nothing".
    public let unreadable: String?
    /// Cosignature lines a source stores apart from the note (a ledger's `cosignature` rows), each
    /// judged on its own: one that is not a signature line is that row's problem, not the
    /// checkpoint's. A bundle's are in its note.
    public let cosignatures: [StoredCosignature]

    public init(size: Int64, note: String?, unreadable: String? = nil, cosignatures: [StoredCosignature] = []) {
        self.size = size
        self.note = note
        self.unreadable = unreadable
        self.cosignatures = cosignatures
    }
}

/// One cosignature line stored apart from its checkpoint's note.
public struct StoredCosignature: Sendable {
    /// The key it is filed under, as stored (the `key_id` column).
    public let filedUnder: String
    /// The line, or nil when it is not text.
    public let line: String?

    public init(filedUnder: String, line: String?) {
        self.filedUnder = filedUnder
        self.line = line
    }
}

/// The stored checkpoints, in increasing size order.
public protocol CheckpointCursor {
    /// The next checkpoint, or nil after the last.
    mutating func next() throws -> StoredCheckpoint?
}

/// Why a source cannot be verified at all (exit 2): it names the input at fault.
public struct SourceError: Error, CustomStringConvertible, Sendable {
    /// One sentence naming the file and what is wrong with it.
    public let message: String

    public init(_ message: String) { self.message = MessageText.oneLine(message) }

    public var description: String { message }
}
