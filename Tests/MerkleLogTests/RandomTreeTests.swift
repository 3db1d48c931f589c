import Foundation
import MerkleLog
import SeededRandom
import Testing

/// The fast code against the slow recursive reference on random leaves, every tree size 1…300.
struct RandomTreeTests {
    static let sizeMax = 300

    /// The seed: MERKLELOG_SEED if set, to replay a failure, else a fresh one; printed either way.
    static func seed() -> UInt64 {
        let seed = ProcessInfo.processInfo.environment["MERKLELOG_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 0...UInt64.max)
        print("RandomTreeTests seed: \(seed) (replay with MERKLELOG_SEED=\(seed))")
        return seed
    }

    /// Random leaf hashes, and the tree of all of them as stored: smaller sizes are read from the stored
    /// tree of sizeMax leaves, as the ledger reads old tree sizes.
    static func randomTree(_ generator: inout SplitMix64) -> (ReferenceTree, InMemorySubtreeHashes) {
        // Random inputs, each ending in its index so that no two leaves are equal (two equal
        // neighbours would let a proof verify at the neighbour's index, by construction).
        let leaves = (0..<sizeMax).map { index in
            RFC9162.leafHash((0..<Int.random(in: 0...40, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            } + [UInt8(index >> 8), UInt8(index & 0xff)])
        }
        return (ReferenceTree(leaves: leaves), InMemorySubtreeHashes(leafHashes: leaves))
    }

    /// A copy of `proof` with one bit of one hash flipped.
    static func tampered(_ proof: [TreeHash], _ generator: inout SplitMix64) -> [TreeHash] {
        var proof = proof
        let i = Int.random(in: proof.indices, using: &generator)
        var bytes = proof[i].bytes
        bytes[Int.random(in: 0..<32, using: &generator)] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        proof[i] = TreeHash(bytes: bytes)!
        return proof
    }

    /// Roots from storage and from the frontier equal the reference MTH at every size.
    @Test func rootsMatchReference() throws {
        var generator = SplitMix64(seed: Self.seed())
        let (reference, store) = Self.randomTree(&generator)
        let tree = MerkleTree(reader: store)
        var frontier = TreeFrontier()
        for size in 0...Self.sizeMax {
            let want = reference.mth(0, size)
            #expect(try tree.root(size: size) == want, "size \(size)")
            #expect(frontier.root == want, "size \(size)")
            #expect(try TreeFrontier(size: size, reader: store) == frontier, "size \(size)")
            if size < Self.sizeMax { _ = frontier.append(reference.leaves[size]) }
        }
        #expect(store.root == reference.mth(0, Self.sizeMax))
    }

    /// Every inclusion proof of every size equals the reference PATH, verifies, and fails when tampered.
    @Test func everyInclusionProofMatchesReference() throws {
        var generator = SplitMix64(seed: Self.seed())
        let (reference, store) = Self.randomTree(&generator)
        let tree = MerkleTree(reader: store)
        var checked = 0
        for size in 1...Self.sizeMax {
            let root = reference.mth(0, size)
            for index in 0..<size {
                let proof = try tree.inclusionProof(index: index, size: size)
                let leaf = reference.leaves[index]
                #expect(proof == reference.path(index, 0, size), "leaf \(index) of \(size)")
                #expect(throws: Never.self, "leaf \(index) of \(size)") {
                    try ProofVerifier.verifyInclusion(leafHash: leaf, index: index, size: size, proof: proof, root: root)
                }
                if !proof.isEmpty {
                    let bad = Self.tampered(proof, &generator)
                    #expect(throws: ProofError.self, "tampered leaf \(index) of \(size)") {
                        try ProofVerifier.verifyInclusion(leafHash: leaf, index: index, size: size, proof: bad, root: root)
                    }
                }
                // The proof is for this index only: a neighbour with the same proof fails.
                if index + 1 < size {
                    #expect(throws: ProofError.self) {
                        try ProofVerifier.verifyInclusion(
                            leafHash: leaf, index: index + 1, size: size, proof: proof, root: root)
                    }
                }
                checked += 1
            }
        }
        #expect(checked == Self.sizeMax * (Self.sizeMax + 1) / 2)
    }

    /// Every consistency proof between sizes 1…300 equals the reference PROOF, verifies, and fails when
    /// tampered or when the old root is wrong.
    @Test func everyConsistencyProofMatchesReference() throws {
        var generator = SplitMix64(seed: Self.seed())
        let (reference, store) = Self.randomTree(&generator)
        let tree = MerkleTree(reader: store)
        let roots = (0...Self.sizeMax).map { reference.mth(0, $0) }
        var checked = 0
        for size2 in 1...Self.sizeMax {
            for size1 in 1...size2 {
                let label = "\(size1) → \(size2)"
                let proof = try tree.consistencyProof(from: size1, to: size2)
                #expect(proof == reference.proof(size1, size2), "\(label)")
                #expect(throws: Never.self, "\(label)") {
                    try ProofVerifier.verifyConsistency(
                        size1: size1, size2: size2, root1: roots[size1], root2: roots[size2], proof: proof)
                }
                if !proof.isEmpty {
                    let bad = Self.tampered(proof, &generator)
                    #expect(throws: ProofError.self, "tampered \(label)") {
                        try ProofVerifier.verifyConsistency(
                            size1: size1, size2: size2, root1: roots[size1], root2: roots[size2], proof: bad)
                    }
                }
                if size1 > 1 {
                    #expect(throws: ProofError.self, "wrong old root \(label)") {
                        try ProofVerifier.verifyConsistency(
                            size1: size1, size2: size2, root1: roots[size1 - 1], root2: roots[size2], proof: proof)
                    }
                }
                checked += 1
            }
        }
        #expect(checked == Self.sizeMax * (Self.sizeMax + 1) / 2)
    }
}
