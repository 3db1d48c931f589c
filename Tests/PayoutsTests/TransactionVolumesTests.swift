import LedgerCore
import Payouts
import Testing

/// The cooperative's volumes file, read as an import reads a file: a header is skipped only when
/// it is one; a mistyped first amount is refused with its line, as any other line's is; quoted
/// fields, full-width digits and a sheet with the head's name between are read as meant.
struct TransactionVolumesTests {
    private func parse(_ text: String) throws(CSVError) -> [String: Int64] {
        try TransactionVolumes.parse(Array(text.utf8), file: "t.csv")
    }

    private func message(_ text: String) -> String {
        do {
            return "parsed \(try parse(text).count)"
        } catch {
            return error.description
        }
    }

    @Test func headerIsSkipped() throws {
        #expect(try parse("户号,交易额（元）\nM1,300000\nM2,150000.50\n") == ["M1": 30_000_000, "M2": 15_000_050])
        #expect(try parse("\u{FEFF}household,amount\r\nM1,1\r\n") == ["M1": 100])
        #expect(try parse("M1,300000\n") == ["M1": 30_000_000])
        #expect(try parse("户号,2023年交易额\nM1,1\n") == ["M1": 100])
    }

    @Test func excelsWaysAreRead() throws {
        #expect(try parse("\"152223-003\",\"120,000.00\"\n") == ["152223-003": 12_000_000])
        #expect(try parse("户号,交易额\n152223-003,２００００\n") == ["152223-003": 2_000_000])
        #expect(try parse("户号,户主,交易额\n152223-003,巴特尔,120000\n152223-004,\"包,金山\",5000\n") == ["152223-003": 12_000_000, "152223-004": 500_000])
        #expect(try parse("户号,交易额,户主\n152223-003,120000,巴特尔\n") == ["152223-003": 12_000_000])
    }

    /// A sheet with more than one figure a member: the amount in money is read, and the column
    /// said; two amounts (two years) are refused, naming both.
    @Test func theVolumeColumnIsChosenOrTheChoiceRefused() throws {
        let read = try TransactionVolumes.read(Array("户号,交易量(头),交易额\nM1,30,300000\n".utf8), file: "t.csv")
        #expect(read == .init(volumes: ["M1": 30_000_000], column: "交易额"))
        #expect(try TransactionVolumes.read(Array("M1,300000\n".utf8), file: "t.csv").column == nil)
        #expect(message("户号,户主,2023年交易额,2024年交易额\nC001,包金山,100000,300000\n")
                == "t.csv line 1: the columns \"2023年交易额\", \"2024年交易额\" all read as the volume; keep only the one of the period this distribution returns on, or rename the others")
        // Money over quantity whatever the words; a share, a ratio or a rank is no volume; the household's column is none.
        for (header, column) in [("户号,姓名,交易量（头）,交易金额（元）", "交易金额（元）"), ("household,amount (tons),value (yuan)", "value (yuan)"),
                                 ("户号,交易额占比,交易量", "交易量"), ("户号（按交易额排序）,交易额", "交易额")] {
            let read = try TransactionVolumes.read(Array("\(header)\nM1,1,2,3\n".utf8), file: "t.csv")
            #expect(read.column == column, "\(header)")
        }
        #expect(message("户号\t交易额\nM1\t1\n") == "t.csv line 1: the file is separated by tabs, not commas: save it from Excel as CSV (逗号分隔)")
        #expect(message("户号,交易额\nM1,1.5E+05\n").hasSuffix("is a number Excel wrote in scientific notation; format the column as a number without exponent (or as text) and type it again"))
        #expect(message("户号,交易额\nM1,1\n合计,1\n") == "t.csv line 3, column 户号: a totals row (合计) is no member's volume: delete it from the file")
        #expect(message("户号,交易额\nM1,1\n合 计：,1\n") == "t.csv line 3, column 户号: a totals row (合计) is no member's volume: delete it from the file")
        #expect(message("户号,户主,交易额\nM1,a,1\n,合计,1\n") == "t.csv line 3: a totals row (合计) is no member's volume: delete it from the file")
        #expect(message("户号,交易额\nM1,1\n合计（元）,1\n") == "t.csv line 3, column 户号: a totals row (合计) is no member's volume: delete it from the file")
        #expect(message("户号,交易金额（万元）\nM1,6\n") == "t.csv line 1, column 交易金额（万元）: the volumes are in 万元; give them in yuan (元), as the ledger records amounts")
        #expect(message("户号,交易额（千元）\nM1,6\n") == "t.csv line 1, column 交易额（千元）: the volumes are in 千元; give them in yuan (元), as the ledger records amounts")
    }

    @Test func mistypedFirstAmountIsRefused() {
        #expect(message("M1,30O000\nM2,150000\n").hasPrefix("t.csv line 1: "))
        #expect(message("M1,-300000\nM2,150000\n").hasPrefix("t.csv line 1: "))
        #expect(message("M1,300000\nM2,15O000\n").hasPrefix("t.csv line 2: "))
        #expect(message("H1,N/A\nM2,150000\n").hasPrefix("t.csv line 1: "))
        #expect(message("152223-001,待定\n").hasPrefix("t.csv line 1: "))
        #expect(message("户号,交易额\nM1,1\nM1,2\n") == "t.csv line 3, column 户号: household M1 appears twice")
        #expect(message("户号,交易额\nM1,x\n").hasPrefix("t.csv line 2, column 交易额: "))
    }
}
