/// Which characters the PDF's Chinese font can show. Text other than ASCII is set in the
/// non-embedded CID font STSong-Light through the CMap `UniGB-UCS2-H`, which maps these UCS-2
/// code points (Adobe-GB1) and no others: a character outside them — a rare character beyond the
/// BMP (王𠮷), Mongolian script (ᠪᠠᠲᠤ) — prints as 〓 or nothing, and the household's statement
/// would lack its head's name without a word. The ranges are read from poppler-data's
/// `cMap/Adobe-GB1/UniGB-UCS2-H` (28840 code points in 150 ranges).
enum PDFCoverage {
    /// True when a PDF prints `scalar` as it is (the layout sets a line scalar by scalar): printable
    /// ASCII (set in Helvetica), mapped by `UniGB-UCS2-H` (or set as a look-alike that is), or a
    /// control character (dropped, as the layout drops it, with no glyph meant).
    static func prints(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0xA0 || PDFFontMetrics.standIn(value) != nil { return true }
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound < value { low = mid + 1 } else { high = mid }
        }
        return low < ranges.count && ranges[low].contains(value)
    }

    /// The characters of `document` a PDF would print as 〓 or nothing, each once, in order of
    /// appearance: what the visual renderers print of it (not what is only read aloud).
    static func missing(in document: StatementDocument) -> [Character] {
        var texts = [document.title] + document.subtitleLines + [document.owner ?? ""]
        for section in document.sections {
            texts.append(section.heading)
            switch section.content {
            case .keyValues(let pairs): texts += pairs.flatMap { [$0.key, $0.value] }
            case .table(let table): texts += table.columns.map(\.header) + (table.rows + [table.totals].compactMap { $0 }).flatMap(\.cells)
            case .paragraph(let paragraph): texts.append(paragraph.text)
            case .signatures(let lines): texts += lines.map(\.label)
            }
        }
        if let footer = document.footer { texts += footer.labelledLines.flatMap { [$0.label, $0.value] } + footer.notes }
        // Scalar by scalar, as the layout sets them: no grapheme breaking for every statement's text.
        var seen = Set<Unicode.Scalar>(), missing = [Character]()
        for text in texts {
            for scalar in text.unicodeScalars where !prints(scalar) && seen.insert(scalar).inserted {
                missing.append(Character(scalar))
            }
        }
        return missing
    }

    /// The code points `UniGB-UCS2-H` maps, in order.
    static let ranges: [ClosedRange<UInt32>] = [
        0x0020...0x007E, 0x00A4...0x00A5, 0x00A7...0x00A8, 0x00B0...0x00B1, 0x00D7...0x00D7, 0x00E0...0x00E1,
        0x00E8...0x00EA, 0x00EC...0x00ED, 0x00F2...0x00F3, 0x00F7...0x00F7, 0x00F9...0x00FA, 0x00FC...0x00FC,
        0x0101...0x0101, 0x0113...0x0113, 0x011B...0x011B, 0x012B...0x012B, 0x014D...0x014D, 0x016B...0x016B,
        0x01CE...0x01CE, 0x01D0...0x01D0, 0x01D2...0x01D2, 0x01D4...0x01D4, 0x01D6...0x01D6, 0x01D8...0x01D8,
        0x01DA...0x01DA, 0x01DC...0x01DC, 0x01F9...0x01F9, 0x02C7...0x02C7, 0x02C9...0x02CB, 0x02D9...0x02D9,
        0x0391...0x03A1, 0x03A3...0x03A9, 0x03B1...0x03C1, 0x03C3...0x03C9, 0x0401...0x0401, 0x0410...0x044F,
        0x0451...0x0451, 0x1E3F...0x1E3F, 0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D,
        0x2025...0x2026, 0x2030...0x2030, 0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B, 0x20AC...0x20AC,
        0x2103...0x2103, 0x2105...0x2105, 0x2109...0x2109, 0x2116...0x2116, 0x2121...0x2121, 0x2160...0x216B,
        0x2170...0x2179, 0x2190...0x2193, 0x2196...0x2199, 0x2208...0x2208, 0x220F...0x220F, 0x2211...0x2211,
        0x2215...0x2215, 0x221A...0x221A, 0x221D...0x2220, 0x2223...0x2223, 0x2225...0x2225, 0x2227...0x222B,
        0x222E...0x222E, 0x2234...0x2237, 0x223D...0x223D, 0x2248...0x2248, 0x224C...0x224C, 0x2252...0x2252,
        0x2260...0x2261, 0x2264...0x2267, 0x226E...0x226F, 0x2295...0x2295, 0x2299...0x2299, 0x22A5...0x22A5,
        0x22BF...0x22BF, 0x22EF...0x22EF, 0x2312...0x2312, 0x2460...0x2469, 0x2474...0x249B, 0x2500...0x254B,
        0x2550...0x2573, 0x2581...0x258F, 0x2593...0x2595, 0x25A0...0x25A1, 0x25B2...0x25B3, 0x25BC...0x25BD,
        0x25C6...0x25C7, 0x25CB...0x25CB, 0x25CE...0x25CF, 0x25E2...0x25E5, 0x2605...0x2606, 0x2609...0x2609,
        0x2640...0x2640, 0x2642...0x2642, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFB,
        0x3000...0x3003, 0x3005...0x3017, 0x301D...0x301E, 0x3021...0x3029, 0x3033...0x3035, 0x3038...0x303A,
        0x303E...0x303F, 0x3041...0x3094, 0x309B...0x309E, 0x30A1...0x30FE, 0x3105...0x312C, 0x31A0...0x31B7,
        0x3220...0x3229, 0x3231...0x3231, 0x32A3...0x32A3, 0x338E...0x338F, 0x339C...0x339E, 0x33A1...0x33A1,
        0x33C4...0x33C4, 0x33CE...0x33CE, 0x33D1...0x33D2, 0x33D5...0x33D5, 0x3400...0x4DB5, 0x4E00...0x9FA5,
        0xE816...0xE818, 0xE81E...0xE81E, 0xE826...0xE826, 0xE82B...0xE82C, 0xE831...0xE832, 0xE83B...0xE83B,
        0xE843...0xE843, 0xE854...0xE855, 0xE864...0xE864, 0xF92C...0xF92C, 0xFA0D...0xFA0F, 0xFA11...0xFA11,
        0xFA13...0xFA14, 0xFA18...0xFA18, 0xFA1F...0xFA21, 0xFA23...0xFA24, 0xFA27...0xFA29, 0xFE30...0xFE30,
        0xFE49...0xFE52, 0xFE54...0xFE57, 0xFE59...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF5E, 0xFFE0...0xFFE5
    ]
}

extension PDFRenderer {
    /// A statement whose text holds characters the PDF's font cannot show.
    public struct MissingCharacters: Error, CustomStringConvertible {
        public let characters: [Character]

        public var description: String {
            let named = characters.prefix(5).map { c in
                "\(c) (" + c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ") + ")"
            }.joined(separator: ", ") + (characters.count > 5 ? " and \(characters.count - 5) more" : "")
            return "the PDF's Chinese font (STSong-Light, not embedded) has no \(named): printed, \(characters.count == 1 ? "it" : "each") would be 〓 or nothing; "
                + "print this statement with --format html (set in the reader's own fonts) or text"
        }
    }

    /// The complete PDF file, or ``MissingCharacters`` when the document holds characters it
    /// would not show: a statement that printed a head's name as 〓 would say nothing of it.
    public func checkedRender(_ document: StatementDocument) throws(MissingCharacters) -> [UInt8] {
        let missing = PDFCoverage.missing(in: document)
        guard missing.isEmpty else { throw MissingCharacters(characters: missing) }
        return render(document)
    }
}
