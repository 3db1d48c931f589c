/// Renders a statement as a PDF 1.4 file, written byte by byte with no dependency.
///
/// Chinese is set in the non-embedded CID font STSong-Light (`UniGB-UCS2-H`), ASCII in
/// Helvetica, so files stay a few kilobytes; a reader needs a CJK font, and poppler needs
/// poppler-data (see DESIGN.md §6). Pages are A4 portrait with page numbers
/// "第 1 页 / 共 2 页". The output is deterministic: the same document and options give the
/// same bytes, with no timestamp unless `creationDate` is given.
public struct PDFRenderer: Sendable {
    /// A `/CreationDate`, given by the caller so that output stays reproducible.
    public struct CreationDate: Sendable, Equatable {
        /// Four-digit year.
        public var year: Int
        /// 1–12.
        public var month: Int
        /// 1–31.
        public var day: Int
        /// 0–23.
        public var hour: Int
        /// 0–59.
        public var minute: Int
        /// 0–59.
        public var second: Int
        /// Offset from UTC in minutes, e.g. 480 for China Standard Time.
        public var utcOffsetMinutes: Int

        /// Creates a date; requires each field in its range.
        public init(
            year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
            utcOffsetMinutes: Int = 480
        ) {
            precondition((0...9999).contains(year) && (1...12).contains(month) && (1...31).contains(day))
            precondition((0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second))
            precondition(abs(utcOffsetMinutes) < 24 * 60)
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            self.utcOffsetMinutes = utcOffsetMinutes
        }

        /// Appends the PDF date form, e.g. `D:20241220093000+08'00'`.
        func append(to out: inout PDFBuffer) {
            out.append("D:")
            out.append(year, zeroPaddedTo: 4)
            for field in [month, day, hour, minute, second] { out.append(field, zeroPaddedTo: 2) }
            out.append(utcOffsetMinutes < 0 ? "-" : "+")
            out.append(abs(utcOffsetMinutes) / 60, zeroPaddedTo: 2)
            out.append("'")
            out.append(abs(utcOffsetMinutes) % 60, zeroPaddedTo: 2)
            out.append("'")
        }
    }

    /// Sets body text at 18 pt and tables as one "header：value" per line.
    public var largePrint: Bool
    /// The `/CreationDate` to record, or none.
    public var creationDate: CreationDate?

    /// A4 portrait in points.
    static let pageWidth = 595
    /// A4 portrait in points.
    static let pageHeight = 842

    /// Creates a renderer.
    public init(largePrint: Bool = false, creationDate: CreationDate? = nil) {
        self.largePrint = largePrint
        self.creationDate = creationDate
    }

    /// The complete PDF file.
    public func render(_ document: StatementDocument) -> [UInt8] {
        var layout = PDFLayout(
            style: largePrint ? .largePrint : .standard,
            pageWidth: Double(Self.pageWidth), pageHeight: Double(Self.pageHeight))
        layout.keepsMarks = document.keepsMarksWhole
        layout.typesetting = document.typesetting
        layout.lay(document)
        let pages = layout.finishedPages(owner: document.owner)
        let writer = PDFFileWriter(pageWidth: Self.pageWidth, pageHeight: Self.pageHeight)
        return writer.file(pages: pages, title: document.title, creationDate: creationDate)
    }
}
