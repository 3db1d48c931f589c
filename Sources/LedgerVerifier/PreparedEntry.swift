import Dispatch
import LedgerCore
import MerkleLog

/// Entries as read from the source, before any check: their bodies one after another in one
/// buffer, so that reading a batch allocates once, not once an entry.
struct StoredBatch: Sendable {
    /// One entry: where its body lies in `bytes`.
    struct Stored: Sendable {
        let seq: Int64
        let start: Int
        let count: Int
        let storedHash: StoredHash
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Stored] = []

    init(capacity: Int) {
        entries.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 320)
    }

    var count: Int { entries.count }

    mutating func append(seq: Int64, body: UnsafeRawBufferPointer, storedHash: StoredHash) {
        entries.append(Stored(seq: seq, start: bytes.count, count: body.count, storedHash: storedHash))
        bytes.append(contentsOf: body)
    }

    /// Entries `range` prepared, in order.
    func prepared(_ range: Range<Int>) -> [PreparedEntry] {
        bytes.withUnsafeBytes { all in
            var decoder = EntryDecoder()
            var prepared = entries[range].map { PreparedEntry($0, body: UnsafeRawBufferPointer(rebasing: all[$0.start..<$0.start + $0.count]), decoder: &decoder) }
            // A batch begins at an even tree size: its odd entries are right leaves, whose
            // level-1 subtree is hashed here when the left leaf is prepared here too.
            var i = range.lowerBound | 1
            while i < range.upperBound {
                let k = i - range.lowerBound
                if k >= 1 { prepared[k].pair = RFC9162.nodeHash(prepared[k - 1].hash, prepared[k].hash) }
                i += 2
            }
            return prepared
        }
    }
}

/// The work on one entry that needs nothing from the entries before it: its hash, its decoding
/// and its canonical form. Done for a whole batch on both cores, so that the checks in order
/// (chain, tree, rules) run at the speed of one core while the decoding runs on two.
struct PreparedEntry: Sendable {
    let seq: Int64
    let storedHash: StoredHash
    let hash: TreeHash
    /// For a right leaf, the hash of it and its left sibling, when prepared with it.
    var pair: TreeHash?
    /// The entry the body decodes to when ``isDecoded``; otherwise a placeholder, never checked.
    /// Not an optional: the ordered checks read it where it lies, where binding an optional's
    /// entry had copied every entry (and destroyed the copy).
    let entry: Entry
    /// What is wrong with the body, if anything: rare, so kept out of line.
    let remark: Remark?

    /// What is wrong with a body.
    final class Remark: Sendable {
        /// Why the body does not decode.
        let failure: EntryError?
        /// True when the body decodes but differs from the canonical form of its entry (which
        /// is written out only for the problems listed).
        let isNonCanonical: Bool

        init(failure: EntryError?, isNonCanonical: Bool) {
            self.failure = failure
            self.isNonCanonical = isNonCanonical
        }
    }

    /// True when the body decoded to ``entry``.
    var isDecoded: Bool { remark?.failure == nil }

    init(_ stored: StoredBatch.Stored, body: UnsafeRawBufferPointer, decoder: inout EntryDecoder) {
        seq = stored.seq
        storedHash = stored.storedHash
        hash = RFC9162.leafHash(body)
        do throws(EntryError) {
            let decoded = try decoder.decodeNotingForm(bytes: body)
            entry = decoded.entry
            remark = decoded.canonical ? nil : Remark(failure: nil, isNonCanonical: true)
        } catch {
            entry = Self.placeholder
            remark = Remark(failure: error, isNonCanonical: false)
        }
    }

    /// The entry of a body that does not decode.
    private static let placeholder = Entry(seq: -1, prev: .zero, at: LedgerTime(secondsSinceEpoch: 0), by: KeyID(value: 0),
                                           payload: .entryReverse(Reversal(target: 0, reason: "")))

    /// Prepares `batch` in order, splitting it across the cores.
    static func prepare(_ batch: StoredBatch) -> [PreparedEntry] {
        guard batch.count > 64 else { return batch.prepared(0..<batch.count) }
        let parts = 2
        let results = PartResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let lower = batch.count * part / parts, upper = batch.count * (part + 1) / parts
            results.set(part, batch.prepared(lower..<upper))
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
