/// `ledger.open`: entry 0 of every ledger, naming it and its first accountant key.
public struct LedgerOpen: EntryFields {
    /// The checkpoint origin, `fenhong/<region code>/<village>`.
    public var origin: String
    /// The organisation, e.g. 白辛嘎查股份经济合作社.
    public var org: String
    public var village: String
    /// Region path from league to village, e.g. ["兴安盟", "扎赉特旗", "阿尔本格勒镇", "白辛嘎查"].
    public var region: [String]
    /// Always `CNY`.
    public var currency: String
    /// The first accountant's vkey.
    public var key: String

    public init(origin: String, org: String, village: String, region: [String], currency: String = "CNY", key: String) {
        self.origin = origin
        self.org = org
        self.village = village
        self.region = region
        self.currency = currency
        self.key = key
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        origin = try f.string(.origin)
        org = try f.string(.org)
        village = try f.string(.village)
        region = try f.strings(.region)
        currency = try f.string(.currency)
        key = try f.string(.key)
        guard Origin.isValid(origin) else { throw f.invalid(.origin, "must read fenhong/<region code>/<village>, not \(MessageText.quoted(origin))") }
        guard currency == "CNY" else { throw f.invalid(.currency, "must be CNY, not \(MessageText.quoted(currency))") }
        guard (try? NoteVerifierKey(vkey: key))?.algorithm == .ed25519 else {
            throw f.invalid(.key, "must be the vkey of an Ed25519 accountant key")
        }
    }

    public func write(to f: inout FieldWriter) {
        f.set("origin", origin)
        f.set("org", org)
        f.set("village", village)
        f.set("region", region)
        f.set("currency", currency)
        f.set("key", key)
    }
}

/// Who may do what with a key.
public enum KeyRole: String, Sendable, CaseIterable {
    /// Records entries and signs checkpoints (Ed25519 note key, type 0x01).
    case accountant
    /// Cosigns verified checkpoints (cosignature key, type 0x04).
    case inspector
}

/// `key.add` and `key.retire`: a key enters or leaves service from this entry on.
public struct KeyChange: EntryFields {
    /// The vkey.
    public var key: String
    public var role: KeyRole

    public init(key: String, role: KeyRole) {
        self.key = key
        self.role = role
    }

    public init(reading f: inout FieldReader) throws(EntryError) {
        key = try f.string(.key)
        let roleText = try f.string(.role)
        guard let role = KeyRole(rawValue: roleText) else { throw f.invalid(.role, "must be accountant or inspector, not \(MessageText.quoted(roleText))") }
        self.role = role
        guard let parsed = try? NoteVerifierKey(vkey: key) else { throw f.invalid(.key, "is not a valid vkey") }
        let expected: NoteAlgorithm = role == .accountant ? .ed25519 : .cosignature
        guard parsed.algorithm == expected else {
            throw f.invalid(.key, "of an \(role.rawValue) must be of type \(expected.rawValue), not \(parsed.algorithm.rawValue)")
        }
    }

    public func write(to f: inout FieldWriter) {
        f.set("key", key)
        f.set("role", role.rawValue)
    }
}

/// Checkpoint origins: `fenhong/<region code>/<village>`.
public enum Origin {
    /// True for `fenhong/` + 6 digits + `/` + a lowercase ASCII name.
    public static func isValid(_ origin: String) -> Bool {
        let parts = origin.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0] == "fenhong"
            && parts[1].utf8.count == 6 && parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber)
            && !parts[2].isEmpty
            && parts[2].unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

extension LedgerOpen {
    /// True for a farmers' specialized cooperative (农民专业合作社, or a federation of them), whose
    /// surplus is returned by members' transactions (Art. 44) and whose members raise objections
    /// with its board of supervisors (监事会); false for a village's collective economic
    /// organisation (股份经济合作社, 经济联合社 …), whose villagers raise them with the village
    /// supervisory committee (村务监督委员会). As its name (`org`) says.
    public static func isCooperative(_ org: String) -> Bool {
        org.contains("专业合作社") || org.contains("专业合作联社") || (org.contains("合作社") && !org.contains("经济合作社"))
    }
}
