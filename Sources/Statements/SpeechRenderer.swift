/// Renders a statement as a script for listening: one sentence per line, no tables.
///
/// A listener cannot scan columns, so each table row becomes one sentence: the row's `spoken`
/// form when the caller gave one (amounts in spoken Chinese, e.g. "分红二千八百八十元"),
/// otherwise its cells read as "header：value" pairs. The verification fingerprint is left out:
/// 64 hex digits read aloud help nobody; the script says where to check instead.
public struct SpeechRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The script, one sentence per line, ending with a newline.
    public func render(_ document: StatementDocument) -> String {
        var sentences: [String] = []
        sentences.append(Self.sentence(document.title))
        for subtitle in document.subtitleLines { sentences.append(Self.sentence(subtitle)) }
        for section in document.sections {
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
                let labels = signatures.map(\.label).joined(separator: "、")
                sentences.append(Self.sentence("请" + labels + "签字"))
            }
        }
        if let footer = document.footer, let spoken = footer.spoken {
            for line in spoken { sentences.append(contentsOf: Self.splitSentences(line)) }
        } else if let footer = document.footer {
            sentences.append(Self.sentence("本明细单可以核验，账本" + footer.origin + "，共" + String(footer.treeSize) + "条记录，签署人" + footer.signer))
            for note in footer.notes { sentences.append(contentsOf: Self.splitSentences(note)) }
        }
        return sentences.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
    }

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
