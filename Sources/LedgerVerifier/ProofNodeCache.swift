import MerkleLog

/// The complete-subtree hashes a consistency proof from a trusted size to the head can need,
/// kept while the tree is recomputed, in a small fraction of the memory of the whole tree.
///
/// A consistency proof from size m to size n (and the roots of both) reads only subtrees on the
/// path to leaf m − 1 and on the right border of the tree of n. Below level ``denseLevelMin``
/// those lie inside the 2^denseLevelMin-leaf block that holds leaf m − 1 or the one that holds
/// leaf n − 1, so the cache keeps every subtree of level ≥ ``denseLevelMin`` (one in 64 of
/// them), and the lower ones only for those two blocks: about 1 MB for a million entries.
struct ProofNodeCache: SubtreeHashReader {
    /// The lowest level kept for the whole tree.
    static let denseLevelMin = 6

    private struct Key: Hashable {
        let level: Int
        let index: Int
    }

    /// The block of leaf m − 1 (m: the trusted size).
    private let pinnedBlock: Int
    /// `dense[l − denseLevelMin][i]`: the subtree of level l, index i.
    private var dense: [[TreeHash]] = []
    private var pinned: [Key: TreeHash] = [:]
    private var tail: [Key: TreeHash] = [:]
    private var tailBlock = -1

    /// A cache for a proof from `trustedSize` (≥ 1).
    init(trustedSize: Int) {
        pinnedBlock = (trustedSize - 1) >> Self.denseLevelMin
    }

    /// Records leaf `leafIndex` (hash `leaf`) and the subtrees its append completed.
    mutating func record(leafIndex: Int, leaf: TreeHash, completed: [SubtreeHash]) {
        let block = leafIndex >> Self.denseLevelMin
        if block != tailBlock {
            tail.removeAll(keepingCapacity: true)
            tailBlock = block
        }
        keep(level: 0, index: leafIndex, hash: leaf, block: block)
        for node in completed { keep(level: node.level, index: node.index, hash: node.hash, block: block) }
    }

    private mutating func keep(level: Int, index: Int, hash: TreeHash, block: Int) {
        if level >= Self.denseLevelMin {
            let row = level - Self.denseLevelMin
            while dense.count <= row { dense.append([]) }
            precondition(dense[row].count == index, "subtrees are completed in index order")
            dense[row].append(hash)
        } else {
            tail[Key(level: level, index: index)] = hash
            if block == pinnedBlock { pinned[Key(level: level, index: index)] = hash }
        }
    }

    func subtreeHash(level: Int, index: Int) throws -> TreeHash {
        if level >= Self.denseLevelMin {
            let row = level - Self.denseLevelMin
            guard row < dense.count, index >= 0, index < dense[row].count else { throw SubtreeHashNotFound(level: level, index: index) }
            return dense[row][index]
        }
        let key = Key(level: level, index: index)
        let block = (index << level) >> Self.denseLevelMin
        if block == tailBlock, let hash = tail[key] { return hash }
        if block == pinnedBlock, let hash = pinned[key] { return hash }
        throw SubtreeHashNotFound(level: level, index: index)
    }
}
