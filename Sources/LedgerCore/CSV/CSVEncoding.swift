#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The encodings Excel writes CSV in on Chinese machines: "CSV UTF-8" (with a BOM), plain
/// UTF-8 from other tools, and "CSV" in the system code page, GB18030 (a superset of GBK/GB2312).
public enum CSVEncoding: String, Sendable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case gb18030 = "GB18030"

    public var description: String { rawValue }

    /// The bytes as UTF-8 without a BOM, and the encoding they were in: valid UTF-8 is taken as
    /// UTF-8 (ASCII is both, and reads the same), anything else is converted from GB18030.
    public static func decode(_ bytes: [UInt8]) throws(CSVProblem) -> (utf8: [UInt8], encoding: CSVEncoding) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .utf16 }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            var rest = Array(bytes.dropFirst(3))
            while rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest.removeFirst(3) }  // a mark saved twice
            guard let offset = firstInvalidUTF8(rest) else { return (rest, .utf8BOM) }
            throw .undecodable(byteOffset: offset + 3)
        }
        guard let utf8Offset = firstInvalidUTF8(bytes) else { return (bytes, .utf8) }
        do {
            var utf8 = try fromGB18030(bytes)
            // GB18030's own byte-order mark (84 31 95 33, U+FEFF), which some editors write: dropped as UTF-8's is.
            while utf8.starts(with: [0xEF, 0xBB, 0xBF]) { utf8.removeFirst(3) }
            return (utf8, .gb18030)
        } catch {
            // Name the bad byte of whichever encoding got further: that is the one the file is in.
            guard case .undecodable(let gbOffset) = error else { throw error }
            throw .undecodable(byteOffset: max(utf8Offset, gbOffset))
        }
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// Converts GB18030 to UTF-8 with glibc's iconv; throws the offset of the first bad byte.
    static func fromGB18030(_ bytes: [UInt8]) throws(CSVProblem) -> [UInt8] {
        guard let converter = iconv_open("UTF-8", "GB18030"), Int(bitPattern: converter) != -1 else {
            preconditionFailure("iconv cannot convert GB18030 on this system")
        }
        defer { iconv_close(converter) }
        // One GB18030 byte becomes at most 3 UTF-8 bytes (a 2-byte character becomes 3).
        var output = [UInt8](repeating: 0, count: bytes.count * 3 / 2 + 16)
        var input = bytes
        let (consumed, produced, failed): (Int, Int, Bool) = input.withUnsafeMutableBytes { inBuffer in
            output.withUnsafeMutableBytes { outBuffer in
                var inPointer = inBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return (inBuffer.count - inLeft, outBuffer.count - outLeft, result == -1)
            }
        }
        if failed { throw .undecodable(byteOffset: consumed) }
        output.removeSubrange(produced...)
        return output
    }
}
