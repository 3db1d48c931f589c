import Bench
import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier
import Testing

/// Seeded random-mutation fuzzing of every parser that reads what a user or an adversary hands
/// over. Each mutated input must be accepted or refused with a typed error whose description is
/// one non-empty line, within a bounded time; a crash stops the run (replay it with the printed
/// seed). No libFuzzer: the mutations are the usual ones (see ``Mutator``), starting from the
/// small committed ``Corpus``.
struct FuzzTests {
    /// Mutated inputs per target: 5,000 by default (under a second each, bundles excepted),
    /// 100,000 with FENHONG_LONG=1, or FENHONG_FUZZ_ITERATIONS.
    static let iterations = ProcessInfo.processInfo.environment["FENHONG_FUZZ_ITERATIONS"].flatMap { Int($0) }
        ?? (Reliability.long ? 100_000 : 5_000)
    /// The longest any one input may take: a debug build on a two-core machine that the rest of
    /// the suite keeps busy, where an input of 150 ms alone once took 2.7 s. A hang or a
    /// quadratic blow-up still shows.
    static let secondsMax = 5.0

    /// Amounts: `Fen.parse` accepts only amounts within ±Fen.max and refuses the rest with a one-line MoneyError.
    @Test func amounts() {
        var fuzz = Fuzz("Fen.parse", corpus: Corpus.amounts.map { Array($0.utf8) })
        fuzz.run { bytes, _ in
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let fen = try Fen.parse(text, allowNegative: bytes.count % 2 == 0)
                guard fen.value.magnitude <= Fen.max.value.magnitude else { return .finding("accepted \(fen.value) beyond Fen.max") }
                return .accepted
            } catch let error as MoneyError {
                return .refused("\(error)")
            } catch {
                return .finding("untyped error \(type(of: error)): \(error)")
            }
        }
    }

    /// Canonical JSON and entries: the parser and `Entry.decode` refuse with one-line typed errors; a decoded entry re-encodes to a body that decodes to the same entry.
    @Test func jsonAndEntries() {
        var fuzz = Fuzz("JSONParser + Entry.decode", corpus: Corpus.entries.split(separator: "\n").map { Array($0.utf8) })
        fuzz.run { bytes, _ in
            do {
                _ = try JSONParser.parse(bytes)
            } catch let error as JSONParser.Error {
                guard (0...bytes.count).contains(error.offset) else { return .finding("offset \(error.offset) outside the input") }
                if !Reliability.isOneLine("\(error)") { return .refused("\(error)") }
            } catch {
                return .finding("untyped error \(type(of: error)): \(error)")
            }
            do {
                let entry = try Entry.decode(body: bytes)
                guard try Entry.decode(body: entry.canonicalBody()) == entry else { return .finding("the canonical body decodes differently") }
                return .accepted
            } catch let error as EntryError {
                return .refused("\(error)")
            } catch {
                return .finding("untyped error \(type(of: error)): \(error)")
            }
        }
    }

    /// Signed notes and checkpoints: refused with one-line NoteErrors; a parsed note re-parses from its serialisation, and checking its signatures never traps.
    @Test func notesAndCheckpoints() {
        let keys = Corpus.vkeys.compactMap { try? NoteVerifierKey(vkey: $0) }
        var fuzz = Fuzz("SignedNote + SignedCheckpoint", corpus: Corpus.checkpoints.values.map { Array($0.utf8) })
        fuzz.run { bytes, _ in
            do {
                let note = try SignedNote(parsing: String(decoding: bytes, as: UTF8.self))
                guard try SignedNote(parsing: note.serialized) == note else { return .finding("the serialised note parses differently") }
                for key in keys {
                    _ = note.isSigned(by: key)
                    _ = note.cosignatureTime(by: key)
                }
                _ = try SignedCheckpoint(note: note)
                return .accepted
            } catch let error as NoteError {
                return .refused("\(error)")
            } catch {
                return .finding("untyped error \(type(of: error)): \(error)")
            }
        }
    }

    /// Public and private keys: `NoteVerifierKey(vkey:)` and `NoteSigner(skey:)` refuse with one-line NoteErrors and never accept a key whose ID does not match.
    @Test func keys() throws {
        let skey = try SyntheticLedger(entries: 1, seed: 1).accountant.skey
        var fuzz = Fuzz("NoteVerifierKey + NoteSigner", corpus: (Corpus.vkeys + [skey]).map { Array($0.utf8) })
        fuzz.run { bytes, _ in
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                if text.hasPrefix("PRIVATE+KEY+") {
                    let signer = try NoteSigner(skey: text)
                    guard NoteVerifierKey.keyID(name: signer.name, algorithm: signer.verifier.algorithm, key: signer.key.verifyingKey) == signer.id
                    else { return .finding("accepted a private key whose ID does not match") }
                } else {
                    let key = try NoteVerifierKey(vkey: text)
                    guard try NoteVerifierKey(vkey: key.vkey) == key else { return .finding("the vkey re-parses differently") }
                }
                return .accepted
            } catch let error as NoteError {
                return .refused("\(error)")
            } catch {
                return .finding("untyped error \(type(of: error)): \(error)")
            }
        }
    }

    /// CSV as Excel writes it, in UTF-8 or GB18030: refused with one-line CSVErrors naming the file.
    @Test func csv() {
        let corpus = [[0xEF, 0xBB, 0xBF] + Array(Corpus.householdsCSV.utf8), Array(Corpus.householdsCSV.utf8),
                      [UInt8](Data(base64Encoded: Corpus.sharesCSVGB18030Base64)!)]
        var fuzz = Fuzz("CSVTable", corpus: corpus)
        fuzz.run { bytes, _ in
            do {
                let table = try CSVTable(file: "households.csv", bytes: bytes)
                _ = table.records.count
                return .accepted
            } catch let error as CSVError {
                guard error.file == "households.csv" else { return .finding("the error names \(error.file)") }
                return .refused("\(error)")
            } catch {
                return .finding("untyped error \(type(of: error)): \(error)")
            }
        }
    }

    /// Bundles: a mutated `entries.jsonl` or checkpoint is reported as problems, each one line, or refused with a one-line SourceError; a mutated `entries.jsonl` never verifies.
    @Test func bundles() throws {
        let folder = try Reliability.folder("fuzz-bundle")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/checkpoints", withIntermediateDirectories: true)
        let entries = Array(Corpus.entries.utf8)
        try Data(entries).write(to: URL(fileURLWithPath: folder + "/entries.jsonl"))
        for (size, note) in Corpus.checkpoints {
            try Data(note.utf8).write(to: URL(fileURLWithPath: "\(folder)/checkpoints/\(size).txt"))
        }
        try Data(Corpus.vkeys[0].utf8 + [0x0A]).write(to: URL(fileURLWithPath: folder + "/keys.txt"))
        let intact = try Verifier.verify(BundleSource(folder: folder))
        #expect(intact.ok && intact.size == 19 && intact.checkpoints == 6)

        // The first input of the corpus is entries.jsonl; the others are checkpoints by size.
        let sizes = Corpus.checkpoints.keys.sorted()
        var fuzz = Fuzz("BundleSource", corpus: [entries] + sizes.map { Array(Corpus.checkpoints[$0]!.utf8) })
        // A whole verification per input (~6 ms, ~20 under load): 2,000 by default keeps CI short.
        fuzz.iterations = Self.iterations * 2 / 5
        fuzz.run { bytes, original in
            let file = original == entries ? "entries.jsonl" : "checkpoints/\(sizes[sizes.firstIndex { Array(Corpus.checkpoints[$0]!.utf8) == original }!]).txt"
            let path = folder + "/" + file
            try? Data(bytes).write(to: URL(fileURLWithPath: path))
            defer { try? Data(original).write(to: URL(fileURLWithPath: path)) }
            do {
                let report = try Verifier.verify(BundleSource(folder: folder))
                if let bad = report.problems.first(where: { !Reliability.isOneLine($0.description) }) { return .refused(bad.description) }
                if report.ok {
                    let trimmed = bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes
                    if file == "entries.jsonl", trimmed != Array(entries.dropLast()) { return .finding("a changed entries.jsonl verifies") }
                    return .accepted
                }
                return .refused(report.problems[0].description)
            } catch let error as SourceError {
                return .refused(error.description)
            } catch {
                return .finding("untyped error \(type(of: error)): \(error)")
            }
        }
    }
}

/// One fuzz target: runs mutated inputs, times each, collects what is wrong.
struct Fuzz {
    /// What one input did.
    enum Outcome {
        case accepted
        /// Refused with this message, which must be one non-empty line.
        case refused(String)
        /// A property broken.
        case finding(String)
    }

    let name: String
    let corpus: [[UInt8]]
    var iterations = FuzzTests.iterations

    init(_ name: String, corpus: [[UInt8]]) {
        self.name = name
        self.corpus = corpus
    }

    mutating func run(_ body: (_ input: [UInt8], _ original: [UInt8]) throws -> Outcome) rethrows {
        let seed = Reliability.seed("fuzz \(name)")
        var mutator = Mutator(seed: seed, corpus: corpus)
        var accepted = 0, refused = 0, slowest = 0.0
        var findings = [String]()
        let start = ContinuousClock.now
        for iteration in 0..<iterations {
            let (original, input) = mutator.next()
            let began = ContinuousClock.now
            let outcome = try body(input, original)
            let seconds = Reliability.seconds(since: began)
            slowest = max(slowest, seconds)
            var finding: String?
            switch outcome {
            case .accepted: accepted += 1
            case .refused(let message):
                refused += 1
                if !Reliability.isOneLine(message) { finding = "the message is not one line: \(message.debugDescription)" }
            case .finding(let what): finding = what
            }
            if seconds > FuzzTests.secondsMax { finding = "took \(seconds) s" }
            if let finding, findings.count < 5 {
                findings.append("iteration \(iteration): \(finding); input \(String(decoding: input.prefix(300), as: UTF8.self).debugDescription)")
            }
        }
        print("fuzz \(name): \(iterations) inputs in \(String(format: "%.1f", Reliability.seconds(since: start))) s, "
              + "\(accepted) accepted, \(refused) refused, slowest \(String(format: "%.1f", slowest * 1000)) ms")
        #expect(findings.isEmpty, "fuzz \(name) (seed \(seed)):\n\(findings.joined(separator: "\n"))")
        #expect(accepted + refused == iterations)
    }
}
