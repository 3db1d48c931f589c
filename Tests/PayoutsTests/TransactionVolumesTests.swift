import Payouts
import Testing

/// The cooperative's volumes file: a header is skipped only when it is one; a mistyped first
/// amount is refused with its line, as any other line's is.
struct TransactionVolumesTests {
    private func message(_ text: String) -> String {
        do {
            return "parsed \(try TransactionVolumes.parse(text, file: "t.csv").count)"
        } catch {
            return error.description
        }
    }

    @Test func headerIsSkipped() throws {
        #expect(try TransactionVolumes.parse("户号,交易额（元）\nM1,300000\nM2,150000.50\n", file: "t.csv") == ["M1": 30_000_000, "M2": 15_000_050])
        #expect(try TransactionVolumes.parse("\u{FEFF}household,amount\r\nM1,1\r\n", file: "t.csv") == ["M1": 100])
        #expect(try TransactionVolumes.parse("M1,300000\n", file: "t.csv") == ["M1": 30_000_000])
        #expect(try TransactionVolumes.parse("户号,2023年交易额\nM1,1\n", file: "t.csv") == ["M1": 100])
    }

    @Test func mistypedFirstAmountIsRefused() {
        #expect(message("M1,30O000\nM2,150000\n").hasPrefix("t.csv line 1: "))
        #expect(message("M1,-300000\nM2,150000\n").hasPrefix("t.csv line 1: "))
        #expect(message("M1,300000\nM2,15O000\n").hasPrefix("t.csv line 2: "))
        #expect(message("H1,N/A\nM2,150000\n").hasPrefix("t.csv line 1: "))
        #expect(message("152223-001,待定\n").hasPrefix("t.csv line 1: "))
        #expect(message("M1,1\nM1,2\n") == "t.csv line 2: household M1 appears twice")
    }
}
