import ArgumentParser
import LedgerCore
import LedgerStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a ledger: entry 0 names the village and its first accountant key.")

    @OptionGroup var write: WriteOptions
    @Option(help: "The checkpoint origin, fenhong/<region code>/<village>, e.g. fenhong/152223/baixin.") var origin: String
    @Option(help: "The organisation, e.g. 白辛嘎查股份经济合作社.") var org: String
    @Option(help: "The village, e.g. 白辛嘎查.") var village: String
    @Option(help: "Region path league → village, comma separated, e.g. 兴安盟,扎赉特旗,阿尔本格勒镇,白辛嘎查.") var region: String?

    func run() throws {
        guard Origin.isValid(origin) else { throw ValidationError("--origin \(origin) must read fenhong/<6-digit region code>/<village in lowercase ASCII>") }
        let signer = try write.key.signer()
        let regionPath = region.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [village]
        let opening = LedgerOpen(origin: origin, org: org, village: village, region: regionPath, key: signer.verifier.vkey)
        let (_, result) = try LedgerStore.create(path: write.ledger.path, opening: opening, signer: signer, at: write.time)
        Printer.recorded(result)
    }
}
