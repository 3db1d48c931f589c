import LedgerCore

/// The text of a bundle's VERIFY.txt: how to check it by hand with standard tools, and with
/// the project's verifier.
enum VerifyInstructions {
    /// The name on the first signature line of a note: the accountant's (cosignatures follow it).
    static func signer(of note: String) -> String? {
        guard let signatures = note.components(separatedBy: "\n\n").dropFirst().first else { return nil }
        return signatures.split(separator: "\n").first { $0.hasPrefix("— ") }?.dropFirst(2).split(separator: " ").first.map(String.init)
    }

    static func text(opening: LedgerOpen?, keys: [String], latest: Int64, signer: String?) -> String {
        let origin = opening?.origin ?? "?"
        let accountant = signer ?? keys.first.flatMap { $0.split(separator: "+").first.map(String.init) } ?? "NAME"
        return """
        Fenhong ledger bundle — \(opening?.org ?? "") \(origin)

        核验说明（监督小组）：
        一、用 fenhong 核验本目录：fenhong verify 本目录。显示 intact 即账本完整，没有被改动。
        二、保存本次的检查点 checkpoints/\(latest).txt。下次核验时加上 --trusted 该文件，
            可以查出删改、截断或另起的历史，以及被删掉的联署。
        三、没有 fenhong 时，可按下面的步骤，用常见工具逐条核对。

        entries.jsonl       line n (counting from 0) is exactly the body of entry n
        checkpoints/S.txt   the signed checkpoint of the first S entries, with any cosignatures
        keys.txt            every key the ledger names, one vkey a line (name+keyID+base64(type‖key))

        1. Verify everything with the project's verifier (exit 0 = intact, 1 = problems, 2 = cannot run):

             fenhong verify .
             fenhong verify . --trusted CHECKPOINT_YOU_KEPT.txt

        2. By hand. The hash of entry n is SHA-256(0x00 ‖ body); entry n+1's "prev" holds it:

             n=0; { printf '\\0'; sed -n "$((n+1))p" entries.jsonl | tr -d '\\n'; } | sha256sum
             sed -n "2p" entries.jsonl | grep -o '"prev":"[0-9a-f]*"'

           (A canonical body never holds a raw newline, so removing the line's newline is exact.)

        3. The checkpoint signature (Ed25519 over the first three lines of the note):

             grep '^\(accountant)+' keys.txt | cut -d+ -f3- | base64 -d | tail -c 32 > key.raw
             (printf '\\x30\\x2a\\x30\\x05\\x06\\x03\\x2b\\x65\\x70\\x03\\x21\\x00'; cat key.raw) > key.der
             openssl pkey -pubin -inform DER -in key.der -out key.pem
             head -n 3 checkpoints/\(latest).txt > signed.txt
             grep '^— \(accountant) ' checkpoints/\(latest).txt | cut -d' ' -f3 | base64 -d | tail -c 64 > sig.bin
             openssl pkeyutl -verify -pubin -inkey key.pem -rawin -in signed.txt -sigfile sig.bin

           The root on line 3 is the RFC 9162 Merkle tree hash of the entry hashes in order
           (node = SHA-256(0x01 ‖ left ‖ right)); docs/verify_bundle.py in the project recomputes
           it, with the chain, every signature and that every entry is covered, in a page of Python.

        """
    }
}
