/// The verifier over hashes in their wire form, byte strings of any length, as they arrive in a proof
/// file or a conformance vector. Lengths are checked here, then the typed verifier does the work, so
/// both behave alike on well-formed input.
extension ProofVerifier {
    /// `verifyInclusion` over byte strings; a leaf hash, proof hash or root that is not 32 bytes is
    /// refused with `hashLength` (verify.go refuses a short leaf hash, and a short proof hash or root
    /// could never produce a matching root). Requires 0 ≤ index < size.
    public static func verifyInclusion(
        leafHash: [UInt8], index: Int, size: Int, proof: [[UInt8]], root: [UInt8]
    ) throws(ProofError) {
        // Same order as verify.go: the index, then the leaf hash, then the proof.
        guard index >= 0, index < size else { throw .indexOutOfRange(index: index, size: size) }
        let leaf = try treeHash(leafHash)
        let (inner, border) = TreeMath.inclusionProofShape(index: index, size: size)
        guard proof.count == inner + border else {
            throw .wrongProofLength(expected: inner + border, found: proof.count)
        }
        try verifyInclusion(
            leafHash: leaf, index: index, size: size, proof: try treeHashes(proof), root: try treeHash(root))
    }

    /// `verifyConsistency` over byte strings. Requires 0 < size1 ≤ size2.
    ///
    /// When size1 == size2 no hash is computed, so, as in verify.go, the two roots are compared
    /// byte-for-byte whatever their length: equal byte strings are consistent with themselves. Otherwise
    /// every root and proof hash must be 32 bytes.
    public static func verifyConsistency(
        size1: Int, size2: Int, root1: [UInt8], root2: [UInt8], proof: [[UInt8]]
    ) throws(ProofError) {
        guard size1 >= 0 else { throw .negativeSize(size1) }
        guard size2 >= 0 else { throw .negativeSize(size2) }
        guard size1 <= size2 else { throw .sizesDecrease(size1: size1, size2: size2) }
        guard size1 > 0 else { throw .zeroOldSize(size2: size2) }
        if size1 == size2 {
            guard proof.isEmpty else { throw .wrongProofLength(expected: 0, found: proof.count) }
            guard root1 != root2 else { return }
            let hash1 = try treeHash(root1), hash2 = try treeHash(root2)
            throw .rootMismatch(expected: hash2, calculated: hash1)
        }
        // The proof's shape before its bytes, as verify.go does, so a malformed proof is named as such.
        let expectedCount = TreeMath.consistencyProofLength(size1: size1, size2: size2)
        guard proof.count == expectedCount else {
            throw .wrongProofLength(expected: expectedCount, found: proof.count)
        }
        try verifyConsistency(
            size1: size1, size2: size2, root1: try treeHash(root1), root2: try treeHash(root2),
            proof: try treeHashes(proof))
    }

    /// A 32-byte string as a hash, or `hashLength`.
    private static func treeHash(_ bytes: [UInt8]) throws(ProofError) -> TreeHash {
        guard let hash = TreeHash(bytes: bytes) else {
            throw .hashLength(expected: TreeHash.byteCount, found: bytes.count)
        }
        return hash
    }

    /// Each 32-byte string as a hash, or `hashLength` for the first that is not.
    private static func treeHashes(_ proof: [[UInt8]]) throws(ProofError) -> [TreeHash] {
        var hashes: [TreeHash] = []
        hashes.reserveCapacity(proof.count)
        for bytes in proof { hashes.append(try treeHash(bytes)) }
        return hashes
    }
}
