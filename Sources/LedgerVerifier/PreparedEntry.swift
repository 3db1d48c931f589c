import Dispatch
import LedgerCore
import MerkleLog

/// An entry as read from the source, before any check.
struct StoredEntry: Sendable {
    let seq: Int64
    let bytes: [UInt8]
    let storedHash: StoredHash
}

/// The work on one entry that needs nothing from the entries before it: its hash, its decoding
/// and its canonical form. Done for a whole batch on both cores, so that the checks in order
/// (chain, tree, rules) run at the speed of one core while the decoding runs on two.
struct PreparedEntry: Sendable {
    let seq: Int64
    let storedHash: StoredHash
    let hash: TreeHash
    /// The entry the body decodes to, or nil and why not. Two optionals rather than a Result:
    /// the ordered checks bind the entry in place instead of copying it out.
    let entry: Entry?
    let failure: EntryError?
    /// The canonical form, when the body differs from it.
    let canonicalIfDifferent: [UInt8]?

    init(_ stored: StoredEntry) {
        seq = stored.seq
        storedHash = stored.storedHash
        hash = RFC9162.leafHash(stored.bytes)
        let result = Result { () throws(EntryError) in try Entry.decodeNotingForm(body: stored.bytes) }
        switch result {
        case .success(let decoded): (entry, failure) = (decoded.entry, nil)
        case .failure(let error): (entry, failure) = (nil, error)
        }
        // Re-encoded only to show what was expected, when the parser found the form wrong.
        if case .success(let (entry, canonical)) = result, !canonical {
            canonicalIfDifferent = entry.canonicalBody()
        } else {
            canonicalIfDifferent = nil
        }
    }

    /// Prepares `batch` in order, splitting it across the cores.
    static func prepare(_ batch: [StoredEntry]) -> [PreparedEntry] {
        guard batch.count > 64 else { return batch.map(PreparedEntry.init) }
        let parts = 2
        let results = PartResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lower = batch.count * part / parts, upper = batch.count * (part + 1) / parts
            results.set(part, batch[lower..<upper].map(PreparedEntry.init))
        }
        return results.joined()
    }
}

/// Each part's results, in slots allocated up front: each thread writes only its own slot,
/// and the slots are read after all threads have finished.
private final class PartResults: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[PreparedEntry]>

    init(count: Int) { slots = .allocate(capacity: count); slots.initialize(repeating: []) }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: [PreparedEntry]) { slots[index] = value }

    func joined() -> [PreparedEntry] { slots.flatMap { $0 } }
}
