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
    @Option(help: "The checkpoint you kept last time: nothing is cosigned unless the ledger extends it.") var trusted: String?

    func run() throws {
        let path = try ledger.path
        let kept = try trusted.map(LedgerAudit.readTrusted)
        let outcome = try LedgerAudit.cosign(path: path, with: try key.signer(), time: UInt64(Date().timeIntervalSince1970), trusted: kept) { count in
            Printer.stderr("fenhong: verified \(count) entries…")
        }
        switch outcome {
        case .cosigned(let note, _):
            print(note.serialized, terminator: "")
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
