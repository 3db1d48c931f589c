import Foundation
import Statements
import TestScratch

/// Documents shared by the renderer tests: Chen Mei's 2024 statement from DOMAIN.md §9 example 5.
enum SampleStatements {
    /// Chen Mei (陈梅) of 白辛嘎查: one poor-household share, 2,880.00 paid by bank card.
    static let chenMei = StatementDocument(
        title: "白辛嘎查 分红明细单",
        subtitleLines: ["Baixin Gacha 2024 年度 第 1 次分配", "分配编号 FH-2024-01"],
        sections: [
            .init(heading: "户主信息", content: .keyValues([
                .init("户主", "陈梅"),
                .init("户号", "152223-001"),
                .init("股权证号", "BX-2018-001"),
                .init("家庭人口", "3 人", spoken: "家庭人口三人"),
            ])),
            .init(heading: "分配概况", content: .keyValues([
                .init("可分配收益", "16,000.00", spoken: "可分配收益一万六千元"),
                .init("提取公积公益金（10%）", "1,600.00", spoken: "提取公积公益金百分之十，一千六百元"),
                .init("分配总额", "14,400.00", spoken: "分配总额一万四千四百元"),
                .init("本户应分", "2,880.00", spoken: "本户应分两千八百八十元"),
                .init("大写", "贰仟捌佰捌拾元整", spoken: ""),
            ])),
            .init(heading: "股份", content: .table(.init(
                columns: [.init("股份类别"), .init("股数", alignment: .right),
                          .init("每股分红（元）", alignment: .right), .init("金额（元）", alignment: .right)],
                rows: [.init(["扶贫股", "1", "2,880.00", "2,880.00"], spoken: "扶贫股一股，分红两千八百八十元。")],
                totals: .init(["合计", "1", "", "2,880.00"], spoken: "合计两千八百八十元。")
            ))),
            .init(heading: "支付记录", content: .table(.init(
                columns: [.init("序号", alignment: .right), .init("日期"), .init("摘要"),
                          .init("金额（元）", alignment: .right), .init("支付方式")],
                rows: [
                    .init(["1", "2024年12月20日", "分红", "2,880.00", "银行卡（尾号 6217）"],
                          spoken: "第1笔，2024年12月20日，分红两千八百八十元，已通过银行卡支付。"),
                ],
                totals: .init(["", "", "合计", "2,880.00", ""])
            ))),
            .init(heading: "说明", content: .paragraph(.init(
                "本明细单由白辛嘎查集体经济组织根据分红账本生成。如有疑问，请在公示期内向村务监督委员会反映。"))),
            .init(heading: "签字", content: .signatures([
                .init("经办人"), .init("监督小组"), .init("户主（或见证人、按手印）"),
            ])),
        ],
        footer: .init(
            origin: "baixin.gacha.example/fenhong",
            treeSize: 128,
            rootFingerprint: "3f8a1c5e9b2d47f0a6c3e8b1d9f2a4c7e5b8d1f3a6c9e2b4d7f0a3c6e9b1d4f7",
            signer: "白辛嘎查会计 Wang Li",
            notes: ["核验方法：fenhong verify 账本目录 --trusted checkpoint.txt"])
    )

    /// Chen Mei's statement with `count` payment rows, enough to run onto further pages.
    static func longStatement(paymentCount count: Int) -> StatementDocument {
        var document = chenMei
        let rows = (1...count).map { index in
            StatementDocument.Row(["\(index)", "2024年12月20日", "分红 第\(index)笔", "2,880.00", "银行卡"])
        }
        document.sections[3].content = .table(.init(
            columns: [.init("序号", alignment: .right), .init("日期"), .init("摘要"),
                      .init("金额（元）", alignment: .right), .init("支付方式")],
            rows: rows, totals: .init(["", "", "合计", "2,880.00", ""])))
        return document
    }
}

/// Stored snapshots: one Swift file each under `Tests/StatementsTests/Snapshots/`, holding the
/// expected output as a raw string literal. They are Swift rather than plain files because SwiftPM
/// warns about any other file in a test target that Package.swift does not declare.
/// `FENHONG_RECORD_SNAPSHOTS=1 swift test --filter StatementsTests` rewrites them from the actual
/// output (the next build picks the new text up).
enum Snapshot {
    /// The first difference between `actual` and `stored`, or nil when they match (or when recording,
    /// which rewrites `Snapshots/<file>` so that `symbol` holds `actual`).
    static func mismatch(_ actual: String, stored: String, file: String, symbol: String, filePath: String = #filePath) -> String? {
        if ProcessInfo.processInfo.environment["FENHONG_RECORD_SNAPSHOTS"] == "1" {
            precondition(!actual.contains("\"\"\"#"), "output cannot be stored in a raw string literal")
            let source = "// Snapshot for StatementsTests; re-record with FENHONG_RECORD_SNAPSHOTS=1 swift test --filter StatementsTests.\n"
                + "extension Snapshot {\n    static let \(symbol) = #\"\"\"\n\(actual)\n\"\"\"#\n}\n"
            let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
                .appendingPathComponent("Snapshots").appendingPathComponent(file)
            try? Data(source.utf8).write(to: url)
            return nil
        }
        if stored == actual { return nil }
        let expectedLines = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if want != got {
                return "snapshot \(file) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n"
                    + "(FENHONG_RECORD_SNAPSHOTS=1 re-records it)"
            }
        }
        return "snapshot \(file) differs"
    }
}

/// Runs command-line tools (poppler, espeak-ng) the way a user would.
enum Tool {
    /// Whether `name` is an executable on PATH.
    static func path(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the executable at `path` and returns its exit status and standard output.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    /// A fresh temporary directory for one test (removed at exit at the latest).
    static func temporaryDirectory() throws -> URL {
        try Scratch.folder("statements")
    }
}
