import Bench
import SeededRandom

/// Seeded random mutations of valid inputs, as libFuzzer makes them: bit flips, byte changes,
/// insertions and deletions, truncation, a chunk duplicated, two inputs spliced, and tokens
/// that the parsers give meaning to (quotes, escapes, separators, line ends, big numbers).
struct Mutator {
    private var rng: SplitMix64
    /// Inputs to splice from.
    private let corpus: [[UInt8]]
    /// The longest input made.
    static let sizeMax = 256 * 1024

    /// Bytes with a meaning to some parser here, and characters that break lines.
    static let tokens: [[UInt8]] = [
        "\n", "\r", "\r\n", "\\n", "\\r", "\\u2028", "\u{2028}", "\u{85}", "\u{0B}", "\u{0C}", "\\u0000", "\u{0}",
        "\"", "\"\"", "\\", ",", ":", "{", "}", "[", "]", "{}", "[]", "-", "+", ".", "0", "00", "9007199254740991",
        "9007199254740992", "-9007199254740992", "99999999999999999999", "1e5", "1.5", "true", "false", "null",
        "元", "¥", "￥", "　", "—", "— ", " ", "\t", "\u{FEFF}", "\u{FFFD}", "\\ud800", "\\udc00", "\\ud83d\\ude00",
        "=", "==", "+", "/", "PRIVATE+KEY+", "\n\n", "1,000", ",,", "\"kind\":", "\"seq\":", "\"v\":2",
    ].map { Array($0.utf8) }

    init(seed: UInt64, corpus: [[UInt8]]) {
        rng = SplitMix64(seed: seed)
        self.corpus = corpus
    }

    /// A corpus input, mutated one to four times.
    mutating func next() -> (original: [UInt8], mutated: [UInt8]) {
        let original = corpus[Int.random(in: 0..<corpus.count, using: &rng)]
        var bytes = original
        for _ in 0..<Int.random(in: 1...4, using: &rng) { mutate(&bytes) }
        return (original, bytes)
    }

    private mutating func position(in bytes: [UInt8], end: Bool = true) -> Int {
        Int.random(in: 0...(end ? bytes.count : max(0, bytes.count - 1)), using: &rng)
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        switch Int.random(in: 0..<9, using: &rng) {
        case 0 where !bytes.isEmpty:
            bytes[position(in: bytes, end: false)] ^= 1 << UInt8.random(in: 0...7, using: &rng)
        case 1 where !bytes.isEmpty:
            bytes[position(in: bytes, end: false)] = UInt8.random(in: 0...255, using: &rng)
        case 2:
            let at = position(in: bytes)
            bytes.insert(contentsOf: (0..<Int.random(in: 1...4, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: at)
        case 3 where !bytes.isEmpty:
            let from = position(in: bytes, end: false)
            bytes.removeSubrange(from..<min(bytes.count, from + Int.random(in: 1...16, using: &rng)))
        case 4:
            bytes.removeSubrange(position(in: bytes)...)
        case 5 where !bytes.isEmpty:
            let from = position(in: bytes, end: false)
            let chunk = bytes[from..<min(bytes.count, from + Int.random(in: 1...256, using: &rng))]
            let copies = Int.random(in: 0..<8, using: &rng) == 0 ? Int.random(in: 2...64, using: &rng) : 1
            let at = position(in: bytes)
            for _ in 0..<copies where bytes.count + chunk.count <= Self.sizeMax { bytes.insert(contentsOf: chunk, at: at) }
        case 6:
            let other = corpus[Int.random(in: 0..<corpus.count, using: &rng)]
            bytes = Array(bytes[..<position(in: bytes)]) + Array(other[position(in: other)...])
        default:
            bytes.insert(contentsOf: Self.tokens[Int.random(in: 0..<Self.tokens.count, using: &rng)], at: position(in: bytes))
        }
    }
}
