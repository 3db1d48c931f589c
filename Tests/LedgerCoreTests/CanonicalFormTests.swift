import LedgerCore
import SeededRandom
import Testing

/// The parser's note of canonical form agrees with re-encoding, on every body that decodes.
struct CanonicalFormTests {
    private func agree(_ text: String) throws -> Bool? {
        let bytes = Array(text.utf8)
        guard let (entry, canonical) = try? Entry.decodeNotingForm(body: bytes) else { return nil }
        #expect(canonical == (entry.canonicalBody() == bytes), "parser says \(canonical) for \(text)")
        return canonical
    }

    /// Every sample body is canonical; each way of writing the same entry differently is not.
    @Test func variantsOfEveryKind() throws {
        var entries = EntrySamples.chain(EntrySamples.everyKind)
        // A body with a control character, a quote, a backslash and characters beyond U+FFFF.
        entries.append(Entry(seq: 99, prev: .zero, at: EntrySamples.time, by: EntrySamples.accountant.id,
                             payload: .incomeRecord(CashFlow(amount: Fen(1), category: "a\u{1}b\"c\\d/😀", counterparty: "户\t", date: EntrySamples.day))))
        var nonCanonical = 0
        for entry in entries {
            let text = String(decoding: entry.canonicalBody(), as: UTF8.self)
            #expect(try agree(text) == true)
            let variants = [
                text.replacingOccurrences(of: ",", with: ", "),                  // whitespace
                " " + text, text + "\n",                                          // around the value
                text.replacingOccurrences(of: "\"v\":1", with: "\"v\" : 1"),
                text.replacingOccurrences(of: "/", with: "\\/"),                   // an escape the encoder never writes
                text.replacingOccurrences(of: "a", with: "\\u0061"),
                text.replacingOccurrences(of: "\\u0001", with: "\\u0001".uppercased()),
                text.replacingOccurrences(of: "\\t", with: "\\u0009"),
                text.replacingOccurrences(of: "😀", with: "\\ud83d\\ude00"),
                Self.swapFirstTwoMembers(text),                                   // order
            ]
            for variant in variants where variant != text {
                if try agree(variant) == false { nonCanonical += 1 }
            }
        }
        #expect(nonCanonical > 40)
    }

    /// Seeded byte mutations of canonical bodies: whenever one still decodes, the two agree.
    @Test func randomMutationsAgree() throws {
        var generator = SplitMix64(seed: 20261129)
        let bodies = EntrySamples.chain(EntrySamples.everyKind).map { $0.canonicalBody() }
        var decodable = 0
        for _ in 0..<20_000 {
            var bytes = bodies[Int(generator.next() % UInt64(bodies.count))]
            generator.mutate(&bytes, inserting: [0x20, 0x0A, 0x5C, 0x2F, 0x2C, 0x22])
            if try agree(String(decoding: bytes, as: UTF8.self)) != nil, String(validating: bytes, as: UTF8.self) != nil { decodable += 1 }
        }
        print("CanonicalFormTests: \(decodable) of 20000 mutations still decoded (seed 20261129)")
        #expect(decodable > 100)
    }

    private static func swapFirstTwoMembers(_ text: String) -> String {
        // {"a":…,"b":…} → {"b":…,"a":…} for the first two members, which are simple values here.
        let body = text.dropFirst().dropLast()
        var parts = body.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return text }
        parts.swapAt(0, 1)
        return "{" + parts.joined(separator: ",") + "}"
    }
}

extension SplitMix64 {
    /// One seeded byte mutation of `bytes`: insert one of `insertions`, remove a byte, or replace
    /// one with one of `replacements` (any byte when nil).
    mutating func mutate(_ bytes: inout [UInt8], inserting insertions: [UInt8], replacing replacements: [UInt8]? = nil) {
        let at = Int(next() % UInt64(bytes.count))
        switch next() % 3 {
        case 0: bytes.insert(insertions[Int(next() % UInt64(insertions.count))], at: at)
        case 1: bytes.remove(at: at)
        default:
            if let replacements { bytes[at] = replacements[Int(next() % UInt64(replacements.count))] }
            else { bytes[at] = UInt8(truncatingIfNeeded: next()) }
        }
    }
}
