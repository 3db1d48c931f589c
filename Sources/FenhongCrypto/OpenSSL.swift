internal import COpenSSL

/// A SHA-256 digest: 32 bytes held by value, compared and hashed without allocation.
public struct SHA256Digest: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The digest as four big-endian words, so that `<` orders digests as their bytes do.
    private var words: (UInt64, UInt64, UInt64, UInt64)

    /// The number of bytes in a digest.
    public static let byteCount = 32

    /// The all-zero digest, used as `prev` of entry 0.
    public static let zero = SHA256Digest(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    /// Wraps exactly 32 bytes; returns nil for any other length.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == Self.byteCount else { return nil }
        var value = SHA256Digest.zero
        // One copy from contiguous storage (arrays, Data, buffers): a byte-by-byte walk through
        // a generic collection costs more than the SHA-256 itself.
        let copied = withUnsafeMutableBytes(of: &value.words) { raw in
            bytes.withContiguousStorageIfAvailable { source in raw.copyMemory(from: UnsafeRawBufferPointer(source)) } != nil
        }
        if !copied {
            withUnsafeMutableBytes(of: &value.words) { raw in
                var i = 0
                for byte in bytes { raw[i] = byte; i += 1 }
            }
        }
        self = value
    }

    /// Wraps the 32 bytes at `buffer`; nil for any other length.
    public init?(bytes buffer: UnsafeRawBufferPointer) {
        guard buffer.count == Self.byteCount else { return nil }
        var value = SHA256Digest.zero
        withUnsafeMutableBytes(of: &value.words) { $0.copyMemory(from: buffer) }
        self = value
    }

    /// Parses 64 hex digits (either case); returns nil otherwise.
    public init?(hex: some StringProtocol) {
        self.init(hex: String(hex))
    }

    /// Parses 64 hex digits (either case) straight into the digest, allocating nothing.
    public init?(hex: String) {
        var text = hex
        guard let value = text.withUTF8({ Self.parse(UnsafeRawBufferPointer($0), lowercaseOnly: false) }) else { return nil }
        self = value
    }

    /// Parses exactly 64 lowercase hex digits — a hash as the ledger format writes it — straight
    /// from the bytes of a body; nil for anything else. Every entry's `prev` is read this way.
    public init?(lowercaseHex digits: UnsafeRawBufferPointer) {
        guard let value = Self.parse(digits, lowercaseOnly: true) else { return nil }
        self = value
    }

    private static func parse(_ digits: UnsafeRawBufferPointer, lowercaseOnly: Bool) -> SHA256Digest? {
        guard digits.count == 2 * byteCount else { return nil }
        var value = SHA256Digest.zero
        let parsed = Swift.withUnsafeMutableBytes(of: &value.words) { Hex.decode(digits, into: $0, lowercaseOnly: lowercaseOnly) }
        return parsed ? value : nil
    }

    /// SHA-256 of `data`.
    public static func hash(_ data: UnsafeRawBufferPointer) -> SHA256Digest {
        var digest = SHA256Digest.zero
        withUnsafeMutableBytes(of: &digest.words) { out in
            _ = COpenSSL.SHA256(
                data.baseAddress?.assumingMemoryBound(to: UInt8.self), data.count,
                out.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        return digest
    }

    /// SHA-256 of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// SHA-256 of `prefix ‖ data`, without copying `data`: the RFC 9162 leaf hash when prefix is 0x00.
    public static func hash(prefix: UInt8, _ data: UnsafeRawBufferPointer) -> SHA256Digest {
        var context = SHA256_CTX()
        var prefixByte = prefix
        var digest = SHA256Digest.zero
        SHA256_Init(&context)
        SHA256_Update(&context, &prefixByte, 1)
        if let base = data.baseAddress { SHA256_Update(&context, base, data.count) }
        withUnsafeMutableBytes(of: &digest.words) { out in
            _ = SHA256_Final(out.baseAddress!.assumingMemoryBound(to: UInt8.self), &context)
        }
        return digest
    }

    /// SHA-256 of `prefix ‖ bytes`.
    public static func hash(prefix: UInt8, _ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash(prefix: prefix, $0) }
    }

    /// SHA-256 of `prefix ‖ left ‖ right`: the RFC 9162 interior node hash when prefix is 0x01.
    public static func hash(prefix: UInt8, _ left: SHA256Digest, _ right: SHA256Digest) -> SHA256Digest {
        var context = SHA256_CTX()
        var prefixByte = prefix
        var pair = (left.words, right.words)
        var digest = SHA256Digest.zero
        SHA256_Init(&context)
        SHA256_Update(&context, &prefixByte, 1)
        Swift.withUnsafeBytes(of: &pair) { both in _ = SHA256_Update(&context, both.baseAddress, 64) }
        withUnsafeMutableBytes(of: &digest.words) { out in
            _ = SHA256_Final(out.baseAddress!.assumingMemoryBound(to: UInt8.self), &context)
        }
        return digest
    }

    /// Gives the 32 bytes to `body`.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var copy = words
        return try Swift.withUnsafeBytes(of: &copy, body)
    }

    /// The 32 bytes as an array.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Lowercase hex, 64 digits.
    public var hex: String { withUnsafeBytes(Hex.encode) }

    /// The first 8 hex digits, as statements print a hash.
    public var shortHex: String { String(hex.prefix(8)) }

    public var description: String { hex }

    public static func == (a: SHA256Digest, b: SHA256Digest) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    public static func < (a: SHA256Digest, b: SHA256Digest) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}

/// Failures of the cryptographic library, translated once here.
public enum CryptoError: Error, Equatable, CustomStringConvertible {
    /// A key had the wrong number of bytes.
    case keyLength(expected: Int, found: Int)
    /// OpenSSL refused an operation; the string is its own reason.
    case openssl(String)

    public var description: String {
        switch self {
        case .keyLength(let expected, let found): "an Ed25519 key has \(expected) bytes, this one has \(found)"
        case .openssl(let reason): "OpenSSL: \(reason)"
        }
    }

    static func fromQueue() -> CryptoError {
        let code = ERR_get_error()
        guard code != 0 else { return .openssl("unknown error") }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return .openssl(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}

/// An Ed25519 private key, held as its 32-byte seed.
public struct SigningKey: Sendable {
    /// The 32-byte seed (RFC 8032 private key).
    public let seed: [UInt8]
    /// The matching public key.
    public let verifyingKey: VerifyingKey

    /// Wraps a 32-byte seed.
    public init(seed: [UInt8]) throws {
        guard seed.count == 32 else { throw CryptoError.keyLength(expected: 32, found: seed.count) }
        self.seed = seed
        self.verifyingKey = try Self.withKey(seed) { key in
            var length = 32
            var bytes = [UInt8](repeating: 0, count: 32)
            guard EVP_PKEY_get_raw_public_key(key, &bytes, &length) == 1 else { throw CryptoError.fromQueue() }
            return try VerifyingKey(bytes: bytes)
        }
    }

    /// A new key from the operating system's randomness.
    public static func generate() throws -> SigningKey {
        try SigningKey(seed: Random.bytes(32))
    }

    /// The Ed25519 signature (64 bytes) of `message`. Deterministic: the same key and message
    /// always give the same signature.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        try Self.withKey(seed) { key in
            guard let context = EVP_MD_CTX_new() else { throw CryptoError.fromQueue() }
            defer { EVP_MD_CTX_free(context) }
            guard EVP_DigestSignInit(context, nil, nil, nil, key) == 1 else { throw CryptoError.fromQueue() }
            var signature = [UInt8](repeating: 0, count: 64)
            var length = 64
            guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
                throw CryptoError.fromQueue()
            }
            return signature
        }
    }

    private static func withKey<R>(_ seed: [UInt8], _ body: (OpaquePointer) throws -> R) throws -> R {
        guard let key = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else {
            throw CryptoError.fromQueue()
        }
        defer { EVP_PKEY_free(key) }
        return try body(key)
    }
}

/// An Ed25519 public key (32 bytes).
public struct VerifyingKey: Hashable, Sendable {
    /// The 32 bytes of the key.
    public let bytes: [UInt8]

    /// Wraps 32 bytes; the key is checked when first used.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == 32 else { throw CryptoError.keyLength(expected: 32, found: bytes.count) }
        self.bytes = bytes
    }

    /// True when `signature` is a valid Ed25519 signature of `message` by this key.
    /// Never throws: a malformed key or signature simply does not verify.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
        guard signature.count == 64,
              let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, bytes, bytes.count)
        else {
            ERR_clear_error()
            return false
        }
        defer { EVP_PKEY_free(key) }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, nil, nil, key) == 1 else {
            ERR_clear_error()
            return false
        }
        let ok = EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
        if !ok { ERR_clear_error() }
        return ok
    }
}

/// Cryptographically secure random bytes from OpenSSL's generator.
public enum Random {
    /// `count` random bytes.
    public static func bytes(_ count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&out, Int32(count)) == 1 else { throw CryptoError.fromQueue() }
        return out
    }
}
