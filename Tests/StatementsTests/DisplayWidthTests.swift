import Testing
@testable import Statements

struct DisplayWidthTests {
    /// Chinese characters and Chinese punctuation take two columns, ASCII one.
    @Test func chineseIsTwoColumnsAndASCIIOne() {
        #expect(DisplayWidth.of("陈梅") == 4)
        #expect(DisplayWidth.of("2,880.00") == 8)
        #expect(DisplayWidth.of("Baixin 嘎查") == 11)
        #expect(DisplayWidth.of("户主（或见证人、按手印）") == 24)
        #expect(DisplayWidth.of("") == 0)
    }

    /// Full-width forms, the ideographic space, Hangul and extension-B ideographs are wide.
    @Test func fullWidthHangulAndSupplementaryIdeographsAreWide() {
        #expect(DisplayWidth.of("２，８８０") == 10)
        #expect(DisplayWidth.of("\u{3000}") == 2)
        #expect(DisplayWidth.of("한국") == 4)
        #expect(DisplayWidth.of("𠀋") == 2)  // U+2000B, CJK Extension B
        #expect(DisplayWidth.of("￥5") == 3)
    }

    /// Combining marks, zero-width and control characters take no column.
    @Test func combiningAndControlCharactersAreZeroWidth() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{7}\t") == 0)
        #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2)  // Hangul jamo ᄀ + ᅡ form one wide syllable
    }

    /// Ambiguous and narrow non-ASCII characters count as one column.
    @Test func ambiguousCharactersAreNarrow() {
        #expect(DisplayWidth.of("·é─") == 3)
        #expect(DisplayWidth.of("ｱ") == 1)  // half-width katakana
    }
}
