import LedgerCore

/// A cooperative's transaction volumes per member, read from a two-column CSV
/// (`household,amount`, amounts as yuan; an optional header line, with no digit in its first
/// column and no amount in its second): the basis of the Art. 44 rebate.
public enum TransactionVolumes {
    /// The most lines a volumes file may have.
    public static let linesMax = 1_000_000

    /// Why a volumes file was refused, naming file and line.
    public struct Error: Swift.Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let reason: String
        public var description: String { "\(file) line \(line): \(reason)" }
    }

    /// Parses the file's text; every error names the line.
    public static func parse(_ text: String, file: String) throws(Error) -> [String: Int64] {
        var volumes = [String: Int64]()
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            guard number <= linesMax else { throw Error(file: file, line: number, reason: "more than \(linesMax) lines") }
            let line = trim(raw.filter { $0 != "\u{FEFF}" })
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", maxSplits: 1).map { trim($0) }
            guard fields.count == 2 else { throw Error(file: file, line: number, reason: "expected household,amount") }
            let amount: Fen
            do { amount = try Fen.parse(fields[1].filter { $0 != "\"" }) } catch {
                // A header names its columns (户号,2023年交易额): no digit in the household's
                // place. A first line naming a household (digits: 152223-001, M1) with a mistyped
                // amount (30O000, -300000, N/A) is an error like any other, never skipped.
                if number == 1 && !fields[0].contains(where: \.isNumber) { continue }
                throw Error(file: file, line: number, reason: "\(error)")
            }
            guard volumes[fields[0]] == nil else { throw Error(file: file, line: number, reason: "household \(fields[0]) appears twice") }
            volumes[fields[0]] = amount.value
        }
        return volumes
    }

    private static func trim(_ text: some StringProtocol) -> String {
        let blank: Set<Character> = [" ", "\t", "\r"]
        return String(text.drop { blank.contains($0) }.reversed().drop { blank.contains($0) }.reversed())
    }
}
