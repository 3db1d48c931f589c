import ArgumentParser

@main
struct Fenhong: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fenhong",
        abstract: "分红 — an append-only, verifiable ledger of village collective shares and dividends."
    )
}
