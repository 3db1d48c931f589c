import MerkleLog

/// Compares the stored complete-subtree hashes with the recomputed ones as the tree grows: one
/// cursor per level, read in index order, merged with the subtrees the recomputation completes
/// (which arrive in index order on each level too). Memory is one pending row per level.
struct TreeNodeAuditor {
    /// The highest level a tree of at most 2^62 leaves can have; stored rows above it are extra.
    static let levelMax = StoredTreeNodes.levelMax

    private let snapshot: any LedgerSnapshot
    private let stored: StoredTreeNodes
    // Per level 0…levelMax, in arrays: about one node is checked per entry, and four
    // dictionary lookups for each had cost more than the comparison.
    private var storedLevels = [Bool](repeating: false, count: levelMax + 1)
    private var cursors = [(any TreeNodeCursor)?](repeating: nil, count: levelMax + 1)
    /// The row read from each level's cursor and not yet matched.
    private var pending = [StoredNode?](repeating: nil, count: levelMax + 1)
    private var exhausted = [Bool](repeating: false, count: levelMax + 1)

    init(snapshot: any LedgerSnapshot) throws {
        self.snapshot = snapshot
        stored = try snapshot.treeNodeLevels()
        if case .levels(let levels) = stored {
            for level in levels where (0...Self.levelMax).contains(level) { storedLevels[level] = true }
        }
    }

    /// Reports once that the stored nodes cannot be compared at all, when that is so.
    func start(into problems: inout ProblemCollector) {
        if case .unavailable(let reason) = stored {
            problems.add(seq: nil, .nodeMissing, "the stored tree nodes cannot be compared: \(reason)")
        }
    }

    /// Compares one recomputed subtree (level ≥ 1) with the stored row of the same level and index;
    /// problems are reported at `seq`, the stored seq of the entry whose append completed it.
    mutating func check(_ node: SubtreeHash, seq: Int64, into problems: inout ProblemCollector) throws {
        guard case .levels = stored else { return }
        let level = node.level
        let index = Int64(node.index)
        guard storedLevels[level] else {
            return problems.add(seq: seq, .nodeMissing, Self.name(level, index) + " is not stored (expected \(node.hash.hex))")
        }
        while let row = try peek(level), row.index < index {
            problems.add(seq: Self.lastLeaf(level, row.index), .nodeExtra, Self.name(level, row.index) + " is stored but not part of the tree (out of order)")
            pending[level] = nil
        }
        guard let row = try peek(level), row.index == index else {
            return problems.add(seq: seq, .nodeMissing, Self.name(level, index) + " is not stored (expected \(node.hash.hex))")
        }
        pending[level] = nil
        switch row.hash {
        case .hash(let found) where found == node.hash: break
        case .hash(let found):
            problems.add(seq: seq, .nodeMismatch, Self.name(level, index) + ": expected \(node.hash.hex), found \(found.hex)")
        case .malformed(let what):
            problems.add(seq: seq, .nodeMismatch, Self.name(level, index) + ": expected \(node.hash.hex), found \(what)")
        case .notKept: break
        }
    }

    /// Reports every stored row the recomputed tree did not use: nodes beyond its size, at
    /// levels it does not have, or at impossible levels.
    mutating func finish(into problems: inout ProblemCollector) throws {
        guard case .levels(let levels) = stored else { return }
        for level in levels {
            guard level >= 1, level <= Self.levelMax else {
                var cursor = try snapshot.treeNodes(level: level)
                while let row = try cursor.next() {
                    problems.add(seq: nil, .nodeExtra, "a tree node is stored at level \(level), index \(row.index), which no tree has")
                }
                continue
            }
            while let row = try peek(level) {
                problems.add(seq: Self.lastLeaf(level, row.index), .nodeExtra, Self.name(level, row.index) + " is stored but lies beyond the tree")
                pending[level] = nil
            }
        }
    }

    /// The next unmatched stored row of `level` (1…levelMax).
    private mutating func peek(_ level: Int) throws -> StoredNode? {
        if let row = pending[level] { return row }
        guard !exhausted[level] else { return nil }
        if cursors[level] == nil { cursors[level] = try snapshot.treeNodes(level: level) }
        if let row = try cursors[level]!.next() {
            pending[level] = row
            return row
        }
        exhausted[level] = true
        cursors[level] = nil
        return nil
    }

    /// The last leaf a node covers, or nil when that does not fit in an Int64.
    static func lastLeaf(_ level: Int, _ index: Int64) -> Int64? {
        guard level >= 0, level <= levelMax, index >= 0, index <= (Int64.max >> level) - 1 else { return nil }
        return ((index + 1) << level) - 1
    }

    static func name(_ level: Int, _ index: Int64) -> String {
        if let last = lastLeaf(level, index) {
            return "tree node (level \(level), index \(index)) over entries \(index << level)…\(last)"
        }
        return "tree node (level \(level), index \(index))"
    }
}
