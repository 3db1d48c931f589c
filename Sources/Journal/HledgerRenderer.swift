import LedgerCore

/// hledger journal text: account and commodity declarations (so `hledger check --strict`
/// passes), one transaction per entry tagged with its seq, and closing balance assertions.
enum HledgerRenderer {
    static func header(title: String, accounts: [VillageAccount]) -> String {
        var out = "; \(oneLine(title))\n; Exported by fenhong export --format hledger; accounts after 财会〔2023〕14号 (docs/JOURNAL.md).\n\n"
        out += "commodity 1000.00 CNY\n\n"
        for account in accounts { out += "account \(account.hledger)  ; type: \(account.hledgerType)\n" }
        return out + "\n"
    }

    static func transaction(_ t: JournalTransaction) -> String {
        var out = "\(t.date.text) \(oneLine(t.narration)) | \(oneLine(t.payee))  ; seq:\(t.seq)\n"
        for p in t.postings { out += posting(p.account.hledger, decimal(p.fen) + " CNY") }
        return out + "\n"
    }

    /// The totals asserted, dated the last transaction's day.
    static func closing(last: LedgerDate, totals: JournalTotals) -> String {
        var out = "\(last.text) Fenhong totals: what each household is still owed, what was allocated  ; fenhong-totals:\n"
        for (account, fen) in totals.assertions { out += posting(account.hledger, "0.00 CNY = \(decimal(fen)) CNY") }
        return out
    }

    private static func posting(_ account: String, _ amount: String) -> String {
        // Amounts right-aligned on their number, assertions after it.
        let number = amount.prefix { $0 != " " }
        let pad = max(2, 58 - DisplayWidth.of(account) - number.count)
        return "    " + account + spaces(pad) + amount + "\n"
    }

    /// Descriptions are one line; `|` separates payee from note, so a `|` inside becomes `¦`.
    static func oneLine(_ text: String) -> String {
        // Most descriptions have none of these: they are returned as they are.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ";") || $0 <= 0x0D || $0 == 0xC2 || $0 == 0xE2 }) else {
            return text
        }
        // `;` would start a comment: the rest of the description would be lost.
        return String(text.map { $0.isNewline ? " " : $0 == "|" ? "¦" : $0 == ";" ? "；" : $0 })
    }
}

/// Columns a string takes in a terminal: 2 for East Asian wide characters, else 1.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}

/// `count` spaces: padding that lines amounts up.
func spaces(_ count: Int) -> Substring {
    spaceRun.prefix(max(count, 0))
}

private let spaceRun = String(repeating: " ", count: 128)
