import MerkleLog
import Testing

/// The frontier: the subtrees an append completes, and loading it back from storage.
struct TreeFrontierTests {
    /// Appending leaf 7 completes the subtrees [6,8), [4,8) and [0,8), lowest first; leaf 8 completes none.
    @Test func appendReturnsCompletedSubtreesLowestFirst() {
        var frontier = TreeFrontier()
        var completed: [[SubtreeHash]] = []
        for i in 0..<9 { completed.append(frontier.append(syntheticLeaf(i))) }
        #expect(completed.map { $0.map(\.level) } == [[], [1], [], [1, 2], [], [1], [], [1, 2, 3], []])
        #expect(completed[7].map(\.index) == [3, 1, 0])
        #expect(completed[7].map { $0.leafBegin..<$0.leafEnd } == [6..<8, 4..<8, 0..<8])
        let l = (0..<8).map(syntheticLeaf)
        let n01 = RFC9162.nodeHash(l[0], l[1]), n23 = RFC9162.nodeHash(l[2], l[3])
        let n45 = RFC9162.nodeHash(l[4], l[5]), n67 = RFC9162.nodeHash(l[6], l[7])
        let n0123 = RFC9162.nodeHash(n01, n23), n4567 = RFC9162.nodeHash(n45, n67)
        #expect(completed[7].map(\.hash) == [n67, n4567, RFC9162.nodeHash(n0123, n4567)])
        #expect(frontier.size == 9)
        #expect(frontier.subtrees.map(\.level) == [3, 0])
        #expect(frontier.subtrees.map(\.index) == [0, 8])
        #expect(frontier.root == RFC9162.nodeHash(RFC9162.nodeHash(n0123, n4567), syntheticLeaf(8)))
    }

    /// Each append completes one subtree per trailing 1 bit of the old size, and the closure form agrees.
    @Test func appendCompletesOneSubtreePerTrailingOne() {
        var viaArray = TreeFrontier()
        var viaClosure = TreeFrontier()
        var total = 0
        for i in 0..<1_000 {
            let returned = viaArray.append(syntheticLeaf(i))
            var handed: [SubtreeHash] = []
            viaClosure.append(syntheticLeaf(i)) { handed.append($0) }
            #expect(returned == handed)
            #expect(returned.count == (~i).trailingZeroBitCount)
            #expect(returned.allSatisfy { $0.leafEnd == i + 1 })
            total += returned.count
        }
        #expect(viaArray == viaClosure)
        #expect(total == 1_000 - 1_000.nonzeroBitCount)  // every leaf but one per peak gets merged once
    }

    /// A right leaf's level-1 subtree hashed ahead (as the verifier's decoding thread does) gives
    /// the frontier every subtree and root it would have hashed itself; a leaf without its pair
    /// (the first of a part prepared apart) is hashed as usual.
    @Test func pairsHashedAheadCompleteTheSameSubtrees() {
        var plain = TreeFrontier()
        var ahead = TreeFrontier()
        for i in 0..<1_000 {
            let leaf = syntheticLeaf(i)
            let pair = i % 2 == 1 && i % 7 != 0 ? RFC9162.nodeHash(syntheticLeaf(i - 1), leaf) : nil
            var handed: [SubtreeHash] = []
            ahead.append(leaf, pair: pair) { handed.append($0) }
            #expect(handed == plain.append(leaf), "leaf \(i)")
            #expect(ahead.root == plain.root, "leaf \(i)")
        }
        #expect(ahead == plain)
    }

    /// A frontier loaded from storage at a smaller size equals the one built by appending to that size,
    /// and appending continues identically from it.
    @Test func frontierLoadedFromStorageResumesAppending() throws {
        let store = InMemorySubtreeHashes(leafHashes: (0..<100).map(syntheticLeaf))
        var built = TreeFrontier()
        for size in 0..<100 {
            var loaded = try TreeFrontier(size: size, reader: store)
            #expect(loaded == built)
            #expect(loaded.append(syntheticLeaf(size)) == built.append(syntheticLeaf(size)))
            #expect(loaded == built)
        }
        #expect(built.root == store.root)
    }

    /// Loading a frontier beyond the stored size fails with the missing subtree.
    @Test func loadingBeyondStoredSizeThrows() {
        let store = InMemorySubtreeHashes(leafHashes: (0..<5).map(syntheticLeaf))
        #expect(throws: SubtreeHashNotFound(level: 3, index: 0)) { try TreeFrontier(size: 8 + 4, reader: store) }
        #expect(throws: SubtreeHashNotFound(level: 1, index: 2)) { try TreeFrontier(size: 4 + 2, reader: store) }
        #expect(throws: Never.self) { try TreeFrontier(size: 4 + 1, reader: store) }
    }
}
