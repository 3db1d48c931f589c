/// Terminal and printer column widths (East Asian Width, UAX #11, for the ranges that matter).
///
/// A CJK ideograph, a full-width form or a Hangul syllable takes two columns on a terminal and on
/// a Chinese dot-matrix printer; combining marks and format characters take none; everything
/// else takes one. Ambiguous characters (box drawing, "·", Greek) count as one, as on a
/// non-CJK terminal: the renderers avoid them in rulings for that reason.
public enum DisplayWidth {
    /// The number of columns `string` takes: the sum over its scalars.
    public static func of(_ string: String) -> Int {
        var total = 0
        for scalar in string.unicodeScalars {
            total += of(scalar)
        }
        return total
    }

    /// The number of columns one scalar takes: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }  // ASCII fast path
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }  // C0/C1 controls
        if isZeroWidth(value, scalar) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Combining marks, format characters and Hangul medial/final jamo join the previous column.
    private static func isZeroWidth(_ value: UInt32, _ scalar: Unicode.Scalar) -> Bool {
        if value == 0x00AD { return false }  // soft hyphen is printed by terminals
        if value >= 0x1160 && value <= 0x11FF { return true }  // Hangul jungseong/jongseong
        if value >= 0xD7B0 && value <= 0xD7FF { return true }  // Hangul jamo extended-B
        if value == 0x200B { return true }  // zero width space
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    /// Wide (W) and full-width (F) ranges from EastAsianWidth.txt, merged where adjacent.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul jamo initial consonants
        0x231A...0x231B,  // watch, hourglass
        0x2329...0x232A,  // angle brackets
        0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,  // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // kana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK strokes, enclosed, compatibility
        0x3400...0x4DBF,  // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul jamo extended-A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // full-width ASCII forms
        0xFFE0...0xFFE6,  // full-width signs (￥, ￠, …)
        0x16FE0...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, kana supplements
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F251,  // enclosed ideographic supplement
        0x1F300...0x1F64F,  // emoji: symbols and pictographs, emoticons
        0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD,  // CJK Extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK Extensions G–H
    ]

    /// Whether `value` is in a wide range; binary search over the sorted table.
    private static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
