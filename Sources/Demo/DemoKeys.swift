import LedgerCore

/// The demo's keys, derived from fixed, published seeds so that the demo ledger is the same
/// byte for byte on every machine. They protect nothing: never use them for a real ledger.
public enum DemoKeys {
    public static let accountant = signer("baixin-accountant", .ed25519)
    public static let inspector = signer("zalaite-inspector", .cosignature)

    private static func signer(_ name: String, _ algorithm: NoteAlgorithm) -> NoteSigner {
        let seed = SHA256Digest.hash(Array("fenhong demo key: \(name) (not secret)".utf8)).bytes
        return try! NoteSigner(name: name, algorithm: algorithm, key: SigningKey(seed: seed))
    }
}
