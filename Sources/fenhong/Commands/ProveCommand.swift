import ArgumentParser
import Foundation
import LedgerCore
import MerkleLog

struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove", abstract: "Print RFC 9162 proofs against a checkpoint.",
        subcommands: [ProveInclusion.self, ProveConsistency.self])
}

struct ProveInclusion: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inclusion", abstract: "Prove that entry N is in the tree of size M.")

    @OptionGroup var ledger: LedgerOption
    @Option(parsing: .unconditional, help: "The entry.") var seq: Int64
    @Option(parsing: .unconditional, help: "The tree size (default: the latest checkpoint's).") var size: Int64?

    func run() throws {
        let store = try ledger.open(readOnly: true)
        try store.withReader { reader in
            let checkpoint = try size.map { s in
                guard let c = try reader.checkpoint(size: s) else { throw ValidationError("--size \(s): there is no checkpoint of that size") }
                return c
            } ?? reader.latestCheckpoint()
            let treeSize = checkpoint.checkpoint.size
            guard seq >= 0 else { throw ValidationError("--seq \(seq) is not an entry number (0 or more)") }
            guard seq < treeSize else { throw ValidationError("--seq \(seq) is not below the tree size \(treeSize)") }
            let proof = try MerkleTree(reader: reader.subtreeReader).inclusionProof(index: Int(seq), size: Int(treeSize))
            let leaf = try reader.entryHash(seq: seq)
            try ProofVerifier.verifyInclusion(leafHash: leaf, index: Int(seq), size: Int(treeSize), proof: proof, root: checkpoint.checkpoint.root)
            print("index \(seq)")
            print("leaf \(leaf.hex)")
            for hash in proof { print(hash.hex) }
            print("")
            print(checkpoint.note.serialized, terminator: "")
        }
    }
}

struct ProveConsistency: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consistency", abstract: "Prove that the tree of size N extends the tree of size M without changing it.")

    @OptionGroup var ledger: LedgerOption
    @Option(parsing: .unconditional, help: "The older size.") var from: Int64
    @Option(parsing: .unconditional, help: "The newer size (default: the latest checkpoint's).") var to: Int64?

    func run() throws {
        let store = try ledger.open(readOnly: true)
        try store.withReader { reader in
            let latest = try reader.latestCheckpoint()
            let newSize = to ?? latest.checkpoint.size
            // --to first: a --from beyond a --to of 0 had been blamed on --from.
            guard newSize >= 1 else { throw ValidationError("--to \(newSize) must be 1 or more: the consistency of an empty tree proves nothing") }
            guard newSize <= latest.checkpoint.size else { throw ValidationError("--to \(newSize) is beyond the ledger's size \(latest.checkpoint.size)") }
            guard from >= 1, from <= newSize else { throw ValidationError("--from \(from) must be between 1 and \(newSize)\(to == nil ? "" : " (--to)")") }
            let tree = MerkleTree(reader: reader.subtreeReader)
            let proof = try tree.consistencyProof(from: Int(from), to: Int(newSize))
            print("old \(from) \(try tree.root(size: Int(from)).hex)")
            print("new \(newSize) \(try tree.root(size: Int(newSize)).hex)")
            for hash in proof { print(hash.hex) }
        }
    }
}
