import LedgerCore
import Foundation
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

/// What fenhong may print over: only what it printed, known by its marks wherever they fall.
struct ReplaceableFileTests {
    private func file(_ bytes: [UInt8], size: Int? = nil) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replace-\(UUID().uuidString)").path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        if let size { #expect(truncate(path, off_t(size)) == 0) }
        return path
    }

    /// A text statement's check line across byte 4,096 (a file of 4,179 bytes), and audio of
    /// 70 MB (a household's years read aloud), are fenhong's; a note quoting fenhong is not.
    @Test func marksWhereverTheyFall() throws {
        let seam = try file(Array(repeating: UInt8(ascii: "a"), count: 4_090) + Array("\n核验方法：fenhong statement check 本明细单\n".utf8) + Array(repeating: UInt8(ascii: "b"), count: 40))
        #expect(OutputFile.notFenhongsToReplace(seam) == nil)
        let wav: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WAVEfmt ".utf8) + [16, 0, 0, 0, 1, 0, 1, 0, 0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0, 2, 0, 16, 0]
        #expect(OutputFile.notFenhongsToReplace(try file(wav, size: 70 << 20)) == nil)
        let note = try file(Array("见 fenhong/152223/baixin 的检查点\n".utf8))
        #expect(OutputFile.notFenhongsToReplace(note) == "\(note) is there and is not a file fenhong printed")
    }
}
