import LedgerCore
import Testing

/// The folder of a path the user gave, without Foundation's path methods.
struct OutputFileTests {
    @Test func folderOfAPath() {
        #expect(OutputFile.folder(of: "c") == ".")
        #expect(OutputFile.folder(of: "a/b.pdf") == "a")
        #expect(OutputFile.folder(of: "/x") == "/")
        #expect(OutputFile.folder(of: "/tmp/a/") == "/tmp")
        #expect(OutputFile.folder(of: "./z") == ".")
    }
}
