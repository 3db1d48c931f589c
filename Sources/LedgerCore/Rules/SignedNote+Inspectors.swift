extension SignedNote {
    /// The signature lines that are valid cosignatures by an inspector key of `keys` (its name
    /// and key both the key's): what a kept checkpoint holds as evidence. A line repeated once
    /// more, or an accountant's, is none.
    public func inspectorCosignatures(_ keys: [KeyID: LedgerState.KeyRecord]) -> [(signature: NoteSignature, record: LedgerState.KeyRecord)] {
        signatures.compactMap { signature in
            guard let record = keys[signature.id], record.role == .inspector, record.key.name == signature.name,
                  SignedNote(text: text, signatures: [signature]).cosignatureTime(by: record.key) != nil else { return nil }
            return (signature, record)
        }
    }
}
