/// MerkleLog: RFC 9162 §2.1 Merkle tree hashing, and inclusion and consistency proofs computed from
/// stored complete-subtree hashes. It knows nothing of ledgers: its leaves are opaque 32-byte hashes.
///
/// Users of MerkleLog see `SHA256Digest` without importing FenhongCrypto themselves.
@_exported import FenhongCrypto

/// The hash of a Merkle tree node (leaf, interior node or root): SHA-256, 32 bytes.
public typealias TreeHash = SHA256Digest

/// Where the complete-subtree hashes live (SQLite in the store, memory in tests and in the verifier).
///
/// Level 0 holds the leaf hashes; `subtreeHash(level: l, index: i)` is the hash of the complete subtree
/// over leaves [i·2^l, (i+1)·2^l). A reader is asked only for subtrees that are complete in the tree
/// being queried, so it needs no notion of tree size; a subtree it does not have is an error it throws.
public protocol SubtreeHashReader {
    /// The hash of the complete subtree over leaves [index·2^level, (index+1)·2^level).
    func subtreeHash(level: Int, index: Int) throws -> TreeHash
}

/// A complete subtree hash to be stored: the subtree over leaves [index·2^level, (index+1)·2^level).
public struct SubtreeHash: Hashable, Sendable, CustomStringConvertible {
    /// Height of the subtree: 0 for a leaf, l for a subtree of 2^l leaves.
    public let level: Int
    /// Position of the subtree among those of its level, counted from 0 at the left.
    public let index: Int
    /// The subtree's RFC 9162 hash.
    public let hash: TreeHash

    /// Names a subtree and its hash; requires level ≥ 0 and index ≥ 0.
    public init(level: Int, index: Int, hash: TreeHash) {
        precondition(level >= 0 && index >= 0, "a subtree has a non-negative level and index")
        self.level = level
        self.index = index
        self.hash = hash
    }

    /// The first leaf the subtree covers.
    public var leafBegin: Int { index << level }
    /// One past the last leaf the subtree covers.
    public var leafEnd: Int { (index + 1) << level }

    public var description: String { "subtree(level: \(level), index: \(index), \(hash.shortHex))" }
}

/// A subtree the reader was asked for but does not hold: the tree queried is larger than the one stored.
public struct SubtreeHashNotFound: Error, Equatable, CustomStringConvertible {
    /// Level of the missing subtree.
    public let level: Int
    /// Index of the missing subtree within its level.
    public let index: Int

    /// Names the missing subtree.
    public init(level: Int, index: Int) {
        self.level = level
        self.index = index
    }

    public var description: String {
        "no stored hash for the subtree at level \(level), index \(index) (leaves \(index << level)..<\((index + 1) << level))"
    }
}
