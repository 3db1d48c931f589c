import LedgerCore

/// beancount text: options, one `open` per account (with its Chinese name as metadata), one
/// transaction per entry with its seq as metadata, and closing `balance` directives dated the
/// day after the last transaction (beancount checks a balance at the start of its day), written
/// `~ 0.00` so that not even the default 0.01 tolerance applies.
enum BeancountRenderer {
    /// `opened`: the first transaction's day, when there is one, on which every account opens.
    static func header(title: String, opened: LedgerDate?, accounts: [(name: String, account: VillageAccount)]) -> String {
        var out = "; Exported by fenhong export --format beancount; accounts after 财会〔2023〕14号 (docs/JOURNAL.md).\n"
        out += "option \"title\" \(quoted(title))\noption \"operating_currency\" \"CNY\"\n\n"
        guard let opened else { return out }
        for (name, account) in accounts {
            out += "\(opened.text) open \(name) CNY\n  name: \(quoted(account.chinese))\n"
        }
        return out + "\n"
    }

    static func transaction(_ t: JournalTransaction) -> String {
        var out = "\(t.date.text) * \(quoted(t.payee)) \(quoted(t.narration))\n  seq: \(t.seq)\n"
        for p in t.postings {
            let account = p.account.beancount
            let number = decimal(p.fen)
            out += "  " + account + spaces(max(2, 56 - account.count - number.count)) + number + " CNY\n"
            if p.account.hledger != p.account.beancount, account.hasPrefix("Assets:LongTermInvestments") || account.hasSuffix(":Other") {
                out += "    account_zh: \(quoted(p.account.hledger))\n"
            }
        }
        return out + "\n"
    }

    /// The totals asserted, dated the day after the last transaction.
    static func closing(last: LedgerDate, totals: JournalTotals) -> String {
        let day = nextDay(last)
        var out = "; Fenhong totals: what was allocated to households, and what each is still owed.\n"
        for (account, fen) in totals.assertions { out += "\(day) balance \(account.beancount)  \(decimal(fen)) ~ 0.00 CNY\n" }
        return out
    }

    /// A beancount string: in double quotes, with `\` and `"` escaped, on one line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case _ where c.isNewline: out += " "
            default: out.append(c)
            }
        }
        return out + "\""
    }

    /// The day after `date`, `YYYY-MM-DD`.
    static func nextDay(_ date: LedgerDate) -> String {
        let leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][date.month - 1]
        var (y, m, d) = (date.year, date.month, date.day + 1)
        if d > days { d = 1; m += 1 }
        if m > 12 { m = 1; y += 1 }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
