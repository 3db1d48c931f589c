import MerkleLog
import Testing

/// The verifier's decisions on edge cases, each with the error that names the broken rule.
struct ProofVerifierTests {
    static let leaves = (0..<7).map(syntheticLeaf)
    static let store = InMemorySubtreeHashes(leafHashes: leaves)

    /// Nothing is included in the empty tree, and indices outside [0, size) are refused.
    @Test func inclusionRequiresIndexBelowSize() {
        let root = Self.store.root
        #expect(throws: ProofError.indexOutOfRange(index: 0, size: 0)) {
            try ProofVerifier.verifyInclusion(leafHash: Self.leaves[0], index: 0, size: 0, proof: [], root: RFC9162.emptyRoot)
        }
        #expect(throws: ProofError.indexOutOfRange(index: 7, size: 7)) {
            try ProofVerifier.verifyInclusion(leafHash: Self.leaves[0], index: 7, size: 7, proof: [], root: root)
        }
        #expect(throws: ProofError.indexOutOfRange(index: -1, size: 7)) {
            try ProofVerifier.verifyInclusion(leafHash: Self.leaves[0], index: -1, size: 7, proof: [], root: root)
        }
    }

    /// A wrong root or a proof of the wrong length is named as such, with the values involved.
    @Test func inclusionFailuresCarryTheirValues() throws {
        let tree = MerkleTree(reader: Self.store)
        let proof = try tree.inclusionProof(index: 2, size: 7)
        #expect(proof.count == 3)
        let root = Self.store.root
        #expect(throws: ProofError.wrongProofLength(expected: 3, found: 4)) {
            try ProofVerifier.verifyInclusion(leafHash: Self.leaves[2], index: 2, size: 7, proof: proof + [root], root: root)
        }
        let calculated = try ProofVerifier.rootFromInclusionProof(leafHash: Self.leaves[3], index: 2, size: 7, proof: proof)
        #expect(calculated != root)
        #expect(throws: ProofError.rootMismatch(expected: root, calculated: calculated)) {
            try ProofVerifier.verifyInclusion(leafHash: Self.leaves[3], index: 2, size: 7, proof: proof, root: root)
        }
    }

    /// Consistency from size 0 is refused, even to size 0 with equal roots; sizes may not decrease.
    @Test func consistencyRequiresNonZeroOldSizeAndNoDecrease() {
        let empty = RFC9162.emptyRoot
        #expect(throws: ProofError.zeroOldSize(size2: 0)) {
            try ProofVerifier.verifyConsistency(size1: 0, size2: 0, root1: empty, root2: empty, proof: [])
        }
        #expect(throws: ProofError.zeroOldSize(size2: 7)) {
            try ProofVerifier.verifyConsistency(size1: 0, size2: 7, root1: empty, root2: Self.store.root, proof: [])
        }
        #expect(throws: ProofError.sizesDecrease(size1: 7, size2: 6)) {
            try ProofVerifier.verifyConsistency(size1: 7, size2: 6, root1: empty, root2: empty, proof: [])
        }
        #expect(throws: ProofError.negativeSize(-1)) {
            try ProofVerifier.verifyConsistency(size1: -1, size2: 6, root1: empty, root2: empty, proof: [])
        }
    }

    /// Equal sizes need an empty proof and equal roots.
    @Test func consistencyOfEqualSizes() throws {
        let root5 = try MerkleTree(reader: Self.store).root(size: 5)
        let root7 = Self.store.root
        #expect(throws: Never.self) {
            try ProofVerifier.verifyConsistency(size1: 7, size2: 7, root1: root7, root2: root7, proof: [])
        }
        #expect(throws: ProofError.wrongProofLength(expected: 0, found: 1)) {
            try ProofVerifier.verifyConsistency(size1: 7, size2: 7, root1: root7, root2: root7, proof: [root7])
        }
        #expect(throws: ProofError.rootMismatch(expected: root7, calculated: root5)) {
            try ProofVerifier.verifyConsistency(size1: 7, size2: 7, root1: root5, root2: root7, proof: [])
        }
    }

    /// A wrong old root and a wrong new root are told apart.
    @Test func consistencyNamesWhichRootMismatched() throws {
        let tree = MerkleTree(reader: Self.store)
        let proof = try tree.consistencyProof(from: 3, to: 7)
        let root3 = try tree.root(size: 3), root4 = try tree.root(size: 4), root7 = Self.store.root
        #expect(throws: Never.self) {
            try ProofVerifier.verifyConsistency(size1: 3, size2: 7, root1: root3, root2: root7, proof: proof)
        }
        #expect(try ProofVerifier.rootFromConsistencyProof(size1: 3, size2: 7, root1: root3, proof: proof) == root7)
        #expect(throws: ProofError.oldRootMismatch(expected: root4, calculated: root3)) {
            try ProofVerifier.verifyConsistency(size1: 3, size2: 7, root1: root4, root2: root7, proof: proof)
        }
        #expect(throws: ProofError.rootMismatch(expected: root4, calculated: root7)) {
            try ProofVerifier.verifyConsistency(size1: 3, size2: 7, root1: root3, root2: root4, proof: proof)
        }
    }

    /// The wire form refuses hashes that are not 32 bytes, but compares equal-size roots byte-for-byte.
    @Test func wireFormChecksHashLengths() throws {
        let tree = MerkleTree(reader: Self.store)
        let proof = try tree.inclusionProof(index: 2, size: 7).map(\.bytes)
        let root = Self.store.root.bytes
        #expect(throws: Never.self) {
            try ProofVerifier.verifyInclusion(leafHash: Self.leaves[2].bytes, index: 2, size: 7, proof: proof, root: root)
        }
        #expect(throws: ProofError.hashLength(expected: 32, found: 31)) {
            try ProofVerifier.verifyInclusion(
                leafHash: Self.leaves[2].bytes, index: 2, size: 7, proof: proof, root: Array(root.dropLast()))
        }
        #expect(throws: ProofError.hashLength(expected: 32, found: 33)) {
            try ProofVerifier.verifyInclusion(
                leafHash: Self.leaves[2].bytes, index: 2, size: 7, proof: [proof[0] + [0]] + proof.dropFirst(), root: root)
        }
        #expect(throws: Never.self) {
            try ProofVerifier.verifyConsistency(size1: 1, size2: 1, root1: [1, 2, 3], root2: [1, 2, 3], proof: [])
        }
        #expect(throws: ProofError.hashLength(expected: 32, found: 3)) {
            try ProofVerifier.verifyConsistency(size1: 1, size2: 1, root1: [1, 2, 3], root2: [1, 2, 4], proof: [])
        }
    }

    /// Error messages say what went wrong in words, with the numbers.
    @Test func errorDescriptionsCarryValues() {
        #expect(ProofError.indexOutOfRange(index: 9, size: 7).description.contains("9"))
        #expect(ProofError.wrongProofLength(expected: 3, found: 4).description == "the proof has 4 hashes, the sizes call for 3")
        #expect(ProofError.zeroOldSize(size2: 7).description.contains("empty tree"))
    }
}
