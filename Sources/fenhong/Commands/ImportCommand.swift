import ArgumentParser
import Foundation
import LedgerCore
import LedgerStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a CSV file as Excel writes it (UTF-8, with or without BOM, or GB18030): every row, or nothing.",
        discussion: """
            households: 户号,户主,人口,建档立卡,身份证号,账号,日期 (household,head,members,poor,id,account,date)
            shares:     户号,股别,股数,日期,事由 (holder,class,units,date,reason)
            payments:   分配编号,户号,金额,方式,账号,凭证号,日期 (id,household,amount,channel,account,reference,date)
            Full ID and account numbers are masked before anything is stored. `fenhong log --csv` writes these files.
            """)

    @Argument(help: "households, shares or payments.") var kind: String
    @Argument(help: "The CSV file.") var file: String
    @OptionGroup var write: WriteOptions
    @Flag(help: "payments: record payments made into accounts other than their households' registered ones, as made (else refused).")
    var otherAccounts = false

    func run() throws {
        guard let importKind = ImportKind(rawValue: kind) else {
            throw ValidationError("\(kind) is not something fenhong imports; write households, shares or payments")
        }
        if otherAccounts && importKind != .payments { throw ValidationError("--other-accounts goes with payments, not \(kind)") }
        let table = try CSVTable(file: file, bytes: try InputFile.contents(of: file))
        let total = table.records.count
        let large = total > ImportBatch.progressInterval
        if large { Printer.stderr("\(file): \(total) rows, \(table.encoding); checking every row before writing") }
        let checked: Result<ImportBatch, CSVError>
        do {
            checked = .success(try ImportBatch(kind: importKind, table: table, latest: Parse.today()) { done, total in
                Printer.stderr("checked \(done) of \(total) rows")
            })
        } catch {
            checked = .failure(error)
        }
        if case .failure(let error) = checked, !error.others.isEmpty {
            // Every row at fault named, one a line, so that the sheet is put right in one pass.
            for fault in [error] + error.others { Printer.stderr("fenhong: " + Fenhong.message(for: fault)) }
            let count = 1 + error.others.count + error.othersUnnamed
            Printer.stderr("fenhong: \(count) rows of \(file) are at fault\(error.othersUnnamed > 0 ? " (the first \(1 + error.others.count) named)" : ""); nothing was recorded")
            throw ExitCode(2)
        }
        let batch = try checked.get()
        guard !batch.payloads.isEmpty else { throw ValidationError("\(file) has no rows below its header; nothing was recorded") }
        let store = try write.ledger.open()
        if large { Printer.stderr("writing \(total) entries in one transaction") }
        let result = try store.importRows(batch, signer: try write.key.signer(), at: try write.time, otherAccounts: otherAccounts)
        let first = result.entries.first!.seq, last = result.entries.last!.seq
        print("read \(file) (\(table.encoding)): \(Printer.count(total, "row"))")
        print("recorded \(Printer.entries(first, last))  \(total) × \(importKind.entryKind.rawValue)")
        Printer.checkpoint(result.checkpoint, label: "checkpoint")
    }
}
