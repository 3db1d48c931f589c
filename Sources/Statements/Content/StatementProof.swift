import Foundation
import LedgerCore

/// The machine-readable proof written beside a statement (`<name>.proof.txt`): for every entry a
/// line of the statement cites, a C2SP `tlog-proof` block (https://c2sp.org/tlog-proof) — the
/// entry's exact body as the block's `extra` data, its `index` and its audit path — and, once at
/// the end, the signed checkpoint every block proves against.
///
/// ```
/// fenhong.statement-proof/v1
/// household 152223-001
/// year 2024                       (only when the statement is for one year)
///
/// c2sp.org/tlog-proof@v1
/// extra <base64 of the entry body, exactly as stored>
/// index 7
/// <base64 audit path hash, leaf sibling first>
/// …
///
/// c2sp.org/tlog-proof@v1
/// …
///
/// fenhong/152223/baixin
/// 12
/// <base64 root>
///
/// — baixin-accountant <base64 signature>
/// ```
///
/// Where tlog-proof repeats the checkpoint after every block, this file gives it once: each block
/// followed by the checkpoint is a tlog-proof as C2SP specifies it. The entry hash is
/// SHA-256(0x00 ‖ body), so the body is what the `extra` line must reconstruct the leaf from; a
/// verifier trusts it only after the inclusion proof has checked it.
public struct StatementProof: Sendable, Equatable {
    /// One entry and its audit path.
    public struct Inclusion: Sendable, Equatable {
        /// The entry's seq, its leaf index.
        public var index: Int64
        /// The entry body, exactly as stored (canonical JSON).
        public var body: [UInt8]
        /// The RFC 9162 audit path in the checkpoint's tree, leaf sibling first.
        public var path: [TreeHash]

        /// Creates an inclusion block.
        public init(index: Int64, body: [UInt8], path: [TreeHash]) {
            self.index = index
            self.body = body
            self.path = path
        }

        /// The leaf hash the body gives, SHA-256(0x00 ‖ body).
        public var leafHash: EntryHash { Entry.hash(body: body) }
    }

    /// The first line of the file.
    public static let header = "fenhong.statement-proof/v1"
    /// The first line of each block (C2SP tlog-proof).
    public static let blockHeader = "c2sp.org/tlog-proof@v1"
    /// The most blocks a proof may hold: far more than one household's statement cites.
    public static let inclusionsMax = 100_000
    /// The longest audit path accepted (a tree of 2^63 leaves).
    public static let pathLengthMax = 63
    /// The largest proof file read, in bytes.
    public static let sizeMax = 64 * 1024 * 1024

    /// The household the statement is for.
    public var household: String
    /// The year the statement shows, or nil for all years: what a complete statement cites
    /// depends on it.
    public var year: Int?
    /// The day the statement is as of (nil in proofs made before it was written): what a
    /// complete statement cites depends on it too, when the proof is checked alone.
    public var date: LedgerDate?
    /// One block per cited entry, in seq order.
    public var inclusions: [Inclusion]
    /// The checkpoint every block proves against, with its signatures as stored.
    public var checkpoint: SignedCheckpoint

    /// Creates a proof from its parts.
    public init(household: String, year: Int? = nil, date: LedgerDate? = nil, inclusions: [Inclusion], checkpoint: SignedCheckpoint) {
        self.household = household
        self.year = year
        self.date = date
        self.inclusions = inclusions
        self.checkpoint = checkpoint
    }

    /// Proves every entry `statement` prints (``HouseholdStatement/provedEntries``), with bodies from `body(seq)` and paths from `tree`,
    /// against `checkpoint`. Throws what `tree` or `body` throws.
    public static func make<Reader: SubtreeHashReader>(
        statement: HouseholdStatement, checkpoint: SignedCheckpoint, tree: MerkleTree<Reader>,
        body: (Int64) throws -> [UInt8]
    ) throws -> StatementProof {
        let size = Int(checkpoint.checkpoint.size)
        let inclusions = try statement.provedEntries.map { record in
            Inclusion(index: record.seq, body: try body(record.seq),
                      path: try tree.inclusionProof(index: Int(record.seq), size: size))
        }
        return StatementProof(household: statement.household, year: statement.year, date: statement.date, inclusions: inclusions,
                              checkpoint: checkpoint)
    }

    /// The file's text.
    public var serialized: String {
        var text = Self.header + "\nhousehold \(household)\n" + (year.map { "year \($0)\n" } ?? "") + (date.map { "date \($0)\n" } ?? "")
        for inclusion in inclusions {
            text += "\n" + Self.blockHeader + "\n"
            text += "extra " + Data(inclusion.body).base64EncodedString() + "\n"
            text += "index \(inclusion.index)\n"
            for hash in inclusion.path { text += Data(hash.bytes).base64EncodedString() + "\n" }
        }
        return text + "\n" + checkpoint.note.serialized
    }
}

/// Why a proof file could not be read; the line is 1-based.
public struct StatementProofFormatError: Error, Equatable, CustomStringConvertible {
    /// The line at fault.
    public var line: Int
    /// What is wrong with it.
    public var reason: String

    /// One sentence naming the line.
    public var description: String { "proof line \(line): \(reason)" }
}

extension StatementProof {
    /// Parses a proof file; throws naming the first line that does not follow the format.
    public init(parsing text: String) throws(StatementProofFormatError) {
        guard text.utf8.count <= Self.sizeMax else { throw .init(line: 1, reason: "the file is larger than \(Self.sizeMax) bytes") }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var at = 0
        func fail(_ reason: String) -> StatementProofFormatError { .init(line: at + 1, reason: reason) }
        guard lines.first == Self.header else { at = 0; throw fail("expected \"\(Self.header)\"") }
        at = 1
        guard at < lines.count, lines[at].hasPrefix("household "), lines[at].count > 10 else {
            throw fail("expected \"household <number>\"")
        }
        let household = String(lines[at].dropFirst(10))
        at += 1
        var year: Int?
        if at < lines.count, lines[at].hasPrefix("year ") {
            guard let value = Int(lines[at].dropFirst(5)), (1900...9999).contains(value) else { throw fail("expected \"year <YYYY>\"") }
            year = value
            at += 1
        }
        var date: LedgerDate?
        if at < lines.count, lines[at].hasPrefix("date ") {
            guard let value = LedgerDate(String(lines[at].dropFirst(5))) else { throw fail("expected \"date <YYYY-MM-DD>\"") }
            date = value
            at += 1
        }
        var inclusions = [Inclusion]()
        while at < lines.count, lines[at].isEmpty, at + 1 < lines.count, lines[at + 1] == Self.blockHeader {
            at += 2
            guard inclusions.count < Self.inclusionsMax else { throw fail("more than \(Self.inclusionsMax) blocks") }
            guard at < lines.count, lines[at].hasPrefix("extra "),
                  let body = Data(base64Encoded: String(lines[at].dropFirst(6))), !body.isEmpty
            else { throw fail("expected \"extra <base64 entry body>\"") }
            at += 1
            guard at < lines.count, lines[at].hasPrefix("index "), let index = Int64(lines[at].dropFirst(6)),
                  index >= 0, String(index) == lines[at].dropFirst(6)
            else { throw fail("expected \"index <seq>\" in decimal without leading zeros") }
            at += 1
            var path = [TreeHash]()
            while at < lines.count, !lines[at].isEmpty {
                guard path.count < Self.pathLengthMax else { throw fail("an audit path longer than \(Self.pathLengthMax) hashes") }
                guard let raw = Data(base64Encoded: lines[at]), let hash = TreeHash(bytes: raw) else {
                    throw fail("expected a base64 SHA-256 hash")
                }
                path.append(hash)
                at += 1
            }
            inclusions.append(Inclusion(index: index, body: [UInt8](body), path: path))
        }
        guard at < lines.count, lines[at].isEmpty, at + 1 < lines.count else { throw fail("expected a blank line, then the checkpoint") }
        at += 1
        let note = lines[at...].joined(separator: "\n")
        do {
            checkpoint = try SignedCheckpoint(parsing: note)
        } catch {
            throw fail("the checkpoint cannot be read: \(error)")
        }
        self.household = household
        self.year = year
        self.date = date
        self.inclusions = inclusions
    }
}
