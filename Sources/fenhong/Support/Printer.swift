import Foundation
import LedgerCore
import LedgerStore

/// What commands print: short lines a person reads, or JSON for programs.
enum Printer {
    /// `1 row`, `2 rows`: a count with its noun, in the singular for one.
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// `entry 6`, or `entries 6–9`.
    static func entries(_ first: Int64, _ last: Int64) -> String { first == last ? "entry \(first)" : "entries \(first)–\(last)" }

    static func recorded(_ result: AppendResult) {
        for (entry, hash) in zip(result.entries, result.hashes) {
            print("recorded entry \(entry.seq)  \(entry.kind.rawValue)  \(summary(entry))  hash \(hash.shortHex)")
        }
        checkpoint(result.checkpoint, label: "checkpoint")
    }

    static func checkpoint(_ signed: SignedCheckpoint, label: String) {
        let signers = signed.note.signatures.map(\.name).joined(separator: ", ")
        print("\(label) \(signed.checkpoint.size)  root \(signed.checkpoint.root.shortHex)  signed by \(signers)")
    }

    /// One line that says what an entry is about: on one line whatever its text holds (a reason
    /// may run to several).
    static func summary(_ entry: Entry) -> String { MessageText.oneLine(summaryText(entry)) }

    private static func summaryText(_ entry: Entry) -> String {
        switch entry.payload {
        case .ledgerOpen(let p): "\(p.org) \(p.origin)"
        case .keyAdd(let p), .keyRetire(let p): "\(p.role.rawValue) \(p.key)"
        case .householdRegister(let p): "\(p.household) \(p.head) members \(p.members)\(p.poor ? " registered-poor" : "")"
        case .householdUpdate(let p): "\(p.household) from \(p.date)"
        case .sharesIssue(let p), .sharesRetire(let p): "\(p.holder) \(ShareClass.quantity(p.units, of: p.shareClass)) \(p.shareClass)"
        case .sharesTransfer(let p): "\(p.from) → \(p.to) \(ShareClass.quantity(p.units, of: p.shareClass)) \(p.shareClass)"
        case .fundReceive(let p): "\(p.amount.formatted) from \(p.source)"
        case .investmentMake(let p): "\(p.amount.formatted) in \(p.counterparty) at \(p.returnBp)bp"
        case .incomeRecord(let p), .expenseRecord(let p): "\(p.amount.formatted) \(p.category) \(p.counterparty)"
        case .dividendDeclare(let p): "\(p.id) pool \(p.pool.formatted) allocated \(p.allocated.formatted)"
        case .dividendAllocate(let p): "\(p.id) \(p.household) \(p.amount.formatted)"
        case .dividendPay(let p): "\(p.id) \(p.household) \(p.amount.formatted) by \(p.channel.rawValue)"
        case .entryReverse(let p): "entry \(p.target): \(p.reason)"
        }
    }

    static func stderr(_ line: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((line + (newline ? "\n" : "")).utf8))
    }
}
