import LedgerCore
import Testing

/// The CSV reader: RFC 4180 as Excel writes it, UTF-8 or GB18030, physical line numbers, limits.
struct CSVTests {
    private func table(_ text: String, limits: CSVLimits = .standard) throws(CSVError) -> CSVTable {
        try CSVTable(file: "t.csv", bytes: Array(text.utf8), limits: limits)
    }

    /// Quoted commas, doubled quotes and an embedded CRLF read back exactly; lines count physically.
    @Test func quotingAndPhysicalLines() throws {
        let t = try table("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\r\nlines\",z\r\n\r\n3,,\r\n")
        #expect(t.encoding == .utf8)
        #expect(t.header.fields == ["a", "b", "c"])
        #expect(t.records.map(\.fields) == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", "z"], ["3", "", ""]])
        #expect(t.records.map(\.line) == [2, 3, 6])
        #expect(t.records[1].line(ofField: 2) == 4)
    }

    /// LF-only and lone-CR line ends, a missing final newline, and a BOM.
    @Test func lineEndsAndBOM() throws {
        #expect(try table("a,b\n1,2").records.map(\.fields) == [["1", "2"]])
        #expect(try table("a,b\r1,2\r3,4\r").records.map(\.line) == [2, 3])
        let bom = try CSVTable(file: "t.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("户号\n1\n".utf8))
        #expect(bom.encoding == .utf8BOM)
        #expect(bom.header.fields == ["户号"])
    }

    /// GB18030 bytes (from `printf '户号,户主\n152223-001,陈梅\n' | iconv -f UTF-8 -t GB18030 | xxd -i`) are detected and converted.
    @Test func gb18030IsDetected() throws {
        let bytes: [UInt8] = [0xbb, 0xa7, 0xba, 0xc5, 0x2c, 0xbb, 0xa7, 0xd6, 0xf7, 0x0a]
            + Array("152223-001,".utf8) + [0xb3, 0xc2, 0xc3, 0xb7, 0x0a]
        let t = try CSVTable(file: "g.csv", bytes: bytes)
        #expect(t.encoding == .gb18030)
        #expect(t.header.fields == ["户号", "户主"])
        #expect(t.records[0].fields == ["152223-001", "陈梅"])
        // With GB18030's byte-order mark (84 31 95 33) before it, as some editors save: read alike.
        let marked = try CSVTable(file: "g.csv", bytes: [0x84, 0x31, 0x95, 0x33] + bytes)
        #expect(marked.encoding == .gb18030)
        #expect(marked.header.fields == ["户号", "户主"])
        // Saved twice with the mark.
        #expect(try CSVTable(file: "g.csv", bytes: [0x84, 0x31, 0x95, 0x33, 0x84, 0x31, 0x95, 0x33] + bytes).header.fields == ["户号", "户主"])
    }

    /// Bytes that are neither encoding, UTF-16, an open quote and text after a quote are refused with their line.
    @Test func malformedFiles() {
        #expect(throws: CSVError(file: "t.csv", line: 2, column: nil, problem: .undecodable(byteOffset: 4))) {
            try CSVTable(file: "t.csv", bytes: Array("a,b\n".utf8) + [0x81, 0x20, 0x0a])
        }
        #expect(throws: CSVError(file: "t.csv", line: nil, column: nil, problem: .utf16)) {
            try CSVTable(file: "t.csv", bytes: [0xFF, 0xFE, 0x61, 0x00])
        }
        #expect(throws: CSVError(file: "t.csv", line: 2, column: "b", problem: .unclosedQuote)) {
            try table("a,b\n1,\"open\n2,3\n")
        }
        #expect(throws: CSVError(file: "t.csv", line: 2, column: "a", problem: .textAfterQuote)) {
            try table("a,b\n\"x\"y,2\n")
        }
        #expect(throws: CSVError(file: "t.csv", line: nil, column: nil, problem: .empty)) { try table("") }
    }

    /// The named limits on lines, field length and field count hold.
    @Test func limits() throws {
        let small = CSVLimits(linesMax: 3, fieldBytesMax: 4, fieldsMax: 3)
        #expect(throws: CSVError(file: "t.csv", line: nil, column: nil, problem: .tooManyLines(limit: 3))) {
            try table("a\n1\n2\n3\n", limits: small)
        }
        #expect(throws: CSVError(file: "t.csv", line: 2, column: "a", problem: .fieldTooLong(bytes: 5, limit: 4))) {
            try table("a\n12345\n", limits: small)
        }
        #expect(throws: CSVError(file: "t.csv", line: 1, column: nil, problem: .tooManyFields(limit: 3))) {
            try table("a,b,c,d\n", limits: small)
        }
        #expect(throws: CSVError(file: "t.csv", line: 1, column: nil, problem: .tooManyFields(limit: 3))) {
            try table("a,b,c,,d\n", limits: small)
        }
        // A tail of empty columns beyond the limit is dropped; a row of spaces is blank.
        #expect(try table("a,b,c,,,,,\n1,2,3,,,,,,,\n   ,\t,\n", limits: small).records.map(\.fields) == [["1", "2", "3"]])
        #expect(throws: Never.self) { try table("a\n1\n2\n", limits: small) }
    }

    /// What CSVWriter writes, the reader reads back.
    @Test func writerRoundTrip() throws {
        let rows = [["户号", "事由"], ["152223-001", "a, \"b\"\nc"], [" lead", ""]]
        let text = CSVWriter.bom + rows.map(CSVWriter.line).joined()
        let t = try CSVTable(file: "t.csv", bytes: Array(text.utf8))
        #expect(t.encoding == .utf8BOM)
        #expect([t.header.fields] + t.records.map(\.fields) == rows)
    }
}
