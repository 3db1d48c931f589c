/// Collects problems with a named limit per code, so that a ledger broken everywhere still
/// verifies in bounded memory: beyond ``perCodeMax`` problems of one code only a count is kept,
/// and the report ends with one problem that says how many were left out.
struct ProblemCollector: Sendable {
    /// The most problems of one code that are listed.
    static let perCodeMax = 1_000

    private(set) var problems: [Problem] = []
    private var counts: [String: Int] = [:]

    mutating func add(_ problem: Problem) {
        let count = counts[problem.code, default: 0] + 1
        counts[problem.code] = count
        if count <= Self.perCodeMax { problems.append(problem) }
    }

    /// Adds a problem whose detail is written only if it will be listed: a ledger broken at
    /// every entry costs a count, not a million sentences (nor the canonical form of a million
    /// bodies) that are then thrown away.
    mutating func add(seq: Int64?, _ code: ProblemCode, _ detail: @autoclosure () -> String) {
        let count = counts[code.rawValue, default: 0] + 1
        counts[code.rawValue] = count
        if count <= Self.perCodeMax { problems.append(Problem(seq: seq, code, detail())) }
    }

    mutating func add(contentsOf other: ProblemCollector) {
        for problem in other.problems { add(problem) }
        for (code, count) in other.counts where count > Self.perCodeMax {
            counts[code, default: 0] += count - Self.perCodeMax
        }
    }

    /// Every listed problem ordered by seq (problems without one last), discovery order kept
    /// within a seq, then one line per code whose problems were not all listed. What is wrong
    /// with a kept checkpoint itself (`inconsistent-with-trusted` at no entry: its signature, its
    /// origin) comes first: a kept file that is no evidence says so before the ledger is said to
    /// differ from it.
    func finished() -> [Problem] {
        func rank(_ problem: Problem) -> Int64 {
            problem.seq ?? (problem.code == ProblemCode.inconsistentWithTrusted.rawValue ? -1 : Int64.max)
        }
        let ordered = problems.enumerated().sorted { a, b in
            let sa = rank(a.element), sb = rank(b.element)
            return sa != sb ? sa < sb : a.offset < b.offset
        }.map(\.element)
        let omitted = counts.filter { $0.value > Self.perCodeMax }.sorted { $0.key < $1.key }.map { code, count in
            Problem(seq: nil, code: code, detail: "\(count - Self.perCodeMax) more \(code) problems are not listed (\(count) in all)")
        }
        return ordered + omitted
    }
}
