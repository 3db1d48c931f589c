import Foundation
import LedgerCore
import Testing

/// C2SP signed notes and tlog checkpoints against ../shared/vectors/signed_note.json.
struct SignedNoteTests {
    private func vectors() throws -> [[String: Any]] {
        try Vectors.json("signed_note.json")["vectors"] as! [[String: Any]]
    }

    /// Every vkey parses and its key ID equals SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[:4].
    @Test func vkeysParseAndKeyIDsMatch() throws {
        for vector in try vectors() {
            let vkey = vector["vkey"] as! String
            let key = try NoteVerifierKey(vkey: vkey)
            #expect(key.vkey == vkey)
            #expect(NoteVerifierKey.keyID(name: key.name, algorithm: .ed25519, key: key.key) == key.id)
        }
        #expect(try NoteVerifierKey(vkey: "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k").id.hex == "530d903a")
    }

    /// Every published signed note verifies with its vkey and re-serialises byte for byte.
    @Test func publishedNotesVerify() throws {
        for vector in try vectors() {
            let key = try NoteVerifierKey(vkey: vector["vkey"] as! String)
            let note = try SignedNote(parsing: vector["signed_note"] as! String)
            #expect(note.text == vector["text"] as! String)
            #expect(note.serialized == vector["signed_note"] as! String)
            #expect(note.isSigned(by: key))
        }
    }

    /// Ed25519 is deterministic: signing the vector's text with its skey reproduces the note exactly.
    @Test func signingReproducesPublishedSignature() throws {
        for vector in try vectors() {
            guard let skey = vector["skey"] as? String else { continue }
            let signer = try NoteSigner(skey: skey)
            #expect(signer.skey == skey)
            #expect(signer.verifier.vkey == vector["vkey"] as! String)
            let note = try SignedNote.sign(text: vector["text"] as! String, with: signer)
            #expect(note.serialized == vector["signed_note"] as! String)
        }
    }

    /// A changed text, a changed signature byte and a wrong key all fail to verify.
    @Test func tamperedNotesFail() throws {
        let vector = try vectors()[1]
        let key = try NoteVerifierKey(vkey: vector["vkey"] as! String)
        let original = vector["signed_note"] as! String
        let changedText = try SignedNote(parsing: original.replacingOccurrences(of: "cryptography", with: "cryptographY"))
        #expect(!changedText.isSigned(by: key))
        let other = try NoteVerifierKey(vkey: try vectors()[0]["vkey"] as! String)
        #expect(!(try SignedNote(parsing: original)).isSigned(by: other))
        var note = try SignedNote(parsing: original)
        let sig = note.signatures[0]
        var bytes = sig.signature
        bytes[10] ^= 1
        note = SignedNote(text: note.text, signatures: [NoteSignature(name: sig.name, id: sig.id, signature: bytes)])
        #expect(!note.isSigned(by: key))
    }

    /// Malformed vkeys and notes are refused with a reason.
    @Test func malformedInputsAreRefused() {
        #expect(throws: NoteError.self) { try NoteVerifierKey(vkey: "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k") }
        #expect(throws: NoteError.self) { try NoteVerifierKey(vkey: "nameonly") }
        #expect(throws: NoteError.self) { try SignedNote(parsing: "text\n— a AAAA\n") }
        #expect(throws: NoteError.malformedNote("no signature lines after the blank line")) { try SignedNote(parsing: "text\n\n") }
        // A hyphen pair typed for the em dash is named, with the character the line needs.
        #expect(throws: NoteError.malformedNote("\"-- a AAAA\" after the blank line is no signature line, which starts with \"— \" (an em dash, U+2014, and a space)")) {
            try SignedNote(parsing: "text\n\n-- a AAAA\n")
        }
        #expect(throws: NoteError.self) { try Checkpoint(text: "fenhong/152223/baixin\n012\nAAAA\n") }
    }

    /// A checkpoint body is origin, size, base64 root; parse(text) round-trips.
    @Test func checkpointRoundTrip() throws {
        // printf '' | sha256sum → e3b0c442…: the empty tree's root.
        let root = SHA256Digest(hex: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")!
        let checkpoint = Checkpoint(origin: "fenhong/152223/baixin", size: 0, root: root)
        #expect(checkpoint.text == "fenhong/152223/baixin\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n")
        #expect(try Checkpoint(text: checkpoint.text) == checkpoint)
    }

    /// A cosignature (C2SP tlog-cosignature, type 0x04) verifies for its key and time only.
    @Test func cosignatureVerifies() throws {
        let accountant = try NoteSigner.generate(name: "accountant", algorithm: .ed25519)
        let inspector = try NoteSigner.generate(name: "inspector", algorithm: .cosignature)
        let checkpoint = Checkpoint(origin: "fenhong/152223/baixin", size: 3, root: SHA256Digest.hash([1, 2, 3]))
        var note = try SignedCheckpoint.sign(checkpoint, with: accountant).note
        try note.cosign(with: inspector, time: 1_700_000_000)
        let reparsed = try SignedNote(parsing: note.serialized)
        #expect(reparsed.isSigned(by: accountant.verifier))
        #expect(reparsed.cosignatureTime(by: inspector.verifier) == 1_700_000_000)
        #expect(reparsed.cosignatureTime(by: try NoteSigner.generate(name: "inspector", algorithm: .cosignature).verifier) == nil)
        // The cosignature line is name, then base64 of key ID (4) ‖ time (8) ‖ signature (64).
        let line = reparsed.signatures[1]
        #expect(line.signature.count == 72)
        #expect(inspector.verifier.id == NoteVerifierKey.keyID(name: "inspector", algorithm: .cosignature, key: inspector.key.verifyingKey))
    }
}
