import MerkleLog

/// A slow reference: RFC 9162 §2.1 MTH, PATH and PROOF/SUBPROOF transcribed as written, recursing on
/// leaf ranges D[begin:end] of a fixed list of leaf hashes. The only liberty is a cache of MTH by range,
/// harmless because MTH is a pure function of its range, so that every proof of trees of hundreds of
/// leaves can be checked in seconds.
final class ReferenceTree {
    let leaves: [TreeHash]
    private var mthCache: [Range<Int>: TreeHash] = [:]

    init(leaves: [TreeHash]) {
        self.leaves = leaves
    }

    /// The largest power of two smaller than n, found by doubling, as RFC 9162 defines k (n > 1).
    static func k(_ n: Int) -> Int {
        var k = 1
        while k * 2 < n { k *= 2 }
        return k
    }

    /// MTH(D[begin:end]).
    func mth(_ begin: Int, _ end: Int) -> TreeHash {
        let n = end - begin
        if n == 0 { return TreeHash.hash([UInt8]()) }  // MTH({}) = SHA-256()
        if n == 1 { return leaves[begin] }  // MTH({d(0)}) = SHA-256(0x00 || d(0)), precomputed
        if let cached = mthCache[begin..<end] { return cached }
        let k = Self.k(n)
        // MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))
        let hash = TreeHash.hash(prefix: 0x01, (mth(begin, begin + k).bytes + mth(begin + k, end).bytes))
        mthCache[begin..<end] = hash
        return hash
    }

    /// PATH(m, D[begin:end]), m relative to begin.
    func path(_ m: Int, _ begin: Int, _ end: Int) -> [TreeHash] {
        let n = end - begin
        if n == 1 { return [] }  // PATH(0, {d(0)}) = {}
        let k = Self.k(n)
        if m < k {
            return path(m, begin, begin + k) + [mth(begin + k, end)]  // PATH(m, D[0:k]) : MTH(D[k:n])
        } else {
            return path(m - k, begin + k, end) + [mth(begin, begin + k)]  // PATH(m - k, D[k:n]) : MTH(D[0:k])
        }
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    func proof(_ m: Int, _ n: Int) -> [TreeHash] {
        subproof(m, 0, n, true)
    }

    /// SUBPROOF(m, D[begin:end], b), m relative to begin.
    func subproof(_ m: Int, _ begin: Int, _ end: Int, _ b: Bool) -> [TreeHash] {
        let n = end - begin
        if m == n { return b ? [] : [mth(begin, end)] }
        let k = Self.k(n)
        if m <= k {
            return subproof(m, begin, begin + k, b) + [mth(begin + k, end)]
        } else {
            return subproof(m - k, begin + k, end, false) + [mth(begin, begin + k)]
        }
    }
}

/// A reader that counts its reads, to hold proofs to their O(log n) budget.
struct CountingReader: SubtreeHashReader {
    final class Counter {
        var reads = 0
    }

    let base: InMemorySubtreeHashes
    let counter = Counter()

    func subtreeHash(level: Int, index: Int) throws -> TreeHash {
        counter.reads += 1
        return try base.subtreeHash(level: level, index: index)
    }

    /// The reads made by `body`.
    func reads(_ body: () throws -> Void) rethrows -> Int {
        let before = counter.reads
        try body()
        return counter.reads - before
    }
}

/// The leaf hash of the 8-byte big-endian encoding of `i`, as synthetic leaves.
func syntheticLeaf(_ i: Int) -> TreeHash {
    withUnsafeBytes(of: UInt64(i).bigEndian) { RFC9162.leafHash($0) }
}
