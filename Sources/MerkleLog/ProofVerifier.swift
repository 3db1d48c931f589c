/// Checks RFC 9162 §2.1.3 inclusion proofs and §2.1.4 consistency proofs. Pure: it needs no storage,
/// so the ledger verifier links it without the store.
///
/// A port of transparency-dev/merkle `proof/verify.go`, with the same edge-case decisions:
/// - inclusion requires 0 ≤ index < size, so nothing is ever included in the empty tree;
/// - consistency requires size1 ≤ size2; size1 == size2 requires an empty proof and equal roots;
/// - consistency from size1 == 0 is rejected (`zeroOldSize`), also for size2 == 0, even though the empty
///   tree is a prefix of every tree: a proof that proves nothing is refused rather than silently
///   accepted, and a caller that has no previous tree head simply has nothing to check. (The older
///   certificate-transparency-go verifier and C2SP tlog-witness accept old size 0 with an empty proof;
///   we follow verify.go and the conformance probes in `vectors/rfc6962.json`.)
/// - the proof length must be exactly the one the sizes and index determine (at most 2·63 hashes), so
///   no proof is read beyond that bound and no hash in it goes unused.
public enum ProofVerifier {
    /// Checks that `proof` shows leaf `index` with hash `leafHash` is in the tree of `size` leaves whose
    /// root is `root`. Requires 0 ≤ index < size.
    public static func verifyInclusion(
        leafHash: TreeHash, index: Int, size: Int, proof: [TreeHash], root: TreeHash
    ) throws(ProofError) {
        let calculated = try rootFromInclusionProof(leafHash: leafHash, index: index, size: size, proof: proof)
        guard calculated == root else { throw .rootMismatch(expected: root, calculated: calculated) }
    }

    /// The root of the tree of `size` leaves that `proof` places leaf `index`, with hash `leafHash`, in.
    /// Requires 0 ≤ index < size and a proof of exactly the length they determine.
    public static func rootFromInclusionProof(
        leafHash: TreeHash, index: Int, size: Int, proof: [TreeHash]
    ) throws(ProofError) -> TreeHash {
        guard index >= 0, index < size else { throw .indexOutOfRange(index: index, size: size) }
        let (inner, border) = TreeMath.inclusionProofShape(index: index, size: size)
        guard proof.count == inner + border else {
            throw .wrongProofLength(expected: inner + border, found: proof.count)
        }
        let subtree = chainInner(leafHash, proof[..<inner], index: index)
        return chainBorderRight(subtree, proof[inner...])
    }

    /// Checks that `proof` shows the tree of `size1` leaves with root `root1` is a prefix of the tree of
    /// `size2` leaves with root `root2`. Requires 0 < size1 ≤ size2 (see the type's notes for size1 == 0).
    public static func verifyConsistency(
        size1: Int, size2: Int, root1: TreeHash, root2: TreeHash, proof: [TreeHash]
    ) throws(ProofError) {
        let calculated = try rootFromConsistencyProof(size1: size1, size2: size2, root1: root1, proof: proof)
        guard calculated == root2 else { throw .rootMismatch(expected: root2, calculated: calculated) }
    }

    /// The root of the tree of `size2` leaves that `proof` shows extends the tree of `size1` leaves with
    /// root `root1`, after checking that the proof reproduces `root1`. Requires 0 < size1 ≤ size2.
    public static func rootFromConsistencyProof(
        size1: Int, size2: Int, root1: TreeHash, proof: [TreeHash]
    ) throws(ProofError) -> TreeHash {
        guard size1 >= 0 else { throw .negativeSize(size1) }
        guard size2 >= 0 else { throw .negativeSize(size2) }
        guard size1 <= size2 else { throw .sizesDecrease(size1: size1, size2: size2) }
        // Checked before equal sizes, so that (0, 0) is refused too, as the conformance probes require.
        guard size1 > 0 else { throw .zeroOldSize(size2: size2) }
        if size1 == size2 {
            // Equal trees: nothing to prove, so a non-empty proof is malformed; the caller compares roots.
            guard proof.isEmpty else { throw .wrongProofLength(expected: 0, found: proof.count) }
            return root1
        }

        // The proof is a suffix of the inclusion proof of leaf size1 − 1 in the tree of size2, starting at
        // the level of the largest complete subtree that ends at size1 (2^shift leaves) — preceded by that
        // subtree's hash unless it is the whole old tree, whose hash the verifier already has as root1.
        var (inner, border) = TreeMath.inclusionProofShape(index: size1 - 1, size: size2)
        let shift = size1.trailingZeroBitCount
        inner -= shift  // shift < inner because size1 < size2.
        let seedIsRoot1 = size1 == 1 << shift
        let start = seedIsRoot1 ? 0 : 1
        guard proof.count == start + inner + border else {
            throw .wrongProofLength(expected: start + inner + border, found: proof.count)
        }
        let seed = seedIsRoot1 ? root1 : proof[0]
        let path = proof[start...]
        let innerPath = path.prefix(inner)
        let borderPath = path.dropFirst(inner)
        let mask = (size1 - 1) >> shift

        // The old root uses only the hashes to the left of the path; the new one uses all of them.
        let calculated1 = chainBorderRight(chainInnerRight(seed, innerPath, index: mask), borderPath)
        guard calculated1 == root1 else { throw .oldRootMismatch(expected: root1, calculated: calculated1) }
        return chainBorderRight(chainInner(seed, innerPath, index: mask), borderPath)
    }

    /// Hashes `seed`, at position `index` on its level, up through `proof`, lowest level first: each bit of
    /// `index` says whether the sibling is on the left (1) or the right (0).
    private static func chainInner(_ seed: TreeHash, _ proof: ArraySlice<TreeHash>, index: Int) -> TreeHash {
        var hash = seed
        for (bit, sibling) in proof.enumerated() {
            hash = (index >> bit) & 1 == 0 ? RFC9162.nodeHash(hash, sibling) : RFC9162.nodeHash(sibling, hash)
        }
        return hash
    }

    /// Like `chainInner` but only with the siblings on the left: the same subtree as it was before the
    /// leaves to the right of the path were appended.
    private static func chainInnerRight(_ seed: TreeHash, _ proof: ArraySlice<TreeHash>, index: Int) -> TreeHash {
        var hash = seed
        for (bit, sibling) in proof.enumerated() where (index >> bit) & 1 == 1 {
            hash = RFC9162.nodeHash(sibling, hash)
        }
        return hash
    }

    /// Hashes `seed` up the tree's right border, where every sibling is on the left.
    private static func chainBorderRight(_ seed: TreeHash, _ proof: ArraySlice<TreeHash>) -> TreeHash {
        var hash = seed
        for sibling in proof { hash = RFC9162.nodeHash(sibling, hash) }
        return hash
    }
}
