import ArgumentParser
import Demo
import Foundation
import LedgerCore
import LedgerStore

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build the ledger of 白辛嘎查 (Baixin Gacha) from the source article, verify it, cosign it, print Chen Mei's statement.")

    @Option(help: "The folder to create.") var out: String = "fenhong-demo"

    func run() throws {
        let started = Date()
        let run = try DemoRun.create(in: out)
        print("白辛嘎查 (Baixin Gacha) ledger, 2018–2024: \(run.entries) entries, \(run.checkpoints) checkpoints, built in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        print("")
        print("$ fenhong verify \(out)/baixin.fenhong")
        print(ReportPrinter.text(run.report))
        print("$ fenhong cosign --ledger \(out)/baixin.fenhong --key \(out)/inspector.key")
        print(run.cosigned.serialized)
        print("$ fenhong statement --ledger \(out)/baixin.fenhong --household \(DemoVillage.chenMei) --date 2024-12-31")
        print(run.chenMeiStatement)
        print("Files in \(out)/:")
        for (file, what) in run.files { print("  \(file.padding(toLength: 26, withPad: " ", startingAt: 0)) \(what)") }
    }
}
