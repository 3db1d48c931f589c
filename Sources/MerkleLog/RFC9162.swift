/// The hashing of RFC 9162 §2.1 (identical to RFC 6962 §2.1), with SHA-256.
///
/// Leaves and interior nodes are domain-separated by a one-byte prefix so that no leaf can be passed
/// off as an interior node (second-preimage resistance of the tree).
public enum RFC9162 {
    /// The prefix of a leaf hash's input.
    public static let leafPrefix: UInt8 = 0x00
    /// The prefix of an interior node hash's input.
    public static let nodePrefix: UInt8 = 0x01

    /// The leaf hash SHA-256(0x00 ‖ data).
    public static func leafHash(_ data: [UInt8]) -> TreeHash {
        SHA256Digest.hash(prefix: leafPrefix, data)
    }

    /// The leaf hash SHA-256(0x00 ‖ data), without copying `data`.
    public static func leafHash(_ data: UnsafeRawBufferPointer) -> TreeHash {
        SHA256Digest.hash(prefix: leafPrefix, data)
    }

    /// The interior node hash SHA-256(0x01 ‖ left ‖ right).
    public static func nodeHash(_ left: TreeHash, _ right: TreeHash) -> TreeHash {
        SHA256Digest.hash(prefix: nodePrefix, left, right)
    }

    /// The root of the empty tree, SHA-256 of no bytes (RFC 9162 §2.1.1: MTH({}) = HASH()).
    public static let emptyRoot: TreeHash = SHA256Digest.hash([UInt8]())
}
