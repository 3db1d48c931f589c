/// Assembles page content streams into a complete PDF 1.4 file: objects, xref table, trailer.
///
/// Object numbers are fixed so the file is deterministic: 1 catalog, 2 page tree, 3 info,
/// 4 shared resources, 5 Helvetica, 6 the Type0 STSong font, 7 its CIDFont, 8 its font
/// descriptor, then a page object and its content stream for each page.
struct PDFFileWriter {
    /// The page size in points (A4 portrait is 595 × 842).
    var pageWidth: Int
    /// The page height in points.
    var pageHeight: Int

    /// The finished file for `pages` (uncompressed content streams) and the `/Info` values.
    func file(pages: [[UInt8]], title: String, creationDate: PDFRenderer.CreationDate?) -> [UInt8] {
        precondition(!pages.isEmpty, "a PDF has at least one page")
        var out = PDFBuffer(capacity: 2048 + pages.reduce(0) { $0 + $1.count + 200 })
        let objectCount = 8 + 2 * pages.count
        var offsets = [Int](repeating: 0, count: objectCount + 1)

        func begin(_ number: Int) {
            offsets[number] = out.bytes.count
            out.append(number)
            out.append(" 0 obj\n")
        }
        func end() { out.append("\nendobj\n") }

        // The second line marks the file as binary for transfer programs (ISO 32000 7.5.2).
        out.append("%PDF-1.4\n%")
        out.bytes.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3])
        out.append("\n")

        begin(1)
        out.append("<< /Type /Catalog /Pages 2 0 R >>")
        end()

        begin(2)
        out.append("<< /Type /Pages /Count ")
        out.append(pages.count)
        out.append(" /Kids [")
        for index in pages.indices {
            if index > 0 { out.append(" ") }
            out.append(9 + 2 * index)
            out.append(" 0 R")
        }
        out.append("] >>")
        end()

        begin(3)
        out.append("<< /Producer (fenhong) /Title ")
        out.append(textString: title)
        if let creationDate {
            out.append(" /CreationDate (")
            creationDate.append(to: &out)
            out.append(")")
        }
        out.append(" >>")
        end()

        begin(4)
        out.append("<< /Font << /F1 5 0 R /F2 6 0 R >> /ProcSet [/PDF /Text] >>")
        end()

        begin(5)
        out.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        end()

        begin(6)
        out.append("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H")
        out.append(" /Encoding /UniGB-UCS2-H /DescendantFonts [7 0 R] >>")
        end()

        // DW 1000 covers the full-width CIDs; CIDs 814–939 are Adobe-GB1's half-width forms.
        begin(7)
        out.append("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light")
        out.append(" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>")
        out.append(" /FontDescriptor 8 0 R /DW 1000 /W [814 939 500] >>")
        end()

        // Metrics of Adobe's STSong-Light as published with the Asian font packs; flags 6 is
        // symbolic + serif, as the CID font's glyphs lie outside the standard Latin set.
        begin(8)
        out.append("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6")
        out.append(" /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120")
        out.append(" /CapHeight 880 /StemV 93 >>")
        end()

        for (index, content) in pages.enumerated() {
            let pageNumber = 9 + 2 * index
            begin(pageNumber)
            out.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ")
            out.append(pageWidth)
            out.append(" ")
            out.append(pageHeight)
            out.append("] /Resources 4 0 R /Contents ")
            out.append(pageNumber + 1)
            out.append(" 0 R >>")
            end()

            begin(pageNumber + 1)
            out.append("<< /Length ")
            out.append(content.count)
            out.append(" >>\nstream\n")
            out.bytes.append(contentsOf: content)
            out.append("\nendstream")
            end()
        }

        let xrefOffset = out.bytes.count
        out.append("xref\n0 ")
        out.append(objectCount + 1)
        out.append("\n0000000000 65535 f \n")
        for number in 1...objectCount {
            out.append(offsets[number], zeroPaddedTo: 10)
            out.append(" 00000 n \n")
        }
        out.append("trailer\n<< /Size ")
        out.append(objectCount + 1)
        out.append(" /Root 1 0 R /Info 3 0 R >>\nstartxref\n")
        out.append(xrefOffset)
        out.append("\n%%EOF\n")
        return out.bytes
    }
}
