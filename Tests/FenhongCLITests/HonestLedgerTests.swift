import Foundation
import Testing

/// Ledgers written by fenhong itself, in varied ways — registered-poor households exiting,
/// the collective's own shares, members changing, shares dated after a record date, bases by
/// shares, household and member, guaranteed minimums, rates, withdrawn and redeclared
/// distributions — verify intact: a rule that flagged an honest
/// ledger would teach inspectors to ignore it.
@Suite struct HonestLedgerTests {
    /// A small deterministic generator (SplitMix64), so that a failing seed can be replayed.
    private struct Dice {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    }

    /// A valid 18-digit ID number (GB 11643 check character) for household `n`.
    private func id(_ n: Int) -> String {
        let body = String(format: "152223%04d%02d%02d%03d", 1950 + n % 50, 1 + n % 12, 1 + n % 28, n % 1000)
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body, weights).reduce(0) { $0 + $1.0.wholeNumberValue! * $1.1 }
        return body + String(Array("10X98765432")[sum % 11])
    }

    /// Seeds 1–60 all verify intact (2026-11-30, 13:1x, the session's final rules); the first 24 run
    /// here (25 happens to declare nothing).
    /// Withdraws the declaration just made (reversed) and makes `declare` again under a new id.
    private func withdrawAndDeclareAgain(_ declare: [String], year: Int, in cli: CLI) throws {
        let log = try cli.run("log", "--json").stdout.split(separator: "\n")
        let declaration = log.lastIndex { $0.contains(#""kind":"dividend.declare""#) }!
        #expect(try cli.execute(["reverse", "--seq", "\(declaration)", "--reason", "撤回", "--date", "\(year)-12-20"]).status == 0)
        var again = declare
        again[3] += "b"  // the id
        _ = try cli.execute(again)
    }

    @Test(arguments: Array(1...24) as [UInt64])
    func variedHonestLedgerVerifiesIntact(seed: UInt64) throws {
        var dice = Dice(state: seed)
        var steps: [[String]] = []
        var poor: [String] = []
        var members = 0  // H00's
        for i in 0..<dice.int(2...10) {
            let household = String(format: "H%02d", i)
            let isPoor = dice.chance(40)
            let count = dice.int(1...6)
            if i == 0 { members = count }
            steps.append(["household", "add", "--household", household, "--head", "户\(i)", "--members", "\(count)", "--id", id(Int(seed) * 100 + i),
                          "--account", String(format: "****%04d", i), "--date", "2018-01-02"] + (isPoor ? ["--poor"] : []))
            steps.append(["shares", "issue", "--holder", household, "--class", "member", "--units", "\(dice.int(1...9))", "--date", "2018-01-03", "--reason", "折股"])
            if isPoor {
                poor.append(household)
                steps.append(["shares", "issue", "--holder", household, "--class", "poverty", "--units", "\(dice.int(1...9))", "--date", "2018-01-03", "--reason", "扶贫"])
            }
        }
        if dice.chance(60) { steps.append(["shares", "issue", "--holder", "collective", "--class", "collective", "--units", "\(dice.int(1...9))", "--date", "2018-01-03", "--reason", "集体股"]) }
        steps.append(["income", "record", "--amount", "900000", "--category", "经营收入", "--counterparty", "某公司", "--date", "2018-06-01"])
        let cli = try CLI.ledger("l.fenhong", village: "honest", org: "测试村股份经济合作社", at: "2018-01-01T00:00:00Z", steps: steps)
        for year in 2019...(2019 + dice.int(0...2)) {
            for household in poor where dice.chance(20) {
                poor.removeAll { $0 == household }
                let exit = try cli.execute(["household", "update", "--household", household, "--poor", "no", "--date", "\(year)-0\(dice.int(1...9))-01", "--reason", "脱贫"])
                #expect(exit.status == 0, "\(exit.stderr)")
            }
            // Members change, and shares come dated after this year's record date (counted next year).
            if dice.chance(50) {
                members = members % 8 + 1
                let update = try cli.execute(["household", "update", "--household", "H00", "--members", "\(members)", "--date", "\(year)-10-01", "--reason", "新生"])
                #expect(update.status == 0, "\(update.stderr)")
            }
            if dice.chance(50) {
                #expect(try cli.execute(["shares", "issue", "--holder", "H01", "--class", "member", "--units", "\(dice.int(1...5))", "--date", "\(year)-12-20", "--reason", "增人"]).status == 0)
            }
            var declare = ["dividend", "declare", "--id", "D\(year)", "--record-date", "\(year)-12-15", "--pool", dice.pick(["0.05", "1", "999.99", "5000", "12345.67"])]
            switch dice.int(0...2) {
            case 0: declare += ["--classes", dice.pick(["member=1,poverty=1", "member=1,poverty=2,collective=1", "poverty=1,member=0,collective=1"])]
            case 1: declare += ["--basis", "household"]
            default: declare += ["--basis", "member"]
            }
            if dice.chance(40) { declare += ["--minimum", dice.pick(["0.01", "1", "50"])] }
            if dice.chance(30) { declare += ["--method", "rate"] }
            // Refusals (a minimum beyond the pool, a class the ledger lacks) are fine; what is written must verify.
            guard try cli.execute(declare).status == 0, dice.chance(30) else { continue }
            try withdrawAndDeclareAgain(declare, year: year, in: cli)
        }
        let verify = try cli.execute(["verify", "l.fenhong"])
        #expect(verify.status == 0, "seed \(seed): \(verify.stdout)")
        #expect(try cli.run("log", "--json").stdout.contains(#""kind":"dividend.allocate""#), "seed \(seed) declared nothing")
    }

    /// Cooperatives too, year after year: members trade, return goods (retired 交易额), pass an
    /// account on (a transfer, no trade), add capital dated after a record date; some years no
    /// trade is recorded and a volumes file gives it; a distribution withdrawn and declared again.
    @Test(arguments: Array(1...8) as [UInt64])
    func cooperativeHonestLedgerVerifiesIntact(seed: UInt64) throws {
        var dice = Dice(state: seed &* 7919)
        var steps: [[String]] = []
        let members = (0..<dice.int(2...6)).map { String(format: "M%02d", $0) }
        for (i, member) in members.enumerated() {
            steps.append(["household", "add", "--household", member, "--head", "社员\(i)", "--members", "2", "--id", id(Int(seed) * 100 + i),
                          "--account", String(format: "****%04d", i), "--date", "2018-01-02"])
            for account in ["capital", "reserve", "subsidy"] where dice.chance(70) {
                steps.append(["shares", "issue", "--holder", member, "--class", account, "--amount", "\(dice.int(1...50) * 100)", "--date", "2018-01-03", "--reason", "入股"])
            }
        }
        steps.append(["income", "record", "--amount", "900000", "--category", "经营收入", "--counterparty", "某公司", "--date", "2018-06-01"])
        let cli = try CLI.ledger("l.fenhong", village: "coop", org: "测试专业合作社", at: "2018-01-01T00:00:00Z", steps: steps)
        var declared = 0
        for year in 2019...2021 {
            let traded = members.filter { _ in dice.chance(60) }
            for member in traded {
                _ = try cli.execute(["shares", "issue", "--holder", member, "--class", "trade", "--amount", "\(dice.int(1...90) * 100)", "--date", "\(year)-06-01", "--reason", "交售"])
            }
            if let member = traded.first, dice.chance(40) {
                _ = try cli.execute(["shares", "retire", "--holder", member, "--class", "trade", "--amount", "50", "--date", "\(year)-07-01", "--reason", "退货"])
            }
            if traded.count >= 2, dice.chance(50) {
                _ = try cli.execute(["shares", "transfer", "--from", traded[0], "--to", traded[1], "--class", "trade", "--amount", "10", "--date", "\(year)-08-01", "--reason", "分户"])
            }
            if dice.chance(40) {
                _ = try cli.execute(["shares", "issue", "--holder", dice.pick(members), "--class", "capital", "--amount", "100", "--date", "\(year)-12-20", "--reason", "追加出资"])
            }
            var declare = ["dividend", "declare", "--id", "C\(year)", "--record-date", "\(year)-12-15", "--pool", dice.pick(["1", "999.99", "5000", "12345.67"]), "--basis", "cooperative"]
            if traded.isEmpty {
                #expect(try cli.shell("printf '\(members.map { "\($0),\(dice.int(1...9) * 1000)" }.joined(separator: "\\n"))\\n' > v\(year).csv").status == 0)
                declare += ["--transactions", "v\(year).csv"]
            }
            guard try cli.execute(declare).status == 0 else { continue }
            declared += 1
            guard dice.chance(25) else { continue }
            try withdrawAndDeclareAgain(declare, year: year, in: cli)
        }
        let verify = try cli.execute(["verify", "l.fenhong"])
        #expect(verify.status == 0, "seed \(seed): \(verify.stdout)")
        #expect(declared > 0, "seed \(seed) declared nothing")
    }
}
