/// Greedy line breaking for mixed Chinese and Latin text, shared by the text and PDF renderers.
///
/// Chinese may break between any two characters, Latin only at spaces, and a line may neither
/// start with closing punctuation ("，", "。", "）") nor end with opening punctuation ("（"),
/// the basic kinsoku rule of GB/T 15834 typesetting. Amounts like "2,880.00" never split.
enum LineBreaker {
    /// Splits `text` into lines no wider than `widthMax`, measured by `advance` per scalar.
    ///
    /// A newline in `text` forces a break. A single unbreakable run wider than `widthMax` is cut
    /// where it overflows, so every line but such a cut is at most `widthMax` wide.
    /// With `keepingMarks`, a short mark in full-width parentheses（冲销）is never broken. With
    /// `cuttingEvenly`, a run too wide for any line is cut into parts of as many characters each
    /// (a 64-digit root in two halves), not where each line overflows. With `keepingWords`, a
    /// word of ``StatementWords`` (条目, 村务监督委员会, 建档立卡户) is never broken.
    static func lines(_ text: String, widthMax: Int, advance: (Unicode.Scalar) -> Int, keepingMarks: Bool = false,
                      cuttingEvenly: Bool = false, keepingWords: Bool = false) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrap(Array(paragraph.unicodeScalars), widthMax: widthMax, advance: advance, keepingMarks: keepingMarks,
                 cuttingEvenly: cuttingEvenly, keepingWords: keepingWords, into: &result)
        }
        return result
    }

    /// The positions no break may come before, as asked: inside a mark, inside a word.
    private static func unbreakable(_ scalars: [Unicode.Scalar], keepingMarks: Bool, keepingWords: Bool) -> Unbreakable {
        var inside = Unbreakable()
        if keepingMarks { insideMarks(scalars, into: &inside) }
        if keepingWords { StatementWords.inside(scalars, into: &inside) }
        return inside
    }

    /// The positions no break may come before: inside a mark of at most ``markLengthMax``
    /// characters between full-width parentheses, its closing one included.
    private static func insideMarks(_ scalars: [Unicode.Scalar], into inside: inout Unbreakable) {
        for (open, scalar) in scalars.enumerated() where scalar == "（" {
            guard let close = scalars[(open + 1)...].prefix(markLengthMax + 1).firstIndex(of: "）") else { continue }
            for i in (open + 1)...close { inside.insert(i, of: scalars.count) }
        }
    }

    /// The longest mark kept whole: （已撤销）, （动态调整）.
    static let markLengthMax = 5

    private static func wrap(
        _ scalars: [Unicode.Scalar], widthMax: Int, advance: (Unicode.Scalar) -> Int, keepingMarks: Bool, cuttingEvenly: Bool,
        keepingWords: Bool, into result: inout [String]
    ) {
        let unbreakable = unbreakable(scalars, keepingMarks: keepingMarks, keepingWords: keepingWords)
        func mayBreak(before index: Int) -> Bool { canBreak(scalars[index - 1], scalars[index]) && !unbreakable.contains(index) }
        var start = 0
        while true {
            // Skip spaces at the start of a continuation line.
            if !result.isEmpty && start > 0 {
                while start < scalars.count && scalars[start] == " " { start += 1 }
            }
            var width = 0
            var index = start
            var lastBreak = -1  // a break is allowed before scalars[lastBreak]
            while index < scalars.count {
                let scalarWidth = advance(scalars[index])
                if index > start && canBreak(scalars[index - 1], scalars[index]) && !unbreakable.contains(index) { lastBreak = index }
                if width + scalarWidth > widthMax && index > start {
                    break
                }
                width += scalarWidth
                index += 1
            }
            if index >= scalars.count {
                result.append(string(scalars[start..<scalars.count]))
                return
            }
            var end = lastBreak > start ? lastBreak : index
            if cuttingEvenly && lastBreak <= start {
                // A run wider than the line: as many parts as it needs, of as many characters each
                // (a root's 64 digits in two 32s), unless that first part would not fit.
                var runEnd = start, runWidth = 0
                repeat {
                    runWidth += advance(scalars[runEnd])
                    runEnd += 1
                } while runEnd < scalars.count && !mayBreak(before: runEnd)
                let parts = max(1, (runWidth + widthMax - 1) / max(1, widthMax))
                let cut = start + (runEnd - start + parts - 1) / parts
                if cut <= index { end = max(cut, start + 1) }
            }
            var trimmedEnd = end
            while trimmedEnd > start && scalars[trimmedEnd - 1] == " " { trimmedEnd -= 1 }
            result.append(string(scalars[start..<trimmedEnd]))
            start = end
        }
    }

    /// The width of the widest run of `text` that no line break may fall inside, spaces aside.
    static func widestUnbreakable(_ text: String, advance: (Unicode.Scalar) -> Int, keepingMarks: Bool = false,
                                  keepingWords: Bool = false) -> Int {
        var widest = 0, run = 0
        var previous: Unicode.Scalar?
        let scalars = Array(text.unicodeScalars)
        let unbreakable = unbreakable(scalars, keepingMarks: keepingMarks, keepingWords: keepingWords)
        for (index, scalar) in scalars.enumerated() {
            if let previous, canBreak(previous, scalar), !unbreakable.contains(index) { run = 0 }
            if scalar != " " { run += advance(scalar) }
            widest = max(widest, run)
            previous = scalar
        }
        return widest
    }

    /// Whether a line may end after `before` and start with `after`.
    static func canBreak(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        if isClosing(after) || isOpening(before) { return false }
        if before == " " { return true }
        if after == " " { return false }
        return isIdeographic(before) || isIdeographic(after)
    }

    private static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2E80
    }

    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "】", "〉", "”", "’", "…",
            ",", ".", ";", ":", "!", "?", ")", "]", "}", "%":
            return true
        default:
            return false
        }
    }

    private static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "（", "《", "「", "『", "【", "〈", "“", "‘", "(", "[", "{", "￥", "¥":
            return true
        default:
            return false
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

/// Positions of a line's scalars no break may come before: a flag each, made only when one is
/// set (most text has none), looked up for every scalar a line is broken at.
struct Unbreakable {
    private var flags: [Bool] = []

    func contains(_ index: Int) -> Bool { index < flags.count && flags[index] }

    mutating func insert(_ index: Int, of count: Int) {
        if flags.isEmpty { flags = [Bool](repeating: false, count: count + 1) }
        flags[index] = true
    }
}
