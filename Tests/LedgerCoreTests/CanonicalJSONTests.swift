@testable import LedgerCore
import SeededRandom
import Testing

/// The restricted RFC 8785 canonical form and its strict parser.
struct CanonicalJSONTests {
    private func canonical(_ text: String) throws -> String {
        String(decoding: CanonicalJSON.encode(try JSONParser.parse(Array(text.utf8))), as: UTF8.self)
    }

    /// Keys are sorted, whitespace removed, integers written plainly.
    @Test func sortsKeysAndDropsWhitespace() throws {
        #expect(try canonical(#"{ "b": 1, "a": [true, false, null], "c": {"z": -5, "y": "x"} }"#)
            == #"{"a":[true,false,null],"b":1,"c":{"y":"x","z":-5}}"#)
    }

    /// Non-ASCII keys sort by UTF-16 code units (RFC 8785 §3.2.3), not by UTF-8 bytes.
    @Test func nonASCIIKeyOrderUsesUTF16() throws {
        // "😀" is U+1F600 = UTF-16 D83D DE00; "דּ" is U+FB33. By UTF-8 bytes (F0… vs EF…) דּ sorts first; by UTF-16 😀 does.
        #expect(try canonical(#"{"דּ":1,"😀":2,"户":3,"a":4}"#) == #"{"a":4,"户":3,"😀":2,"דּ":1}"#)
    }

    /// Control characters use the short escapes or \u00xx in lowercase; other characters stay literal.
    @Test func escapesControlCharacters() throws {
        let value = JSONValue.string("a\"b\\c\u{08}\u{0C}\n\r\t\u{01}\u{1F}/陈梅\u{2028}")
        #expect(String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
            == "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f/陈梅\u{2028}\"")
        #expect(try canonical(#""\u0041\u00e9\/""#) == #""Aé/""#)
    }

    /// Round trip: parse(encode(v)) == v and encode is stable.
    @Test func roundTrips() throws {
        let value = JSONValue.object(["k": .array([.integer(9_007_199_254_740_991), .integer(-9_007_199_254_740_991), .string("白辛"), .object([:])])])
        let bytes = CanonicalJSON.encode(value)
        #expect(try JSONParser.parse(bytes) == value)
        #expect(CanonicalJSON.encode(try JSONParser.parse(bytes)) == bytes)
    }

    /// Floats, exponents, big integers, -0, leading zeros, duplicates, bad UTF-8 and trailing data are refused.
    @Test(arguments: [
        "1.5", "1e3", "9007199254740992", "-0", "01", #"{"a":1,"a":2}"#, "[1,]", #""\ud800""#, "\"a\u{01}\"", "{} x", "", "tru",
    ])
    func rejectsWhatTheFormatForbids(_ text: String) {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    /// Invalid UTF-8 (a lone continuation byte, an overlong form) is refused.
    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse([0x22, 0x80, 0x22]) }
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse([0x22, 0xC0, 0xAF, 0x22]) }
    }

    /// Nesting beyond the named limit is refused rather than recursing without bound.
    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: JSONParser.Error.self) { try JSONParser.parse(Array(deep.utf8)) }
    }
}

/// The packed-name sort of entry members agrees with JCS order on any names.
struct MemberOrderTests {
    @Test func packedSortAgreesWithJCSOrder() {
        var generator = SplitMix64(seed: 29)
        let alphabet = Array("aAbB0~ _zZyéü陈\u{E000}😀".map(String.init))
        for round in 0..<2_000 {
            var names = Set<String>()
            let count = 1 + Int(generator.next() % 20)
            while names.count < count {
                let length = 1 + Int(generator.next() % UInt64(round % 3 == 0 ? 20 : 9))
                // Mostly ASCII, so that the packed path is taken; now and then any character.
                let pool = round % 5 == 0 ? alphabet : Array(alphabet.prefix(9))
                names.insert((0..<length).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }.joined())
            }
            let members = names.shuffled(using: &generator).map { JSONMember($0, .null) }
            let sorted = CanonicalJSON.sortedMembers(members).map(\.key)
            #expect(sorted == members.map(\.key).sorted { CanonicalJSON.precedes($0, $1) }, "\(names)")
        }
        let fields = ["v", "seq", "prev", "at", "by", "kind", "id", "household", "units", "amount", "recordDate", "appropriations"]
        #expect(CanonicalJSON.sortedMembers(fields.map { JSONMember($0, .null) }).map(\.key)
                == ["amount", "appropriations", "at", "by", "household", "id", "kind", "prev", "recordDate", "seq", "units", "v"])
    }
}
