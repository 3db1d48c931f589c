import Foundation
import MerkleLog
import Testing

/// The fast code against every vector of `Tests/Vectors/rfc6962.json` (not the probes, see ProbeTests).
struct RFC6962VectorTests {
    /// The copy under Tests/Vectors is byte-identical to ../shared/vectors/rfc6962.json, when that exists.
    @Test func vectorCopyIsByteIdenticalToShared() throws {
        let copy = try Data(contentsOf: RFC6962Vectors.url)
        #expect(copy.count > 100_000)
        guard FileManager.default.fileExists(atPath: RFC6962Vectors.sharedURL.path) else {
            print("no \(RFC6962Vectors.sharedURL.path) beside the repository; copy not compared")
            return
        }
        let shared = try Data(contentsOf: RFC6962Vectors.sharedURL)
        #expect(copy == shared)
    }

    /// The file is the one we think: its header, parameters and how many of each vector it holds.
    @Test func vectorFileHasExpectedShape() throws {
        let v = try RFC6962Vectors.load()
        #expect(v._about.title.hasPrefix("RFC 6962 / RFC 9162"))
        #expect(!v._about.caveats.isEmpty)
        #expect(v.hashAlgorithm == "SHA-256")
        #expect(v.leafPrefix == "00" && Hex.decode(v.leafPrefix) == [RFC9162.leafPrefix])
        #expect(v.nodePrefix == "01" && Hex.decode(v.nodePrefix) == [RFC9162.nodePrefix])
        #expect(v.hasherVectors.count == 4)
        #expect(v.leaves.count == 8)
        #expect(v.nodeHashes.map(\.count) == [8, 4, 2, 1])
        #expect(v.roots.map(\.treeSize) == Array(0...8))
        #expect(v.inclusionProofs.count == 5)
        #expect(v.consistencyProofs.count == 5)
        #expect(v.inclusionProbes.count == 98)
        #expect(v.consistencyProbes.count == 98)
    }

    /// The empty root is SHA-256 of nothing.
    @Test func emptyRootIsSHA256OfNothing() throws {
        let v = try RFC6962Vectors.load()
        // printf '' | sha256sum
        #expect(RFC9162.emptyRoot.hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(RFC9162.emptyRoot == (try VectorHex.hash(v.emptyRoot)))
        #expect(try MerkleTree(reader: InMemorySubtreeHashes()).root(size: 0) == RFC9162.emptyRoot)
        #expect(TreeFrontier().root == RFC9162.emptyRoot)
    }

    /// Every hasher vector: the empty root, leaf hashes with the 0x00 prefix, the node hash with 0x01.
    @Test func hasherVectors() throws {
        let v = try RFC6962Vectors.load()
        for vector in v.hasherVectors {
            let want = try VectorHex.hash(vector.hash)
            switch vector.kind {
            case "empty_root":
                #expect(RFC9162.emptyRoot == want, "\(vector.desc)")
            case "leaf":
                let input = try VectorHex.bytes(try #require(vector.input))
                #expect(RFC9162.leafHash(input) == want, "\(vector.desc)")
                #expect(input.withUnsafeBytes { RFC9162.leafHash($0) } == want, "\(vector.desc)")
            case "node":
                // The vector's children are 4 bytes, which a TreeHash cannot be, so hash the same input
                // as nodeHash does: the prefix 0x01, then the children. nodeHashIsPrefixedConcatenation
                // shows nodeHash is exactly that on 32-byte children.
                let left = try VectorHex.bytes(try #require(vector.left))
                let right = try VectorHex.bytes(try #require(vector.right))
                #expect(TreeHash.hash(prefix: RFC9162.nodePrefix, left + right) == want, "\(vector.desc)")
            default:
                Issue.record("unknown hasher vector kind \(vector.kind)")
            }
        }
        // printf '\x01N123N456' | sha256sum
        #expect(
            TreeHash.hash(Array("\u{01}N123N456".utf8)).hex
                == "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb")
    }

    /// nodeHash(l, r) is SHA-256(0x01 ‖ l ‖ r) and leafHash(d) is SHA-256(0x00 ‖ d).
    @Test func nodeHashIsPrefixedConcatenation() throws {
        let v = try RFC6962Vectors.load()
        let l = try VectorHex.hash(v.nodeHashes[0][0]), r = try VectorHex.hash(v.nodeHashes[0][1])
        #expect(RFC9162.nodeHash(l, r) == TreeHash.hash([0x01] + l.bytes + r.bytes))
        #expect(RFC9162.nodeHash(l, r) != RFC9162.nodeHash(r, l))
        // printf '\x00' | sha256sum
        #expect(RFC9162.leafHash([]).hex == "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d")
        #expect(RFC9162.leafHash([7, 8]) == TreeHash.hash([0x00, 7, 8]))
    }

    /// Every leaf hash d0…d7.
    @Test func leafHashes() throws {
        let v = try RFC6962Vectors.load()
        for (i, leaf) in v.leaves.enumerated() {
            #expect(leaf.index == i)
            #expect(RFC9162.leafHash(try VectorHex.bytes(leaf.input)) == (try VectorHex.hash(leaf.leafHash)))
        }
    }

    /// Every complete subtree hash of the 8-leaf tree, as stored by appending through the frontier.
    @Test func nodeHashesAreTheStoredSubtrees() throws {
        let v = try RFC6962Vectors.load()
        let store = try Self.store(v)
        for (level, row) in v.nodeHashes.enumerated() {
            for (index, hex) in row.enumerated() {
                let want = try VectorHex.hash(hex)
                #expect(try store.subtreeHash(level: level, index: index) == want, "level \(level) index \(index)")
                if level > 0 {
                    let left = try VectorHex.hash(v.nodeHashes[level - 1][2 * index])
                    let right = try VectorHex.hash(v.nodeHashes[level - 1][2 * index + 1])
                    #expect(RFC9162.nodeHash(left, right) == want)
                }
            }
        }
        #expect(throws: SubtreeHashNotFound(level: 3, index: 1)) { try store.subtreeHash(level: 3, index: 1) }
        #expect(throws: SubtreeHashNotFound(level: 4, index: 0)) { try store.subtreeHash(level: 4, index: 0) }
    }

    /// The roots of sizes 0…8, from stored subtrees, from the frontier while appending, and from the reference.
    @Test func roots() throws {
        let v = try RFC6962Vectors.load()
        let store = try Self.store(v)
        let tree = MerkleTree(reader: store)
        let reference = ReferenceTree(leaves: try Self.leafHashes(v))
        var frontier = TreeFrontier()
        for root in v.roots {
            let want = try VectorHex.hash(root.root)
            #expect(try tree.root(size: root.treeSize) == want, "size \(root.treeSize)")
            #expect(try TreeFrontier(size: root.treeSize, reader: store).root == want, "size \(root.treeSize)")
            #expect(frontier.size == root.treeSize && frontier.root == want, "size \(root.treeSize)")
            #expect(reference.mth(0, root.treeSize) == want, "size \(root.treeSize)")
            if root.treeSize < v.leaves.count {
                _ = frontier.append(try VectorHex.hash(v.leaves[root.treeSize].leafHash))
            }
        }
    }

    /// Every inclusion proof: made equal to the vector, and verified against the vector's root.
    @Test func inclusionProofs() throws {
        let v = try RFC6962Vectors.load()
        let tree = MerkleTree(reader: try Self.store(v))
        for vector in v.inclusionProofs {
            let leaf = try VectorHex.hash(vector.leafHash)
            let root = try VectorHex.hash(vector.root)
            let proof = try VectorHex.hashes(vector.proof)
            let label = "leaf \(vector.leafIndex) of \(vector.treeSize)"
            #expect(RFC9162.leafHash(try VectorHex.bytes(vector.leafInput)) == leaf, "\(label)")
            #expect(try tree.root(size: vector.treeSize) == root, "\(label)")
            #expect(try tree.inclusionProof(index: vector.leafIndex, size: vector.treeSize) == proof, "\(label)")
            #expect(throws: Never.self, "\(label)") {
                try ProofVerifier.verifyInclusion(
                    leafHash: leaf, index: vector.leafIndex, size: vector.treeSize, proof: proof, root: root)
            }
            #expect(
                try ProofVerifier.rootFromInclusionProof(
                    leafHash: leaf, index: vector.leafIndex, size: vector.treeSize, proof: proof) == root)
        }
    }

    /// Every consistency proof: made equal to the vector, and verified against the vector's roots.
    @Test func consistencyProofs() throws {
        let v = try RFC6962Vectors.load()
        let tree = MerkleTree(reader: try Self.store(v))
        for vector in v.consistencyProofs {
            let root1 = try VectorHex.hash(vector.root1), root2 = try VectorHex.hash(vector.root2)
            let proof = try VectorHex.hashes(vector.proof)
            let label = "\(vector.size1) → \(vector.size2)"
            #expect(try tree.root(size: vector.size1) == root1, "\(label)")
            #expect(try tree.root(size: vector.size2) == root2, "\(label)")
            #expect(try tree.consistencyProof(from: vector.size1, to: vector.size2) == proof, "\(label)")
            #expect(throws: Never.self, "\(label)") {
                try ProofVerifier.verifyConsistency(
                    size1: vector.size1, size2: vector.size2, root1: root1, root2: root2, proof: proof)
            }
        }
    }

    static func leafHashes(_ v: RFC6962Vectors) throws -> [TreeHash] {
        try v.leaves.map { try VectorHex.hash($0.leafHash) }
    }

    /// The 8-leaf tree stored as the ledger store stores it: leaves, then what the frontier completes.
    static func store(_ v: RFC6962Vectors) throws -> InMemorySubtreeHashes {
        InMemorySubtreeHashes(leafHashes: try leafHashes(v))
    }
}
