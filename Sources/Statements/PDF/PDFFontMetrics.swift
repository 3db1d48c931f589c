/// The two fonts of a statement PDF, neither embedded, and how text is split between them.
///
/// - `F1` Helvetica (a standard 14 font) sets printable ASCII: it looks better than the Latin
///   of the CJK font, and its widths are known exactly, so right-aligned amounts line up.
/// - `F2` STSong-Light through the `UniGB-UCS2-H` CMap sets everything else, as UTF-16BE code
///   units. Every non-ASCII BMP character that CMap maps lands on a full-width CID (checked
///   against poppler-data's `Adobe-GB1/UniGB-UCS2-H`), so F2 advances 1000/1000 em.
enum PDFFontMetrics {
    /// Which font a run is set in.
    enum Font: Equatable {
        /// Helvetica, WinAnsiEncoding, printable ASCII only.
        case latin
        /// STSong-Light, UniGB-UCS2-H, BMP code units.
        case chinese
    }

    /// A stretch of one line set in one font.
    struct Run {
        /// The font of the run.
        var font: Font
        /// ASCII bytes for `.latin`, UTF-16 code units for `.chinese`.
        var codes: [UInt16]
        /// The advance of the whole run in 1/1000 em.
        var widthUnits: Int
    }

    /// Characters the CMap does not map, set as one it does that looks the same: the middle dot
    /// of a name written in Chinese (阿尔斯楞·巴特尔, U+00B7; •, ‧, ∙, ⋅ too) as ・ (U+30FB).
    /// A switch, not a dictionary: it is asked for every scalar of every line laid out.
    static func standIn(_ value: UInt32) -> UInt16? {
        switch value {
        case 0x00B7, 0x2022, 0x2027, 0x2219, 0x22C5: 0x30FB
        default: nil
        }
    }

    /// Stands in for characters outside the Basic Multilingual Plane. The UCS-2 CMap cannot
    /// address them, and U+FFFD has no CID in Adobe-GB1 either (it would print nothing), so we
    /// use the geta mark 〓 (U+3013, CID 189), the customary placeholder in Chinese typesetting
    /// for a character the type case lacks.
    static let missingCharacter: UInt16 = 0x3013

    /// Helvetica advance widths (AFM, 1/1000 em) for bytes 0x20–0x7E under WinAnsiEncoding.
    static let helveticaWidths: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0 … ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @ … O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P … _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // ` … o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  // p … ~
    ]

    /// The advance of one scalar in 1/1000 em, as the runs will set it.
    static func advance(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return helveticaWidths[Int(value) - 0x20] }
        if value == 0x09 { return helveticaWidths[0] }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }
        return 1000
    }

    /// The advance of `text` in points at `size`.
    static func width(_ text: String, size: Double) -> Double {
        var units = 0
        for scalar in text.unicodeScalars { units += advance(scalar) }
        return Double(units) * size / 1000
    }

    /// Splits one line into runs by script; control characters are dropped, tabs become spaces.
    static func runs(_ text: String) -> [Run] {
        var runs: [Run] = []
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value == 0x09 { value = 0x20 }
            if value < 0x20 || (value >= 0x7F && value < 0xA0) { continue }
            let font: Font = value < 0x7F ? .latin : .chinese
            let width = font == .latin ? helveticaWidths[Int(value) - 0x20] : 1000
            let code = standIn(value) ?? (value > 0xFFFF ? missingCharacter : UInt16(value))
            if let last = runs.indices.last, runs[last].font == font {
                runs[last].codes.append(code)
                runs[last].widthUnits += width
            } else {
                runs.append(Run(font: font, codes: [code], widthUnits: width))
            }
        }
        return runs
    }
}
