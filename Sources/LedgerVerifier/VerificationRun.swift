import LedgerCore
import MerkleLog

/// The state of one verification as it walks the entries (see ``Verifier``).
struct VerificationRun {
    let source: String
    let snapshot: any LedgerSnapshot
    /// The checkpoints kept that the ledger must extend, smallest first (see ``Held``).
    var held: [Held]
    /// The first of ``held`` whose size the pass has not reached.
    var heldNext = 0
    let options: Verifier.Options

    var problems = ProblemCollector()
    var state = LedgerState(keepingHouseholdRecords: false, replayingEverything: true)
    var frontier = TreeFrontier()
    var completedScratch: [SubtreeHash] = []
    var nodes: TreeNodeAuditor
    var proofNodes: ProofNodeCache?
    let worker = SignatureWorker()

    /// Entries read so far: the position of the next one.
    var count: Int64 = 0
    var previousHash = EntryHash.zero
    var previousStoredSeq: Int64?
    /// The stored seq of the entry just read: tree nodes it completed and checkpoints of its
    /// size are reported at it.
    var currentSeq: Int64?
    /// Body seq minus stored seq of the previous decoded entry: a change is a gap.
    var previousOffset: Int64 = 0

    var checkpointCursor: any CheckpointCursor
    var nextCheckpoint: StoredCheckpoint?
    var checkpointsChecked = 0
    var lastCheckpointSize: Int64?
    /// Entries since the last checkpoint, by recording key.
    var pendingRuns: [CoverageRun] = []
    /// Signature lines whose key the ledger had not named by their checkpoint's size: resolved
    /// after the last entry (an inspector may cosign a checkpoint older than its key.add).
    var deferred: [(size: Int64, text: String, signature: NoteSignature)] = []
    /// The most signature lines deferred; beyond it lines are judged by the keys known then.
    static let deferredMax = 100_000

    /// The last stored checkpoint read, and its size: the report's head when it covers every entry.
    var latestNote: (size: Int64, note: SignedNote)?
    /// The roots noted at the sizes asked for (``Verifier/Options/rootsAt``).
    var rootsAt: [Int64: TreeHash] = [:]

    /// `trusted`: the first is the one a consistency proof is made from.
    init(source: String, snapshot: any LedgerSnapshot, trusted: [Verifier.Trusted], options: Verifier.Options) throws {
        self.source = source
        self.snapshot = snapshot
        held = trusted.enumerated().map { Held(kept: $0.element.kept, name: $0.element.name, proven: $0.offset == 0) }
            .sorted { $0.kept.checkpoint.size < $1.kept.checkpoint.size }
        self.options = options
        nodes = try TreeNodeAuditor(snapshot: snapshot)
        checkpointCursor = try snapshot.checkpoints()
        if let first = trusted.first?.kept.checkpoint, first.size > 0 {
            proofNodes = ProofNodeCache(trustedSize: Int(first.size))
        }
    }

    mutating func execute() throws -> VerificationReport {
        do {
            return try checkEverything()
        } catch {
            // The source failed partway: let the other threads finish before the caller exits
            // on the error, for a thread still verifying a signature while the process shuts
            // OpenSSL down crashes it (seen in 3 runs of 40).
            _ = worker.finish()
            Ahead<Void>.waitForAll()
            throw error
        }
    }

    private mutating func checkEverything() throws -> VerificationReport {
        nodes.start(into: &problems)
        nextCheckpoint = try checkpointCursor.next()
        try checkpointsDue()
        heldReached()

        // Entries are read in batches; each batch is decoded and hashed on both cores, then
        // checked in order on this one.
        // A pipeline of two stages: while this thread reads batch k and checks batch k−1 in
        // order, batch k is hashed and decoded on the other core(s).
        var batch = StoredBatch(capacity: Self.batchSize)
        var inFlight: Ahead<[PreparedEntry]>?
        try snapshot.forEachEntry { seq, body, storedHash in
            batch.append(seq: seq, body: body, storedHash: storedHash)
            if batch.count == Self.batchSize {
                // One thread decodes while this one checks: a third thread would take turns with
                // this one on two cores, and this one is the pipeline's slower stage.
                let next = Ahead { [batch] in batch.prepared(0..<batch.count) }
                if let previous = inFlight { try process(previous.wait()) }
                inFlight = next
                batch = StoredBatch(capacity: Self.batchSize)
            }
        }
        if let previous = inFlight { try process(previous.wait()) }
        try process(PreparedEntry.prepare(batch))
        if count == 0 {
            problems.add(seq: 0, .seqGap, "the ledger has no entries; entry 0 (ledger.open) is missing")
        }
        try finishCheckpoints()
        try nodes.finish(into: &problems)
        for violation in state.unfinishedDistributions() {
            problems.add(Problem(seq: violation.seq, code: violation.code.rawValue, detail: violation.detail))
        }
        resolveDeferred()
        try checkHeld()
        for problem in try snapshot.storageProblems() { problems.add(problem) }
        let named = state.keys.values.sorted { $0.addedAt < $1.addedAt }.map(\.key.vkey)
        for problem in try snapshot.keysListProblems(named: named) { problems.add(problem) }

        let (signatureProblems, cosignedMax) = worker.finish()
        problems.add(contentsOf: signatureProblems)
        let cosigned = state.keys.values.filter { $0.role == .inspector }.sorted { $0.addedAt < $1.addedAt }.map {
            VerificationReport.Cosigned(inspector: $0.key.name, keyID: $0.key.id, size: cosignedMax[$0.key.id] ?? 0)
        }
        var report = VerificationReport(
            source: source, entries: count, size: Int64(frontier.size), root: frontier.root,
            checkpoints: checkpointsChecked, cosigned: cosigned, keys: state.keys,
            origin: state.opening?.origin, problems: problems.finished())
        report.notJudged = state.notJudged.map { Problem(seq: $0.seq, code: $0.code.rawValue, detail: $0.detail) }
        if let latestNote, latestNote.size == count { report.head = latestNote.note.serialized }
        report.rootsAt = rootsAt
        report.organisation = state.opening.map { ($0.org, $0.village, $0.region) }
        return report
    }

    /// Entries decoded together on both cores.
    static let batchSize = 2048

    private mutating func process(_ prepared: [PreparedEntry]) throws {
        // Borrowed in place: copying each prepared entry out of the array cost a retain and a
        // release of every string in it.
        try prepared.withUnsafeBufferPointer { entries in
            for i in entries.indices { try entry(entries[i]) }
        }
        // Freed on the decode thread: releasing two thousand entries' strings is work the ordered
        // checks, the slower stage, need not do.
        _ = Ahead { [prepared] in prepared.count }
    }

    /// Every check of one stored entry, in DESIGN §3 order.
    private mutating func entry(_ prepared: PreparedEntry) throws {
        let seq = prepared.seq
        let hash = prepared.hash
        let storedHash = prepared.storedHash

        // 1. canonical body, known version
        if prepared.remark?.isNonCanonical == true {
            problems.add(seq: seq, .notCanonical, "the body is not in canonical form; expected \(String(decoding: prepared.entry.canonicalBody(), as: UTF8.self))")
        }
        switch prepared.remark?.failure {
        case nil: break
        case .unsupportedVersion(let v)?:
            problems.add(seq: seq, .unknownVersion, "expected format version \(Entry.formatVersion), found \(v)")
        case let error?:
            problems.add(seq: seq, .notCanonical, "\(error)")
        }

        // 1. seq continuous from 0, as stored and in the body
        let expectedSeq = previousStoredSeq.map { $0 &+ 1 } ?? 0
        if seq != expectedSeq {
            let after = previousStoredSeq.map { "after entry \($0) " } ?? "first "
            problems.add(seq: seq, .seqGap, "expected entry \(expectedSeq) \(after)but found entry \(seq): entries are missing, duplicated or out of order")
        }
        previousStoredSeq = seq
        currentSeq = seq
        let isDecoded = prepared.isDecoded
        if isDecoded {
            let offset = prepared.entry.seq &- seq
            if offset != 0 && offset != previousOffset {
                problems.add(seq: seq, .seqGap, "expected a body with seq \(seq), found seq \(prepared.entry.seq): entries are missing, duplicated or out of order")
            }
            previousOffset = offset

            // 1. prev links
            if prepared.entry.prev != previousHash {
                problems.add(seq: seq, .prevMismatch, seq == 0
                    ? "expected prev \(previousHash.hex) (entry 0 links to nothing), found \(prepared.entry.prev.hex)"
                    : "expected prev \(previousHash.hex) (the hash of entry \(seq - 1) as it stands), found \(prepared.entry.prev.hex): entry \(seq - 1) was changed, or this entry's link")
            }
        }

        // 2. stored hash and tree nodes
        switch storedHash {
        case .notKept: break
        case .hash(let stored) where stored == hash: break
        case .hash(let stored): problems.add(seq: seq, .hashMismatch, "expected \(hash.hex) = SHA-256(0x00 ‖ body), found \(stored.hex)")
        case .malformed(let what): problems.add(seq: seq, .hashMismatch, "expected \(hash.hex) = SHA-256(0x00 ‖ body), found \(what)")
        }
        let leafIndex = frontier.size
        // Into a scratch array kept between entries: one entry in two completes a node.
        var completed: [SubtreeHash] = []
        swap(&completed, &completedScratch)  // moved out, so that it stays uniquely held
        completed.removeAll(keepingCapacity: true)
        frontier.append(hash, pair: prepared.pair) { completed.append($0) }
        for node in completed { try nodes.check(node, seq: seq, into: &problems) }
        proofNodes?.record(leafIndex: leafIndex, leaf: hash, completed: completed)
        completedScratch = completed
        previousHash = hash
        count += 1

        // 5. business rules (keys used only while valid among them)
        if isDecoded {
            for violation in state.apply(prepared.entry) {
                // This entry's at its stored place (its body may name another seq); an earlier
                // allocation's (`allocation-split`, judged when its distribution's end) at its own.
                let at = violation.seq == prepared.entry.seq ? seq : violation.seq
                problems.add(Problem(seq: at, code: violation.code.rawValue, detail: violation.detail))
            }
            let by = prepared.entry.by
            if let last = pendingRuns.last, last.by == by, last.last &+ 1 == seq {
                pendingRuns[pendingRuns.count - 1].last = seq
            } else {
                pendingRuns.append(CoverageRun(first: seq, last: seq, by: by))
            }
        }

        // 3. checkpoints at this size; 4. the trusted one
        try checkpointsDue()
        if heldNext < held.count { heldReached() }
        if !options.rootsAt.isEmpty, options.rootsAt.contains(count) { rootsAt[count] = frontier.root }
        if let progress = options.progress, options.progressInterval > 0, count % options.progressInterval == 0 {
            progress(count)
        }
    }
}
