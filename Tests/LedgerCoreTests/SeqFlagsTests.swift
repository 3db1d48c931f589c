@testable import LedgerCore
import Testing

/// The rules' one byte a seq: dense from 0 for a replay in order, sparse for the few entries of
/// a large ledger an append reads (a megabyte zeroed each append at a million entries was most
/// of an append's time), and the same answers either way.
struct SeqFlagsTests {
    @Test func denseAndSparseAnswerAlike() {
        var flags = SeqFlags()
        flags.markReversible(0)
        flags.markReversible(1_000_000)  // far beyond the dense end: kept sparse
        flags.markReversed(1_000_000)
        #expect(flags.isReversible(0) && !flags.isReversed(0))
        #expect(flags.isReversible(1_000_000) && flags.isReversed(1_000_000))
        #expect(!flags.isReversible(999_999) && !flags.isReversible(-1))
        // The dense bytes growing over a sparse seq take its flags with them.
        flags.markReversible(5)
        flags.markReversible(2_000)
        flags.markReversible(4_000)
        for seq in stride(from: 4_000, through: 1_000_001, by: 4_000) { flags.markReversible(Int64(seq)) }
        #expect(flags.isReversible(1_000_000) && flags.isReversed(1_000_000))
        flags.clear(1_000_000)
        #expect(!flags.isReversible(1_000_000) && !flags.isReversed(1_000_000))
        flags.clear(3_000_000)  // never set: nothing to clear
        #expect(!flags.isReversible(3_000_000))
    }

    /// A replay whose first reversible entries lie far from 0 turns dense once it has many, and
    /// keeps every answer.
    @Test func manyFarSeqsTurnDense() {
        var flags = SeqFlags()
        let seqs = (0..<5_000).map { 50_000 + Int64($0) * 7 }
        for seq in seqs { flags.markReversible(seq) }
        #expect(seqs.allSatisfy { flags.isReversible($0) })
        #expect(!flags.isReversible(50_001) && !flags.isReversible(49_999))
    }
}
