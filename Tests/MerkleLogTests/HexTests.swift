import FenhongCrypto
import Testing

/// Lowercase hex as hashes and key IDs are read from a body: eight digits at a time.
struct HexTests {
    /// Every byte value at every place of a hash's 64 digits: accepted exactly when it is 0–9 or
    /// a–f, and then read as the digit it is.
    @Test func everyByteAtEveryPlace() {
        let hex = Array("00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210".utf8)
        let bytes = hex.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) }
        #expect(bytes?.hex == String(decoding: hex, as: UTF8.self))
        let lowercase = Set("0123456789abcdef".utf8)
        for place in hex.indices {
            for byte in UInt8.min...UInt8.max {
                var digits = hex
                digits[place] = byte
                let read = digits.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) }
                if lowercase.contains(byte) {
                    #expect(read?.hex == String(decoding: digits, as: UTF8.self), "\(byte) at \(place)")
                } else {
                    #expect(read == nil, "\(byte) at \(place)")
                }
            }
        }
    }

    /// Eight digits read at once give the bytes the digits name, first digit first.
    @Test func eightDigitsToFourBytes() {
        var out = [UInt8](repeating: 0, count: 4)
        let ok = Array("0a1b2c3f".utf8).withUnsafeBytes { digits in
            out.withUnsafeMutableBytes { Hex.decode(digits, into: $0, lowercaseOnly: true) }
        }
        #expect(ok && out == [0x0A, 0x1B, 0x2C, 0x3F])
    }
}
