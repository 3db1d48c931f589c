import Foundation
@testable import LedgerCore
import SeededRandom
import Testing

/// Household numbers as the rules intern them: dense, stable, and found again.
struct StringInternerTests {
    @Test func numbersStringsInTheOrderFirstSeen() {
        var interner = StringInterner()
        #expect(interner.intern("00000001") == 0)
        #expect(interner.intern("陈梅") == 1)
        #expect(interner.intern("00000001") == 0)
        #expect(interner.number(of: "陈梅") == 1)
        #expect(interner.number(of: "00000002") == nil)
        #expect(interner.count == 2)
    }

    /// Strings that differ only in length or in their last byte, empty, 16 bytes and longer (kept
    /// apart from the packed ones), across many growths of the table.
    @Test func keepsEveryStringApart() {
        var interner = StringInterner()
        var strings = ["", "\u{0}", "\u{0}\u{0}", "0123456789abcdef", "0123456789abcdeg", "0123456789abcdef0",
                       "0123456789abcdef1", String(repeating: "户", count: 6)]
        strings += (0..<100_000).map { String(format: "%08d", $0) }
        #expect(strings.map { interner.intern($0) } == Array(strings.indices))
        #expect(interner.count == strings.count)
        for (number, string) in strings.enumerated() where number % 97 == 0 || number < 8 {
            #expect(interner.number(of: string) == number, "\(string)")
        }
        #expect(interner.number(of: "00100000") == nil)
        #expect(interner.number(of: "0123456789abcdef2") == nil)
    }

    /// Strings asked again in the order first seen, in reverse, repeated, skipping, and mixed
    /// with longer ones and with ones alike in their first eight bytes: the guess of the string after the last one never decides a number.
    @Test func guessesTheNextStringWithoutTrustingIt() {
        var interner = StringInterner()
        var model: [String: Int] = [:]
        func intern(_ s: String) -> Int {
            let number = model[s] ?? model.count
            model[s] = number
            return number
        }
        // Eight-digit numbers, numbers of a village that share their first eight bytes, and longer.
        let strings = (0..<3_000).map { i in
            i % 10 == 7 ? "a household number longer than 16 bytes \(i)" : i % 2 == 0 ? String(format: "%08d", i) : String(format: "152223-%04d", i)
        }
        var generator = SplitMix64(seed: 20261130)
        var asked: [String] = strings + strings + strings.reversed() + strings.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        asked += (0..<10_000).map { _ in strings[Int(generator.next() % UInt64(strings.count))] }
        asked += ["00000000", "00000000", "00000001", "00000001", "x", "00000002", "y"]
        for s in asked {
            let number = intern(s)
            #expect(interner.intern(s) == number, "\(s)")
        }
        #expect(interner.count == model.count)
    }
}
