/// Complete-subtree hashes held in memory, level by level: a `SubtreeHashReader` for tests and for a
/// verifier that rebuilds a tree from exported entries. About 64 bytes of memory per leaf.
public struct InMemorySubtreeHashes: SubtreeHashReader, Sendable {
    /// `levels[l][i]` is the hash of the complete subtree over leaves [i·2^l, (i+1)·2^l).
    private var levels: [[TreeHash]] = [[]]
    /// The right edge of the tree, to append to and to give the root.
    public private(set) var frontier = TreeFrontier()

    /// No leaves.
    public init() {}

    /// The tree of `leafHashes`, in order.
    public init(leafHashes: some Sequence<TreeHash>) {
        for leaf in leafHashes { append(leaf) }
    }

    /// The number of leaves.
    public var size: Int { frontier.size }

    /// The root of the whole tree.
    public var root: TreeHash { frontier.root }

    /// Appends one leaf hash and stores every subtree it completes.
    public mutating func append(_ leaf: TreeHash) {
        levels[0].append(leaf)
        // Take the frontier out of `self` so that appending to it and storing into `levels` do not
        // overlap, without copying its storage.
        var edge = TreeFrontier()
        swap(&edge, &frontier)
        edge.append(leaf) { subtree in
            if subtree.level == levels.count { levels.append([]) }
            levels[subtree.level].append(subtree.hash)
        }
        swap(&edge, &frontier)
    }

    /// The stored hash, or `SubtreeHashNotFound` if that subtree is not complete in this tree.
    public func subtreeHash(level: Int, index: Int) throws -> TreeHash {
        guard level >= 0, level < levels.count, index >= 0, index < levels[level].count else {
            throw SubtreeHashNotFound(level: level, index: index)
        }
        return levels[level][index]
    }
}
