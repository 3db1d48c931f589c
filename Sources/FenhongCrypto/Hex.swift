/// Lowercase hexadecimal, the encoding of every hash and key ID in the ledger format.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lowercase hex of the bytes at `buffer`, written straight into the string's storage: every
    /// entry written carries its `prev` hash in hex.
    public static func encode(_ buffer: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: buffer.count * 2) { out in
            for (i, byte) in buffer.enumerated() {
                out[2 * i] = digits[Int(byte >> 4)]
                out[2 * i + 1] = digits[Int(byte & 0x0f)]
            }
            return buffer.count * 2
        }
    }

    /// The bytes of an even-length hex string (either case); nil for anything else.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// Decodes the hex digits at `digits` into `out`, two digits a byte (`digits` must hold twice
    /// as many bytes as `out`); false when a byte is not a digit — an uppercase one included,
    /// with `lowercaseOnly`. Table-driven and branch-free in the loop: every entry read parses
    /// its `prev` this way.
    public static func decode(_ digits: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer, lowercaseOnly: Bool) -> Bool {
        precondition(digits.count == 2 * out.count)
        if lowercaseOnly && digits.count % 8 == 0 {
            // Eight digits at a time: a hash is 64 digits, a key ID 8.
            for word in 0..<digits.count / 8 {
                let eight = UInt64(littleEndian: digits.loadUnaligned(fromByteOffset: 8 * word, as: UInt64.self))
                guard let four = decodeLowercase(eight) else { return false }
                out.storeBytes(of: four.littleEndian, toByteOffset: 4 * word, as: UInt32.self)
            }
            return true
        }
        let table = lowercaseOnly ? lowercaseValues : anyCaseValues
        return table.withUnsafeBufferPointer { value in
            var invalid: UInt8 = 0
            for i in 0..<out.count {
                let high = value[Int(digits[2 * i])], low = value[Int(digits[2 * i + 1])]
                invalid |= high | low
                out[i] = high << 4 | (low & 0x0F)
            }
            return invalid & 0xF0 == 0
        }
    }

    /// The four bytes of eight lowercase hex digits (the first digit in the lowest byte of
    /// `word`, the first byte in the lowest byte of the result); nil unless each is 0–9 or a–f.
    /// Each range test adds to every byte at once: bytes below 0x80 cannot carry into the next.
    @inline(__always)
    static func decodeLowercase(_ word: UInt64) -> UInt32? {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        guard word & highs == 0 else { return nil }
        let digit = (word &+ ones &* 0x50) & ~(word &+ ones &* 0x46) & highs   // 0x30 ≤ byte ≤ 0x39
        let letter = (word &+ ones &* 0x1F) & ~(word &+ ones &* 0x19) & highs  // 0x61 ≤ byte ≤ 0x66
        guard digit | letter == highs else { return nil }
        // A digit's value is its low four bits; a letter's, those + 9 (bit 6 marks a letter).
        let nibbles = (word & 0x0F0F_0F0F_0F0F_0F0F) &+ ((word >> 6) & ones) &* 9
        // Pairs of nibbles into bytes, then the four bytes together.
        let lanes: UInt64 = 0x000F_000F_000F_000F
        var packed = (nibbles & lanes) << 4 | (nibbles >> 8 & lanes)
        packed = (packed | packed >> 8) & 0x0000_FFFF_0000_FFFF
        packed = (packed | packed >> 16) & 0xFFFF_FFFF
        return UInt32(packed)
    }

    /// The value of one hex digit, either case.
    static func nibble(_ c: UInt8) -> UInt8? { anyCaseValues[Int(c)] < 16 ? anyCaseValues[Int(c)] : nil }

    /// Each byte's value as a hex digit, 0xFF for a byte that is not one.
    private static let lowercaseValues: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        default: 0xFF
        }
    }

    private static let anyCaseValues: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: lowercaseValues[byte]
        }
    }
}
