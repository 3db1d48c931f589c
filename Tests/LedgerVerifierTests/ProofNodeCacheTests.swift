import MerkleLog
import SeededRandom
import Testing
@testable import LedgerVerifier

struct ProofNodeCacheTests {
    /// The sparse cache holds every node a consistency proof from m to n needs: its proofs equal
    /// those over the whole tree, for every m ≤ n up to 130 and random larger pairs (seeded).
    @Test func proofsFromTheCacheEqualProofsFromTheWholeTree() throws {
        var pairs: [(Int, Int)] = []
        for n in 1...130 { for m in 1...n { pairs.append((m, n)) } }
        var generator = SplitMix64(seed: 9162)
        for _ in 0..<200 {
            let n = Int(generator.next() % 5_000) + 1
            pairs.append((Int(generator.next() % UInt64(n)) + 1, n))
        }
        let leaves = (0..<5_000).map { TreeHash.hash([UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]) }
        for (m, n) in pairs {
            var whole = InMemorySubtreeHashes()
            var cache = ProofNodeCache(trustedSize: m)
            var frontier = TreeFrontier()
            for (index, leaf) in leaves.prefix(n).enumerated() {
                whole.append(leaf)
                cache.record(leafIndex: index, leaf: leaf, completed: frontier.append(leaf))
            }
            let expected = try MerkleTree(reader: whole).consistencyProof(from: m, to: n)
            let found = try MerkleTree(reader: cache).consistencyProof(from: m, to: n)
            #expect(found == expected, "m = \(m), n = \(n)")
        }
    }
}
