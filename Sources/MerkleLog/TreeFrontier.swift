/// The right edge of a tree of `size` leaves (its "peaks", or compact range [0, size)): one complete
/// subtree hash per set bit of `size`, largest (leftmost) first.
///
/// The frontier is all a writer needs to keep in memory: appending a leaf merges equal-height peaks,
/// which is exactly when new complete subtrees appear, and the root of the whole tree is the fold of
/// the peaks. Appending costs one hash per completed subtree, one on average, and allocates nothing
/// once the peak storage has reached its (logarithmic) size.
public struct TreeFrontier: Sendable, Equatable {
    /// The number of leaves in the tree.
    public private(set) var size: Int
    /// The peak hashes, leftmost (highest level) first; `peaks[i]` is the subtree of the i-th set bit
    /// of `size` counted from the most significant end.
    private var peaks: [TreeHash]

    /// The frontier of the empty tree.
    public init() {
        size = 0
        peaks = []
        peaks.reserveCapacity(Int.bitWidth)
    }

    /// Loads the frontier of the first `size` leaves from stored subtree hashes: popcount(size) ≤ log2(size)+1
    /// reads. Requires size ≥ 0 (a negative size is a programmer error, not data).
    public init(size: Int, reader: some SubtreeHashReader) throws {
        precondition(size >= 0, "a tree size is non-negative")
        self.init()
        var begin = 0
        var level = Int.bitWidth - 1
        while level >= 0 {
            if size & (1 << level) != 0 {
                peaks.append(try reader.subtreeHash(level: level, index: begin >> level))
                begin += 1 << level
            }
            level -= 1
        }
        self.size = size
    }

    /// The complete subtrees that make up the tree, leftmost (largest) first.
    public var subtrees: [SubtreeHash] {
        var result: [SubtreeHash] = []
        result.reserveCapacity(peaks.count)
        var begin = 0
        var next = peaks.startIndex
        var level = Int.bitWidth - 1
        while level >= 0 {
            if size & (1 << level) != 0 {
                result.append(SubtreeHash(level: level, index: begin >> level, hash: peaks[next]))
                next += 1
                begin += 1 << level
            }
            level -= 1
        }
        return result
    }

    /// The RFC 9162 root (MTH) of the whole tree: the peaks folded right to left, each one hashed as the
    /// left child of the fold of those to its right. This is MTH because RFC 9162 splits every range at
    /// the largest power of two below its length, which is exactly the leftmost peak.
    public var root: TreeHash {
        guard var folded = peaks.last else { return RFC9162.emptyRoot }
        var i = peaks.count - 2
        while i >= 0 {
            folded = RFC9162.nodeHash(peaks[i], folded)
            i -= 1
        }
        return folded
    }

    /// Appends one leaf hash and returns every subtree of level ≥ 1 that became complete, lowest level
    /// first. The caller stores the leaf itself as level 0, index `size − 1`.
    public mutating func append(_ leaf: TreeHash) -> [SubtreeHash] {
        // One subtree completes per trailing 1 bit of the old size.
        let completedCount = (~size).trailingZeroBitCount
        guard completedCount > 0 else {
            append(leaf) { _ in }
            return []
        }
        var completed: [SubtreeHash] = []
        completed.reserveCapacity(completedCount)
        append(leaf) { completed.append($0) }
        return completed
    }

    /// Appends one leaf hash, handing each subtree of level ≥ 1 that became complete to `completed`,
    /// lowest level first; allocates nothing, for bulk loads.
    public mutating func append(_ leaf: TreeHash, completed: (SubtreeHash) -> Void) {
        append(leaf, pair: nil, completed: completed)
    }

    /// Appends one leaf hash as ``append(_:completed:)`` does; when the leaf is a right child,
    /// `pair` may give the hash of it and its left sibling, hashed ahead on another thread.
    public mutating func append(_ leaf: TreeHash, pair: TreeHash?, completed: (SubtreeHash) -> Void) {
        precondition(size < Int.max, "tree size overflow")
        let leafIndex = size
        var merged = leaf
        var level = 0
        // Each trailing 1 bit of the old size is a peak of height `level` that the new leaf completes.
        while leafIndex & (1 << level) != 0 {
            let left = peaks.removeLast()
            if level == 0, let pair {
                assert(pair == RFC9162.nodeHash(left, merged), "the pair hashed ahead differs")
                merged = pair
            } else {
                merged = RFC9162.nodeHash(left, merged)
            }
            level += 1
            completed(SubtreeHash(level: level, index: leafIndex >> level, hash: merged))
        }
        peaks.append(merged)
        size = leafIndex + 1
    }
}
