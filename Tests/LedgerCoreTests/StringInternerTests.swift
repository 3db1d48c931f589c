import Foundation
@testable import LedgerCore
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
}
