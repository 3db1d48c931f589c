/// Integer helpers for the shape of an RFC 9162 tree. Sizes and indices are non-negative `Int`s.
enum TreeMath {
    /// The largest power of two strictly less than `n`; requires n ≥ 2 (RFC 9162 §2.1.1's split point k).
    @inline(__always)
    static func splitPoint(_ n: Int) -> Int {
        1 << (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }

    /// The number of bits needed to write `x`, i.e. Go's `bits.Len64`; 0 for 0. Requires x ≥ 0.
    @inline(__always)
    static func bitLength(_ x: Int) -> Int {
        Int.bitWidth - x.leadingZeroBitCount
    }

    /// Whether `n` is a power of two; requires n ≥ 1.
    @inline(__always)
    static func isPowerOfTwo(_ n: Int) -> Bool {
        n & (n - 1) == 0
    }

    /// The length of the inclusion proof of leaf `index` in a tree of `size` leaves, split where the paths
    /// to `index` and to `size − 1` diverge: `inner` hashes below that point, `border` above it
    /// (transparency-dev/merkle `decompInclProof`). Requires 0 ≤ index < size.
    @inline(__always)
    static func inclusionProofShape(index: Int, size: Int) -> (inner: Int, border: Int) {
        let inner = bitLength(index ^ (size - 1))
        let border = (index >> inner).nonzeroBitCount
        return (inner, border)
    }

    /// The length of the consistency proof from `size1` to `size2` leaves; requires 0 < size1 < size2.
    /// It is the part of the inclusion proof of leaf size1 − 1 above the largest complete subtree that
    /// ends at size1 (of 2^trailingZeros(size1) leaves), plus that subtree's own hash unless it is the
    /// whole old tree.
    static func consistencyProofLength(size1: Int, size2: Int) -> Int {
        let (inner, border) = inclusionProofShape(index: size1 - 1, size: size2)
        let shift = size1.trailingZeroBitCount
        let seedIsOldRoot = size1 == 1 << shift
        return (seedIsOldRoot ? 0 : 1) + inner - shift + border
    }
}
