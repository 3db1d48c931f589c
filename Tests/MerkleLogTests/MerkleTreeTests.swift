import MerkleLog
import SeededRandom
import Testing

/// MerkleTree's arguments, and the O(log n) read budget of its roots and proofs.
struct MerkleTreeTests {
    /// Arguments outside the requirements throw the rule they break instead of trapping.
    @Test func argumentsOutsideRequirementsThrow() throws {
        let tree = MerkleTree(reader: InMemorySubtreeHashes(leafHashes: (0..<10).map(syntheticLeaf)))
        #expect(throws: ProofError.negativeSize(-1)) { try tree.root(size: -1) }
        #expect(throws: ProofError.indexOutOfRange(index: 5, size: 5)) { try tree.inclusionProof(index: 5, size: 5) }
        #expect(throws: ProofError.indexOutOfRange(index: -1, size: 5)) { try tree.inclusionProof(index: -1, size: 5) }
        #expect(throws: ProofError.indexOutOfRange(index: 0, size: 0)) { try tree.inclusionProof(index: 0, size: 0) }
        #expect(throws: ProofError.zeroOldSize(size2: 5)) { try tree.consistencyProof(from: 0, to: 5) }
        #expect(throws: ProofError.zeroOldSize(size2: 0)) { try tree.consistencyProof(from: 0, to: 0) }
        #expect(throws: ProofError.sizesDecrease(size1: 6, size2: 5)) { try tree.consistencyProof(from: 6, to: 5) }
        #expect(throws: ProofError.negativeSize(-2)) { try tree.consistencyProof(from: -2, to: 5) }
        #expect(try tree.consistencyProof(from: 7, to: 7) == [])
        #expect(try tree.inclusionProof(index: 0, size: 1) == [])
    }

    /// Asking about a tree larger than the stored one fails with the reader's error.
    @Test func sizeBeyondStorageThrowsReaderError() {
        let tree = MerkleTree(reader: InMemorySubtreeHashes(leafHashes: (0..<10).map(syntheticLeaf)))
        #expect(throws: SubtreeHashNotFound.self) { try tree.root(size: 11) }
        #expect(throws: SubtreeHashNotFound.self) { try tree.inclusionProof(index: 3, size: 16) }
        #expect(throws: SubtreeHashNotFound.self) { try tree.consistencyProof(from: 3, to: 12) }
    }

    /// In a tree of 1,000,000 leaves, a root reads popcount(size) subtrees and every proof at most
    /// 2·⌈log2(size)⌉ + 1; the proofs verify.
    @Test func rootsAndProofsReadLogarithmicallyManySubtrees() throws {
        let sizeMax = 1_000_000
        var store = InMemorySubtreeHashes()
        for i in 0..<sizeMax { store.append(syntheticLeaf(i)) }
        let reader = CountingReader(base: store)
        let tree = MerkleTree(reader: reader)
        var generator = SplitMix64(seed: 20181220)

        var sizes = [sizeMax, sizeMax - 1, 524_288, 524_289, 699_051, 1, 2, 3]
        for _ in 0..<20 { sizes.append(Int.random(in: 1...sizeMax, using: &generator)) }
        var mostReads = 0
        for size in sizes {
            let budget = 2 * ceilLog2(size) + 1
            var root = RFC9162.emptyRoot
            #expect(try reader.reads { root = try tree.root(size: size) } == size.nonzeroBitCount)
            #expect(try TreeFrontier(size: size, reader: store).root == root)
            var indices = [0, size - 1, size / 2]
            for _ in 0..<10 { indices.append(Int.random(in: 0..<size, using: &generator)) }
            for index in indices {
                var proof: [TreeHash] = []
                let reads = try reader.reads { proof = try tree.inclusionProof(index: index, size: size) }
                #expect(reads <= budget, "leaf \(index) of \(size): \(reads) reads")
                mostReads = max(mostReads, reads)
                try ProofVerifier.verifyInclusion(
                    leafHash: syntheticLeaf(index), index: index, size: size, proof: proof, root: root)
            }
            var olds = [1, size, size - 1, size / 2 + 1]
            for _ in 0..<10 { olds.append(Int.random(in: 1...size, using: &generator)) }
            for size1 in olds where size1 >= 1 {
                var proof: [TreeHash] = []
                let reads = try reader.reads { proof = try tree.consistencyProof(from: size1, to: size) }
                #expect(reads <= budget, "\(size1) → \(size): \(reads) reads")
                mostReads = max(mostReads, reads)
                try ProofVerifier.verifyConsistency(
                    size1: size1, size2: size, root1: try tree.root(size: size1), root2: root, proof: proof)
            }
        }
        print("most subtree reads for one proof at up to \(sizeMax) leaves: \(mostReads)")
        #expect(mostReads <= 2 * 20 + 1)
    }
}

/// ⌈log2(n)⌉ for n ≥ 1.
private func ceilLog2(_ n: Int) -> Int {
    n <= 1 ? 0 : Int.bitWidth - (n - 1).leadingZeroBitCount
}
