/// A growing byte buffer with the few PDF number and string encodings the renderer needs.
///
/// Everything is appended as bytes, never through `String(format:)`: rendering 10,000
/// statements must stay well under a second per thousand.
struct PDFBuffer {
    /// The bytes written so far.
    var bytes: [UInt8] = []

    /// Creates an empty buffer with room for `capacity` bytes.
    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends ASCII text (operators, names, dictionary keys).
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends the UTF-8 bytes of `text`; callers pass only ASCII.
    mutating func appendASCII(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Appends a byte.
    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a decimal integer.
    mutating func append(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(-value)
            return
        }
        if value >= 10 { append(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Appends `value` with at most two decimals and no trailing zeros ("72", "72.5", "-0.25").
    mutating func append(number value: Double) {
        var hundredths = Int((value * 100).rounded())
        if hundredths < 0 {
            bytes.append(UInt8(ascii: "-"))
            hundredths = -hundredths
        }
        append(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }
    }

    /// Appends `value` as exactly `digits` decimal digits, zero-padded (xref offsets, dates).
    mutating func append(_ value: Int, zeroPaddedTo digits: Int) {
        precondition(value >= 0, "zero-padded numbers are non-negative")
        var digitsReversed: [UInt8] = []
        var rest = value
        repeat {
            digitsReversed.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        for _ in digitsReversed.count..<max(digits, digitsReversed.count) { bytes.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: digitsReversed.reversed())
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends a 16-bit code unit as four hex digits (inside `<…>` strings).
    mutating func append(hex16 unit: UInt16) {
        bytes.append(Self.hexDigits[Int(unit >> 12)])
        bytes.append(Self.hexDigits[Int((unit >> 8) & 0xF)])
        bytes.append(Self.hexDigits[Int((unit >> 4) & 0xF)])
        bytes.append(Self.hexDigits[Int(unit & 0xF)])
    }

    /// Appends a PDF text string as UTF-16BE hex with a byte-order mark (`/Title`, any Unicode).
    mutating func append(textString text: String) {
        append("<FEFF")
        for unit in text.utf16 { append(hex16: unit) }
        append(">")
    }

    /// Appends a literal string `( … )` of printable ASCII bytes, escaping `\`, `(` and `)`.
    mutating func append(literal ascii: [UInt8]) {
        bytes.append(UInt8(ascii: "("))
        for byte in ascii {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") {
                bytes.append(UInt8(ascii: "\\"))
            }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: ")"))
    }
}
