import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

struct CosignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosign",
        abstract: "Verify the whole ledger, then add your inspector cosignature to its head checkpoint.",
        discussion: "Nothing is cosigned unless verification finds no problem (exit 1 otherwise).")

    @OptionGroup var ledger: LedgerOption
    @OptionGroup var key: KeyOption

    func run() throws {
        let path = try ledger.path
        let signer = try key.signer()
        guard signer.verifier.algorithm == .cosignature else {
            throw SourceError("key \(signer.name) is an accountant key; cosign with an inspector key (`fenhong key generate --role inspector`)")
        }
        let report = try Audit.verify(path: path, trusted: nil)
        guard let record = report.keys[signer.id], record.key == signer.verifier, record.role == .inspector else {
            throw SourceError("key \(signer.name) (\(signer.id)) is not an inspector key of \(path); enrol it first with `fenhong key add --vkey \(signer.verifier.vkey) --role inspector`")
        }
        if let retiredAt = record.retiredAt {
            throw SourceError("inspector key \(signer.name) (\(signer.id)) was retired at entry \(retiredAt) and can no longer cosign")
        }
        guard report.ok else {
            print(Audit.text(report), terminator: "")
            Printer.stderr("fenhong: \(path) did not verify; nothing was cosigned")
            throw ExitCode(1)
        }

        let store = try ledger.open()
        guard let head = try store.withReader({ try $0.checkpoint(size: report.size) }), head.checkpoint.root == report.root else {
            throw SourceError("\(path) changed while it was being verified; run cosign again")
        }
        if head.note.cosignatureTime(by: signer.verifier) != nil {
            Printer.stderr("fenhong: inspector \(signer.name) already cosigned checkpoint \(report.size)")
            return print(head.note.serialized, terminator: "")
        }
        var note = head.note
        try note.cosign(with: signer, time: UInt64(Date().timeIntervalSince1970))
        try store.addCosignature(size: report.size, keyID: signer.id, line: note.signatures[note.signatures.count - 1].line)
        print(note.serialized, terminator: "")
    }
}
