import LedgerCore

/// Renders a statement as a script for listening: one sentence per line, no tables.
///
/// A listener cannot scan columns, so each table row becomes one sentence: the row's `spoken`
/// form when the caller gave one (amounts in spoken Chinese, e.g. "分红二千八百八十元"),
/// otherwise its cells read as "header：value" pairs. The verification fingerprint is left out:
/// 64 hex digits read aloud help nobody; the script says where to check instead.
public struct SpeechRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// What a script says before its details: the sentence a printed statement never holds.
    static let totalsFirst = "先说合计"

    /// True when `text` is a listening script this renderer wrote (its third to fifth line says
    /// the totals come first), not a printed statement.
    public static func isScript(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: true).prefix(6).contains { $0 == sentence(totalsFirst) }
    }

    /// The script, one sentence per line, ending with a newline.
    public func render(_ document: StatementDocument) -> String {
        var sentences: [String] = []
        sentences.append(Self.sentence(document.title))
        for subtitle in document.subtitleLines { sentences.append(Self.sentence(subtitle)) }
        // The answer first: what was owed, paid and is outstanding, before the details (a
        // listener cannot skip ahead); said again in its place at the end.
        if let totals = document.sections.first(where: { $0.heading == StatementLabels.totalsHeading }),
           case .keyValues(let pairs) = totals.content {
            sentences.append(Self.sentence(Self.totalsFirst))
            for pair in pairs { sentences.append(Self.sentence(pair.spoken ?? pair.key + "：" + pair.value)) }
            sentences.append(Self.sentence("以下是明细"))
        }
        // The totals a reader sees first were said first already.
        for section in document.sections where section.heading != StatementLabels.overviewHeading {
            // A blank line between sections: a pause the listener hears (``SpeechSynthesizer``).
            if sentences.last != Self.pause { sentences.append(Self.pause) }
            if !section.heading.isEmpty { sentences.append(Self.sentence(section.heading)) }
            switch section.content {
            case .keyValues(let pairs):
                for pair in pairs {
                    sentences.append(Self.sentence(pair.spoken ?? pair.key + "：" + pair.value))
                }
            case .table(let table):
                for row in table.rows { sentences.append(Self.sentence(row.spoken ?? Self.pairs(row, table))) }
                if let totals = table.totals {
                    sentences.append(Self.sentence(totals.spoken ?? Self.pairs(totals, table)))
                }
            case .paragraph(let paragraph):
                sentences.append(contentsOf: Self.splitSentences(paragraph.spoken ?? paragraph.text))
            case .signatures(let signatures):
                // A seal's place is said as one: "请经办人、监督小组签字，合作社盖章".
                let seal = "（盖章）"
                let signers = signatures.map(\.label).filter { !$0.hasSuffix(seal) }
                let seals = signatures.map(\.label).filter { $0.hasSuffix(seal) }.map { String($0.dropLast(seal.count)) }
                sentences.append(Self.sentence((signers.isEmpty ? "" : "请" + signers.joined(separator: "、") + "签字")
                    + (signers.isEmpty || seals.isEmpty ? "" : "，") + (seals.isEmpty ? "" : seals.joined(separator: "、") + "盖章")))
            }
        }
        if sentences.last != Self.pause { sentences.append(Self.pause) }
        if let footer = document.footer, let spoken = footer.spoken {
            for line in spoken { sentences.append(contentsOf: Self.splitSentences(line)) }
        } else if let footer = document.footer {
            sentences.append(Self.sentence("本明细单可以核验，账本" + footer.origin + "，共" + String(footer.treeSize) + "条记录，签署人" + footer.signer))
            for note in footer.notes { sentences.append(contentsOf: Self.splitSentences(note)) }
        }
        // A pause is an empty line; no sentence is empty (a row without a spoken form says nothing).
        return sentences.filter { !$0.isEmpty }.map { $0 == Self.pause ? "" : Self.speakable($0) }.joined(separator: "\n") + "\n"
    }

    /// Where a section ends: an empty line in the script, a pause in the audio.
    static let pause = "\n"

    /// `sentence` as a synthesizer should say it: a run of three or more digits is read digit by
    /// digit (二零一九年, 尾号二三一八, 户号一五二二二三), not as a quantity (二千十九); and the
    /// English words accountants put in distribution ids are said in Chinese. Amounts are
    /// already spoken in words; a month or a day is said as a number (十二月三十一日), so that a
    /// date reads in words throughout; counts (one or two digits) read well as they are.
    static func speakable(_ sentence: String) -> String {
        let digits: [Character: String] = ["0": "零", "1": "一", "2": "二", "3": "三", "4": "四",
                                           "5": "五", "6": "六", "7": "七", "8": "八", "9": "九"]
        let characters = Array(sentence)
        var out = "", i = 0
        while i < characters.count {
            let character = characters[i]
            if character.isASCII && character.isNumber, let (date, end) = Self.date(in: characters, at: i) {
                // A date as text writes it (2020-10-05, in a reason): said as a date.
                out += speakable(date.chinese)
                i = end
            } else if character.isASCII && character.isNumber {
                // A figure: digits, with the separators of an amount (2,880.00) kept as written.
                var end = i
                while end < characters.count, characters[end].isASCII,
                      characters[end].isNumber || ((characters[end] == "," || characters[end] == ".")
                                                   && end + 1 < characters.count && characters[end + 1].isASCII && characters[end + 1].isNumber) {
                    end += 1
                }
                let figure = characters[i..<end]
                let plain = figure.allSatisfy(\.isNumber)
                let isMonthOrDay = plain && figure.count <= 2 && end < characters.count && (characters[end] == "月" || characters[end] == "日")
                let isMoney = end < characters.count && characters[end] == "元"
                    || figure.count >= 4 && figure[figure.index(figure.endIndex, offsetBy: -3)] == "."
                if !plain, isMoney, let amount = try? Fen.parse(String(figure)) {
                    // An amount written in figures (10,000.05 in a reason): said in words, 元 and all.
                    out += amount.spokenChinese
                    if end < characters.count, characters[end] == "元" { end += 1 }
                } else if isMonthOrDay, let n = Int(String(figure)), (1...31).contains(n) {
                    out += (n >= 20 ? digits[Character(String(n / 10))]! : "") + (n >= 10 ? "十" : "") + (n % 10 == 0 && n >= 10 ? "" : digits[Character(String(n % 10))]!)
                } else {
                    out += plain && figure.count >= 3 ? figure.map { digits[$0]! }.joined() : String(figure)
                }
                // "2019-poverty", "152223-007": a hyphen after a number is a pause, not "minus".
                if end < characters.count, characters[end] == "-", plain { out += "，"; end += 1 }
                i = end
            } else if character.isASCII && character.isLetter {
                var end = i
                while end < characters.count, characters[end].isASCII, characters[end].isLetter { end += 1 }
                let word = String(characters[i..<end])
                out += words[word.lowercased()] ?? word
                // "BX-2024", a voucher's: the hyphen is a pause too.
                if end + 1 < characters.count, characters[end] == "-", characters[end + 1].isASCII, characters[end + 1].isNumber { out += "，"; end += 1 }
                i = end
            } else if character == "-", i > 0, characters[i - 1].isLetter || characters[i - 1].isNumber, i + 1 < characters.count,
                      characters[i + 1].isASCII && (characters[i + 1].isNumber || characters[i + 1].isLetter) {
                // "一卡通-2019-007", a voucher's: a hyphen between its words is a pause, not "minus".
                out += "，"
                i += 1
            } else if let said = Self.symbols[character] {
                // A sign typed into a reason or a voucher: said as meant, or not at all (the engine reads "&" in English).
                out += said
                i += 1
            } else {
                out.append(character)
                i += 1
            }
        }
        return out
    }

    /// Signs that may stand in a reason or a voucher, as said; "" for one not said.
    private static let symbols: [Character: String] = [
        "&": "和", "＆": "和", "+": "加", "＋": "加", "#": "号", "＃": "号", "~": "至", "～": "至",
        "<": "", ">": "", "‹": "", "›": "", "«": "", "»": "", "\"": "", "“": "", "”": "", "*": "", "＊": "", "|": "，", "_": "", ":": "：",
    ]

    /// The date written `YYYY-MM-DD` at `start`, and where it ends; nil when there is none.
    private static func date(in characters: [Character], at start: Int) -> (LedgerDate, Int)? {
        let end = start + 10
        guard end <= characters.count, characters[start + 4] == "-", characters[start + 7] == "-",
              end == characters.count || !(characters[end].isASCII && characters[end].isNumber),
              let date = LedgerDate(String(characters[start..<end])) else { return nil }
        return (date, end)
    }

    /// The English words of distribution ids and share classes, in Chinese.
    private static let words = ["poverty": "扶贫", "member": "成员", "members": "成员", "coop": "合作社",
                                "cooperative": "合作社", "lease": "租金", "bonus": "分红", "dividend": "分红"]

    /// "header：value，header：value" over the non-empty cells of `row`.
    static func pairs(_ row: StatementDocument.Row, _ table: StatementDocument.Table) -> String {
        var parts: [String] = []
        for column in table.columns.indices {
            let value = table.cell(row, column)
            if value.isEmpty { continue }
            let header = table.columns[column].header
            parts.append(header.isEmpty ? value : header + "：" + value)
        }
        return parts.joined(separator: "，")
    }

    /// `text` on one line with a full stop at the end unless it already ends a sentence.
    static func sentence(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace { scalars.append(" ") }
            pendingSpace = false
            scalars.append(scalar)
        }
        guard let last = scalars.last else { return "" }
        switch last {
        case "。", "！", "？", "!", "?": break
        case "，", "、", "；", "：", ",", ";", ":", ".":
            scalars.removeLast()
            scalars.append("。")
        default: scalars.append("。")
        }
        return String(scalars)
    }

    /// Running text cut after each "。", "！" or "？", one sentence per element.
    static func splitSentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            current.append(scalar)
            if scalar == "。" || scalar == "！" || scalar == "？" {
                result.append(sentence(String(current)))
                current = String.UnicodeScalarView()
            }
        }
        let rest = sentence(String(current))
        if !rest.isEmpty { result.append(rest) }
        return result.filter { !$0.isEmpty }
    }
}
