import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore
import LedgerVerifier

/// `fenhong cosignature add FILE`: the accountant adds an inspector's cosignature made on a copy.
struct CosignatureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosignature", abstract: "Add to the ledger the cosignature an inspector made on a copy of it.",
        subcommands: [CosignatureAddCommand.self])
}

struct CosignatureAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add the cosignatures of a checkpoint an inspector cosigned (the output of `fenhong cosign` on a bundle).",
        discussion: "Each must be by an inspector key of the ledger and verify over the ledger's own checkpoint of that size.")

    @Argument(help: "The cosigned checkpoint the inspector gave back.") var file: String
    @OptionGroup var ledger: LedgerOption

    func run() throws {
        let kept = try LedgerAudit.readTrusted(file, label: "cosigned checkpoint")
        guard kept.note.signatures.count > 1 else {
            throw ValidationError("\(file) carries the accountant's signature only, no inspector's cosignature: give the checkpoint `fenhong cosign` printed")
        }
        let added = try LedgerAudit.addCosignatures(path: try ledger.path, from: kept)
        if added.isEmpty {
            print("checkpoint \(kept.checkpoint.size) already carries every cosignature in \(file)")
        } else {
            print("added to checkpoint \(kept.checkpoint.size) the cosignature of inspector \(added.joined(separator: ", "))")
        }
    }
}

struct CosignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosign",
        abstract: "Verify the whole ledger, then add your inspector cosignature to its head checkpoint.",
        discussion: "Nothing is cosigned unless verification finds no problem (exit 1 otherwise). On a bundle (a copy) nothing is written: the cosigned checkpoint is printed, for the accountant's `fenhong cosignature add`.")

    @Argument(help: "The ledger file or bundle folder, as for verify (or --ledger).") var path: String?
    @OptionGroup var ledger: LedgerOption
    @OptionGroup var key: KeyOption
    @Option(parsing: .unconditional, help: "The checkpoint you kept last time: nothing is cosigned unless the ledger extends it.") var trusted: String?

    func run() throws {
        if path != nil, ledger.ledger != nil { throw ValidationError("give the ledger once: as PATH or as --ledger") }
        let path = try self.path ?? ledger.path
        let kept = try trusted.map { try LedgerAudit.readTrusted($0) }
        let outcome = try LedgerAudit.cosign(path: path, with: try key.signer(), time: UInt64(Date().timeIntervalSince1970), trusted: kept) { count in
            Printer.stderr("fenhong: verified \(count) entries…")
        }
        switch outcome {
        case .cosigned(let note, _):
            print(note.serialized, terminator: "")
        case .cosignedCopy(let note, let report):
            print(note.serialized, terminator: "")
            Printer.stderr("fenhong: \(path) is a copy: nothing was written; give the checkpoint printed above (size \(report.size)) to the village's accountant, who adds it with `fenhong cosignature add FILE`")
        case .alreadyCosigned(let note, let report):
            Printer.stderr("fenhong: this inspector already cosigned checkpoint \(report.size)")
            print(note.serialized, terminator: "")
        case .refused(let report):
            print(ReportPrinter.text(report, trusted: kept), terminator: "")
            Printer.stderr("fenhong: \(path) did not verify; nothing was cosigned")
            throw ExitCode(1)
        }
    }
}
