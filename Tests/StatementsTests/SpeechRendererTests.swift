import Foundation
import Testing
@testable import Statements

struct SpeechRendererTests {
    /// Chen Mei's statement reads as the stored script snapshot.
    @Test func chenMeiScriptMatchesSnapshot() {
        let script = SpeechRenderer().render(SampleStatements.chenMei)
        if let mismatch = Snapshot.mismatch(script, stored: Snapshot.chenMeiSpeech, file: "chen-mei.speech.txt.swift", symbol: "chenMeiSpeech") {
            Issue.record(Comment(rawValue: mismatch))
        }
    }

    /// A row's spoken form is read as given; a row without one is read as "header：value" pairs.
    /// A household statement's script ends in words for a listener: who signed and cosigned and
    /// whom to ask — no key names, origins or commands, which are for an inspector's eyes.
    @Test func verificationIsSpokenPlainly() throws {
        let ledger = ContentLedger.village()
        var statement = try ledger.statement("152223-001")
        statement.checkpoint.cosigners = [.init(name: "zalaite-inspector", size: 16, time: 1_735_603_200)]
        let script = SpeechRenderer().render(statement.listeningDocument())
        for word in ["fenhong", "Cosigned", "baixin-accountant", "zalaite-inspector", "--ledger"] {
            #expect(!script.contains(word), "the script reads \(word) aloud")
        }
        #expect(script.hasSuffix("本明细单由会计签署，账本共十七条记录。\n村务监督小组已联署核验，日期二零二四年十二月三十一日。\n如需核对，请村务监督小组用分红账本核验本明细单。\n"), "\(script.suffix(120))")
        // The answer first: owed, paid and outstanding before the details, and again at the end.
        let lines = script.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex(of: "先说合计。"))
        #expect(lines[first + 1].hasPrefix("应分合计") && lines[first + 2].hasPrefix("已付合计") && lines[first + 3].hasPrefix("未付余额"))
        #expect(lines.filter { $0.hasPrefix("未付余额") }.count == 2)
    }

    @Test func rowsBecomeSentences() {
        let script = SpeechRenderer().render(SampleStatements.chenMei)
        let lines = script.split(separator: "\n").map(String.init)
        // Years, household numbers and card tails digit by digit, as a synthesizer should say them.
        #expect(lines.contains("第1笔，二零二四年十二月二十日，分红两千八百八十元，已通过银行卡支付。"))
        #expect(lines.contains("户号：一五二二二三，零零一。"))
        #expect(lines.contains("摘要：合计，金额（元）：两千八百八十元。"))
        #expect(lines.contains("户主：陈梅。"))
        #expect(lines.contains("请经办人、监督小组、户主（或见证人、按手印）签字。"))
        #expect(!script.contains("3f8a1c5e"))  // the fingerprint is not read aloud
        #expect(lines.allSatisfy { $0.hasSuffix("。") || $0.hasSuffix("？") || $0.hasSuffix("！") })
    }

    /// A rule's weights and rates are said in words, each of them, and nothing else of the rule
    /// changes: "60%" had been read "liù shí percent".
    @Test func weightsAreSaidInWords() {
        #expect(HouseholdStatement.spokenWeights("权重：人口股每股×1，扶贫股每股×2；最大余额法") == "权重：人口股每股计一份，扶贫股每股计两份；最大余额法")
        #expect(HouseholdStatement.spokenWeights("劳龄股每股×10") == "劳龄股每股计十份")
        #expect(HouseholdStatement.spokenWeights("每股×，每股×3") == "每股×，每股计三份")
        #expect(HouseholdStatement.spokenWeights("按户平均") == "按户平均")
        #expect(HouseholdStatement.spokenWeights("按交易量返还不少于可分配盈余（分配总额）的60%") == "按交易量返还不少于可分配盈余（分配总额）的百分之六十")
        #expect(HouseholdStatement.spokenWeights("8.25%，8.5%，%，x%") == "百分之八点二五，百分之八点五，%，x%")
    }

    /// Words the engine misreads are handed to it as they are said, the script unchanged:
    /// 银行 yínháng, 返还 fǎnhuán, 会计 kuàijì.
    @Test func heteronymsAreSaidAsMeant() {
        #expect(SpeechSynthesizer.pronounced("通过银行卡，按交易量返还，本明细单由会计签署。") == "通过银航卡，按交易量返环，本明细单由快计签署。")
        // A voucher's capitals each said as a letter, not run into one syllable.
        #expect(SpeechSynthesizer.pronounced("凭证号ZLT二零二零，零一九A。") == "凭证号 Z L T 二零二零，零一九 A 。")
    }

    /// Runs of three or more digits are read one by one; figures are not; months and days are
    /// said as numbers, so a date is in words throughout; the English words of distribution ids
    /// are said in Chinese.

    @Test func digitsAreSpeakable() {
        #expect(SpeechRenderer.speakable("分配编号2019-poverty，尾号2318，12月5日，2,880.00元") == "分配编号二零一九，扶贫，尾号二三一八，十二月五日，两千八百八十元")
        #expect(SpeechRenderer.speakable("2024年10月31日，第3笔，第12条") == "二零二四年十月三十一日，第3笔，第12条")
        #expect(SpeechRenderer.speakable("2024年1月20日") == "二零二四年一月二十日")
        #expect(SpeechRenderer.speakable("fenhong verify --trusted x") == "fenhong verify --trusted x")
        // A reason typed by the accountant: its date and amount in figures are said in words.
        #expect(SpeechRenderer.speakable("原因：金额错，应为10,000.05元，2020-10-05退回") == "原因：金额错，应为一万元零五分，二零二零年十月五日退回")
        #expect(SpeechRenderer.speakable("BX-2024-0008，2024-13-01") == "BX，二零二四，零零零八，二零二四，13，01")
        // Only money is said as money: an amount to the fen, or one followed by 元.
        #expect(SpeechRenderer.speakable("按1,000股的1.5倍、3.5%计，共2,880.00，另5.5元") == "按1,000股的1.5倍、3.5%计，共两千八百八十元，另五元五角")
    }

    /// Paragraphs are split one sentence per line.
    @Test func paragraphsSplitIntoSentences() {
        #expect(SpeechRenderer.splitSentences("第一句。第二句！第三句") == ["第一句。", "第二句！", "第三句。"])
        #expect(SpeechRenderer.sentence("  户主：  陈梅， ") == "户主： 陈梅。")
    }
}

struct SpeechSynthesizerTests {
    /// A script's empty lines are pauses in the audio; its text is escaped for SSML.
    @Test func sectionsArePausedBetween() {
        #expect(SpeechSynthesizer.ssml("甲。\n\n乙 & <丙>。\n") == "<speak>\n甲。\n<break time=\"900ms\"/>\n乙 &amp; &lt;丙&gt;。\n</speak>\n")
    }

    /// A hyphen inside a voucher is a pause; a command's options are left as they are.
    @Test func vouchersPauseAtTheirHyphens() {
        #expect(SpeechRenderer.speakable("凭证号一卡通-2019-007") == "凭证号一卡通，二零一九，零零七")
        #expect(SpeechRenderer.speakable("fenhong verify --trusted x") == "fenhong verify --trusted x")
    }

    /// espeak-ng's Mandarin voice writes a real WAV file (runs only where espeak-ng is installed).
    @Test(.enabled(if: Tool.path("espeak-ng") != nil, "espeak-ng is not installed"))
    func writesMandarinWAV() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("chen-mei.wav")
        try SpeechSynthesizer.wav(script: SpeechRenderer().render(SampleStatements.chenMei), to: output)
        let bytes = [UInt8](try Data(contentsOf: output))
        #expect(bytes.count > 100_000)  // tens of seconds of 22 kHz 16-bit audio
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8))
        #expect(Array(bytes[8..<12]) == Array("WAVE".utf8))
    }

    /// The default voice reads Chinese as Mandarin syllables, not as English-spoken pinyin with tone digits.
    @Test(.enabled(if: Tool.path("espeak-ng") != nil, "espeak-ng is not installed"))
    func defaultVoiceReadsChineseAsMandarin() throws {
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("name.txt")
        try Data("陈梅".utf8).write(to: script)
        let (status, output) = try Tool.run(
            Tool.path("espeak-ng")!, ["-v", SpeechSynthesizer.mandarinVoice, "-b", "1", "-q", "-x", "-f", script.path])
        #expect(status == 0)
        let phonemes = String(decoding: output, as: UTF8.self)
        #expect(!phonemes.contains("(en)"), "espeak-ng switched to English: \(phonemes)")
        #expect(phonemes.contains("ts.h'@35n"))  // chén, rising tone 35
    }

    /// A missing engine is a typed error naming it, not a crash.
    @Test func missingEngineIsATypedError() {
        let output = URL(fileURLWithPath: "/tmp/never-written.wav")
        #expect(throws: SpeechSynthesisError.engineNotFound(engine: "espeak-ng-not-installed")) {
            try SpeechSynthesizer.wav(script: "测试。", to: output, engine: "espeak-ng-not-installed")
        }
    }
}
