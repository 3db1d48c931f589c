import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

/// `--ledger`, defaulting to $FENHONG_LEDGER.
struct LedgerOption: ParsableArguments {
    @Option(name: .long, help: "The ledger file (default: $FENHONG_LEDGER).")
    var ledger: String?

    var path: String {
        get throws {
            if let ledger { return ledger }
            if let env = ProcessInfo.processInfo.environment["FENHONG_LEDGER"], !env.isEmpty { return env }
            throw ValidationError("no ledger given: pass --ledger FILE or set FENHONG_LEDGER")
        }
    }

    func open(readOnly: Bool = false) throws -> LedgerStore { try LedgerStore.open(path: path, readOnly: readOnly) }
}

/// The villages new to an inspector's round that are to be kept and cosigned.
struct NewVillageOptions: ParsableArguments {
    @Option(help: "A village (its origin, e.g. fenhong/152223/baixin) none of whose checkpoints is kept in --trusted FOLDER, while others' are, that may be kept (and cosigned): you have seen it is one the round should have. Repeatable.")
    var newVillage: [String] = []
    @Flag(help: "Every village none of whose checkpoints is kept in --trusted FOLDER may be kept (and cosigned); --new-village names them one by one, so that a look-alike of one is not taken with it.")
    var newVillages = false

    var accepted: LedgerSweep.NewVillages { newVillages ? .all : newVillage.isEmpty ? .none : .origins(Set(newVillage)) }
}

/// `--key`, defaulting to $FENHONG_KEY.
struct KeyOption: ParsableArguments {
    @Option(name: .long, help: "The private key file (default: $FENHONG_KEY).")
    var key: String?

    func signer() throws -> NoteSigner {
        try KeyFile.read(try path)
    }

    /// The key file: --key, else $FENHONG_KEY.
    var path: String {
        get throws {
            if let key { return key }
            if let env = ProcessInfo.processInfo.environment["FENHONG_KEY"], !env.isEmpty { return env }
            throw ValidationError("no key given: pass --key FILE or set FENHONG_KEY")
        }
    }
}

/// The options every write command takes.
struct WriteOptions: ParsableArguments {
    @OptionGroup var ledger: LedgerOption
    @OptionGroup var key: KeyOption
    @Option(name: .long, help: ArgumentHelp("Record the entries as of this UTC time (default: now).", visibility: .hidden))
    var at: String?

    var time: LedgerTime {
        get throws {
            if let at {
                guard let time = LedgerTime(at) else { throw ValidationError("--at \(at) is not a UTC time like 2024-12-20T08:00:00Z") }
                return time
            }
            return LedgerTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        }
    }

    /// Appends `payloads` and prints what was recorded.
    func append(_ payloads: [EntryPayload]) throws {
        try append { _ in payloads }
    }

    /// Appends what `build` returns, read inside the write transaction.
    func append(_ build: (LedgerReader) throws -> [EntryPayload]) throws {
        let store = try ledger.open()
        let signer = try key.signer()
        let result: AppendResult
        do {
            result = try store.append(signer: signer, at: time, build)
        } catch StoreError.rules(let violations)
                    where violations.contains(where: { Self.keyCodes.contains($0.code) && $0.detail.contains("\(signer.id)") }) {
            // About the signing key, not the entries: name the file it came from.
            throw ValidationError("key file \(try key.path): " + violations.map(\.detail).joined(separator: "; ") + "; nothing was recorded")
        }
        Printer.recorded(result)
    }

    /// The rules a signing key breaks, rather than an entry.
    private static let keyCodes: Set<RuleCode> = [.unknownKey, .retiredKey, .wrongRole]
}

/// Parsers for values typed by people, each naming the option at fault.
enum Parse {
    /// An amount of money that moved: more than zero. A wrong record is reversed, never offset
    /// by a negative one.
    static func positiveAmount(_ text: String, option: String) throws -> Fen {
        if text.trimmingCharacters(in: .whitespaces).hasPrefix("-") {
            throw ValidationError("\(option) \(text) is negative; amounts are more than zero (a wrong record is undone with `fenhong reverse`)")
        }
        let fen = try amount(text, option: option)
        guard fen > .zero else { throw ValidationError("\(option) \(text) is zero; nothing to record") }
        return fen
    }

    /// An amount as the import reads one (`3000`, `3,000.00`, `3000元`, full-width digits).
    static func amount(_ text: String, option: String) throws -> Fen {
        switch ImportValues.amount(text) {
        case .success(let fen): return fen
        case .failure(let problem): throw ValidationError("\(option) \(text): \(problem)")
        }
    }

    /// A date as the import reads one (`2019-12-28`, `2019/12/28`, `2019年12月28日`).
    static func date(_ text: String, option: String) throws -> LedgerDate {
        switch ImportValues.date(text) {
        case .success(let date): return date
        case .failure: throw ValidationError("\(option) \(text) is not a date like 2019-12-28, 2019/12/28 or 2019年12月28日")
        }
    }

    /// A name as typed, without the spaces around it (a tab pasted from a spreadsheet); refused
    /// when nothing is left.
    static func name(_ text: String, option: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ValidationError("\(option) is blank; give the name") }
        return trimmed
    }

    /// The date of something that has happened (money moved, shares issued, a household
    /// registered): not after today.
    static func pastDate(_ text: String, option: String, advice: String = "record money when it has moved") throws -> LedgerDate {
        let date = try Parse.date(text, option: option)
        guard date <= today() else { throw ValidationError("\(option) \(text) is in the future; \(advice)") }
        return date
    }

    /// Today where the accountant is: the machine's own time zone (China's, UTC+8, in the
    /// villages), not UTC, whose date is still yesterday's until 08:00 there.
    static func today() -> LedgerDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let day = calendar.dateComponents([.year, .month, .day], from: Date())
        guard let year = day.year, let month = day.month, let dayOfMonth = day.day,
              let date = LedgerDate(String(format: "%04d-%02d-%02d", year, month, dayOfMonth)) else {
            return LedgerTime(secondsSinceEpoch: Int64(Date().timeIntervalSince1970)).date
        }
        return date
    }

    /// A year as `--year` takes it: the distributions whose record date falls in it.
    /// A statement's year: one that has begun by `asOf`, the statement's date.
    static func year(_ year: Int?, asOf day: LedgerDate) throws -> Int? {
        guard let year else { return nil }
        // Before 1900 no collective's accounts were kept: "100 年度" had been printed.
        guard (1900...9999).contains(year) else { throw ValidationError("--year \(year) is not a year like 2024") }
        // A year to come has nothing in it: its empty statement would read as "nothing owed".
        guard year <= day.year else {
            throw ValidationError(day == today() ? "--year \(year) has not begun; a statement shows a year that has"
                                                 : "--year \(year) had not begun by --date \(day); a statement shows a year that has")
        }
        return year
    }

    /// A rate as `8%`, `8.5%` or basis points `850bp`.
    /// A household number as typed: full-width digits and letters (an input method's) made
    /// half-width, spaces around it dropped — as an import reads one.
    static func householdNumber(_ text: String) -> String {
        ImportValues.normalized(text.trimmingWhitespace())
    }

    static func basisPoints(_ text: String, option: String) throws -> Int64 {
        // Full-width as an input method types it (１０％), read as an import reads a figure.
        let t = ImportValues.normalized(text.trimmingWhitespace())
        var bp: Int64?
        if t.hasSuffix("bp") { bp = Int64(t.dropLast(2)) }
        if t.hasSuffix("%") { bp = (try? Fen.parse(String(t.dropLast())))?.value }  // hundredths of a percent, as fen are of a yuan
        guard let bp, bp >= 0 else { throw ValidationError("\(option) \(text) is not a rate like 8%, 8.25% (at most two decimals) or 825bp") }
        guard bp <= 10_000 else { throw ValidationError("\(option) \(text) is more than 100%") }
        return bp
    }

    static func maskedID(_ text: String) throws -> String {
        guard let masked = Masking.maskID(text) else {
            throw ValidationError("--id \(Masking.shown(text)) is not an ID number (15 or 18 characters) or its masked form 152223********1234")
        }
        if let problem = Masking.idNumberProblem(text) { throw ValidationError("--id \(Masking.shown(text)): \(problem)") }
        if let born = Masking.birthDate(text), born > Parse.today() {
            throw ValidationError("--id \(Masking.shown(text)): its date of birth (characters 7–14) is after today, \(Parse.today()): a digit is mistyped")
        }
        return masked
    }

    /// A household's payout account: `cash` or `现金` for a household paid in cash.
    static func payoutAccount(_ text: String) throws -> String {
        guard let account = Masking.payoutAccount(text) else {
            throw ValidationError("--account \(Masking.shownAccount(text)) is not an account number, its masked form ****5678, or cash (现金)")
        }
        return account
    }

    static func maskedAccount(_ text: String) throws -> String {
        if Masking.payoutAccount(text) == Masking.cash {
            throw ValidationError("--account \(text): a cash payment has no account; give --channel cash (现金) instead")
        }
        guard let masked = Masking.maskAccount(text) else {
            throw ValidationError("--account \(Masking.shownAccount(text)) is not an account number or its masked form ****5678")
        }
        return masked
    }
}
