/// An option given twice on one command line, where it takes one value: the parser keeps the
/// last without a word, so `income record --amount 5 --amount 50000` had recorded 50,000.00.
enum RepeatedOptions {
    /// The options a command takes again and again (each adds one).
    static let repeatable: Set<String> = ["--appropriation", "--new-village"]

    /// The sentence for the first option of `arguments` (the command line after the program's
    /// name) given twice, or nil. What follows a bare `--`, and `bench run`'s command, are
    /// another program's.
    static func problem(in arguments: [String]) -> String? {
        guard arguments.first != "bench" else { return nil }
        var values: [String: [String]] = [:]
        var order: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" { break }
            index += 1
            guard token.hasPrefix("--"), token.count > 2 else { continue }
            let parts = token.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            var value = parts.count == 2 ? String(parts[1]) : ""
            if parts.count == 1, index < arguments.count, !arguments[index].hasPrefix("--") { value = arguments[index] }
            guard !repeatable.contains(name) else { continue }
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(value)
        }
        guard let name = order.first(where: { values[$0]!.count > 1 }) else { return nil }
        let given = values[name]!.filter { !$0.isEmpty }
        return "\(name) is given \(values[name]!.count == 2 ? "twice" : "\(values[name]!.count) times")" + (given.isEmpty ? "" : " (\(given.joined(separator: ", ")))") + "; give it once"
    }
}
