import LedgerCore

/// hledger journal text: account and commodity declarations (so `hledger check --strict`
/// passes), one transaction per entry tagged with its seq, and closing balance assertions.
enum HledgerRenderer {
    static func render(_ transactions: [JournalTransaction], totals: JournalTotals, title: String) -> String {
        var out = "; \(oneLine(title))\n; Exported by fenhong export --format hledger; accounts after 财会〔2023〕14号 (docs/JOURNAL.md).\n\n"
        out += "commodity 1000.00 CNY\n\n"
        var accounts = Set(transactions.flatMap { $0.postings.map(\.account) })
        accounts.insert(.distributionToHouseholds)
        for household in totals.outstanding { accounts.insert(.payable(household: household.household)) }
        for account in accounts.sorted(by: { $0.hledger < $1.hledger }) {
            out += "account \(account.hledger)  ; type: \(account.hledgerType)\n"
        }
        out += "\n"
        for t in transactions {
            out += "\(t.date.text) \(oneLine(t.narration)) | \(oneLine(t.payee))  ; seq:\(t.seq)\n"
            for p in t.postings { out += posting(p.account.hledger, decimal(p.fen) + " CNY") }
            out += "\n"
        }
        guard let last = transactions.map(\.date).max() else { return out }
        out += "\(last.text) Fenhong totals: what each household is still owed, what was allocated  ; fenhong-totals:\n"
        out += posting(VillageAccount.distributionToHouseholds.hledger, "0.00 CNY = \(decimal(totals.allocated)) CNY")
        for h in totals.outstanding {
            out += posting(VillageAccount.payable(household: h.household).hledger, "0.00 CNY = \(decimal(-h.fen)) CNY")
        }
        return out
    }

    private static func posting(_ account: String, _ amount: String) -> String {
        // Amounts right-aligned on their number, assertions after it.
        let number = amount.prefix { $0 != " " }
        let pad = max(2, 58 - DisplayWidth.of(account) - number.count)
        return "    " + account + String(repeating: " ", count: pad) + amount + "\n"
    }

    /// Descriptions are one line; `|` separates payee from note, so a `|` inside becomes `¦`.
    static func oneLine(_ text: String) -> String {
        // `;` would start a comment: the rest of the description would be lost.
        String(text.map { $0.isNewline ? " " : $0 == "|" ? "¦" : $0 == ";" ? "；" : $0 })
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
