import Foundation
@testable import LedgerCore
import SeededRandom
import Testing

/// The scanner's fast path and the full parser read every body alike: the same entry and form,
/// or the same error.
struct FlatObjectScannerTests {
    private enum Outcome: Equatable {
        case read(Entry, canonical: Bool)
        case refused(String)
    }

    private func outcome(_ read: () throws(EntryError) -> (entry: Entry, canonical: Bool)) -> Outcome {
        do {
            let (entry, canonical) = try read()
            return .read(entry, canonical: canonical)
        } catch {
            return .refused("\(error)")
        }
    }

    private func scans(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { body in
            withUnsafeTemporaryAllocation(of: FlatObjectScanner.Value.self, capacity: FieldSlots.capacity) {
                FlatObjectScanner.scan(body, into: $0) != nil
            }
        }
    }

    /// Flat bodies take the fast path; bodies with arrays or objects (ledger.open, dividend.declare)
    /// take the parser; both decode to the entry that was encoded.
    @Test func samplesTakeTheRightPath() throws {
        let entries = EntrySamples.chain(EntrySamples.everyKind)
        var fast = [String]()
        for entry in entries {
            let body = entry.canonicalBody()
            let decoded = try Entry.decodeNotingForm(body: body)
            #expect(decoded.entry == entry)
            #expect(decoded.canonical)
            if scans(body) { fast.append(entry.kind.rawValue) }
        }
        #expect(fast.count == 14)
        #expect(!fast.contains("ledger.open") && !fast.contains("dividend.declare"))
    }

    /// What the scanner declines: not canonical, escaped, nested, broken, or a name that is no
    /// field of the format.
    @Test func declinesAllButCanonicalFlatObjects() {
        let declined = [
            #"{"at":1, "by":2}"#, #" {"at":1}"#, #"{"at":1}\#n"#, #"{"by":1,"at":2}"#, #"{"at":1,"at":2}"#,
            #"{"at":"x\"y"}"#, #"{"a\u0074":1}"#, #"{"at":[1]}"#, #"{"at":{}}"#, #"{"at":01}"#, #"{"at":-0}"#,
            #"{"at":1.5}"#, #"{"at":9007199254740992}"#, #"{"at":tru}"#, #"{"at":1,}"#, #"{"at":1"#, #"["at"]"#,
            #"{"户":1}"#, "{\"at\":\"\u{1}\"}", #"{"a":1}"#, #"{"at":1,"atx":2}"#, #"{"amount":1,"at":2,"b":3}"#,
        ]
        for text in declined { #expect(!scans(Array(text.utf8)), "\(text)") }
        #expect(!scans([0x7B, 0x22, 0x61, 0x74, 0x22, 0x3A, 0x22, 0xC0, 0x80, 0x22, 0x7D]))   // overlong UTF-8
        let accepted = [
            #"{}"#, #"{"amount":1,"at":-9007199254740991,"by":true,"class":false,"date":null,"head":"陈梅 😀"}"#,
            #"{"appropriations":1,"distributable":2,"household":3,"recordDate":4,"village":5}"#,
        ]
        for text in accepted { #expect(scans(Array(text.utf8)), "\(text)") }
    }

    /// Every name of the format has its own slot, in canonical order, and is found by its bytes.
    @Test func everyFieldNameHasItsSlot() {
        #expect(FieldSlots.names == CanonicalJSON.sortedKeys(FieldSlots.names))
        #expect(Set(FieldSlots.names).count == FieldSlots.count)
        #expect(FieldSlots.count == 49)
        for (slot, name) in FieldSlots.names.enumerated() {
            #expect(FieldSlots.slot(of: name) == slot, "\(name)")
            #expect(FieldName(rawValue: slot)?.text == name)
        }
        for other in ["", "a", "ats", "householdy", "househol", "referencf", "appropriationsx", "appropriations-x", "Household"] {
            #expect(FieldSlots.slot(of: other) == -1, "\(other)")
        }
    }

    /// A byte that must stop the scan of a string — quote, backslash, control, beyond ASCII —
    /// is seen at every offset of a long string, whichever eight-byte word it falls in.
    @Test func seesEveryByteOfALongString() {
        let plain = Array("abcdefghijklmnopqrstuvwxyz0123".utf8)
        #expect(scans(Array(#"{"at":""#.utf8) + plain + Array(#""}"#.utf8)))
        for offset in plain.indices {
            for (byte, accepted) in [(UInt8(0x22), false), (0x5C, false), (0x01, false), (0x1F, false), (0x7F, true), (0x80, false)] {
                var value = plain
                value[offset] = byte
                let body = Array(#"{"at":""#.utf8) + value + Array(#""}"#.utf8)
                #expect(scans(body) == accepted, "byte \(byte) at \(offset)")
            }
            var chinese = plain
            chinese.replaceSubrange(offset..<offset + 1, with: Array("梅".utf8))
            #expect(scans(Array(#"{"at":""#.utf8) + chinese + Array(#""}"#.utf8)), "梅 at \(offset)")
        }
    }

    /// A member whose name is a field's with a byte more, less or changed is no field: both paths
    /// find the field missing.
    @Test func namesSharingEightBytesAreApart() {
        let payment = EntrySamples.chain(EntrySamples.everyKind).first { $0.kind == .dividendPay }!
        let body = String(decoding: payment.canonicalBody(), as: UTF8.self)
        for (name, renamed) in [("household", "householdy"), ("household", "househol"), ("reference", "referencf"), ("id", "i")] {
            let mutated = Array(body.replacingOccurrences(of: "\"\(name)\":", with: "\"\(renamed)\":").utf8)
            let fast = outcome { () throws(EntryError) in try Entry.decodeNotingForm(body: mutated) }
            #expect(fast == .refused("\(EntryError.missingField(kind: "dividend.pay", field: name))"), "\(renamed)")
            #expect(fast == outcome { () throws(EntryError) in try Entry.decodeParsing(body: mutated) })
        }
    }

    /// Each body through one decoder, after the body before.
    private func streamed(_ body: [UInt8], _ decoder: inout EntryDecoder) -> Outcome {
        outcome { () throws(EntryError) in
            try body.withUnsafeBytes { bytes in
                Result { () throws(EntryError) in try decoder.decodeNotingForm(bytes: bytes) }
            }.get()
        }
    }

    /// A decoder that has just read a payment keeps its names; a name at the same place that
    /// differs by a byte — in its first word, its second, its end, or where the body ends — is
    /// not taken for the name kept there.
    @Test func keptNamesDecideNothing() {
        let payment = EntrySamples.chain(EntrySamples.everyKind).first { $0.kind == .dividendPay }!
        let body = String(decoding: payment.canonicalBody(), as: UTF8.self)
        for (name, renamed) in [("household", "householdy"), ("household", "househol"), ("reference", "referencf"),
                                ("id", "i"), ("account", "bccount"), ("v", "w"), ("seq", "seqq")] {
            var decoder = EntryDecoder()
            #expect(streamed(Array(body.utf8), &decoder) == .read(payment, canonical: true))
            let mutated = Array(body.replacingOccurrences(of: "\"\(name)\":", with: "\"\(renamed)\":").utf8)
            #expect(streamed(mutated, &decoder) == outcome { () throws(EntryError) in try Entry.decodeParsing(body: mutated) }, "\(renamed)")
            #expect(streamed(Array(body.utf8), &decoder) == .read(payment, canonical: true), "\(renamed), then intact")
        }
        // A body that ends inside the name kept for its place.
        var decoder = EntryDecoder()
        for text in [#"{"at":1,"v":1}"#, #"{"at":1,"v""#, #"{"at":1,"v":"#, #"{"at":1,"v"#] {
            let body = Array(text.utf8)
            #expect(streamed(body, &decoder) == outcome { () throws(EntryError) in try Entry.decodeParsing(body: body) }, "\(text)")
        }
    }

    /// Seeded byte mutations of every sample: the two readings give the same outcome, word for word.
    @Test func mutationsReadAlike() {
        var generator = SplitMix64(seed: 20261130)
        let bodies = EntrySamples.chain(EntrySamples.everyKind).map { $0.canonicalBody() }
        var fast = 0
        var decoder = EntryDecoder()  // one for all: each body after the one before
        for _ in 0..<20_000 {
            var bytes = bodies[Int(generator.next() % UInt64(bodies.count))]
            let alphabet: [UInt8] = [0x20, 0x22, 0x2C, 0x30, 0x31, 0x2D, 0x5C, 0x7B, 0x5B, 0x61, 0x41, 0x80, 0xE6]
            generator.mutate(&bytes, inserting: alphabet, replacing: alphabet)
            if scans(bytes) { fast += 1 }
            let body = bytes
            let parsed = outcome { () throws(EntryError) in try Entry.decodeParsing(body: body) }
            #expect(outcome { () throws(EntryError) in try Entry.decodeNotingForm(body: body) } == parsed)
            #expect(streamed(body, &decoder) == parsed)
        }
        #expect(fast > 1_000)
    }
}
