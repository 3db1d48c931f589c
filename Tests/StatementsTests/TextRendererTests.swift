import Foundation
import Testing
@testable import Statements

struct TextRendererTests {
    /// Chen Mei's statement renders exactly as the stored snapshot.
    @Test func chenMeiStatementMatchesSnapshot() {
        let text = TextRenderer().render(SampleStatements.chenMei)
        if let mismatch = Snapshot.mismatch(text, stored: Snapshot.chenMeiText, file: "chen-mei.txt.swift", symbol: "chenMeiText") { Issue.record(Comment(rawValue: mismatch)) }
    }

    /// Right-aligned amounts end in the same display column as their header, Chinese or not.
    @Test func amountColumnLinesUpWithChineseHeader() {
        let text = TextRenderer().render(SampleStatements.chenMei)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try! #require(lines.first { $0.contains("序号") && $0.contains("金额（元）") })
        let payment = try! #require(lines.first { $0.contains("2024年12月20日") })
        let totals = try! #require(lines.first { $0.contains("合计") && $0.contains("2,880.00") && !$0.contains("1 ") })

        func endColumn(of needle: String, in line: String) -> Int {
            let range = line.range(of: needle)!
            return DisplayWidth.of(String(line[..<range.upperBound]))
        }
        let headerEnd = endColumn(of: "金额（元）", in: header)
        #expect(endColumn(of: "2,880.00", in: payment) == headerEnd)
        #expect(endColumn(of: "2,880.00", in: totals) == headerEnd)
        // The date column starts where its header does: "序号" is 4 columns, then the 2-column gap.
        #expect(DisplayWidth.of(String(payment[..<payment.range(of: "2024")!.lowerBound])) == 6)
    }

    /// A statement of one payments table of one row, as text.
    private func renderPayments(_ rows: [String]..., totals: [String]? = nil, byRow: Bool = false) -> String {
        let table = StatementDocument.Table(
            columns: [.init("日期"), .init("分配编号"), .init("摘要"), .init("凭证号", keepsWhole: true), .init("金额（元）", alignment: .right),
                      .init("条目", alignment: .right), .init("哈希")],
            rows: rows.map { StatementDocument.Row($0) }, totals: totals.map { StatementDocument.Row($0) })
        var document = StatementDocument(title: "测试", sections: [.init(heading: "支付明细", content: .table(table))])
        document.typesetting = byRow ? .tooWideTablesByRow : []
        return TextRenderer().render(document)
    }

    /// A label with a word wider than half the line stands above its value where the document
    /// asks (layout 3); it had been cut (`…-second-roun` over `d-xyz`).
    @Test func longLabelsAbove() {
        let id = "2025-poverty-supplement-east-second-round-xyz"
        var document = StatementDocument(title: "t", sections: [.init(heading: "分配方式", content: .keyValues([
            .init("2024-poverty", "按股份分配"), .init(id, "按股份分配；权重：扶贫股每股×1"), .init("", "1,000.00元÷50股＝每股20.00元"),
        ]))])
        #expect(!TextRenderer().render(document).contains(id))
        document.typesetting = .longLabelsAbove
        #expect(TextRenderer().render(document).hasSuffix("""
            【分配方式】
            2024-poverty  按股份分配
            \(id)
                          按股份分配；权重：扶贫股每股×1
                          1,000.00元÷50股＝每股20.00元

            """), "\(TextRenderer().render(document))")
    }

    /// A table that cannot fit its line without cutting a date, an amount or a hash: cut as
    /// before, or (layout 3) set row by row, each cell whole under its header's name.
    @Test func tooWideTablesByRow() {
        let row = ["2019-12-28", "2019-poverty-supplement-east", "一卡通 ****2318（冲销）", "一卡通-2019-东片-补发-000123456", "2,880.00", "87", "73fb74aa"]
        let cut = renderPayments(row)
        #expect(!cut.split(separator: "\n").contains { $0.contains("2019-poverty-supplement-east") }, "\(cut)")
        let text = renderPayments(row, ["2019-12-29", "2019", "现金", "现金-2019-012", "1.00", "88", "0badf00d"],
                                  totals: ["合计", "", "", "", "2,881.00", "", ""], byRow: true)
        #expect(text.hasSuffix("""
            【支付明细】
            日期        2019-12-28
            分配编号    2019-poverty-supplement-east
            摘要        一卡通 ****2318（冲销）
            凭证号      一卡通-2019-东片-补发-000123456
            金额（元）  2,880.00
            条目        87
            哈希        73fb74aa
            \(String(repeating: "-", count: 80))
            日期        2019-12-29
            分配编号    2019
            摘要        现金
            凭证号      现金-2019-012
            金额（元）  1.00
            条目        88
            哈希        0badf00d
            \(String(repeating: "-", count: 80))
            合计
            金额（元）  2,881.00

            """), "\(text)")
        // One that fits is a table still.
        #expect(renderPayments(["2019-12-28", "2019", "现金", "现金-2019-012", "1.00", "88", "0badf00d"], byRow: true).contains("日期        分配编号"))
    }

    /// When a table is too wide, other columns give way before a column of codes: the channel
    /// and account go on two lines, the voucher number stays whole.
    @Test func spacedColumnsGiveWayBeforeVoucherNumbers() {
        let text = renderPayments(["2019-12-28", "2019", "一卡通 ****2318", "一卡通-2019-007", "7,200.00", "9", "bf069f90"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("一卡通-2019-007") && $0.contains("7,200.00") }, "\(text)")
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "****2318" })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    /// A voucher too long for its column wraps between its words, after the voucher number,
    /// before a date, an amount or a hash is cut (a cash payment's voucher names its witness:
    /// "2019-1"/"2-28" and "2,880."/"00" had been printed on two lines each).
    @Test func longVoucherWrapsBeforeDatesAndAmountsAreCut() {
        let text = renderPayments(["2019-12-28", "2019-poverty", "现金", "现金-2019-012 见证人:村务监督委员会", "2,880.00", "87", "73fb74aa"])
        let lines = text.split(separator: "\n").map(String.init)
        let first = try! #require(lines.first { $0.contains("2019-12-28") }, "\(text)")
        for whole in ["2019-poverty", "现金-2019-012", "2,880.00", "73fb74aa"] { #expect(first.contains(whole), "\(text)") }
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "村务监督委员会" }, "\(text)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    /// No line is wider than the limit, however long the text.
    @Test func linesRespectWidthMax() {
        var document = SampleStatements.chenMei
        document.sections.append(.init(heading: "长说明", content: .paragraph(.init(
            String(repeating: "集体经济组织收益分配公开透明，", count: 12) + "Baixin Gacha collective dividend statement"))))
        let renderer = TextRenderer(widthMax: 40)
        let widths = renderer.render(document).split(separator: "\n").map { DisplayWidth.of(String($0)) }
        #expect(widths.max()! <= 40)
        #expect(widths.count > 40)
    }

    /// A run too wide for any line is cut where it overflows, or (layout 3) into parts of as many
    /// characters each: a root's 64 digits in two 32s, 120 in three 40s; what comes before it keeps
    /// its own line.
    @Test func longRunsCutEvenly() {
        let root = String(repeating: "0123456789abcdef", count: 4)
        #expect(LineBreaker.lines(root, widthMax: 50, advance: DisplayWidth.of).map(\.count) == [50, 14])
        #expect(LineBreaker.lines(root, widthMax: 50, advance: DisplayWidth.of, cuttingEvenly: true).map(\.count) == [32, 32])
        let long = String(repeating: "x", count: 120)
        #expect(LineBreaker.lines(long, widthMax: 50, advance: DisplayWidth.of, cuttingEvenly: true).map(\.count) == [40, 40, 40])
        #expect(LineBreaker.lines("根指纹 " + root, widthMax: 50, advance: DisplayWidth.of, cuttingEvenly: true) == ["根指纹", String(root.prefix(32)), String(root.suffix(32))])
    }

    /// Closing punctuation never starts a line; amounts are not split.
    @Test func wrappingKeepsPunctuationAndAmountsTogether() {
        let lines = LineBreaker.lines("本户应分金额为2,880.00元，已支付。", widthMax: 16, advance: DisplayWidth.of)
        #expect(lines == ["本户应分金额为", "2,880.00元，已支", "付。"])
        #expect(!lines.contains { $0.hasPrefix("，") || $0.hasPrefix("。") })
    }

    /// A short mark in full-width parentheses stays whole where the document asks (layout 2): a
    /// narrow cell had read "银行卡 ****2954（冲" over "销）".
    @Test func marksStayWhole() {
        let cell = "银行卡 ****2954（冲销）"
        let width = DisplayWidth.of("银行卡 ****2954（冲")
        #expect(LineBreaker.lines(cell, widthMax: width, advance: DisplayWidth.of) == ["银行卡 ****2954（冲", "销）"])
        #expect(LineBreaker.lines(cell, widthMax: width, advance: DisplayWidth.of, keepingMarks: true) == ["银行卡 ****2954", "（冲销）"])
        #expect(LineBreaker.widestUnbreakable(cell, advance: DisplayWidth.of, keepingMarks: true) == DisplayWidth.of("（冲销）"))
        // A long parenthesis is text, broken as any.
        #expect(LineBreaker.lines("（误付：此款应付他户，已退回）", widthMax: 10, advance: DisplayWidth.of, keepingMarks: true).count > 1)
    }
}

/// Since layout 5 a line never breaks inside a word of the statement's own, nor between a figure
/// and its unit or an ordinal and its figure; without it, as before.
struct WholeWordsTests {
    @Test func wordsAndFiguresStayWhole() {
        let note = "如有疑问，请向村务监督委员会反映。"
        #expect(LineBreaker.lines(note, widthMax: 16, advance: DisplayWidth.of) == ["如有疑问，请向村", "务监督委员会反", "映。"])
        #expect(LineBreaker.lines(note, widthMax: 16, advance: DisplayWidth.of, keepingWords: true) == ["如有疑问，请向", "村务监督委员会", "反映。"])
        #expect(LineBreaker.lines("所持扶贫股10股不参与", widthMax: 13, advance: DisplayWidth.of) == ["所持扶贫股10", "股不参与"])
        #expect(LineBreaker.lines("所持扶贫股10股不参与", widthMax: 13, advance: DisplayWidth.of, keepingWords: true) == ["所持扶贫股", "10股不参与"])
        #expect(LineBreaker.lines("冲销第97条：误付", widthMax: 8, advance: DisplayWidth.of, keepingWords: true) == ["冲销", "第97条：", "误付"])
        #expect(LineBreaker.widestUnbreakable("建档立卡户保底", advance: DisplayWidth.of, keepingWords: true) == 10)
        #expect(LineBreaker.widestUnbreakable("建档立卡户保底", advance: DisplayWidth.of) == 2)
    }
}
