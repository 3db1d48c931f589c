import LedgerCore

/// One ledger entry as a statement cites it: its position, its hash and what it says.
public struct RecordedEntry: Sendable, Equatable {
    /// The entry, decoded.
    public var entry: Entry
    /// Its entry hash, SHA-256(0x00 ‖ body): the leaf the statement's proof proves.
    public var hash: EntryHash

    /// Pairs an entry with its stored hash.
    public init(entry: Entry, hash: EntryHash) {
        self.entry = entry
        self.hash = hash
    }

    /// The entry's position in the ledger.
    public var seq: Int64 { entry.seq }
    /// The first 8 hex digits of the hash, as statements print it.
    public var shortHash: String { hash.shortHex }
}

/// The checkpoint a statement or posting is made against, as printed in its footer.
public struct StatementCheckpoint: Sendable, Equatable {
    /// The name a footer prints as the signer of `note`: the first of `keys` whose signature on
    /// it verifies (the first line's name only when none does, and the check then rejects it).
    public static func signer(of note: SignedNote, among keys: [NoteVerifierKey]) -> String {
        keys.first { note.isSigned(by: $0) }?.name ?? note.signatures.first?.name ?? ""
    }

    /// An inspector who cosigned a checkpoint covering the statement.
    public struct Cosigner: Sendable, Equatable {
        /// The inspector key's name.
        public var name: String
        /// The size of the checkpoint the inspector cosigned.
        public var size: Int64
        /// When the inspector cosigned, POSIX seconds.
        public var time: UInt64?

        /// Names an inspector and what they cosigned.
        public init(name: String, size: Int64, time: UInt64? = nil) {
            self.name = name
            self.size = size
            self.time = time
        }
    }

    /// The checkpoint itself (origin, size, root).
    public var checkpoint: Checkpoint
    /// The accountant key that signed it.
    public var signer: String
    /// Inspectors who cosigned it or an earlier checkpoint, oldest size first.
    public var cosigners: [Cosigner]

    /// Describes the checkpoint a document is made against.
    public init(checkpoint: Checkpoint, signer: String, cosigners: [Cosigner] = []) {
        self.checkpoint = checkpoint
        self.signer = signer
        self.cosigners = cosigners
    }

    /// The footer's line for one cosigner: `监督小组联署 Cosigned：name，检查点 N（date）`.
    public static func note(_ cosigner: Cosigner) -> String {
        var note = "\(noteLabel) Cosigned：\(cosigner.name)，检查点 \(cosigner.size)"
        if let time = cosigner.time { note += "（\(LedgerTime(secondsSinceEpoch: Int64(clamping: time)).date.text)）" }
        return note
    }

    /// What a cosigner's footer line begins with.
    public static let noteLabel = "监督小组联署"

    /// The footer every document prints: origin, size, root in hex, signer, and one note per cosigner.
    func footer(extraNotes: [String]) -> StatementDocument.VerificationFooter {
        let cosigned = cosigners.map(Self.note)
        // For a listener: who signed and cosigned, and whom to ask, without names of keys or commands.
        var spoken = ["本明细单由会计签署，账本共\(String(Fen(checkpoint.size * 100).spokenChinese.dropLast()))条记录。"]
        if let last = cosigners.last {
            spoken.append("村务监督小组已联署核验" + (last.time.map { "，日期" + LedgerTime(secondsSinceEpoch: Int64(clamping: $0)).date.chinese } ?? "") + "。")
        }
        spoken.append("如需核对，请村务监督小组用分红账本核验本明细单。")
        return .init(origin: checkpoint.origin, treeSize: Int(checkpoint.size), rootFingerprint: checkpoint.root.hex,
                     signer: signer, notes: cosigned + extraNotes, spoken: spoken)
    }
}

/// Everything the ledger says about one household, as the statement builder needs it.
///
/// The caller (the `statement` command) fetches these from the store; the builder reads nothing
/// itself. Entries beyond the checkpoint's size are ignored, so a statement says exactly what the
/// checkpoint covers.
public struct HouseholdFacts: Sendable {
    /// Entry 0: organisation, village, origin.
    public var opening: LedgerOpen
    /// The household number (户号).
    public var household: String
    /// The household's registration, updates, share entries, allocations and payments, the
    /// declarations of those distributions and of those that passed over its 扶贫股
    /// (``passingOverPovertyShares(_:own:declarations:)``), and every reversal of one of them; any order.
    public var entries: [RecordedEntry]
    /// How each distribution of the ledger was divided (``LedgerState/divisions``): the whole
    /// ledger's, for the rate per share a statement prints is every household's.
    public var divisions: [String: DistributionDivision]

    /// Collects the facts of one household.
    public init(opening: LedgerOpen, household: String, entries: [RecordedEntry], divisions: [String: DistributionDivision] = [:]) {
        self.opening = opening
        self.household = household
        self.entries = entries
        self.divisions = divisions
    }

    /// The household's entries beyond a checkpoint of `size`, in seq order; with `date`, only
    /// those recorded before it: what a statement as of `date` made at that checkpoint would
    /// leave out (one recorded that very day may have come after the statement was printed).
    public func entries(after size: Int64, recordedBefore date: LedgerDate? = nil) -> [RecordedEntry] {
        entries.filter { record in record.seq >= size && (date.map { record.entry.at.date < $0 } ?? true) }.sorted { $0.seq < $1.seq }
    }

    /// The reversal that withdrew the household's latest registration before a checkpoint of
    /// `size` (it was registered by mistake: it has no statement there), or nil.
    public func withdrawal(before size: Int64) -> Int64? {
        let covered = entries.filter { $0.seq < size }.sorted { $0.seq < $1.seq }
        guard let registration = covered.last(where: { $0.entry.kind == .householdRegister }) else { return nil }
        return covered.first { if case .entryReverse(let r) = $0.entry.payload { r.target == registration.seq } else { false } }?.seq
    }
}

/// How payment channels are printed and read.
enum ChannelName {
    static func chinese(_ channel: PaymentChannel) -> String {
        switch channel {
        case .bank: "银行卡"
        case .card: "一卡通"
        case .cash: "现金"
        }
    }
}
