import FenhongCrypto
import MerkleLog

/// The hash of an entry: SHA-256(0x00 ‖ body), the RFC 9162 leaf hash. The next entry's `prev`.
public typealias EntryHash = SHA256Digest

/// The kind-specific part of an entry.
///
/// The larger payloads of the rarer kinds are kept out of line (`indirect`), so that an entry —
/// copied whole as a verification hands it from stage to stage — is as small as a payment.
public enum EntryPayload: Sendable, Equatable {
    indirect case ledgerOpen(LedgerOpen)
    case keyAdd(KeyChange)
    case keyRetire(KeyChange)
    case householdRegister(HouseholdRegistration)
    indirect case householdUpdate(HouseholdUpdate)
    case sharesIssue(SharesChange)
    indirect case sharesTransfer(SharesTransfer)
    case sharesRetire(SharesChange)
    case fundReceive(FundReceipt)
    case investmentMake(Investment)
    case incomeRecord(CashFlow)
    case expenseRecord(CashFlow)
    indirect case dividendDeclare(DividendDeclaration)
    case dividendAllocate(DividendAllocation)
    case dividendPay(DividendPayment)
    case entryReverse(Reversal)

    /// The kind this payload is.
    public var kind: EntryKind {
        switch self {
        case .ledgerOpen: .ledgerOpen
        case .keyAdd: .keyAdd
        case .keyRetire: .keyRetire
        case .householdRegister: .householdRegister
        case .householdUpdate: .householdUpdate
        case .sharesIssue: .sharesIssue
        case .sharesTransfer: .sharesTransfer
        case .sharesRetire: .sharesRetire
        case .fundReceive: .fundReceive
        case .investmentMake: .investmentMake
        case .incomeRecord: .incomeRecord
        case .expenseRecord: .expenseRecord
        case .dividendDeclare: .dividendDeclare
        case .dividendAllocate: .dividendAllocate
        case .dividendPay: .dividendPay
        case .entryReverse: .entryReverse
        }
    }

    var fields: any EntryFields {
        switch self {
        case .ledgerOpen(let p): p
        case .keyAdd(let p), .keyRetire(let p): p
        case .householdRegister(let p): p
        case .householdUpdate(let p): p
        case .sharesIssue(let p), .sharesRetire(let p): p
        case .sharesTransfer(let p): p
        case .fundReceive(let p): p
        case .investmentMake(let p): p
        case .incomeRecord(let p), .expenseRecord(let p): p
        case .dividendDeclare(let p): p
        case .dividendAllocate(let p): p
        case .dividendPay(let p): p
        case .entryReverse(let p): p
        }
    }

    static func read(kind: EntryKind, _ f: inout FieldReader) throws(EntryError) -> EntryPayload {
        switch kind {
        case .ledgerOpen: .ledgerOpen(try LedgerOpen(reading: &f))
        case .keyAdd: .keyAdd(try KeyChange(reading: &f))
        case .keyRetire: .keyRetire(try KeyChange(reading: &f))
        case .householdRegister: .householdRegister(try HouseholdRegistration(reading: &f))
        case .householdUpdate: .householdUpdate(try HouseholdUpdate(reading: &f))
        case .sharesIssue: .sharesIssue(try SharesChange(reading: &f))
        case .sharesTransfer: .sharesTransfer(try SharesTransfer(reading: &f))
        case .sharesRetire: .sharesRetire(try SharesChange(reading: &f))
        case .fundReceive: .fundReceive(try FundReceipt(reading: &f))
        case .investmentMake: .investmentMake(try Investment(reading: &f))
        case .incomeRecord: .incomeRecord(try CashFlow(reading: &f))
        case .expenseRecord: .expenseRecord(try CashFlow(reading: &f))
        case .dividendDeclare: .dividendDeclare(try DividendDeclaration(reading: &f))
        case .dividendAllocate: .dividendAllocate(try DividendAllocation(reading: &f))
        case .dividendPay: .dividendPay(try DividendPayment(reading: &f))
        case .entryReverse: .entryReverse(try Reversal(reading: &f))
        }
    }
}

/// One entry of the ledger: the fields every entry has, and its kind's payload.
public struct Entry: Sendable, Equatable {
    /// The format version this program writes and reads.
    public static let formatVersion: Int64 = 1
    /// The largest body accepted, in bytes.
    public static let bodySizeMax = 64 * 1024

    /// 0-based position; equals the Merkle leaf index.
    public var seq: Int64
    /// Hash of entry seq−1; all zeros for entry 0.
    public var prev: EntryHash
    /// When it was recorded (UTC).
    public var at: LedgerTime
    /// Key ID of the accountant key that recorded it.
    public var by: KeyID
    public var payload: EntryPayload

    public init(seq: Int64, prev: EntryHash, at: LedgerTime, by: KeyID, payload: EntryPayload) {
        self.seq = seq
        self.prev = prev
        self.at = at
        self.by = by
        self.payload = payload
    }

    public var kind: EntryKind { payload.kind }

    /// The canonical body: the bytes stored, hashed and exported.
    public func canonicalBody() -> [UInt8] {
        CanonicalJSON.encodeObject(members())
    }

    /// The canonical body of an entry made in this program, after its payload has passed the
    /// same field checks as an entry read from a body (masked IDs, positive amounts, known
    /// channels …): what would not read back is never written. Cheaper than encoding and then
    /// decoding the bytes: the members are checked before they are encoded.
    ///
    /// With it, the offset of the 64 hex digits of `prev`: a writer may encode entries ahead of
    /// the hash chain and set each `prev` with ``setPrev(_:in:at:)`` once the entry before is
    /// hashed (a hash is always 64 digits, so nothing else in the body moves).
    public func checkedCanonicalBodyLocatingPrev() throws(EntryError) -> (body: [UInt8], prevOffset: Int) {
        let (members, payloadCount) = membersAndPayloadCount()
        for member in members {
            if let number = member.value.integerOutOfRange {
                throw .invalidValue(kind: kind.rawValue, field: member.key, reason: JSONValue.outOfRange(number))
            }
            // Written once and printed for good: a line break in a head's name split every
            // statement and list that shows it. (Bodies already written are read as they are.)
            if let reason = member.value.lineBreakReason(field: member.key) { throw .invalidValue(kind: kind.rawValue, field: member.key, reason: reason) }
            // Nor a text of spaces alone (a village's name in entry 0, a reason, a category), or a
            // distribution's id with a space at an end ("2025 " declared beside "2025").
            if let reason = member.value.blankReason(edgesMatter: kind == .dividendDeclare && member.key == "id") {
                throw .invalidValue(kind: kind.rawValue, field: member.key, reason: reason)
            }
        }
        var reader = FieldReader(kind: kind.rawValue, pairs: Array(members.prefix(payloadCount)))
        _ = try EntryPayload.read(kind: kind, &reader)
        try reader.finish()
        let (body, offset) = CanonicalJSON.encodeObject(members, locating: "prev")
        guard body.count <= Self.bodySizeMax else {
            // Named by the text that made it so, which a person typed (a 100 KB category).
            let longest = members.prefix(payloadCount).max { ($0.value.stringValue?.utf8.count ?? 0) < ($1.value.stringValue?.utf8.count ?? 0) }
            if let longest, let text = longest.value.stringValue, text.utf8.count * 2 > body.count {
                throw .invalidValue(kind: kind.rawValue, field: longest.key,
                                    reason: "is \(text.utf8.count) bytes long; an entry holds at most \(Self.bodySizeMax) bytes in all")
            }
            throw .tooLarge(bytes: body.count, limit: Self.bodySizeMax)
        }
        return (body, offset! + 1)  // past the opening quote
    }

    /// Writes `prev` as the 64 hex digits at `offset` of `body` (see
    /// ``checkedCanonicalBodyLocatingPrev()``).
    public static func setPrev(_ prev: EntryHash, in body: inout [UInt8], at offset: Int) {
        let hex = prev.hex.utf8
        body.replaceSubrange(offset..<offset + hex.count, with: hex)
    }

    private func members() -> [JSONMember] { membersAndPayloadCount().members }

    /// The payload's members first, then the fields every entry has; and how many are the payload's.
    private func membersAndPayloadCount() -> (members: [JSONMember], payloadCount: Int) {
        var f = FieldWriter()
        payload.fields.write(to: &f)
        let payloadCount = f.pairs.count
        f.set("v", Self.formatVersion)
        f.set("seq", seq)
        f.set("prev", prev.hex)
        f.set("at", at.text)
        f.set("by", by.hex)
        f.set("kind", kind.rawValue)
        return (f.pairs, payloadCount)
    }

    /// The entry hash of a body: SHA-256(0x00 ‖ body).
    public static func hash(body: [UInt8]) -> EntryHash { RFC9162.leafHash(body) }

    /// Decodes a body. It checks the shape of every field but not canonical form (see
    /// ``decodeNotingForm(body:)``) nor any rule across entries.
    public static func decode(body: [UInt8]) throws(EntryError) -> Entry {
        try decodeNotingForm(body: body).entry
    }

    /// Decodes a body and says whether it is canonical: byte for byte the ``canonicalBody()`` of
    /// the entry it decodes to. The parser notes the form as it reads (no whitespace, members in
    /// order, only canonical escapes; numbers have one form), and a body that decodes has exactly
    /// the fields its entry writes, so no re-encoding is needed to know.
    public static func decodeNotingForm(body: [UInt8]) throws(EntryError) -> (entry: Entry, canonical: Bool) {
        try body.withUnsafeBytes { bytes in Result { () throws(EntryError) in try decodeNotingForm(bytes: bytes) } }.get()
    }

    /// As ``decodeNotingForm(body:)``, reading the body where it lies: a verifier decodes a batch
    /// of bodies straight from the one buffer they were read into.
    public static func decodeNotingForm(bytes: UnsafeRawBufferPointer) throws(EntryError) -> (entry: Entry, canonical: Bool) {
        var names = ScannedNames(keeping: false)
        return try withUnsafeTemporaryAllocation(of: FlatObjectScanner.Value.self, capacity: FieldSlots.capacity) {
            values throws(EntryError) in try decodeNotingForm(bytes: bytes, names: &names, values: values)
        }
    }

    /// As ``decodeNotingForm(bytes:)``, with the names of the body `decoder` read before and room
    /// for the scanned values (``FieldSlots/capacity`` of them).
    fileprivate static func decodeNotingForm(bytes: UnsafeRawBufferPointer, names: inout ScannedNames,
                                             values: UnsafeMutableBufferPointer<FlatObjectScanner.Value>) throws(EntryError) -> (entry: Entry, canonical: Bool) {
        guard bytes.count <= bodySizeMax else { throw .tooLarge(bytes: bytes.count, limit: bodySizeMax) }
        // Most bodies are flat and canonical: read in place. Any other takes the full parser,
        // which also names what is wrong.
        if let present = FlatObjectScanner.scan(bytes, into: values, names: &names) {
            var f = FieldReader(scanned: UnsafeBufferPointer(values), present: present, in: bytes)
            return (try decode(reading: &f), true)
        }
        guard !bytes.isEmpty else { throw .empty }
        return try decodeParsing(body: [UInt8](bytes))
    }

    /// The full parser's reading of a body, for every body the scanner declines. Internal so that
    /// tests can hold the two readings to the same results.
    static func decodeParsing(body: [UInt8]) throws(EntryError) -> (entry: Entry, canonical: Bool) {
        let members: [JSONMember]
        let canonical: Bool
        do {
            guard let parsed = try JSONParser.parseObjectMembersNotingForm(body) else { throw EntryError.notAnObject }
            (members, canonical) = parsed
        } catch let error as JSONParser.Error {
            throw .notJSON(error)
        } catch {
            throw .notAnObject
        }
        let kindText = members.first { $0.key == "kind" }?.value.stringValue ?? "entry"
        var f = FieldReader(kind: kindText, pairs: members)
        return (try decode(reading: &f), canonical)
    }

    private static func decode(reading f: inout FieldReader) throws(EntryError) -> Entry {
        let v = try f.integer(.v)
        guard v == formatVersion else { throw .unsupportedVersion(v) }
        let kind = try f.parsed(.kind, EntryKind.init(utf8:), refusing: EntryError.unknownKind)
        let seq = try f.integer(.seq)
        guard seq >= 0 else { throw f.invalid(.seq, "must not be negative") }
        let prev = try f.parsed(.prev, invalid: "must be 64 lowercase hex digits", EntryHash.init(lowercaseHex:))
        let at = try f.parsed(.at, invalid: "must be a UTC time like 2018-12-20T08:00:00Z", LedgerTime.init(utf8:))
        let by = try f.parsed(.by, invalid: "must be 8 lowercase hex digits", KeyID.init(lowercaseHex:))
        let payload = try EntryPayload.read(kind: kind, &f)
        try f.finish()
        return Entry(seq: seq, prev: prev, at: at, by: by, payload: payload)
    }
}

/// Decodes bodies one after another, as ``Entry/decodeNotingForm(bytes:)`` does each alone, but
/// remembering the member names of the body before: consecutive entries are mostly of one kind,
/// and a name is then checked by comparing its bytes with the one before instead of being looked
/// up. The outcome of every body is the same as alone; only the time differs. Not `Sendable`: its
/// copies share their room for values, so each thread makes its own decoder.
public struct EntryDecoder {
    private var names = ScannedNames(keeping: true)
    /// Room for a body's scanned values, allocated once for all the bodies.
    private let values = ScannedValues()

    public init() {}

    public mutating func decodeNotingForm(bytes: UnsafeRawBufferPointer) throws(EntryError) -> (entry: Entry, canonical: Bool) {
        try Entry.decodeNotingForm(bytes: bytes, names: &names, values: values.buffer)
    }
}

/// Room for the values of one scanned body, which a decoder reuses from body to body.
private final class ScannedValues {
    let buffer = UnsafeMutableBufferPointer<FlatObjectScanner.Value>.allocate(capacity: FieldSlots.capacity)

    deinit { buffer.deallocate() }  // the values are trivial: nothing to deinitialize
}
