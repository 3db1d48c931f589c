import LedgerCore

/// The bodies of one command's entries, encoded and checked a chunk ahead on another core:
/// while the chain, the rules and the inserts of one chunk go on in order, the next chunk is
/// being encoded. Each body is encoded with `prev` unset; the writer sets it (64 hex digits at
/// a known offset) once the entry before is hashed. A command of one chunk or less is encoded
/// in place, without a thread hop.
struct EncodingAhead {
    typealias Encoded = Result<(body: [UInt8], prevOffset: Int), EntryError>

    static let chunkSize = 256

    private let payloads: [EntryPayload]
    private let firstSeq: Int64
    private let time: LedgerTime
    private let by: KeyID
    private var nextStart = 0
    private var pending: Ahead<[Encoded]>?

    /// Encodes `payloads` as the entries from `firstSeq`, recorded at `time` by `by`.
    init(_ payloads: [EntryPayload], firstSeq: Int64, at time: LedgerTime, by: KeyID) {
        self.payloads = payloads
        self.firstSeq = firstSeq
        self.time = time
        self.by = by
        if payloads.count > Self.chunkSize { pending = launch(at: 0) }
    }

    /// The encodings of the next chunk, in order, with the index of its first entry; nil after
    /// the last chunk.
    mutating func next() -> (start: Int, encoded: [Encoded])? {
        let start = nextStart
        guard start < payloads.count else { return nil }
        let end = min(start + Self.chunkSize, payloads.count)
        nextStart = end
        guard let work = pending else { return (start, encode(start..<end)) }
        pending = end < payloads.count ? launch(at: end) : nil
        return (start, work.wait())
    }

    private func launch(at start: Int) -> Ahead<[Encoded]> {
        let range = start..<min(start + Self.chunkSize, payloads.count)
        return Ahead { [self] in encode(range) }
    }

    private func encode(_ range: Range<Int>) -> [Encoded] {
        range.map { i in
            let entry = Entry(seq: firstSeq + Int64(i), prev: .zero, at: time, by: by, payload: payloads[i])
            return Result { () throws(EntryError) in try entry.checkedCanonicalBodyLocatingPrev() }
        }
    }
}
