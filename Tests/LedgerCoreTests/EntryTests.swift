import Foundation
import LedgerCore
import Testing

/// Entries: canonical bodies, strict decoding, hashes.
struct EntryTests {
    /// An integer beyond ±(2^53−1) is refused before it is written, naming its field; one at the
    /// limit is written and reads back. Nested ones are found at any depth.
    @Test func integersBeyondTheFormatAreNeverWritten() throws {
        let entry = { (units: Int64) in
            Entry(seq: 2, prev: .zero, at: EntrySamples.time, by: EntrySamples.accountant.id,
                  payload: .sharesIssue(SharesChange(holder: "152223-001", shareClass: "member", units: units, date: EntrySamples.day, reason: "x")))
        }
        let limit = JSONValue.integerMagnitudeMax
        let body = try entry(limit).checkedCanonicalBodyLocatingPrev().body
        #expect(try Entry.decode(body: body) == entry(limit))
        #expect(throws: EntryError.invalidValue(kind: "shares.issue", field: "units",
                                                reason: "is 9007199254740992, beyond ±9,007,199,254,740,991, the largest whole number a ledger can hold")) {
            try entry(limit + 1).checkedCanonicalBodyLocatingPrev()
        }
        let nested = JSONValue.object(["a": .array([.integer(-limit), .object(["b": .integer(-limit - 1)])]), "c": .integer(.max)])
        #expect(nested.integerOutOfRange == -limit - 1)
        #expect(JSONValue.array([.integer(limit), .integer(-limit)]).integerOutOfRange == nil)
    }

    /// Every kind encodes to a canonical body that decodes to the same entry and re-encodes to the same bytes.
    @Test func everyKindRoundTrips() throws {
        let entries = EntrySamples.chain(EntrySamples.everyKind)
        #expect(Set(entries.map(\.kind)) == Set(EntryKind.allCases))
        for entry in entries {
            let body = entry.canonicalBody()
            let decoded = try Entry.decode(body: body)
            #expect(decoded == entry)
            #expect(decoded.canonicalBody() == body)
            #expect(CanonicalJSON.encode(try JSONParser.parse(body)) == body)
        }
    }

    /// The worked example of docs/FORMAT.md: its body bytes and hash are fixed.
    /// Derive: printf '\x00%s' "$(sed -n 1p body.json)" | sha256sum
    @Test func workedExampleHash() throws {
        let entry = Entry(seq: 1, prev: SHA256Digest(hex: String(repeating: "ab", count: 32))!, at: EntrySamples.time,
                          by: KeyID(hex: "6b2550a0")!, payload: .householdRegister(EntrySamples.chenMei))
        let body = String(decoding: entry.canonicalBody(), as: UTF8.self)
        #expect(body == #"{"account":"****5678","at":"2024-12-20T08:00:00Z","by":"6b2550a0","date":"2018-12-01","head":"陈梅","household":"152223-001","idMasked":"152223********1234","kind":"household.register","members":2,"poor":true,"prev":"abababababababababababababababababababababababababababababababab","seq":1,"v":1}"#)
        // printf '\x00%s' '<body above>' | sha256sum
        #expect(Entry.hash(body: entry.canonicalBody()).hex == "784129b8b5e08a4f2b8b0eadbdfa7c928d9288d98555b1904e9cbd340ef92b87")
    }

    /// Unknown kinds, unknown fields, missing fields, wrong types and versions are refused, naming the field.
    @Test func strictDecoding() throws {
        let good = String(decoding: EntrySamples.chain([.ledgerOpen(EntrySamples.open)])[0].canonicalBody(), as: UTF8.self)
        func decode(_ text: String) -> EntryError? {
            do { _ = try Entry.decode(body: Array(text.utf8)); return nil } catch { return error }
        }
        #expect(decode(good) == nil)
        #expect(decode(good.replacingOccurrences(of: "\"ledger.open\"", with: "\"ledger.close\"")) == .unknownKind("ledger.close"))
        #expect(decode(good.replacingOccurrences(of: "\"v\":1", with: "\"v\":2")) == .unsupportedVersion(2))
        #expect(decode(good.replacingOccurrences(of: "\"v\":1", with: "\"v\":1,\"w\":1")) == .unknownField(kind: "ledger.open", field: "w"))
        #expect(decode(good.replacingOccurrences(of: "\"currency\":\"CNY\",", with: "")) == .missingField(kind: "ledger.open", field: "currency"))
        #expect(decode(good.replacingOccurrences(of: "\"seq\":0", with: "\"seq\":\"0\"")) == .wrongType(kind: "ledger.open", field: "seq", expected: "an integer", found: "string"))
        if case .notJSON = decode(good.replacingOccurrences(of: "\"seq\":0", with: "\"seq\":0.0")) {} else { Issue.record("a float must be refused") }
        // A cooperative allocation's capital accounts go with its return by transactions.
        let allocation = { (extra: String) in
            #"{"amount":100,"at":"2018-12-20T08:00:00Z","by":"0a1b2c3d",\#(extra)"household":"152223-001","id":"2019","kind":"dividend.allocate","prev":"\#(String(repeating: "0", count: 64))","seq":5,"units":1,"v":1}"#
        }
        #expect(decode(allocation(#""capital":30,"rebate":60,"#)) == nil)
        #expect(decode(allocation(#""capital":30,"#)) == .invalidValue(kind: "dividend.allocate", field: "capital", reason: "goes with rebate: only a cooperative's allocation records its capital accounts"))
        #expect(decode(allocation(#""capital":-1,"rebate":60,"#)) == .invalidValue(kind: "dividend.allocate", field: "capital", reason: "must not be negative"))
    }

    /// A declaration's appropriations are its rates of the year's amount, rounded half-up, and
    /// what it carries in is part of its distributable amount: a body that says otherwise (10%
    /// recorded as 5.00) does not decode.
    @Test func declarationsAppropriateWhatTheyRecord() throws {
        let declare = try #require(EntrySamples.everyKind.first { $0.kind == .dividendDeclare })
        guard case .dividendDeclare(let good) = declare else { return }
        func decode(_ d: DividendDeclaration) -> EntryError? {
            let body = EntrySamples.chain([.dividendDeclare(d)])[0].canonicalBody()
            do { _ = try Entry.decode(body: body); return nil } catch { return error }
        }
        #expect(decode(good) == nil)
        var halved = good
        halved.appropriations[0].amount = Fen(halved.appropriations[0].amount.value / 2)
        halved.pool = Fen(halved.distributable.value - halved.appropriations[0].amount.value)
        halved.allocated = halved.pool
        #expect(decode(halved) == .invalidValue(kind: "dividend.declare", field: "appropriations", reason: "公积公益金 must be 1000 bp of 1600000 fen rounded half-up, not 80000"))
        var carried = good
        carried.rule["carriedIn"] = .integer(-2)
        #expect(decode(carried) == .invalidValue(kind: "dividend.declare", field: "rule", reason: "must give \"carriedIn\" as fen from 0 to the distributable amount (1600000)"))
        // A posting period (公示) has both its days, the last not before the first; it round-trips.
        var posted = good
        posted.posting = PostingPeriod(start: LedgerDate("2025-01-02")!, days: 10)
        #expect(posted.posting?.end == LedgerDate("2025-01-11")! && posted.posting?.days == 10)
        let body = EntrySamples.chain([.dividendDeclare(posted)])[0].canonicalBody()
        #expect(String(decoding: body, as: UTF8.self).contains(#""pool":1440000,"postingEnd":"2025-01-11","postingStart":"2025-01-02","prev":"#))
        #expect(try Entry.decode(body: body).payload == .dividendDeclare(posted))
        func edited(_ body: [UInt8], _ from: String, _ to: String) -> EntryError? {
            do { _ = try Entry.decode(body: Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)); return nil } catch { return error }
        }
        #expect(edited(body, #""postingEnd":"2025-01-11","#, "") == .invalidValue(kind: "dividend.declare", field: "postingEnd",
                                                                                  reason: "goes with postingStart: a posting period has both its days"))
        #expect(edited(body, #""postingEnd":"2025-01-11""#, #""postingEnd":"2025-01-01""#) == .invalidValue(
            kind: "dividend.declare", field: "postingEnd", reason: "must not come before postingStart (2025-01-02), not 2025-01-01"))
    }

    /// Hashes and key IDs are written in lowercase hex, on a flat body (read in place) as on any
    /// other; uppercase digits, other letters and wrong lengths are refused, naming the field.
    @Test func hashesAndKeyIDsAreLowercaseHex() throws {
        let entry = EntrySamples.chain([.ledgerOpen(EntrySamples.open), .entryReverse(Reversal(target: 0, reason: "x"))])[1]
        let body = String(decoding: entry.canonicalBody(), as: UTF8.self)
        let prev = entry.prev.hex, by = entry.by.hex
        func decode(_ text: String) -> EntryError? {
            do { _ = try Entry.decode(body: Array(text.utf8)); return nil } catch { return error }
        }
        #expect(decode(body) == nil)
        let badPrev = EntryError.invalidValue(kind: "entry.reverse", field: "prev", reason: "must be 64 lowercase hex digits")
        let badBy = EntryError.invalidValue(kind: "entry.reverse", field: "by", reason: "must be 8 lowercase hex digits")
        #expect(decode(body.replacingOccurrences(of: prev, with: prev.uppercased())) == badPrev)
        #expect(decode(body.replacingOccurrences(of: prev, with: "g" + prev.dropFirst())) == badPrev)
        #expect(decode(body.replacingOccurrences(of: prev, with: String(prev.dropFirst()))) == badPrev)
        #expect(decode(body.replacingOccurrences(of: prev, with: "")) == .invalidValue(kind: "entry.reverse", field: "prev", reason: "must not be empty"))
        #expect(decode(body.replacingOccurrences(of: by, with: by.uppercased())) == (by == by.uppercased() ? nil : badBy))
        #expect(decode(body.replacingOccurrences(of: by, with: "z" + by.dropFirst())) == badBy)
        #expect(decode(body.replacingOccurrences(of: by, with: by + "0")) == badBy)
        #expect(EntryHash(hex: prev.uppercased()) == entry.prev)
    }

    /// Full ID numbers and bank accounts never enter an entry.
    @Test func personalDataMustBeMasked() throws {
        var raw = EntrySamples.chenMei
        raw.idMasked = "152223198001181234"
        let entry = EntrySamples.chain([.ledgerOpen(EntrySamples.open), .householdRegister(raw)])[1]
        #expect(throws: EntryError.invalidValue(kind: "household.register", field: "idMasked", reason: "must be masked, e.g. 152223********1234")) {
            try Entry.decode(body: entry.canonicalBody())
        }
        #expect(Masking.maskID("152223198001181234") == "152223********1234")
        #expect(Masking.maskID("15222319800119123X") == "152223********123X")
        #expect(Masking.maskID("152223800101123") == "152223*****1123")
        #expect(Masking.maskID("152223********123x") == "152223********123X")
        // A digit left out or typed twice, or an X anywhere but last, is no ID number.
        for wrong in ["22072319670825113", "2207231967082511345", "1522231980010112", "15222319800X011234", "15222380010112X"] {
            #expect(Masking.maskID(wrong) == nil, "\(wrong)")
        }
        // The check digit (GB 11643): right for these, a mistyped or swapped digit shows.
        for right in ["152223198001181234", "15222319800119123X", "15222319800119123x", "11010519491231002X", "152223800101123", "152223********1234"] {
            #expect(Masking.idNumberProblem(right) == nil, "\(right)")
        }
        #expect(Masking.idNumberProblem("152223198001181235")
                == "its last character should be 4, not 5, for the 17 before it: a digit is mistyped (GB 11643 check digit)")
        #expect(Masking.idNumberProblem("152223198010181234")?.hasPrefix("its last character should be 6, not 4") == true)  // 01 and 10 swapped
        #expect(Masking.idNumberProblem("15222319800119123 ") == nil)  // not an ID number at all: maskID says so
        // The date of birth inside must be a day of the calendar (checked before the check digit);
        // the message does not repeat it (it is what the mask hides).
        #expect(Masking.idNumberProblem("152223198013011234")
                == "its date of birth (characters 7–14) is no day of the calendar: a digit is mistyped")
        #expect(Masking.idNumberProblem("152223198102291234")?.hasPrefix("its date of birth (characters 7–14) is no day") == true)  // not a leap year
        #expect(Masking.idNumberProblem("152223188001011234")?.hasPrefix("its date of birth (characters 7–14) is no day") == true)
        #expect(Masking.idNumberProblem("152223801301123") == "its date of birth (characters 7–12) is no day of the calendar: a digit is mistyped")
        // What a message shows of a value given as an ID or account number.
        #expect(Masking.shown("152223198001181235") == "152223********1235")
        #expect(Masking.shown("6228480012349999") == "622848******9999")
        // An account in a message shows only what the ledger keeps of it.
        #expect(Masking.shownAccount("6228480012349999") == "****9999")
        #expect(Masking.shownAccount("1234") == "1234")
        #expect(Masking.shown("12345678") == "****5678")
        #expect(Masking.shown("现金") == "现金" && Masking.shown("1234567") == "1234567")
        #expect(Masking.idNumberProblem("152223200002291234")?.hasPrefix("its last character") == true)  // 2000-02-29 is a day
        #expect(Masking.birthDate("152223200002291234") == LedgerDate("2000-02-29") && Masking.birthDate("152223800101123") == LedgerDate("1980-01-01"))
        #expect(Masking.birthDate("152223********1234") == nil)
        #expect(Masking.maskAccount("6228 4800 1234 5678") == "****5678")
        #expect(Masking.maskAccount("12") == nil)
        // A household paid in cash has no account: `cash`, and nothing else that is not masked.
        #expect(Masking.payoutAccount("现金") == "cash")
        #expect(Masking.payoutAccount("cash") == "cash")
        #expect(Masking.payoutAccount("Cash") == nil)
        var paidInCash = EntrySamples.chenMei
        paidInCash.account = "cash"
        let cash = EntrySamples.chain([.ledgerOpen(EntrySamples.open), .householdRegister(paidInCash)])[1]
        #expect(try Entry.decode(body: cash.canonicalBody()) == cash)
        paidInCash.account = "CASH"
        let upper = EntrySamples.chain([.ledgerOpen(EntrySamples.open), .householdRegister(paidInCash)])[1]
        #expect(throws: EntryError.invalidValue(kind: "household.register", field: "account",
                                                 reason: "must be masked, e.g. ****5678, or \"cash\" for a household paid in cash")) {
            try Entry.decode(body: upper.canonicalBody())
        }
        #expect(!Masking.isMaskedAccount("12345678"))
        let masks = ["152223********1234", "152223*****123X", "******************", "15222x********12x4"]
        let notMasks = ["152223198001181234", "152223**1*****1234", "152223********12345", "1522231*******1234", "152223*******１２３４", "152223********123Y",
                        "152223********1234*", "١٥٢٢٢٣********1234"]
        for text in masks { #expect(Masking.isMaskedID(text), "\(text)") }
        for text in notMasks { #expect(!Masking.isMaskedID(text), "\(text)") }
        for text in ["****5678", "*5678", String(repeating: "*", count: 36) + "5678"] { #expect(Masking.isMaskedAccount(text), "\(text)") }
        for text in ["5678", "***56789", "**a*5678", "****567８", "****5678 ", String(repeating: "*", count: 37) + "5678"] {
            #expect(!Masking.isMaskedAccount(text), "\(text)")
        }
    }

    /// A household number is ASCII letters, digits and `-`, at most 32 bytes, never `collective`.
    @Test func householdNumbers() throws {
        func reads(_ household: String) -> Bool {
            var registration = EntrySamples.chenMei
            registration.household = household
            let entry = EntrySamples.chain([.ledgerOpen(EntrySamples.open), .householdRegister(registration)])[1]
            return (try? Entry.decode(body: entry.canonicalBody())) != nil
        }
        for good in ["152223-001", "A1-b2", "z", String(repeating: "9", count: 32)] { #expect(reads(good), "\(good)") }
        for bad in ["152 001", "户001", "１２", "a_b", "collective", "15.2", String(repeating: "9", count: 33), "é1"] {
            #expect(!reads(bad), "\(bad)")
        }
    }

    /// Dates and times accept exactly one form and real calendar days.
    @Test func datesAndTimes() {
        #expect(LedgerDate("2024-02-29") != nil)
        #expect(LedgerDate("2023-02-29") == nil)
        #expect(LedgerDate("2024-2-9") == nil)
        #expect(LedgerTime("2018-12-20T08:00:00Z") != nil)
        #expect(LedgerTime("2018-12-20 08:00:00") == nil)
        #expect(LedgerTime(secondsSinceEpoch: 1_545_292_800).text == "2018-12-20T08:00:00Z")
        #expect(LedgerTime(secondsSinceEpoch: 0).text == "1970-01-01T00:00:00Z")
        // A time is kept as its fields: its text, date and order are made from them.
        let texts = ["1900-01-01T00:00:00Z", "2018-12-20T08:06:00Z", "2018-12-20T13:25:09Z", "2024-02-29T23:59:59Z", "9999-12-31T23:59:59Z"]
        let times = texts.map { LedgerTime($0)! }
        #expect(times.map(\.text) == texts)
        #expect(times.map(\.date.text) == texts.map { String($0.prefix(10)) })
        #expect(times == times.sorted() && Set(times).count == texts.count)
        #expect(LedgerTime("2018-12-20T08:06:00Z") == LedgerTime(secondsSinceEpoch: 1_545_293_160))
        // A date is kept as its fields too: every day of three years around a leap day, and the
        // ends of the accepted range, give back their text, and order as their texts do.
        var days: [String] = ["1900-01-01", "9999-12-31"]
        for day in stride(from: Int64(10_957 - 400), to: 10_957 + 700, by: 1) {  // 1998-11-27 … 2001-11-30
            days.append(String(LedgerTime(secondsSinceEpoch: day * 86_400).text.prefix(10)))
        }
        let dates = days.map { LedgerDate($0)! }
        #expect(dates.map(\.text) == days)
        #expect(dates.map(\.description) == days)
        for i in dates.indices {
            for j in [0, 1, i / 2, (i + 29) % dates.count, dates.count - 1] {
                let before = dates[i] < dates[j], same = dates[i] == dates[j]
                #expect(before == (days[i] < days[j]) && same == (days[i] == days[j]), "\(days[i]) \(days[j])")
            }
        }
        #expect(LedgerDate("2000-02-29")!.chinese == "2000年2月29日")
        let leapDay = LedgerDate("2000-02-29")!
        #expect(leapDay.year == 2000 && leapDay.month == 2 && leapDay.day == 29)
        for bad in ["2018-12-20T24:00:00Z", "2018-12-20T08:60:00Z", "2018-12-20T08:00:60Z", "2018-13-20T08:00:00Z", "1899-12-31T23:59:59Z",
                    "2018-12-20T08:00:00z", "2018-12-20T8:00:00Z"] {
            #expect(LedgerTime(bad) == nil, "\(bad)")
        }
    }
}
