import LedgerCore

/// A statement file as it was brought to be checked: its format and its bytes.
public struct PrintedStatement: Sendable {
    /// How the file was printed.
    public enum Format: Sendable { case text, html, pdf }

    public var format: Format
    public var bytes: [UInt8]

    public init(format: Format, bytes: [UInt8]) {
        self.format = format
        self.bytes = bytes
    }
}

extension StatementProof {
    /// Whether `text` (and, for HTML and PDF, the file's bytes) is exactly the statement fenhong
    /// prints for this proof's household, year and date from the ledger at the proof's checkpoint:
    /// `[]` when it is, the first difference when not (or that the ledger has no such household),
    /// nil without the file (`printed`), whose format decides how to compare.
    ///
    /// Reading the figures off a statement can be fooled: a line added that cites nothing, a
    /// second date or year that the reader never sees, an HTML page that hides some text and
    /// shows other, a PDF whose font draws 3 where its text says 8. Printing the statement again
    /// from the ledger and comparing is not: a text statement must match line by line (runs of
    /// white space, line ends and a byte-order mark aside, as a re-save leaves them), an HTML or
    /// PDF statement byte for byte.
    func checkRendering(_ trust: StatementProofTrust, text: String, printed: PrintedStatement?) -> [StatementProofFailure]? {
        guard let printed else { return nil }
        let cp = checkpoint.checkpoint
        guard let facts = trust.facts else {
            return [.init(rule: .notAsPrinted, location: "statement", detail: "household \(household) is not in the ledger: fenhong prints no statement of it")]
        }
        let name = "the \(printed.format == .pdf ? "PDF" : printed.format == .html ? "HTML" : "text") statement"
        guard let date = StatementText.statementDate(in: text) ?? self.date else {
            return [.init(rule: .notAsPrinted, location: "statement", detail: "\(name) prints no date (截至) to print it again for")]
        }
        // The footer names the inspectors who had cosigned when it was printed: those of the
        // ledger's cosignatures it prints, each inspector once at the latest it prints, as a
        // footer does (any other cosigner line then differs).
        let bare = String(text.filter { !$0.isWhitespace })
        var latest = [String: StatementCheckpoint.Cosigner]()
        for cosigner in trust.cosignatures ?? [] where bare.contains(StatementCheckpoint.note(cosigner).filter { !$0.isWhitespace }) {
            if latest[cosigner.name].map({ $0.size < cosigner.size }) ?? true { latest[cosigner.name] = cosigner }
        }
        let footer = StatementCheckpoint(checkpoint: cp, signer: trust.signer(of: checkpoint.note),
                                         cosigners: latest.values.sorted { ($0.size, $0.name) < ($1.size, $1.name) })
        guard let statement = try? HouseholdStatement.build(facts: facts, year: year, date: date, checkpoint: footer) else {
            return [.init(rule: .notAsPrinted, location: "statement",
                          detail: "the ledger at checkpoint \(cp.size) has no statement of household \(household) to compare \(name) with")]
        }
        // In every layout fenhong has printed statements in: one printed by an earlier version
        // is as good as one printed now (a household keeps its paper for years).
        let documents = StatementLayout.newestFirst.map { statement.document(layout: $0) }
        let what = "household \(household), \(year.map { "\($0)年度" } ?? "全部年度"), 截至 \(date), checkpoint \(cp.size)"
        switch printed.format {
        case .text:
            let expected = Self.firstPrinted(Array(zip(StatementLayout.newestFirst, documents.map { TextRenderer().render($0) })))
            if expected.contains(where: { Self.firstDifference(text, $0.1, what: what, spacing: .columns) == [] }) { return [] }
            // Named against the layout it follows furthest, said.
            let closest = expected.max { Self.agreeingLines($0.1, text) < Self.agreeingLines($1.1, text) }!
            // A word or figure changed is named as such; a line that differs only in its spaces, so.
            let named = Self.firstDifference(text, closest.1, what: what + Self.inLayout(closest.0))
            return named == [] ? Self.firstDifference(text, closest.1, what: what + Self.inLayout(closest.0), spacing: .columns) : named
        case .html:
            guard let given = Self.normalizedMarkup(printed.bytes) else {
                return [.init(rule: .notAsPrinted, location: "statement",
                              detail: "the HTML file is not UTF-8 text, as fenhong writes it and as its <meta charset=\"utf-8\"> says: a browser shows it garbled")]
            }
            // Each layout's pages on both papers, in both sizes; a layout whose pages are its
            // predecessor's (layout 5 changed only text and PDF lines) named as the predecessor.
            let pages = zip(StatementLayout.newestFirst, documents).map { layout, document in
                (layout, [HTMLRenderer.Paper.a4, .a5].flatMap { paper in
                    [false, true].map { HTMLRenderer(paper: paper, largePrint: $0).render(document).trimmingCharacters(in: .newlines) }
                })
            }
            let variants = Self.firstPrinted(pages).flatMap { layout, pages in pages.map { (layout, $0) } }
            if variants.contains(where: { $0.1.utf8.elementsEqual(given.utf8) }) { return [] }
            // Named against the variant (layout, paper, large print) it follows furthest.
            let closest = variants.max { Self.agreeingLines($0.1, given) < Self.agreeingLines($1.1, given) }!
            return Self.firstDifference(given, closest.1, what: what + Self.inLayout(closest.0), source: "HTML source ")
                ?? [.init(rule: .notAsPrinted, location: "statement", detail: "the HTML statement is not the one fenhong prints for \(what)")]
        case .pdf:
            let variants = [false, true].flatMap { largePrint in
                Self.firstPrinted(zip(StatementLayout.newestFirst, documents).map { ($0, PDFRenderer(largePrint: largePrint).render($1)) })
            }
            if variants.contains(where: { $0.1 == printed.bytes }) { return [] }
            // The text it shows, run by run, against the variant (layout, large print) it follows furthest.
            let shown = Self.pdfText(printed.bytes)
            let (layout, expected) = variants.map { ($0.0, Self.pdfText($0.1)) }.max { Self.agreeing($0.1, shown) < Self.agreeing($1.1, shown) }!
            let what = what + Self.inLayout(layout)
            let at = Self.agreeing(expected, shown)
            if at < max(expected.count, shown.count) {
                let detail = switch (at < shown.count ? shown[at] : nil, at < expected.count ? expected[at] : nil) {
                case (let found?, let wanted?): "the PDF reads \"\(found)\" where fenhong prints \"\(wanted)\" for \(what)"
                case (let found?, nil): "the PDF reads \"\(found)\" after the end of the statement fenhong prints for \(what)"
                default: "the PDF ends before \"\(expected[at])\", which fenhong prints for \(what)"
                }
                return [.init(rule: .notAsPrinted, location: "statement", detail: detail)]
            }
            return [.init(rule: .notAsPrinted, location: "statement",
                          detail: "the PDF is not the one fenhong prints for \(what): its text reads alike, but its fonts or drawing differ; print it again with fenhong statement")]
        }
    }

    /// `printed`, newest layout first, without a layout that prints alike the one before it: a
    /// difference is named against the layout that first printed so (a text or PDF statement of
    /// layout 4 is one of layout 3).
    private static func firstPrinted<T: Equatable>(_ printed: [(StatementLayout, T)]) -> [(StatementLayout, T)] {
        printed.indices.filter { $0 == printed.count - 1 || printed[$0].1 != printed[$0 + 1].1 }.map { printed[$0] }
    }

    /// The layout a difference is named against, when there are several: " (layout 3)".
    private static func inLayout(_ layout: StatementLayout) -> String {
        StatementLayout.allCases.count > 1 ? " (layout \(layout.rawValue))" : ""
    }

    /// How many of `a`'s first items `b` has alike.
    private static func agreeing(_ a: [String], _ b: [String]) -> Int {
        zip(a, b).prefix { $0.0.unicodeScalars.elementsEqual($0.1.unicodeScalars) }.count
    }

    /// The text a PDF fenhong wrote shows, one string a run, in the order drawn: each `Tj`'s
    /// operand, a literal string (Helvetica, WinAnsi: ASCII) or a hex string (the CJK font, UCS-2).
    /// Of another PDF, what reads as such.
    static func pdfText(_ bytes: [UInt8]) -> [String] {
        var runs = [String](), i = 0
        let show = Array(" Tj".utf8)
        // A run's operand is looked for this far back at most: a file made to be checked slowly
        // (operators without operands) is read in one pass still.
        let reach = 4_096
        while i + show.count <= bytes.count {
            guard bytes[i] == show[0], bytes[i + 1] == show[1], bytes[i + 2] == show[2], i > 0 else { i += 1; continue }
            let floor = max(0, i - reach)
            if bytes[i - 1] == UInt8(ascii: ">") {
                // Back over hex digits and white space to the string's `<`; anything else: no operand.
                var open = i - 2
                while open >= floor, bytes[open] != UInt8(ascii: "<"), isHexDigit(bytes[open]) || bytes[open] == 0x20 || bytes[open] == 0x0A || bytes[open] == 0x0D { open -= 1 }
                if open >= floor, bytes[open] == UInt8(ascii: "<") {
                    let hex = Array(bytes[(open + 1)..<(i - 1)].filter(isHexDigit))
                    var units = [UInt16](), k = 0
                    while k + 4 <= hex.count, let unit = UInt16(String(decoding: hex[k..<k + 4], as: UTF8.self), radix: 16) {
                        units.append(unit)
                        k += 4
                    }
                    runs.append(String(decoding: units, as: UTF16.self))
                }
            } else if bytes[i - 1] == UInt8(ascii: ")") {
                // Back to the opening parenthesis no backslash escapes.
                var k = i - 2, depth = 0
                while k >= floor {
                    let escaped = k > 0 && bytes[k - 1] == UInt8(ascii: "\\")
                    if bytes[k] == UInt8(ascii: ")") && !escaped { depth += 1 }
                    if bytes[k] == UInt8(ascii: "(") && !escaped { if depth == 0 { break }; depth -= 1 }
                    k -= 1
                }
                var text = [UInt8](), j = max(k + 1, floor)
                while j < i - 1 {
                    if bytes[j] == UInt8(ascii: "\\"), j + 1 < i - 1 { j += 1 }
                    text.append(bytes[j])
                    j += 1
                }
                runs.append(String(decoding: text, as: UTF8.self))
            }
            i += show.count
        }
        return runs
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// `text` with what a reader cannot see named: a control character, a line or paragraph
    /// separator, a zero-width character or a byte-order mark as ⟨U+000C⟩.
    private static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            // Controls, and what looks like a space or like another character: a space other than
            // the two fenhong prints (U+2000 had read "应分合计 18,158.49" against the same), a
            // character that shows nothing (U+3164), a CJK compatibility ideograph (the twin of 茶, U+F9FE).
            let lookAlike = (scalar.properties.isWhitespace && v != 0x20 && v != 0x3000) || scalar.properties.isDefaultIgnorableCodePoint
                || v == 0x2800 || (0xF900...0xFAFF).contains(v) || (0x2F800...0x2FA1F).contains(v)
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || [0x2028, 0x2029, 0xFEFF, 0x2060].contains(v) || (0x200B...0x200F).contains(v)
                || lookAlike {
                let hex = String(v, radix: 16, uppercase: true)
                out.append(contentsOf: "⟨U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)⟩".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// How many lines `a` and `b` have alike before their first difference, white space aside.
    private static func agreeingLines(_ a: String, _ b: String) -> Int {
        zip(normalizedLines(a, .collapsed), normalizedLines(b, .collapsed)).prefix { $0.0.text.unicodeScalars.elementsEqual($0.1.text.unicodeScalars) }.count
    }

    /// The first line where `given` and `expected` differ, white space aside; nil when none do
    /// (in `source`: "HTML source " for a page's markup).
    private static func firstDifference(_ given: String, _ expected: String, what: String, source: String = "",
                                        spacing: Spacing = .collapsed) -> [StatementProofFailure]? {
        let have = normalizedLines(given, spacing), want = normalizedLines(expected, spacing)
        for i in 0..<max(have.count, want.count) {
            let found = i < have.count ? have[i] : nil, wanted = i < want.count ? want[i].text : nil
            // By scalar, not by String's canonical equivalence: 零 and its look-alike U+F9B2 differ.
            if let found, let wanted, found.text.unicodeScalars.elementsEqual(wanted.unicodeScalars) { continue }
            let location = found.map { "statement \(source)line \($0.number)" } ?? "statement"
            let detail: String
            switch (found.map { visible($0.text) }, wanted) {
            case (let found?, let wanted?) where spacing == .columns:
                detail = "it reads \"\(found)\"; fenhong prints \"\(wanted)\" for \(what): its spaces differ, and a figure moved along its line is read in another column"
            case (let found?, let wanted?): detail = "it reads \"\(found)\"; fenhong prints \"\(wanted)\" for \(what)"
            case (let found?, nil): detail = "it reads \"\(found)\" after the end of the statement fenhong prints for \(what)"
            default: detail = "it ends before \"\(wanted ?? "")\", which fenhong prints for \(what)"
            }
            return [.init(rule: .notAsPrinted, location: location, detail: detail)]
        }
        return source.isEmpty ? [] : nil
    }

    /// The non-blank lines of `text` (and each run of blank lines between two of them, as a line
    /// of its own saying how many), each with its runs of spaces (a space, a tab, an
    /// ideographic space) as one space, and trimmed; with their 1-based line numbers. Read by
    /// Unicode scalar: anything else — a carriage return that a terminal would overwrite the
    /// line with, a mark that combines with a space, a look-alike character — stays, and differs.
    /// So does a run of spaces that puts what follows beyond the widest printed line, out of
    /// sight: counted in columns from the line's start (a tab to the next multiple of 8, an
    /// ideographic space or a Chinese character as 2).
    ///
    /// With ``Spacing/columns`` (a text statement), every space stays where it is — a tab as the
    /// spaces to the next multiple of 8, an ideographic space as two — and only those ending a
    /// line go: a figure moved along its line by spaces is another statement (`2 158.49` under
    /// 应分（元）, 158.49 moved off it).
    private static func normalizedLines(_ text: String, _ spacing: Spacing) -> [(number: Int, text: String)] {
        var lines = [(number: Int, text: String)]()
        var line = String.UnicodeScalarView(), number = 1, pendingSpace = false, run = String.UnicodeScalarView(), column = 0
        var blanks = 0
        func endLine() {
            if line.isEmpty {
                blanks += 1
            } else {
                // The blank lines between two lines are kept, as one line saying how many: a blank
                // line fenhong did not print pushes what follows down, onto another page away from
                // the line it belongs to (a payment's （冲销） mark under its row).
                if blanks > 0 && !lines.isEmpty { lines.append((number - blanks, "（\(blanks)个空行）")) }
                blanks = 0
                lines.append((number, String(line)))
            }
            line = String.UnicodeScalarView()
            pendingSpace = false
            run = String.UnicodeScalarView()
            column = 0
            number += 1
        }
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n": endLine()
            case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n": continue
            case " ", "\t", "\u{3000}":
                pendingSpace = !line.isEmpty
                let next = scalar == "\t" ? (column / 8 + 1) * 8 : column + DisplayWidth.of(scalar)
                if spacing == .columns, scalar != " " {
                    // A tab as the spaces to its stop, an ideographic space as the two it is wide:
                    // where what follows stands is what is compared.
                    run.append(contentsOf: String(repeating: " ", count: next - column).unicodeScalars)
                } else {
                    run.append(scalar)
                }
                column = next
            default:
                column += DisplayWidth.of(scalar)
                if !run.isEmpty && (spacing == .columns || column > widest) { line.append(contentsOf: run) } else if pendingSpace { line.append(" ") }
                pendingSpace = false
                run = String.UnicodeScalarView()
                line.append(scalar)
            }
        }
        endLine()
        return lines
    }

    /// How the spaces of a line are compared.
    enum Spacing {
        /// Each run as one space: where a difference is named in markup.
        case collapsed
        /// Each where it stands: a text statement, whose columns are made of spaces.
        case columns
    }

    /// The widest line a text statement prints, in columns.
    private static let widest = TextRenderer().widthMax

    /// An HTML file's text without a byte-order mark, with Windows line ends made Unix ones, and
    /// without the line ends an editor adds or takes away at either end (line feeds and carriage
    /// returns only: a form feed or a line separator before the page is no editor's); nil when
    /// it is not UTF-8.
    private static func normalizedMarkup(_ bytes: [UInt8]) -> String? {
        guard var text = String(validating: bytes, as: UTF8.self) else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        while text.hasPrefix("\n") || text.hasPrefix("\r") { text.removeFirst() }
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
