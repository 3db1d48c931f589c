import LedgerCore
import LedgerStore
import Payouts
import SeededRandom

/// A synthetic ledger of a realistic mix, deterministic for a seed: households registered,
/// member and poverty shares issued, each year an income, a distribution over every household
/// (declare + one allocation each, in one command), payments in batches of a thousand, and now
/// and then a misdirected payment reversed. Writing it is itself the bulk-append benchmark.
public struct SyntheticLedger {
    /// What was generated and how long it took.
    public struct Summary: Sendable {
        public let entries: Int64
        public let commands: Int
        public let households: Int
        public let seconds: Double
        public var entriesPerSecond: Double { Double(entries) / seconds }
    }

    /// Entries per command for registrations, share issues and payments.
    public static let batchSize = 1_000
    /// The most households a synthetic village has (the league's 54,700).
    public static let householdsMax = 54_700

    public let entriesTarget: Int64
    public let seed: UInt64
    public let accountant: NoteSigner

    public init(entries: Int64, seed: UInt64) throws {
        entriesTarget = entries
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        accountant = try NoteSigner(name: "bench-accountant", algorithm: .ed25519,
                                    key: SigningKey(seed: (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }))
    }

    /// The masked account registered for the household at index `i`, and paid into.
    static func account(_ i: Int) -> String { "****" + String(1000 + (i * 7) % 9000) }

    /// The year households are registered and shares issued; each year after has a distribution.
    static let firstYear = 2015

    /// Seconds since 1970 at 08:00 UTC on 20 December of `year` (Howard Hinnant's days_from_civil).
    static func recordingTime(year: Int) -> Int64 {
        let y = Int64(year), era = y / 400, yoe = y - era * 400
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + (153 * 9 + 2) / 5 + 20 - 1
        return (era * 146_097 + doe - 719_468) * 86_400 + 8 * 3_600
    }

    /// An 8-digit household number.
    static func householdNumber(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// Writes the ledger to `path`, calling `progress` with the entries written so far.
    public func generate(at path: String, progress: (Int64) -> Void = { _ in }) throws -> Summary {
        var rng = SplitMix64(seed: seed)
        let households = Int(min(Int64(Self.householdsMax), max(4, entriesTarget / 20)))
        let clock = ContinuousClock()
        let start = clock.now
        // A village of its own for each seed: ledgers of one origin that differ are one village's
        // split view, and one organisation under two origins is a history renamed.
        let suffix = seed == 1 ? "" : "\(seed)"
        let open = LedgerOpen(origin: seed == 1 ? "fenhong/152223/synthetic" : "fenhong/152223/synthetic-\(seed)", org: "合成测试集体经济组织" + suffix,
                              village: "合成嘎查" + suffix, region: ["兴安盟", "扎赉特旗", "合成嘎查" + suffix], key: accountant.verifier.vkey)
        // Each year's entries are dated and recorded on its 20 December, a minute a command: a
        // ledger of a million entries (nine years) ends in 2024, a league's village in 2023.
        var time = Self.recordingTime(year: Self.firstYear)
        func at() -> LedgerTime { time += 60; return LedgerTime(secondsSinceEpoch: time) }
        let store = try LedgerStore.create(path: path, opening: open, signer: accountant, at: at()).0
        var written: Int64 = 1
        var commands = 1
        func append(_ payloads: [EntryPayload]) throws -> AppendResult? {
            let room = entriesTarget - written
            guard room > 0 else { return nil }
            let result = try store.append(Array(payloads.prefix(Int(room))), signer: accountant, at: at())
            written += Int64(result.entries.count)
            commands += 1
            progress(written)
            return result
        }
        let ids = (0..<households).map { Self.householdNumber($0 + 1) }
        var members = [Int64](repeating: 0, count: households)
        var poor = [Bool](repeating: false, count: households)
        let day = LedgerDate("\(Self.firstYear)-12-20")!
        for chunk in stride(from: 0, to: households, by: Self.batchSize) {
            let range = chunk..<min(chunk + Self.batchSize, households)
            _ = try append(range.map { i in
                members[i] = Int64.random(in: 1...7, using: &rng)
                poor[i] = Int.random(in: 0..<10, using: &rng) == 0
                return .householdRegister(HouseholdRegistration(
                    household: ids[i], head: "户主\(i + 1)", members: members[i], poor: poor[i],
                    idMasked: "152223********" + String(1000 + i % 9000), account: Self.account(i), date: day))
            })
            _ = try append(range.map { i in
                .sharesIssue(SharesChange(holder: ids[i], shareClass: poor[i] ? ShareClass.poverty : ShareClass.member,
                                          units: members[i], date: day, reason: "折股量化"))
            })
        }
        var year = Self.firstYear + 1
        while written < entriesTarget {
            let date = LedgerDate("\(year)-12-20")!
            time = max(time, Self.recordingTime(year: year))
            let income = Fen(Int64.random(in: 1_000_000...50_000_000, using: &rng))
            _ = try append([.incomeRecord(CashFlow(amount: income, category: "投资收益", counterparty: "合作社", date: date))])
            let holders = (0..<households).map { i in
                PayoutHolder(id: ids[i], units: [poor[i] ? ShareClass.poverty : ShareClass.member: members[i]], members: Int(members[i]))
            }
            let plan = try DistributionPlan(DistributionRequest(
                amount: .distributable(income), appropriations: [Appropriation(name: "公积公益金", bp: 1000)],
                basis: .units(classWeights: [ShareClass.member: 1, ShareClass.poverty: 2]), holders: holders))
            let id = "\(year)"
            // A declaration is all or nothing: only declare when the whole of it fits.
            let declaration = plan.declarationEntries(id: id, recordDate: date)
            guard Int64(declaration.count) <= entriesTarget - written else { break }
            _ = try append(declaration)
            let owed = Dictionary(uniqueKeysWithValues: plan.lines.map { ($0.holder, $0.amount) })
            for chunk in stride(from: 0, to: households, by: Self.batchSize) where written < entriesTarget {
                let range = chunk..<min(chunk + Self.batchSize, households)
                // Now and then a household's money goes to its neighbour by mistake: both are
                // left out of the batch, the wrong payment is reversed, then both are paid right.
                let misdirect = range.count > 1 && Int.random(in: 0..<20, using: &rng) == 0 ? range.lowerBound : -1
                let result = try append(range.compactMap { i in
                    guard i != misdirect, i != misdirect + 1, let amount = owed[ids[i]], amount.value > 0 else { return nil }
                    return .dividendPay(DividendPayment(id: id, household: ids[i], amount: amount, channel: .bank,
                                                        account: Self.account(i), reference: "B\(year)-\(i)", date: date))
                })
                if misdirect >= 0, result != nil {
                    let (right, wrong) = (misdirect, misdirect + 1)
                    let amount = owed[ids[right]] ?? .zero
                    if amount.value > 0, (owed[ids[wrong]] ?? .zero) >= amount, let paid = try append([.dividendPay(DividendPayment(
                        id: id, household: ids[wrong], amount: amount, channel: .bank, account: Self.account(wrong), reference: "ERR\(year)-\(right)", date: date))]) {
                        _ = try append([.entryReverse(Reversal(target: paid.entries[0].seq, reason: "误付邻户"))])
                    }
                    for i in [right, wrong] {
                        guard let due = owed[ids[i]], due.value > 0 else { continue }
                        _ = try append([.dividendPay(DividendPayment(
                            id: id, household: ids[i], amount: due, channel: .bank, account: Self.account(i), reference: "FIX\(year)-\(i)", date: date))])
                    }
                }
            }
            year += 1
        }
        let interest = EntryPayload.incomeRecord(CashFlow(amount: Fen(100), category: "利息收入", counterparty: "银行", date: LedgerDate("\(year - 1)-12-20")!))
        while written < entriesTarget {
            _ = try append(Array(repeating: interest, count: Self.batchSize))
        }
        let elapsed = start.duration(to: clock.now)
        return Summary(entries: written, commands: commands, households: households,
                       seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
