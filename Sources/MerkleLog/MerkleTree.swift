/// Roots and proofs of the RFC 9162 tree over the first `size` leaves of a log whose complete-subtree
/// hashes are held by `reader`.
///
/// Every node a root or proof needs is either a complete aligned subtree, read once, or a node on the
/// tree's right border covering [begin, size), whose hash is the right-to-left fold of the complete
/// subtrees that decompose it (one per set bit of size − begin, since begin is aligned to a power of two
/// larger than the range). A path visits at most one such border node before it leaves the border, so
/// a root costs popcount(size) reads and a proof at most 2·⌈log2(size)⌉ + 1, never O(size).
///
/// Sizes and indices often come from users, so arguments outside a function's requirements throw
/// `ProofError` rather than trap; a size beyond what the reader stores makes the reader throw.
public struct MerkleTree<Reader: SubtreeHashReader> {
    /// Where the complete-subtree hashes are read from.
    public let reader: Reader

    /// A tree over the hashes `reader` holds.
    public init(reader: Reader) {
        self.reader = reader
    }

    /// The RFC 9162 root (MTH) of the first `size` leaves; `RFC9162.emptyRoot` for size 0.
    /// Requires 0 ≤ size ≤ stored size; popcount(size) reads.
    public func root(size: Int) throws -> TreeHash {
        guard size >= 0 else { throw ProofError.negativeSize(size) }
        guard size > 0 else { return RFC9162.emptyRoot }
        return try nodeHash(begin: 0, end: size)
    }

    /// The frontier of the first `size` leaves, to go on appending from. Requires 0 ≤ size ≤ stored size.
    public func frontier(size: Int) throws -> TreeFrontier {
        guard size >= 0 else { throw ProofError.negativeSize(size) }
        return try TreeFrontier(size: size, reader: reader)
    }

    /// The audit path of leaf `index` in the tree of `size` leaves, leaf sibling first
    /// (RFC 9162 §2.1.3.1 PATH). Requires 0 ≤ index < size ≤ stored size.
    public func inclusionProof(index: Int, size: Int) throws -> [TreeHash] {
        guard index >= 0, index < size else { throw ProofError.indexOutOfRange(index: index, size: size) }
        // Walk down from the root collecting the sibling of each node on the path, then reverse:
        // PATH appends each sibling after the path below it.
        var proof: [TreeHash] = []
        proof.reserveCapacity(TreeMath.bitLength(size - 1))
        var begin = 0
        var end = size
        while end - begin > 1 {
            let k = TreeMath.splitPoint(end - begin)
            if index < begin + k {
                proof.append(try nodeHash(begin: begin + k, end: end))
                end = begin + k
            } else {
                proof.append(try completeSubtreeHash(begin: begin, count: k))
                begin += k
            }
        }
        proof.reverse()
        return proof
    }

    /// The proof that the tree of `size1` leaves is a prefix of the tree of `size2` leaves
    /// (RFC 9162 §2.1.4.1 PROOF), lowest node first; empty when size1 == size2. Requires
    /// 0 < size1 ≤ size2 ≤ stored size: from the empty tree there is nothing to prove, and the verifier
    /// refuses such proofs (see `ProofVerifier`).
    public func consistencyProof(from size1: Int, to size2: Int) throws -> [TreeHash] {
        guard size1 >= 0 else { throw ProofError.negativeSize(size1) }
        guard size1 <= size2 else { throw ProofError.sizesDecrease(size1: size1, size2: size2) }
        guard size1 > 0 else { throw ProofError.zeroOldSize(size2: size2) }
        // SUBPROOF(m, D[begin:end], b), unrolled: top-down, then reversed.
        var proof: [TreeHash] = []
        proof.reserveCapacity(TreeMath.bitLength(size2 - 1) + 1)
        var begin = 0
        var end = size2
        var oldTreeIsWholeSubtree = true  // SUBPROOF's b: the node is the whole old tree, known to the verifier.
        while true {
            let count = end - begin
            if size1 - begin == count {
                if !oldTreeIsWholeSubtree { proof.append(try nodeHash(begin: begin, end: end)) }
                break
            }
            let k = TreeMath.splitPoint(count)
            if size1 - begin <= k {
                proof.append(try nodeHash(begin: begin + k, end: end))
                end = begin + k
            } else {
                proof.append(try completeSubtreeHash(begin: begin, count: k))
                begin += k
                oldTreeIsWholeSubtree = false
            }
        }
        proof.reverse()
        return proof
    }

    /// MTH of the leaves [begin, end), for a node of an RFC 9162 tree: begin is a multiple of the smallest
    /// power of two ≥ end − begin, so the range splits into aligned complete subtrees of the sizes of
    /// the set bits of end − begin, largest first. Requires end > begin.
    private func nodeHash(begin: Int, end: Int) throws -> TreeHash {
        let count = end - begin
        if TreeMath.isPowerOfTwo(count) { return try completeSubtreeHash(begin: begin, count: count) }
        let k = TreeMath.splitPoint(count)
        let left = try completeSubtreeHash(begin: begin, count: k)
        return RFC9162.nodeHash(left, try nodeHash(begin: begin + k, end: end))
    }

    /// The stored hash of the complete subtree of `count` (a power of two) leaves starting at `begin`.
    @inline(__always)
    private func completeSubtreeHash(begin: Int, count: Int) throws -> TreeHash {
        let level = count.trailingZeroBitCount
        return try reader.subtreeHash(level: level, index: begin >> level)
    }
}

extension MerkleTree: Sendable where Reader: Sendable {}
