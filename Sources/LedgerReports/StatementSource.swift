import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import MerkleLog
import Statements

/// Why a statement could not be made or checked: one sentence naming the input at fault.
public struct ReportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Reads what statements need from a ledger.
public enum StatementSource {
    /// The checkpoint of `size`, or the latest.
    public static func checkpoint(_ reader: LedgerReader, size: Int64?) throws -> SignedCheckpoint {
        guard let size else { return try reader.latestCheckpoint() }
        guard let checkpoint = try reader.checkpoint(size: size) else {
            throw ReportError("--size \(size): the ledger has no checkpoint of that size")
        }
        return checkpoint
    }

    /// The proof of `statement` against `signed`: each cited body with its audit path, read from
    /// the ledger.
    public static func proof(_ reader: LedgerReader, _ statement: HouseholdStatement, _ signed: SignedCheckpoint,
                             tree: MerkleTree<SQLiteSubtreeReader>? = nil) throws -> StatementProof {
        try StatementProof.make(statement: statement, checkpoint: signed, tree: tree ?? MerkleTree(reader: reader.subtreeReader)) { seq in
            guard let body = try reader.body(seq: seq) else { throw ReportError("entry \(seq) is missing from the ledger") }
            return body
        }
    }

    /// The proof of a printed statement that came without its proof file, made again from the
    /// ledger: for the household, checkpoint size, year and date the statement prints (户号,
    /// 条目数 Size, 2024 年度 or 全部年度, 截至). Checked against it, every figure the statement
    /// prints is held to the ledger as that checkpoint recorded it.
    public static func proof(rebuiltFor statementText: String, ledgerPath: String) throws -> StatementProof {
        let printed = try PrintedIdentity(statementText)
        return try LedgerStore.open(path: ledgerPath, readOnly: true).withReader { reader in
            if case .ledgerOpen(let opening)? = try reader.entry(seq: 0)?.payload { try printed.requireOrigin(opening.origin) }
            guard let signed = try reader.checkpoint(size: printed.size) else { throw NotOfThisLedger(printed.noCheckpoint(in: "ledger", size: try reader.size())) }
            let statement = try NotOfThisLedger.building {
                try HouseholdStatement.build(facts: try facts(scanning: reader, household: printed.household), year: printed.year,
                                             date: printed.date, checkpoint: footer(reader, signed))
            }
            return try proof(reader, statement, signed)
        }
    }

    /// As ``proof(rebuiltFor:ledgerPath:)``, from an exported bundle: it holds every body and
    /// checkpoint, so a statement brought alone is checked against a bundle as against a ledger.
    public static func proof(rebuiltFor statementText: String, bundle: String) throws -> StatementProof {
        let printed = try PrintedIdentity(statementText)
        let contents = try BundleContents(folder: bundle)
        try printed.requireOrigin(contents.opening.origin)
        guard let text = contents.checkpoints.last(where: { $0.size == printed.size })?.note,
              let signed = try? SignedCheckpoint(parsing: text) else {
            throw NotOfThisLedger(printed.noCheckpoint(in: "bundle", size: Int64(contents.records.count)))
        }
        let statement = try NotOfThisLedger.building {
            try HouseholdStatement.build(
                facts: facts(in: contents.records, opening: contents.opening, household: printed.household, divisions: contents.state.divisions), year: printed.year,
                date: printed.date, checkpoint: footer(signed, opening: contents.opening, keyEntries: contents.keyEntries, checkpoints: contents.checkpoints))
        }
        return try StatementProof.make(statement: statement, checkpoint: signed, tree: MerkleTree(reader: contents.hashes)) { seq in
            guard seq >= 0, seq < contents.bodies.count else { throw ReportError("entry \(seq) is missing from the bundle") }
            return contents.bodies[Int(seq)]
        }
    }

    /// Why a statement cannot be of the ledger or bundle it is checked against: another origin,
    /// a checkpoint it never had, a household it does not register. The statement is rejected,
    /// not the check left undone.
    public struct NotOfThisLedger: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }

        /// `build`'s statement, its household not registered there taken as this error.
        static func building(_ build: () throws -> HouseholdStatement) throws -> HouseholdStatement {
            do { return try build() } catch let error as StatementError { throw NotOfThisLedger("\(error)") }
        }
    }

    /// What a statement prints of the proof it was printed with: household (户号), checkpoint
    /// size (条目数), date (截至) and year (`2024 年度`, or 全部年度 for all).
    public struct PrintedIdentity: Sendable {
        public let household: String, size: Int64, date: LedgerDate, year: Int?
        /// The ledger it names (账本 Origin), if it prints one.
        let origin: Substring?

        public init(_ statementText: String) throws {
            guard let household = StatementText.labelled(StatementLabels.household, in: statementText)?.value,
                  let size = printedSize(statementText),
                  let date = StatementText.statementDate(in: statementText)
            else { throw ReportError("the statement does not print its household, date and checkpoint size (户号, 截至, 条目数), so its proof cannot be made again; give its proof file") }
            (self.household, self.size, self.date, year) = (household, size, date, StatementText.statementYear(in: statementText))
            origin = StatementText.labelled("账本", in: statementText)?.value.split(separator: " ").last
        }

        /// Refuses a ledger or bundle of another origin than the statement names.
        func requireOrigin(_ actual: String) throws {
            guard let origin, origin != actual else { return }
            throw NotOfThisLedger("the statement is of ledger \(origin), not of \(actual): check it against its own ledger")
        }

        /// Why a proof cannot be made again in a ledger or bundle without the checkpoint printed.
        /// `size`: how many entries the source holds. One shorter than the checkpoint printed may
        /// have been cut since: said first, for it is no fault of the household's paper.
        func noCheckpoint(in source: String, size held: Int64) -> String {
            let which = "the statement prints checkpoint \(size) (条目数 Size), which the \(source) does not have"
            guard held < size else { return which + ": it is no statement of this \(source), or its size was changed" }
            return which + ": the \(source) holds \(held) entries, so it was cut short since the statement was printed (keep the statement, and verify "
                + "the \(source) against a checkpoint kept from before: fenhong verify --trusted), or the statement's size was changed"
        }

        /// True when `proof` is of this very statement: its household, checkpoint, year and date.
        public func matches(_ proof: StatementProof) -> Bool {
            proof.household == household && proof.checkpoint.checkpoint.size == size && proof.year == year && proof.date == date
        }
    }

    /// The checkpoint size a statement prints (条目数 Size 16), if it prints one.
    public static func printedSize(_ statementText: String) -> Int64? {
        StatementText.labelled("条目数", in: statementText)?.value.split(separator: " ").last.flatMap { Int64($0) }
    }

    /// Every valid inspector cosignature among `checkpoints` no larger than `size`, by the
    /// inspector keys `keyEntries` add — on a note that is the checkpoint of its own size and of
    /// ledger `origin` (a cosigned note copied under another size vouches for nothing there).
    /// `keyEntries` are the ledger's `key.add` and `key.retire` entries: an inspector cosigns a
    /// checkpoint only in service — added below it, and not retired before its last entry.
    static func cosignatures(keyEntries: [Entry], checkpoints: [(Int64, String)], upTo size: Int64, origin: String) -> [StatementCheckpoint.Cosigner] {
        var inspectors: [(key: NoteVerifierKey, added: Int64, retired: Int64?)] = []
        for entry in keyEntries {
            switch entry.payload {
            case .keyAdd(let change) where change.role == .inspector:
                if let key = try? NoteVerifierKey(vkey: change.key) { inspectors.append((key, entry.seq, nil)) }
            case .keyRetire(let change):
                for i in inspectors.indices where inspectors[i].key.vkey == change.key && inspectors[i].retired == nil { inspectors[i].retired = entry.seq }
            default: break
            }
        }
        guard !inspectors.isEmpty else { return [] }
        var found = [StatementCheckpoint.Cosigner]()
        for (checkpointSize, text) in checkpoints where checkpointSize <= size {
            guard let signed = try? SignedCheckpoint(parsing: text), signed.note.signatures.count > 1,
                  signed.checkpoint.size == checkpointSize, signed.checkpoint.origin == origin else { continue }
            for inspector in inspectors where inspector.added < checkpointSize && inspector.retired.map({ checkpointSize <= $0 }) ?? true {
                if let time = signed.note.cosignatureTime(by: inspector.key) {
                    found.append(.init(name: inspector.key.name, size: checkpointSize, time: time))
                }
            }
        }
        return found
    }

    /// The checkpoint as a footer prints it: the accountant whose signature on it verifies, and
    /// each inspector's latest cosignature on a checkpoint no larger than it.
    public static func footer(_ reader: LedgerReader, _ signed: SignedCheckpoint) throws -> StatementCheckpoint {
        guard case .ledgerOpen(let opening)? = try reader.entry(seq: 0)?.payload else {
            throw ReportError("the ledger does not start with ledger.open")
        }
        let keyEntries = (try reader.entries(kind: .keyAdd) + reader.entries(kind: .keyRetire)).sorted { $0.seq < $1.seq }
        return footer(signed, opening: opening, keyEntries: keyEntries, checkpoints: try reader.checkpoints())
    }

    /// As ``footer(_:_:)``, from entry 0, the key entries and the checkpoints (size, note) of a ledger.
    static func footer(_ signed: SignedCheckpoint, opening: LedgerOpen, keyEntries: [Entry], checkpoints: [(size: Int64, note: String)]) -> StatementCheckpoint {
        var latest = [String: StatementCheckpoint.Cosigner]()
        for cosigner in cosignatures(keyEntries: keyEntries, checkpoints: checkpoints.map { ($0.size, $0.note) },
                                     upTo: signed.checkpoint.size, origin: opening.origin) {
            if latest[cosigner.name].map({ $0.size <= cosigner.size }) ?? true { latest[cosigner.name] = cosigner }
        }
        // The name of a signature that verifies, not merely the first line's: a line added above
        // the accountant's would name anyone.
        let accountants = ([opening.key] + keyEntries.compactMap { entry -> String? in
            guard case .keyAdd(let change) = entry.payload, change.role == .accountant else { return nil }
            return change.key
        }).compactMap { try? NoteVerifierKey(vkey: $0) }
        return StatementCheckpoint(checkpoint: signed.checkpoint, signer: StatementCheckpoint.signer(of: signed.note, among: accountants),
                                   cosigners: latest.values.sorted { ($0.size, $0.name) < ($1.size, $1.name) })
    }

    /// One household's facts, by index (a single statement on a large ledger).
    public static func facts(_ reader: LedgerReader, household: String) throws -> HouseholdFacts {
        guard case .ledgerOpen(let opening)? = try reader.entry(seq: 0)?.payload else {
            throw ReportError("the ledger does not start with ledger.open")
        }
        let own = try reader.hashedEntries(household: household)
        let ids = Set(own.compactMap { item -> String? in
            switch item.entry.payload {
            case .dividendAllocate(let a): a.id
            case .dividendPay(let p): p.id
            default: nil
            }
        })
        let seqs = Set(own.map(\.entry.seq))
        let everyDeclaration = try reader.hashedEntries(kind: .dividendDeclare).map { RecordedEntry(entry: $0.entry, hash: $0.hash) }
        let ownRecords = own.map { RecordedEntry(entry: $0.entry, hash: $0.hash) }
        // Those it was allocated by or paid from, and those that passed over its 扶贫股.
        let passing = Set(HouseholdFacts.passingOverPovertyShares(household, own: ownRecords, declarations: everyDeclaration).map(\.seq))
        let declarations = everyDeclaration.filter { record in
            if case .dividendDeclare(let d) = record.entry.payload { return ids.contains(d.id) || passing.contains(record.seq) }
            return false
        }
        // Reversals of its own entries, and of those declarations (withdrawn).
        let cited = seqs.union(declarations.map(\.seq))
        let reversals = try reader.hashedEntries(kind: .entryReverse).filter { item in
            if case .entryReverse(let r) = item.entry.payload { return cited.contains(r.target) }
            return false
        }.map { RecordedEntry(entry: $0.entry, hash: $0.hash) }
        let records = ownRecords + declarations + reversals
        return HouseholdFacts(opening: opening, household: household, entries: records, divisions: try divisions(reader))
    }

    /// How each distribution of the ledger was divided (the rate per share a statement or posting
    /// prints is every household's): the rules' judgement of every entry, replayed.
    public static func divisions(_ reader: LedgerReader) throws -> [String: DistributionDivision] {
        var state = LedgerState.judgingDivisions
        try reader.forEachHashedEntry { entry, _ in _ = state.apply(entry) }
        return state.divisions
    }

    /// One household's facts found in every body, not through the ledger's indexes: what a check
    /// rests on. An index is data derived from the bodies that verify does not read, and a
    /// forger can rebuild one to leave a payment out of what fenhong finds for a household.
    static func facts(scanning reader: LedgerReader, household: String) throws -> HouseholdFacts {
        var records = [RecordedEntry]()
        var state = LedgerState.judgingDivisions
        try reader.forEachHashedEntry { entry, hash in
            _ = state.apply(entry)
            if HouseholdFacts.mayConcern(entry, household: household) { records.append(RecordedEntry(entry: entry, hash: hash)) }
        }
        guard case .ledgerOpen(let opening)? = records.first?.entry.payload else {
            throw ReportError("the ledger does not start with ledger.open")
        }
        return facts(in: records, opening: opening, household: household, divisions: state.divisions)
    }

    /// Household `household`'s facts among `records`, in order: every entry of the ledger, or
    /// those that may concern it with the whole ledger's `divisions`.
    static func facts(in records: [RecordedEntry], opening: LedgerOpen, household: String,
                      divisions: [String: DistributionDivision]) -> HouseholdFacts {
        HouseholdFacts.collect(from: records, divisions: divisions)?.facts[household]
            ?? HouseholdFacts(opening: opening, household: household, entries: [], divisions: divisions)
    }

    /// `base` without its extension, then `suffix`: `chen.txt` → `chen.proof.txt`.
    public static func sibling(of base: String, suffix: String) -> String {
        // Not NSString's path methods, which trap on one-character names in this Foundation.
        let name = base.lastIndex(of: "/").map { base.index(after: $0) } ?? base.startIndex
        guard let dot = base[name...].lastIndex(of: "."), dot > name else { return base + suffix }
        return String(base[..<dot]) + suffix
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        // Not synced to the disk file by file, as Foundation's Data.write does: a statement is
        // printed again from the ledger at will, and 10,000 syncs took a third of a batch's time.
        // Never through a link: one left in a statements folder would have the file written
        // wherever it points (another village's folder, a user's file).
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)  // less the umask, as any new file
        guard fd >= 0 else { throw ReportError("cannot write \(path): \(OutputFile.whyNotCreatable(path))") }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                written += n
            }
            return true
        }
        guard close(fd) == 0, complete else { throw ReportError("cannot write \(path): \(OutputFile.whyNotCreatable(path))") }
    }

    /// The most a statement or proof file holds: a statement of 60 payments is 20 KB as a PDF,
    /// its proof a few KB more per entry; a file far larger is none (refused before it is read).
    static let fileLimit = (bytes: 64 << 20, what: "a statement or its proof")

    /// A proof file as fenhong wrote it, from one a text editor saved again: without a
    /// byte-order mark, with Unix line ends, and ending in one (the signed note's last line
    /// must), so that the signature is checked over the bytes it was made over.
    public static func readProof(_ path: String) throws -> String {
        var text = String(decoding: try InputFile.contents(of: path, limit: Self.fileLimit), as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// A statement file: its text (as is, from HTML, or from a PDF through pdftotext), and its
    /// format and bytes, to compare with the statement printed again from the ledger.
    public static func statement(_ path: String) throws -> (text: String, printed: PrintedStatement) {
        let bytes = try InputFile.contents(of: path, limit: Self.fileLimit)
        if path.lowercased().hasSuffix(".pdf") || bytes.starts(with: Array("%PDF-".utf8)) {
            guard let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: FileManager.default.isExecutableFile) else {
                throw ReportError("cannot read the text of \(path): pdftotext is not installed (apt-get install poppler-utils)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: pdftotext)
            process.arguments = ["-layout", path, "-"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw ReportError("pdftotext could not read \(path)") }
            // pdftotext starts each page after the first with a form feed, on the page's first
            // line: a line break, so that a page's first line reads as any other.
            return (String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n"),
                    PrintedStatement(format: .pdf, bytes: bytes))
        }
        // A text saved by Notepad (Chinese Notepad's "ANSI" is GB18030) or a word processor: as
        // UTF-8, without its byte-order mark, with Unix line ends and plain spaces.
        let utf8: [UInt8]
        do {
            utf8 = try CSVEncoding.decode(bytes).utf8
        } catch .utf16 {
            throw ReportError("\(path) is UTF-16 text (Notepad's \"Unicode\"); save it as UTF-8")
        } catch {
            throw ReportError("\(path) is neither UTF-8 nor GB18030 text: \(error)")
        }
        var text = String(decoding: utf8, as: UTF8.self)
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
        // Saved with a classic Mac's line ends, carriage returns alone: they end its lines.
        if !text.contains("\n") { text = text.replacingOccurrences(of: "\r", with: "\n") }
        let isHTML = text.prefix(64).lowercased().contains("<!doctype html") || text.prefix(64).lowercased().hasPrefix("<html")
        // An HTML page is compared as it lies: one saved in another encoding than the UTF-8 its
        // <meta charset> declares shows garbled in a browser.
        return isHTML ? (StatementText.plainLines(html: text), PrintedStatement(format: .html, bytes: bytes))
                      : (text, PrintedStatement(format: .text, bytes: utf8))
    }

    /// The ledger as it stands: its accountant keys, size, root and a consistency proof — the
    /// tree recomputed from the bodies (each held to its stored hash), not read from the stored
    /// nodes, which a forger could leave as they were while rewriting an entry.
    public static func trust(ledgerPath: String, proof: StatementProof) throws -> StatementProofTrust {
        try LedgerStore.open(path: ledgerPath, readOnly: true).withReader { reader in
            // Read once, keeping of a million entries only what this household's statement and
            // the keys need: the state replays all, the tree holds every hash.
            var state = LedgerState.judgingDivisions
            var hashes = InMemorySubtreeHashes()
            var records: [RecordedEntry] = []
            try reader.forEachHashedEntry { entry, hash in
                _ = state.apply(entry)  // judged, for the divisions; what is wrong is verify's to say
                hashes.append(hash)
                if HouseholdFacts.mayConcern(entry, household: proof.household) { records.append(RecordedEntry(entry: entry, hash: hash)) }
            }
            guard let opening = state.opening else { throw ReportError("the ledger does not start with ledger.open") }
            let facts = facts(in: records, opening: opening, household: proof.household, divisions: state.divisions)
            return try trust(opening: opening, state: state, tree: MerkleTree(reader: hashes), size: hashes.size, proof: proof, facts: facts,
                             checkpoints: try reader.checkpoints().map { (size: $0.0, note: $0.1) },
                             keyEntries: records.map(\.entry).filter { $0.kind == .keyAdd || $0.kind == .keyRetire })
        }
    }

    /// The bundle as it stands: entries.jsonl rebuilt into a tree, keys from its entries.
    public static func trust(bundle: String, proof: StatementProof) throws -> StatementProofTrust {
        let contents = try BundleContents(folder: bundle)
        let facts = facts(in: contents.records, opening: contents.opening, household: proof.household, divisions: contents.state.divisions)
        return try trust(opening: contents.opening, state: contents.state, tree: MerkleTree(reader: contents.hashes),
                         size: contents.hashes.size, proof: proof, facts: facts, checkpoints: contents.checkpoints, keyEntries: contents.keyEntries)
    }

    public static func trust<R: SubtreeHashReader>(
        opening: LedgerOpen, state: LedgerState, tree: MerkleTree<R>, size: Int, proof: StatementProof, facts: HouseholdFacts?,
        checkpoints: [(size: Int64, note: String)], keyEntries: [Entry]
    ) throws -> StatementProofTrust {
        let proofSize = proof.checkpoint.checkpoint.size
        let (vouched, through) = try vouchedKeys(state, origin: opening.origin, tree: tree, size: size, checkpoints: checkpoints)
        let keys = vouched.filter { $0.isValid(at: max(0, proofSize - 1)) }.map(\.key)
        // Signed for: what a vouched checkpoint covers, and what the proof's does (which the
        // check holds to a vouched key) — later checkpoints deleted cannot shorten it.
        let signedThrough = max(through, proofSize)
        let consistency = proofSize >= 1 && Int(proofSize) <= size ? try tree.consistencyProof(from: Int(proofSize), to: size) : nil
        let head = Checkpoint(origin: opening.origin, size: Int64(size), root: try tree.root(size: size))
        // Entries no vouched checkpoint covers were signed for by no accountant: they neither
        // stand on a statement nor make a statement printed before them stale.
        let signedFacts = facts.map { HouseholdFacts(opening: $0.opening, household: $0.household, entries: $0.entries.filter { $0.seq < signedThrough },
                                                     divisions: $0.divisions.filter { $0.value.end <= signedThrough }) }
        var trust = StatementProofTrust(origin: opening.origin, accountantKeys: keys, head: head, consistency: consistency,
                                        facts: signedFacts)
        // Only inspectors whose key.add the accountants signed for: one appended after the last
        // checkpoint, under the real inspector's name, would cosign anything.
        trust.cosignatures = cosignatures(keyEntries: keyEntries.filter { $0.seq < signedThrough }, checkpoints: checkpoints.map { ($0.size, $0.note) },
                                          upTo: proofSize, origin: opening.origin)
        return trust
    }
}

extension StatementSource {
    /// Why the ledger (or bundle) at hand does not extend each of `kept`, checkpoints the
    /// inspector or household kept (named in the reason when given a name), or nil when it
    /// extends them all: of its origin, at least as long, and with the same root at each kept
    /// size, recomputed from the bodies. Only this tells the ledger the
    /// statement was printed from from one made afresh under the same origin with another key.
    static func notExtending(_ kept: [(name: String?, checkpoint: SignedCheckpoint)], against: StatementCheck.Against) throws -> String? {
        var hashes = InMemorySubtreeHashes(), origin = "", keys: [String] = []
        func noteKey(_ entry: Entry) {
            switch entry.payload {
            case .ledgerOpen(let opening) where entry.seq == 0: (origin, keys) = (opening.origin, keys + [opening.key])
            case .keyAdd(let change) where change.role == .accountant: keys.append(change.key)
            default: break
            }
        }
        switch against {
        case .bundle(let bundle):
            let contents = try BundleContents(folder: bundle)
            hashes = contents.hashes
            for record in contents.records { noteKey(record.entry) }
        case .ledger(let ledgerPath):
            try LedgerStore.open(path: ledgerPath, readOnly: true).withReader { reader in
                try reader.forEachHashedEntry { entry, hash in
                    noteKey(entry)
                    hashes.append(hash)
                }
            }
        }
        let accountants = keys.compactMap { try? NoteVerifierKey(vkey: $0) }
        for (name, kept) in kept {
            let named = { (why: String) in name.map { "\(why) (the checkpoint kept in \($0))" } ?? why }
            let checkpoint = kept.checkpoint
            guard checkpoint.origin == origin else { return named("the kept checkpoint is of \(checkpoint.origin), the ledger is \(origin)") }
            // As verify takes a kept checkpoint: signed by an accountant key the ledger names.
            guard accountants.contains(where: { kept.note.isSigned(by: $0) }) else {
                return named("the kept checkpoint carries no valid signature by an accountant key of this ledger")
            }
            guard checkpoint.size <= Int64(hashes.size) else {
                return named("the kept checkpoint covers \(checkpoint.size) entries, the ledger has \(hashes.size): it was cut short")
            }
            let root = try MerkleTree(reader: hashes).root(size: Int(checkpoint.size))
            guard root == checkpoint.root else {
                return named("the ledger's first \(checkpoint.size) entries have root \(root.hex), the kept checkpoint \(checkpoint.root.hex): the ledger was rewritten since, or is another")
            }
        }
        return nil
    }

    /// The accountant keys a statement's checkpoint may be signed with: entry 0's, and each one
    /// a later `key.add` names only once a checkpoint that holds that entry — its root the
    /// tree's at its size — was signed by a key vouched for before, as verify holds every entry
    /// to a checkpoint signed by its key. A key that no such checkpoint vouches for (a forger's
    /// `key.add`, its checkpoint deleted) signs nothing a statement rests on.
    /// With them, `through`: the size of the largest checkpoint a vouched key signed — every
    /// entry below it (an inspector's `key.add` too) is one the ledger's accountants signed for.
    static func vouchedKeys<R: SubtreeHashReader>(
        _ state: LedgerState, origin: String, tree: MerkleTree<R>, size: Int, checkpoints: [(size: Int64, note: String)]
    ) throws -> (keys: [LedgerState.KeyRecord], through: Int64) {
        let accountants = state.keys.values.filter { $0.role == .accountant }.sorted { $0.addedAt < $1.addedAt }
        var vouched = accountants.filter { $0.addedAt == 0 }
        var pending = accountants.filter { $0.addedAt > 0 }
        func isSignedByVouched(_ checkpointSize: Int64, _ text: String) throws -> Bool {
            guard checkpointSize >= 1, checkpointSize <= Int64(size), let signed = try? SignedCheckpoint(parsing: text),
                  signed.checkpoint.size == checkpointSize, signed.checkpoint.origin == origin,
                  signed.checkpoint.root == (try tree.root(size: Int(checkpointSize))) else { return false }
            return vouched.contains { $0.addedAt < checkpointSize && $0.isValid(at: checkpointSize - 1) && signed.note.isSigned(by: $0.key) }
        }
        let ordered = checkpoints.sorted { $0.size < $1.size }
        for (checkpointSize, text) in ordered where !pending.isEmpty {
            guard try isSignedByVouched(checkpointSize, text) else { continue }
            vouched += pending.filter { $0.addedAt < checkpointSize }
            pending.removeAll { $0.addedAt < checkpointSize }
        }
        let through = try ordered.reversed().first { try isSignedByVouched($0.size, $0.note) }?.size ?? 0
        return (vouched, through)
    }
}

/// Everything a statement is checked with, read from an exported bundle as the verifier reads
/// one (line ends and all): every body, decoded and hashed, and every checkpoint.
struct BundleContents {
    var bodies: [[UInt8]] = []
    var records: [RecordedEntry] = []
    var hashes = InMemorySubtreeHashes()
    /// Replayed with the rules judged (``LedgerState/judgingDivisions``), for the divisions.
    var state = LedgerState.judgingDivisions
    var checkpoints: [(size: Int64, note: String)] = []
    let opening: LedgerOpen

    /// The `key.add` and `key.retire` entries, in order.
    var keyEntries: [Entry] { records.map(\.entry).filter { $0.kind == .keyAdd || $0.kind == .keyRetire } }

    init(folder: String) throws {
        let path = folder + "/entries.jsonl"
        var bodies: [[UInt8]] = [], records: [RecordedEntry] = [], hashes = InMemorySubtreeHashes(), state = LedgerState.judgingDivisions
        var checkpoints: [(size: Int64, note: String)] = []
        try BundleSource(folder: folder).read { snapshot in
            var cursor = try snapshot.checkpoints()
            while let checkpoint = try cursor.next() { if let note = checkpoint.note { checkpoints.append((checkpoint.size, note)) } }
            try snapshot.forEachEntry { seq, raw, _ in
                let body = [UInt8](raw)
                let hash = Entry.hash(body: body)
                let entry: Entry
                do {
                    entry = try Entry.decode(body: body)
                } catch {
                    throw ReportError("\(path) line \(seq + 1): \(error)")
                }
                // The tree is built in line order, the statement by the seq each body gives: the
                // two must agree, or a line appended with an old seq would be read into the past.
                let position = Int64(records.count)
                guard entry.seq == position else {
                    throw ReportError("\(path) line \(position + 1) is entry \(entry.seq), not entry \(position): entries are missing, out of order or added; run fenhong verify on the bundle")
                }
                _ = state.apply(entry)
                records.append(RecordedEntry(entry: entry, hash: hash))
                bodies.append(body)
                hashes.append(hash)
            }
        }
        guard let opening = state.opening else { throw ReportError("\(path) does not start with ledger.open") }
        (self.bodies, self.records, self.hashes, self.state, self.checkpoints, self.opening) = (bodies, records, hashes, state, checkpoints, opening)
    }
}
