/// A printable household statement, independent of any output format.
///
/// The document knows nothing about the ledger: callers (the `statement` command) fill it with
/// already formatted strings (amounts like "2,880.00", dates like "2024年12月20日"), and each
/// renderer (`TextRenderer`, `HTMLRenderer`, `PDFRenderer`, `SpeechRenderer`) lays it out.
/// Anything that should sound different from how it reads may carry a `spoken` form.
public struct StatementDocument: Sendable, Equatable {
    /// The main heading, e.g. "白辛嘎查 分红明细单".
    public var title: String
    /// Lines under the title, e.g. "2024 年度 第 1 次分配".
    public var subtitleLines: [String]
    /// The body, in reading order.
    public var sections: [Section]
    /// How to check the statement against the ledger; printed last.
    public var footer: VerificationFooter?
    /// Whose document it is, e.g. "户号 152223-019 张桂兰": printed at the foot of every page,
    /// so that a page that comes loose still says whose it is.
    public var owner: String?
    /// True when a short mark in full-width parentheses — （冲销）, （已撤销）, （10%） — is never
    /// broken across lines. False for a statement in its first layout, which broke them as any
    /// Chinese text (``StatementLayout``).
    public var keepsMarksWhole = false
    /// How the renderers set what does not fit, beyond the first layouts' ways (since layout 3).
    public var typesetting: Typesetting = []

    /// Ways of setting what does not fit, each adopted by a layout (``StatementLayout``): a
    /// document printed again in an earlier layout is set as it was then.
    public struct Typesetting: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// An HTML page keeps short marks whole too, where the browser sets the lines (the text
        /// and PDF renderers set their own lines by ``StatementDocument/keepsMarksWhole``).
        public static let marksWholeInHTML = Typesetting(rawValue: 1 << 0)
        /// A table that cannot fit its line (text) or page (PDF) without breaking a date, an
        /// amount, a hash, a mark or a voucher's word is set row by row, each cell under its
        /// header's name, rather than broken (a 28-character distribution id beside a
        /// 29-character voucher had been cut).
        public static let tooWideTablesByRow = Typesetting(rawValue: 1 << 1)
        /// A block of figures taller than a page (a PDF in large print) runs on to the next page
        /// under its heading, rather than leaving the heading alone on a page of its own.
        public static let longBlocksAcrossPages = Typesetting(rawValue: 1 << 2)

        /// A label that cannot fit its column without breaking a word (a distribution id of 45
        /// characters beside its rule) stands whole on a line of its own, its value beneath it.
        public static let longLabelsAbove = Typesetting(rawValue: 1 << 3)

        /// A run too wide for any line (a 64-digit root beside its label in large print) is cut
        /// into parts of as many characters each, not where each line overflows (`e7d2…307e9`
        /// over `0cf8…`: 50 and 14).
        public static let evenCuts = Typesetting(rawValue: 1 << 4)

        /// An HTML page a screen reader can move through and read right (since layout 4): its
        /// title names whose it is; each table is named by its heading, its header cells say
        /// which column they head and each row's first cell which row; a rule's lines are one
        /// term's values; a masked number is read as its last digits (尾号2318), not as stars;
        /// the English words of the footer are marked English.
        public static let readableHTML = Typesetting(rawValue: 1 << 5)

        /// A PDF never splits a term from its further lines (分配方式（续） had begun with a rule's
        /// last line, its distribution on the page before) nor a paragraph across pages (说明（续）
        /// had begun mid-sentence), where either fits on a page (since layout 4).
        public static let wholeTermsAndParagraphs = Typesetting(rawValue: 1 << 6)

        /// A PDF sets the totals, the notes and the signatures on one page, where they fit on one:
        /// a household signs or presses its thumb beside the amounts it signs for (in 17 of 30
        /// large-print statements the signatures had stood on a page without them; since layout 4);
        /// and a signature whose label runs to several lines is given room for them.
        public static let signedBesideTotals = Typesetting(rawValue: 1 << 7)

        /// Text and PDF lines never break inside a word of the statement's own (条目, 建档立卡户,
        /// 村务监督委员会: ``StatementWords``) nor between a figure and its unit (10/股, 2,000.00/元),
        /// where the word fits on a line (since layout 5).
        public static let wholeWords = Typesetting(rawValue: 1 << 8)

        /// Every way layout 3 adopted: what it is set with.
        public static let all: Typesetting = [.marksWholeInHTML, .tooWideTablesByRow, .longBlocksAcrossPages, .longLabelsAbove, .evenCuts]
    }

    /// Creates a document from its parts.
    public init(
        title: String, subtitleLines: [String] = [], sections: [Section] = [], footer: VerificationFooter? = nil, owner: String? = nil
    ) {
        self.title = title
        self.subtitleLines = subtitleLines
        self.sections = sections
        self.footer = footer
        self.owner = owner
    }
}

extension StatementDocument {
    /// A heading and one kind of content.
    public struct Section: Sendable, Equatable {
        /// The section heading, e.g. "户主信息"; empty for none.
        public var heading: String
        /// What the section shows.
        public var content: Content

        /// Creates a section.
        public init(heading: String, content: Content) {
            self.heading = heading
            self.content = content
        }
    }

    /// The content of a section: exactly one of four shapes.
    public enum Content: Sendable, Equatable {
        /// Labelled values, one per line ("户主" → "陈梅").
        case keyValues([KeyValue])
        /// A table of columns, rows and an optional totals row.
        case table(Table)
        /// Running text, wrapped by the renderer.
        case paragraph(Paragraph)
        /// Labels followed by a blank line to sign on.
        case signatures([SignatureLine])
    }

    /// One labelled value.
    public struct KeyValue: Sendable, Equatable {
        /// The label, e.g. "户主".
        public var key: String
        /// The value as printed, e.g. "陈梅".
        public var value: String
        /// The sentence to read aloud instead of "key：value", if given; "" leaves the value unread
        /// (e.g. the amount in capitals, which sounds the same as the amount).
        public var spoken: String?

        /// Creates a labelled value.
        public init(_ key: String, _ value: String, spoken: String? = nil) {
            self.key = key
            self.value = value
            self.spoken = spoken
        }
    }

    /// How a column's cells line up; money is `.right`.
    public enum Alignment: Sendable, Equatable {
        /// Flush left (text).
        case left
        /// Flush right (amounts, counts).
        case right
    }

    /// A column header and its alignment.
    public struct Column: Sendable, Equatable {
        /// The header text, e.g. "金额（元）".
        public var header: String
        /// How the cells of this column line up.
        public var alignment: Alignment
        /// True for a column of codes (voucher numbers): a cell cut in two reads as two codes, so
        /// a narrow table wraps the other columns first.
        public var keepsWhole: Bool

        /// Creates a column.
        public init(_ header: String, alignment: Alignment = .left, keepsWhole: Bool = false) {
            self.header = header
            self.alignment = alignment
            self.keepsWhole = keepsWhole
        }
    }

    /// One row of a table.
    public struct Row: Sendable, Equatable {
        /// One string per column; a row with fewer cells is padded with empty cells.
        public var cells: [String]
        /// The sentence to read aloud instead of "header：cell, …", e.g.
        /// "第1笔，2024年12月20日，分红二千八百八十元，已通过银行卡支付。"; "" leaves the row unread.
        public var spoken: String?

        /// Creates a row.
        public init(_ cells: [String], spoken: String? = nil) {
            self.cells = cells
            self.spoken = spoken
        }
    }

    /// A table: headers, rows and an optional totals row.
    public struct Table: Sendable, Equatable {
        /// The columns, left to right; requires at least one.
        public var columns: [Column]
        /// The body rows.
        public var rows: [Row]
        /// A final row set apart by a rule, e.g. ["合计", "", "2,880.00"].
        public var totals: Row?
        /// The column whose cell names its row, for a screen reader (``Typesetting/readableHTML``):
        /// the first, or the distribution of a payment (its date named none).
        public var rowHeader = 0

        /// Creates a table.
        public init(columns: [Column], rows: [Row], totals: Row? = nil) {
            precondition(!columns.isEmpty, "a table needs at least one column")
            self.columns = columns
            self.rows = rows
            self.totals = totals
        }

        /// The cell of `row` in column `column`, or "" where the row is short.
        func cell(_ row: Row, _ column: Int) -> String {
            column < row.cells.count ? row.cells[column] : ""
        }
    }

    /// Running text.
    public struct Paragraph: Sendable, Equatable {
        /// The text as printed.
        public var text: String
        /// The text to read aloud instead, if given.
        public var spoken: String?

        /// Creates a paragraph.
        public init(_ text: String, spoken: String? = nil) {
            self.text = text
            self.spoken = spoken
        }
    }

    /// A label followed by room for a signature, seal or thumbprint.
    public struct SignatureLine: Sendable, Equatable {
        /// Who signs, e.g. "经办人", "监督小组", "户主（或见证人、按手印）".
        public var label: String

        /// Creates a signature line.
        public init(_ label: String) {
            self.label = label
        }
    }

    /// How a reader can check this statement against the published ledger.
    public struct VerificationFooter: Sendable, Equatable {
        /// The ledger's origin line, e.g. "baixin.gacha.example/fenhong".
        public var origin: String
        /// The tree size (number of entries) of the checkpoint the statement was made from.
        public var treeSize: Int
        /// The root hash of that checkpoint as a fingerprint, e.g. 64 hex digits.
        public var rootFingerprint: String
        /// Who signed the checkpoint, e.g. "白辛嘎查会计".
        public var signer: String
        /// Further lines, e.g. how to run `fenhong verify`.
        public var notes: [String]
        /// What a listener hears instead of the lines above, which are for an inspector's eyes
        /// (key names, origins, commands); nil to read the lines as they are.
        public var spoken: [String]?

        /// Creates a footer.
        public init(origin: String, treeSize: Int, rootFingerprint: String, signer: String, notes: [String] = [],
                    spoken: [String]? = nil) {
            self.origin = origin
            self.treeSize = treeSize
            self.rootFingerprint = rootFingerprint
            self.signer = signer
            self.notes = notes
            self.spoken = spoken
        }

        /// The footer as labelled lines, shared by every visual renderer so they print the same words.
        public var labelledLines: [(label: String, value: String)] {
            [
                ("账本 Origin", origin),
                ("条目数 Size", String(treeSize)),
                ("根指纹 Root", rootFingerprint),
                ("签署 Signer", signer),
            ]
        }
    }
}
