import Foundation
import MerkleLog

/// `Tests/Vectors/rfc6962.json`, a copy of `../shared/vectors/rfc6962.json`: RFC 6962 / RFC 9162 §2.1
/// vectors and conformance probes extracted from transparency-dev/merkle (see its `_about`).
struct RFC6962Vectors: Decodable {
    struct About: Decodable {
        let title: String
        let caveats: [String]
    }

    struct HasherVector: Decodable {
        let desc: String
        let kind: String
        let input: String?
        let left: String?
        let right: String?
        let hash: String
    }

    struct Leaf: Decodable {
        let index: Int
        let input: String
        let leafHash: String
    }

    struct Root: Decodable {
        let treeSize: Int
        let root: String
    }

    struct InclusionProof: Decodable {
        let leafIndex: Int
        let treeSize: Int
        let leafInput: String
        let leafHash: String
        let root: String
        let proof: [String]
    }

    struct ConsistencyProof: Decodable {
        let size1: Int
        let size2: Int
        let root1: String
        let root2: String
        let proof: [String]
    }

    /// A probe's sizes are Go `uint64`s: "leafIdx sub @1" from leaf 0 wraps to 2^64 − 1.
    struct InclusionProbe: Decodable {
        let source: String
        let desc: String
        let leafIndex: UInt64
        let treeSize: UInt64
        let leafHash: String
        let root: String
        let proof: [String]
        let wantError: Bool
    }

    struct ConsistencyProbe: Decodable {
        let source: String
        let desc: String
        let size1: UInt64
        let size2: UInt64
        let root1: String
        let root2: String
        let proof: [String]
        let wantError: Bool
    }

    let _about: About
    let hashAlgorithm: String
    let leafPrefix: String
    let nodePrefix: String
    let emptyRoot: String
    let hasherVectors: [HasherVector]
    let leaves: [Leaf]
    let nodeHashes: [[String]]
    let roots: [Root]
    let inclusionProofs: [InclusionProof]
    let consistencyProofs: [ConsistencyProof]
    let inclusionProbes: [InclusionProbe]
    let consistencyProbes: [ConsistencyProbe]

    /// `Tests/Vectors/rfc6962.json`, found from this source file's path.
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Vectors").appendingPathComponent("rfc6962.json")

    /// `../shared/vectors/rfc6962.json` beside the repository root, where the original lives.
    static let sharedURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared").appendingPathComponent("vectors").appendingPathComponent("rfc6962.json")

    static func load() throws -> RFC6962Vectors {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(RFC6962Vectors.self, from: Data(contentsOf: url))
    }
}

/// Decoding of the vectors' lowercase hex.
enum VectorHex {
    struct Invalid: Error, CustomStringConvertible {
        let text: String
        var description: String { "not hex: \(text)" }
    }

    /// Any number of bytes.
    static func bytes(_ text: String) throws -> [UInt8] {
        guard let bytes = Hex.decode(text) else { throw Invalid(text: text) }
        return bytes
    }

    /// Exactly 32 bytes.
    static func hash(_ text: String) throws -> TreeHash {
        guard let hash = TreeHash(hex: text) else { throw Invalid(text: text) }
        return hash
    }

    static func hashes(_ texts: [String]) throws -> [TreeHash] {
        try texts.map(hash)
    }
}

extension Int {
    /// A Go `uint64` probe value as the `Int` with the same 64-bit pattern: 2^64 − 1 ("index 0 minus 1")
    /// becomes −1, which is what the probe means and which the verifier must refuse.
    init(probe value: UInt64) {
        self.init(truncatingIfNeeded: value)
    }
}
