import LedgerCore
import LedgerStore
import Testing

/// `verify --keep`: the file each village's checkpoint is kept in.
@Suite struct KeepTests {
    /// One name a village, a name any file system takes: an origin that could give another
    /// village's name, or a name with a character a file name cannot hold, is no origin.
    @Test func eachVillageHasAFileOfItsOwn() {
        #expect(LedgerSweep.keptFileName(origin: "fenhong/152223/baixin") == "fenhong_152223_baixin.txt")
        #expect(LedgerSweep.keptFileName(origin: "fenhong/152223/synthetic-7") == "fenhong_152223_synthetic-7.txt")
        for origin in ["fenhong/152223/a_b", "fenhong/152223_a/b", "fenhong/152223/白辛", "fenhong/152223/a b", "fenhong/152223/a:b", "fenhong/152223/.a"] {
            #expect(!Origin.isValid(origin), "\(origin)")
        }
    }
}
