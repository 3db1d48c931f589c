/// Why a proof was refused or could not be made. Each case names the rule that was broken and carries
/// the values needed to act on it (transparency-dev/merkle `proof/verify.go` semantics).
public enum ProofError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An inclusion proof was asked for or offered with an index outside [0, size).
    case indexOutOfRange(index: Int, size: Int)
    /// A tree size was negative.
    case negativeSize(Int)
    /// A consistency proof was asked for or offered from a larger tree to a smaller one.
    case sizesDecrease(size1: Int, size2: Int)
    /// A consistency proof from the empty tree: it would prove nothing (every tree extends the empty
    /// one), so verify.go rejects it and so do we. A verifier that trusts nothing yet needs no proof.
    case zeroOldSize(size2: Int)
    /// The proof has the wrong number of hashes for its sizes and index; the number is fixed by them.
    case wrongProofLength(expected: Int, found: Int)
    /// The root computed from the proof differs from the one it should prove.
    case rootMismatch(expected: TreeHash, calculated: TreeHash)
    /// In a consistency proof, the old root recomputed from the proof differs from the one given.
    case oldRootMismatch(expected: TreeHash, calculated: TreeHash)
    /// A hash given as bytes (the wire form) was not 32 bytes long.
    case hashLength(expected: Int, found: Int)

    public var description: String {
        switch self {
        case .indexOutOfRange(let index, let size):
            "leaf index \(index) is not in a tree of \(size) leaves (requires 0 ≤ index < size)"
        case .negativeSize(let size):
            "tree size \(size) is negative"
        case .sizesDecrease(let size1, let size2):
            "no consistency proof from size \(size1) to the smaller size \(size2) (requires size1 ≤ size2)"
        case .zeroOldSize(let size2):
            "a consistency proof from the empty tree to size \(size2) is meaningless (requires 0 < size1)"
        case .wrongProofLength(let expected, let found):
            "the proof has \(found) hashes, the sizes call for \(expected)"
        case .rootMismatch(let expected, let calculated):
            "the proof leads to root \(calculated.hex), expected \(expected.hex)"
        case .oldRootMismatch(let expected, let calculated):
            "the proof leads to old root \(calculated.hex), expected \(expected.hex)"
        case .hashLength(let expected, let found):
            "a hash has \(found) bytes, expected \(expected)"
        }
    }
}
