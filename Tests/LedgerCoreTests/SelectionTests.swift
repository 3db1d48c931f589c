import LedgerCore
import PropertyBased
import Testing

struct SelectionTests {
    /// The partial selection puts exactly the k smallest first, for random, sorted, reversed and organ-pipe input.
    @Test func selectionMatchesSortedPrefix() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000).array(of: 0...300), Gen.int(in: 0...300)) { values, k in
            let distinct = Array(Set(values))
            for input in [distinct, distinct.sorted(), distinct.sorted(by: >), distinct.sorted() + distinct.sorted(by: >).map { $0 + 2_000 }] {
                var elements = input
                let take = min(k, elements.count)
                Selection.moveSmallestToFront(take, of: &elements, by: <)
                #expect(elements.prefix(take).sorted() == Array(input.sorted().prefix(take)))
                #expect(elements.sorted() == input.sorted())
            }
        }
    }

    /// Duplicates are found by their bytes; canonically equivalent but different spellings are different ids.
    @Test func duplicatesByBytes() {
        #expect(Selection.firstDuplicate(in: ["1", "2", "3", "2"]) == "2")
        #expect(Selection.firstDuplicate(in: (0..<10_000).map(String.init)) == nil)
        #expect(Selection.firstDuplicate(in: ["caf\u{E9}", "cafe\u{301}"]) == nil)
        #expect(Selection.firstDuplicate(in: []) == nil)
    }

    /// Ties between long ids that share their first 8 bytes are still broken by the full bytes.
    @Test func tieBreakBeyondThePrefix() {
        let amounts = RemainderSplit.amounts(pool: 2, weights: [1, 1, 1], ids: ["household-9", "household-10", "household-11"])
        #expect(amounts == [0, 1, 1])
        #expect(RemainderSplit.amounts(pool: 2, weights: [0, 0], ids: ["a", "b"]) == nil)
        #expect(RemainderSplit.amounts(pool: 2, weights: [1, -1], ids: ["a", "b"]) == nil)
    }
}
