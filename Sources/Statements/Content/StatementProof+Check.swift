import LedgerCore

/// What a statement proof is checked against: the ledger as it stands now.
public struct StatementProofTrust: Sendable {
    /// The ledger's origin (from `ledger.open`).
    public var origin: String
    /// The ledger's accountant keys that were in service before the proof's checkpoint.
    public var accountantKeys: [NoteVerifierKey]
    /// The ledger's current size and root.
    public var head: Checkpoint
    /// The consistency proof from the proof's checkpoint size to `head.size`, computed from the
    /// ledger; nil when the ledger is smaller than that checkpoint.
    public var consistency: [TreeHash]?
    /// What the ledger says of the proof's household (its registration and updates, share
    /// entries, allocations, payments, their declarations and reversals), from which the checker
    /// knows what a complete statement of its year and date cites, and the header and holdings
    /// it may print; nil when the checker cannot tell. Only entries below the proof's checkpoint
    /// count.
    public var facts: HouseholdFacts?
    /// Every valid cosignature on a checkpoint no larger than the proof's, as a footer may print
    /// it; nil when the checker cannot tell.
    public var cosignatures: [StatementCheckpoint.Cosigner]?
    /// The day the check is made, where the checker is: no statement is as of a day after it.
    public var today: LedgerDate?

    /// Describes the ledger a proof is checked against.
    /// The name a statement prints as its checkpoint's signer: the accountant key whose
    /// signature on `note` verifies — not merely the first line's name, which a line added
    /// above the accountant's would set.
    public func signer(of note: SignedNote) -> String { StatementCheckpoint.signer(of: note, among: accountantKeys) }

    public init(origin: String, accountantKeys: [NoteVerifierKey], head: Checkpoint, consistency: [TreeHash]?,
                facts: HouseholdFacts? = nil, cosignatures: [StatementCheckpoint.Cosigner]? = nil) {
        self.origin = origin
        self.accountantKeys = accountantKeys
        self.head = head
        self.consistency = consistency
        self.facts = facts
        self.cosignatures = cosignatures
    }
}

extension StatementProofTrust {
    /// The household's entries the ledger recorded after a checkpoint of `size`: what a
    /// statement printed now would show that one made at that checkpoint does not (a payment
    /// reversed since, say). Empty when the facts are unknown.
    public func entries(after size: Int64) -> [RecordedEntry] {
        facts?.entries(after: size) ?? []
    }

    /// The reversal that withdrew the household's latest registration, if it is withdrawn now
    /// (nil when the facts are unknown).
    public var withdrawal: Int64? { facts?.withdrawal(before: .max) }
}

/// One reason a statement or its proof is rejected, with where it is.
public struct StatementProofFailure: Sendable, Equatable, CustomStringConvertible {
    /// The rule broken.
    public enum Rule: String, Sendable {
        /// The checkpoint names another ledger.
        case checkpointOrigin
        /// No accountant key of the ledger signed the checkpoint.
        case checkpointSignature
        /// The ledger is smaller than the checkpoint: entries were removed.
        case ledgerTruncated
        /// The ledger's tree does not extend the checkpoint's: history was rewritten.
        case notConsistent
        /// A block's body is not an entry, or names another seq than its index.
        case bodyUnreadable
        /// A block's body and path do not lead to the checkpoint's root.
        case notIncluded
        /// A block's entry is about another household.
        case wrongHousehold
        /// A reversal's target is not in the proof.
        case reversalTargetMissing
        /// A statement line cites an entry the proof does not cover.
        case lineNotProved
        /// A statement line prints another hash than the entry's.
        case hashMismatch
        /// A statement line prints other amounts than the entry records.
        case amountMismatch
        /// A block's entry is cited by no line of the statement.
        case entryNotOnStatement
        /// A total (or its capital numerals) differs from the sum of the entries.
        case totalMismatch
        /// A total line is missing from the statement.
        case totalMissing
        /// An allocation, payment or reversal of the household, in the ledger at the checkpoint,
        /// is left off the statement.
        case entryOmitted
        /// The header names another household, or a head, member count or ID number the
        /// household never had in the ledger.
        case identityMismatch
        /// The holdings printed are not what the household held on the statement's date.
        case holdingsMismatch
        /// A payment's lines do not show the account it was paid to.
        case accountMismatch
        /// The footer names another checkpoint (size, origin, root or signer) than the proof's, or
        /// a cosignature the ledger does not have.
        case footerMismatch
        /// A payment's lines do not show its voucher or bank reference, or an allocation's lines
        /// its share (units, or a cooperative member's transactions in yuan).
        case detailMismatch
        /// The statement is not the one fenhong prints from the ledger for its household, year and
        /// date: a line added, changed or hidden; for HTML and PDF, any byte.
        case notAsPrinted
    }

    /// The rule broken.
    public var rule: Rule
    /// Where: "statement line 23", "proof entry 7" or "checkpoint".
    public var location: String
    /// Expected and found values.
    public var detail: String

    public init(rule: Rule, location: String, detail: String) {
        (self.rule, self.location, self.detail) = (rule, location, detail)
    }

    /// "statement line 23: amountMismatch: …".
    public var description: String { "\(location): \(rule.rawValue): \(detail)" }
}

extension StatementProof {
    /// Every reason to reject this proof and, when given, the statement text it came with; empty
    /// when both hold. Checks, in order: the checkpoint (origin, signature by an accountant key of
    /// the ledger, consistency with the ledger now), each block (body is the entry at its index,
    /// included in the checkpoint's tree), then each line of the statement against the blocks, and
    /// the totals against the sums of the proved entries. When the ledger's facts are known, the
    /// statement must also be the one fenhong prints from them (``checkRendering(_:text:printed:)``);
    /// if it is, that settles every line, and reading the figures off it adds nothing.
    public func check(against trust: StatementProofTrust, statementText: String?, printed: PrintedStatement? = nil) -> [StatementProofFailure] {
        var failures = [StatementProofFailure]()
        let cp = checkpoint.checkpoint
        if cp.origin != trust.origin {
            failures.append(.init(rule: .checkpointOrigin, location: "checkpoint",
                                  detail: "the checkpoint is of \(cp.origin), the ledger is \(trust.origin)"))
        }
        if !trust.accountantKeys.contains(where: { checkpoint.note.isSigned(by: $0) }) {
            // Named by its signatures, not its cosignatures (8 + 64 bytes), which an accountant's
            // key never verifies: the inspector's had been named as if it were bad too.
            let signed = checkpoint.note.signatures.filter { $0.signature.count != 72 }.map(\.name)
            let detail = signed.isEmpty ? "the checkpoint carries no signature but cosignatures; an accountant key of the ledger signs every checkpoint"
                : "the signature of \(signed.joined(separator: ", ")) does not verify with any accountant key of the ledger"
            failures.append(.init(rule: .checkpointSignature, location: "checkpoint", detail: detail))
        }
        if trust.head.size < cp.size {
            failures.append(.init(rule: .ledgerTruncated, location: "checkpoint",
                                  detail: "the checkpoint covers \(cp.size) entries, the ledger now has \(trust.head.size): it was cut short, or rewritten from an earlier entry"))
        } else if cp.size > 0 {
            do {
                try ProofVerifier.verifyConsistency(size1: Int(cp.size), size2: Int(trust.head.size),
                                                    root1: cp.root, root2: trust.head.root, proof: trust.consistency ?? [])
            } catch {
                failures.append(.init(rule: .notConsistent, location: "checkpoint",
                                      detail: "the ledger of \(trust.head.size) entries does not extend the checkpoint of \(cp.size): \(error)"))
            }
        }

        // A ledger that does not extend the proof's signed checkpoint was cut or rewritten since:
        // what it prints now is no measure of a statement printed before, which is held to its
        // proof alone — the entries the accountant signed then.
        let extended = !failures.contains { $0.rule == .ledgerTruncated || $0.rule == .notConsistent }
        let facts = extended ? trust.facts : nil

        // A complete statement of this household, year and date (the day the statement is as
        // of, when its text is given), made against the proof's checkpoint: none of what it
        // cites may be left out.
        let date = statementText.flatMap(StatementText.statementDate(in:)) ?? self.date ?? LedgerDate("9999-12-31")!
        let complete = facts.flatMap { facts in
            try? HouseholdStatement.build(facts: facts, year: year, date: date,
                                          checkpoint: StatementCheckpoint(checkpoint: cp, signer: "", cosigners: []))
        }
        if facts != nil, complete == nil {
            // No statement of this household can be made from the ledger at that checkpoint:
            // it is not registered there, and a proof of it proves nothing of the ledger's.
            failures.append(.init(rule: .entryOmitted, location: "statement",
                                  detail: "household \(household) is not registered in the ledger at checkpoint \(cp.size)"))
        }
        if let expected = complete?.citedEntries {
            let proved = Set(inclusions.map(\.index))
            for record in expected where !proved.contains(record.seq) {
                // The proof leaves it out: whether the statement does too, printing it again says.
                failures.append(.init(rule: .entryOmitted, location: "proof",
                                      detail: "entry \(record.seq) (\(record.entry.kind.rawValue)) of household \(household) is in the ledger at checkpoint \(cp.size), and the proof does not prove it"))
            }
        }

        var entries = [Int64: (entry: Entry, hash: EntryHash)]()
        for inclusion in inclusions {
            let location = "proof entry \(inclusion.index)"
            guard let entry = try? Entry.decode(body: inclusion.body), entry.seq == inclusion.index else {
                failures.append(.init(rule: .bodyUnreadable, location: location,
                                      detail: "the body is not the entry with seq \(inclusion.index)"))
                continue
            }
            let leaf = inclusion.leafHash
            if inclusion.index >= cp.size {
                failures.append(.init(rule: .notIncluded, location: location, detail: "the checkpoint covers only \(cp.size) entries"))
                continue
            }
            do {
                try ProofVerifier.verifyInclusion(leafHash: leaf, index: Int(inclusion.index), size: Int(cp.size),
                                                  proof: inclusion.path, root: cp.root)
            } catch {
                failures.append(.init(rule: .notIncluded, location: location,
                                      detail: "the body (hash \(leaf.shortHex)) is not entry \(inclusion.index) of the checkpoint: \(error)"))
                continue
            }
            if let named = Self.households(of: entry), !named.contains(household) {
                failures.append(.init(rule: .wrongHousehold, location: location,
                                      detail: "the entry is for household \(named.joined(separator: " and ")), the proof for \(household)"))
            }
            entries[inclusion.index] = (entry, leaf)
        }
        guard let statementText else { return failures }
        guard extended else {
            // Only the amounts of the lines that cite an entry, and the totals, can be held to the
            // entries its proof holds, and its footer to the proof's checkpoint: its names, rules
            // and notes are the ledger's as it was, which is gone. (Which entries its lines cite,
            // and a voucher or account read off them, are left out: a table set row by row reads
            // otherwise, and would call a genuine statement changed.)
            let amounts: Set<StatementProofFailure.Rule> = [.amountMismatch, .totalMismatch, .totalMissing, .hashMismatch, .lineNotProved,
                                                            .reversalTargetMissing]
            return failures + Self.checkFooter(statementText, checkpoint, signer: trust.signer(of: checkpoint.note), nil)
                + checkLines(statementText, entries).filter { amounts.contains($0.rule) }
        }
        // As of a day to come (a day's grace for the time zones), it says what nobody can know.
        if let today = trust.today, date > today.adding(days: 1) {
            failures.append(.init(rule: .notAsPrinted, location: "statement",
                                  detail: "it is as of \(date), after today (\(today)): fenhong prints no statement as of a day to come"))
        }
        // A statement as of a day made at a checkpoint that was already behind that day (entries
        // of the household recorded before it came after the checkpoint) says less than the
        // ledger knew; one recorded that very day may have come after the statement was printed.
        for record in trust.facts?.entries(after: cp.size, recordedBefore: date) ?? [] {
            failures.append(.init(rule: .entryOmitted, location: "statement",
                                  detail: "entry \(record.seq) (\(record.entry.kind.rawValue)) of household \(household) was recorded on \(record.entry.at.date), before the statement's date \(date), but after checkpoint \(cp.size) it was made at"))
        }
        // When the statement can be printed again, whether it is the one printed settles it:
        // reading its figures would add only guesses (a reference wrapped in its column taken
        // for one left out). Without the file, its figures are read.
        if let rendering = checkRendering(trust, text: statementText, printed: printed) { return failures + rendering }
        let own = trust.facts?.entries.filter { $0.seq < cp.size }
        failures += checkIdentity(statementText, own.map { HouseholdStatement.identities(of: household, in: $0) })
        if let opening = trust.facts?.opening { failures += Self.checkHeading(statementText, opening) }
        failures += Self.checkFooter(statementText, checkpoint, signer: trust.signer(of: checkpoint.note), trust.cosignatures)
        if let own { failures += checkHoldings(statementText, own) }
        failures += checkLines(statementText, entries)
        return failures
    }

    /// The header's household number against the proof's, and its head, member count and ID
    /// number against those the household has had.
    private func checkIdentity(_ text: String, _ identities: [HouseholdIdentity]?) -> [StatementProofFailure] {
        var fields: [(label: String, allowed: [String])] = [(StatementLabels.household, [household])]
        if let identities {
            fields += [(StatementLabels.head, identities.map(\.head)), (StatementLabels.members, identities.map(\.members)),
                       (StatementLabels.idNumber, identities.map(\.idNumber))]
        }
        var failures = [StatementProofFailure]()
        for (label, allowed) in fields {
            guard let (number, printed) = StatementText.labelled(label, in: text) else {
                failures.append(.init(rule: .identityMismatch, location: "statement", detail: "it has no \(label) line"))
                continue
            }
            // Compared without spaces: text taken from a PDF may lose the one in "2 人".
            func words(_ text: String) -> String { text.filter { !$0.isWhitespace } }
            guard !allowed.map(words).contains(words(printed)) else { continue }
            let known = Array(Set(allowed)).sorted().map { MessageText.quoted($0) }.joined(separator: " or ")
            failures.append(.init(rule: .identityMismatch, location: "statement line \(number)",
                                  detail: "\(label) is printed \(MessageText.quoted(printed)); the ledger has \(known.isEmpty ? "no registration" : known) for household \(household)"))
        }
        return failures
    }

    /// The heading names the ledger's village and organisation: `白辛嘎查 分红明细单` and its
    /// organisation line, as the statement prints them (compared without spaces).
    static func checkHeading(_ text: String, _ opening: LedgerOpen) -> [StatementProofFailure] {
        func words(_ text: some StringProtocol) -> String { String(text.filter { !$0.isWhitespace }) }
        // The whole text without spaces or line ends: a long name wraps in large print.
        let all = words(text)
        var failures = [StatementProofFailure]()
        // A cooperative's, since layout 5, by its own name.
        if !all.contains(words(opening.village) + "分红明细单"), !all.contains(words(opening.org) + StatementLabels.cooperativeTitle) {
            failures.append(.init(rule: .identityMismatch, location: "statement",
                                  detail: "its heading does not name the village \(opening.village) of the ledger (\(opening.village) 分红明细单)"))
        }
        if !all.contains(words(opening.org)) {
            failures.append(.init(rule: .identityMismatch, location: "statement",
                                  detail: "it does not name the ledger's organisation, \(opening.org)"))
        }
        return failures
    }

    /// The footer against the proof's checkpoint: its size, origin, root and signer, and each
    /// cosigner line one the ledger has (a cosignature added since the statement was printed is
    /// no fault of it; one it never had is).
    static func checkFooter(_ text: String, _ signed: SignedCheckpoint, signer: String, _ cosignatures: [StatementCheckpoint.Cosigner]?) -> [StatementProofFailure] {
        func words(_ text: some StringProtocol) -> String { String(text.filter { !$0.isWhitespace }) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var failures = [StatementProofFailure]()
        func value(_ label: String, _ key: String) -> (number: Int, value: String)? {
            guard let index = lines.firstIndex(where: { $0.hasPrefix(label) && $0.contains(key) }) else { return nil }
            return (index + 1, lines[index].split(whereSeparator: \.isWhitespace).last.map(String.init) ?? "")
        }
        let cp = signed.checkpoint
        let expected = [("条目数", "Size", String(cp.size)), ("账本", "Origin", cp.origin),
                        ("签署", "Signer", signer)]
        for (label, key, want) in expected {
            guard let (number, found) = value(label, key) else {
                failures.append(.init(rule: .footerMismatch, location: "statement", detail: "it has no \(label) \(key) line"))
                continue
            }
            if found != want {
                failures.append(.init(rule: .footerMismatch, location: "statement line \(number)",
                                      detail: "\(label) \(key) is printed \(MessageText.quoted(found)); the proof's checkpoint has \(MessageText.quoted(want))"))
            }
        }
        if !words(text).contains(cp.root.hex) {
            failures.append(.init(rule: .footerMismatch, location: "statement", detail: "it does not print the root \(cp.root.hex) of the proof's checkpoint"))
        }
        if let cosignatures {
            let known = Set(cosignatures.map { words(StatementCheckpoint.note($0)) })
            for (index, line) in lines.enumerated() where line.hasPrefix(StatementCheckpoint.noteLabel) {
                // Large print may wrap the line once or twice.
                let wrapped = (0...2).map { extra in lines[index...min(index + extra, lines.count - 1)].map(words).joined() }
                if wrapped.contains(where: known.contains) { continue }
                failures.append(.init(rule: .footerMismatch, location: "statement line \(index + 1)",
                                      detail: "it names a cosignature the ledger does not have: \(MessageText.quoted(line))"))
            }
        }
        return failures
    }

    /// The holdings printed against those the household held on the date the statement is as of
    /// (`截至` in its subtitle).
    private func checkHoldings(_ text: String, _ own: [RecordedEntry]) -> [StatementProofFailure] {
        guard let date = StatementText.statementDate(in: text) else {
            return [.init(rule: .holdingsMismatch, location: "statement", detail: "it does not say which day it is as of (截至)")]
        }
        let held = HouseholdStatement.holdings(of: household, in: own, on: date)
        let expected = HouseholdStatement.printedHoldings(held)
        let (number, printed) = StatementText.holdings(in: text)
        func shown(_ rows: [String]) -> String { rows.isEmpty ? "none" : rows.joined(separator: ", ") }
        var failures = [StatementProofFailure]()
        if printed != expected {
            failures.append(.init(rule: .holdingsMismatch, location: number.map { "statement line \($0)" } ?? "statement",
                                  detail: "it prints holdings \(shown(printed)); the ledger gives \(shown(expected)) on \(date)"))
        }
        // A cooperative member's accounts, in yuan, in a section of their own.
        let accounts = HouseholdStatement.allHoldings(of: household, in: own, on: date).filter { ShareClass.accounts.contains($0.shareClass) }
        let expectedAccounts = accounts.map { ShareClass.displayName($0.shareClass) + Fen($0.units).formatted + "元" }
        let printedAccounts = StatementText.section(StatementLabels.accounts, in: text)
        if printedAccounts != expectedAccounts {
            failures.append(.init(rule: .holdingsMismatch, location: "statement",
                                  detail: "it prints accounts \(shown(printedAccounts)); the ledger gives \(shown(expectedAccounts)) on \(date)"))
        }
        return failures
    }

    /// The household an allocation or payment is for; nil for other kinds.
    static func households(of entry: Entry) -> [String]? {
        switch entry.payload {
        case .dividendAllocate(let a): [a.household]
        case .dividendPay(let p): [p.household]
        // A change of holdings the statement prints (since layout 5): the holder's, or either side's.
        case .sharesIssue(let c), .sharesRetire(let c): [c.holder]
        case .sharesTransfer(let t): [t.from, t.to]
        default: nil
        }
    }

    /// The amounts a statement line citing `entry` prints, left to right; nil when unknown.
    static func printedAmounts(_ entry: Entry, _ entries: [Int64: (entry: Entry, hash: EntryHash)]) -> [Fen]? {
        switch entry.payload {
        case .dividendDeclare(let d):
            let drawn = d.appropriations.reduce(Int64(0)) { $0 + $1.amount.value }
            return [d.distributable, Fen(drawn), d.pool]
        case .dividendAllocate(let a): return [a.amount]
        case .dividendPay(let p): return [p.amount]
        case .entryReverse(let r):
            switch entries[r.target]?.entry.payload {
            case .dividendPay(let p)?: return [Fen(-p.amount.value)]
            case .dividendDeclare(let d)?: return withdrawnAllocation(d.id, entries).map { [Fen(-$0.value)] }
            // A change of holdings reversed (since layout 5): no amount of money.
            case .sharesIssue?, .sharesRetire?, .sharesTransfer?: return []
            default: return nil
            }
        default: return []
        }
    }

    /// What distribution `id` allocated to the household, among the proved entries: what its
    /// withdrawal takes back.
    static func withdrawnAllocation(_ id: String, _ entries: [Int64: (entry: Entry, hash: EntryHash)]) -> Fen? {
        entries.values.lazy.compactMap { item -> Fen? in
            if case .dividendAllocate(let a) = item.entry.payload, a.id == id { a.amount } else { nil }
        }.first
    }

    private func checkLines(_ text: String, _ entries: [Int64: (entry: Entry, hash: EntryHash)]) -> [StatementProofFailure] {
        var failures = [StatementProofFailure]()
        var cited = Set<Int64>()
        let citing = StatementText.citingLines(text)
        let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in citing.enumerated() {
            // A payment's row shows the account it went to, on the citing line or on the lines
            // its row wraps onto (before it in large print, after it in a table).
            let from = i > 0 ? citing[i - 1].number : 0, to = i + 1 < citing.count ? citing[i + 1].number - 1 : textLines.count
            let rowLines = textLines[from..<to]
            /// Whether the row's lines show `text`: as a word of its own (a cell, or a large-print
            /// `header：value`), so that a short reference is not found inside a hash; or, for a
            /// longer one (with spaces or a colon of its own, or wrapped in its column), as its
            /// first and last halves in the row's text without spaces.
            func shows(_ text: String) -> Bool {
                if rowLines.contains(where: { row in
                    // "（" too: a share is printed "10（含保底2,000.00）".
                    row.split(whereSeparator: { $0.isWhitespace || $0 == "：" || $0 == "\u{3000}" || $0 == "（" }).contains { $0 == text }
                }) { return true }
                let bare = text.filter { !$0.isWhitespace }
                guard bare.count >= 6 else { return false }
                let row = String(rowLines.joined().filter { !$0.isWhitespace })
                return row.contains(bare) || (row.contains(String(bare.prefix(bare.count / 2))) && row.contains(String(bare.suffix(bare.count - bare.count / 2))))
            }
            switch entries[line.seq]?.entry.payload {
            case .dividendPay(let p)?:
                let account = HouseholdStatement.printedAccount(p)
                if !rowLines.contains(where: { $0.contains(account) }) {
                    failures.append(.init(rule: .accountMismatch, location: "statement line \(line.number)",
                                          detail: "entry \(line.seq) was paid to \(account), which its lines do not show"))
                }
                if !shows(p.reference) {
                    failures.append(.init(rule: .detailMismatch, location: "statement line \(line.number)",
                                          detail: "entry \(line.seq) records the reference \(p.reference), which its lines do not show"))
                }
            case .dividendAllocate(let a)?:
                // Units as printed, or 交易额 in yuan: either is a word of its own.
                let share = String(a.units), volume = "交易额" + Fen(a.units).formatted
                if !shows(share) && !shows(volume) {
                    failures.append(.init(rule: .detailMismatch, location: "statement line \(line.number)",
                                          detail: "entry \(line.seq) allocates by a share of \(share), which its lines do not show"))
                }
            default: break
            }
            let location = "statement line \(line.number)"
            guard let (entry, hash) = entries[line.seq] else {
                failures.append(.init(rule: .lineNotProved, location: location,
                                      detail: "it cites entry \(line.seq), which the proof does not prove"))
                continue
            }
            cited.insert(line.seq)
            if hash.shortHex != line.shortHash {
                failures.append(.init(rule: .hashMismatch, location: location,
                                      detail: "it prints hash \(line.shortHash) for entry \(line.seq), whose hash is \(hash.shortHex)"))
            }
            guard let expected = Self.printedAmounts(entry, entries) else {
                failures.append(.init(rule: .reversalTargetMissing, location: location,
                                      detail: "entry \(line.seq) reverses a payment the proof does not include"))
                continue
            }
            let printed = Array(line.amounts.suffix(expected.count))
            if printed != expected {
                failures.append(.init(rule: .amountMismatch, location: location,
                                      detail: "it prints \(printed.map(\.formatted).joined(separator: " ")), entry \(line.seq) records \(expected.map(\.formatted).joined(separator: " "))"))
            }
        }
        for index in entries.keys.sorted() where !cited.contains(index) {
            failures.append(.init(rule: .entryNotOnStatement, location: "proof entry \(index)",
                                  detail: "no line of the statement cites it"))
        }

        // Totals from the proved entries.
        var owed: Int64 = 0, paid: Int64 = 0
        for (entry, _) in entries.values {
            switch entry.payload {
            case .dividendAllocate(let a): owed += a.amount.value
            case .dividendPay(let p): paid += p.amount.value
            case .entryReverse(let r):
                switch entries[r.target]?.entry.payload {
                case .dividendPay(let p)?: paid -= p.amount.value
                case .dividendDeclare(let d)?: owed -= Self.withdrawnAllocation(d.id, entries)?.value ?? 0
                default: break
                }
            default: break
            }
        }
        for (label, total) in [(StatementLabels.owed, Fen(owed)), (StatementLabels.paid, Fen(paid)),
                               (StatementLabels.outstanding, Fen(owed - paid))] {
            for (key, expected) in [(label, total.formatted), (label + StatementLabels.capitalSuffix, total.capitalNumerals)] {
                guard let (number, value) = StatementText.labelled(key, in: text) else {
                    failures.append(.init(rule: .totalMissing, location: "statement", detail: "it has no \(key) line"))
                    continue
                }
                if value != expected {
                    failures.append(.init(rule: .totalMismatch, location: "statement line \(number)",
                                          detail: "\(key) is printed \(value), the proved entries give \(expected)"))
                }
            }
        }
        return failures
    }
}
