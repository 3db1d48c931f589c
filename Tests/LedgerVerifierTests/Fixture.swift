import Foundation
import GRDB
import LedgerCore
import LedgerStore
import LedgerVerifier
import MerkleLog
import TestScratch

/// One write command: what one accountant appended, closed by a checkpoint they signed.
struct Command {
    var signer: NoteSigner
    var payloads: [EntryPayload]
}

/// A real ledger of 白辛嘎查 built with the library, and the tools to tamper with copies of it.
///
///     seq 0       ledger.open                      accountant A      checkpoint 1
///     seq 1…3     household.register ×3            A                checkpoint 4
///     seq 4…6     shares.issue 10/20/30 units      A                checkpoint 7
///     seq 7       income.record 6,000.00           A                checkpoint 8
///     seq 8       key.add accountant B             A                checkpoint 9
///     seq 9       key.add inspector I              A                checkpoint 10
///     seq 10…13   dividend.declare + 3 allocate    A                checkpoint 14
///     seq 14      dividend.pay H1 1,000.00         B                checkpoint 15
///     seq 15      dividend.pay H2 2,000.00         B                checkpoint 16
///     seq 16      entry.reverse 15                 A                checkpoint 17
///     seq 17      key.retire B                     A                checkpoint 18
///     seq 18      fund.receive 500.00              A                checkpoint 19, cosigned by I
struct Fixture: Sendable {
    static let shared: Fixture = try! Fixture.build()

    let folder: String
    /// The intact ledger file (WAL checkpointed into it).
    let ledger: String
    let accountant: NoteSigner
    let deputy: NoteSigner
    let inspector: NoteSigner
    /// The checkpoint of size 19, cosigned: what an inspector keeps.
    let head: SignedCheckpoint

    static let origin = "fenhong/152223/baixin"
    static let time = LedgerTime(secondsSinceEpoch: 1_545_292_800)
    static let date = LedgerDate("2018-12-20")!

    static func commands(accountant a: NoteSigner, deputy b: NoteSigner, inspector i: NoteSigner) -> [Command] {
        func household(_ n: Int, _ head: String) -> EntryPayload {
            .householdRegister(HouseholdRegistration(household: "152223-00\(n)", head: head, members: 3, poor: n == 3,
                                                     idMasked: "152223********123\(n)", account: "****567\(n)", date: date))
        }
        func issue(_ n: Int, _ units: Int64) -> EntryPayload {
            .sharesIssue(SharesChange(holder: "152223-00\(n)", shareClass: "member", units: units, date: date, reason: "founding shares"))
        }
        func allocate(_ n: Int, _ units: Int64, _ fen: Int64) -> EntryPayload {
            .dividendAllocate(DividendAllocation(id: "2018", household: "152223-00\(n)", units: units, amount: Fen(fen)))
        }
        func pay(_ n: Int, _ fen: Int64) -> EntryPayload {
            .dividendPay(DividendPayment(id: "2018", household: "152223-00\(n)", amount: Fen(fen), channel: .bank,
                                         account: "****567\(n)", reference: "BX2018-\(n)", date: date))
        }
        let declaration = DividendDeclaration(
            id: "2018", recordDate: date, distributable: Fen(600_000), appropriations: [], pool: Fen(600_000),
            rule: ["basis": .string("units"), "classes": .object(["member": .integer(1)])], allocated: Fen(600_000), residual: Fen(0))
        return [
            Command(signer: a, payloads: [.ledgerOpen(LedgerOpen(origin: origin, org: "白辛嘎查股份经济合作社", village: "白辛嘎查",
                                                                 region: ["兴安盟", "扎赉特旗", "白辛嘎查"], key: a.verifier.vkey))]),
            Command(signer: a, payloads: [household(1, "陈梅"), household(2, "王强"), household(3, "李娜")]),
            Command(signer: a, payloads: [issue(1, 10), issue(2, 20), issue(3, 30)]),
            Command(signer: a, payloads: [.incomeRecord(CashFlow(amount: Fen(600_000), category: "rent", counterparty: "扎赉特旗光伏", date: date))]),
            Command(signer: a, payloads: [.keyAdd(KeyChange(key: b.verifier.vkey, role: .accountant))]),
            Command(signer: a, payloads: [.keyAdd(KeyChange(key: i.verifier.vkey, role: .inspector))]),
            Command(signer: a, payloads: [.dividendDeclare(declaration), allocate(1, 10, 100_000), allocate(2, 20, 200_000), allocate(3, 30, 300_000)]),
            Command(signer: b, payloads: [pay(1, 100_000)]),
            Command(signer: b, payloads: [pay(2, 200_000)]),
            Command(signer: a, payloads: [.entryReverse(Reversal(target: 15, reason: "paid to the wrong account"))]),
            Command(signer: a, payloads: [.keyRetire(KeyChange(key: b.verifier.vkey, role: .accountant))]),
            Command(signer: a, payloads: [.fundReceive(FundReceipt(amount: Fen(50_000), source: "旗财政", purpose: "集体经济扶持", date: date))]),
        ]
    }

    var commands: [Command] { Self.commands(accountant: accountant, deputy: deputy, inspector: inspector) }

    static func build() throws -> Fixture {
        let folder = try temporaryFolder()
        let a = try NoteSigner.generate(name: "baixin-accountant", algorithm: .ed25519)
        let b = try NoteSigner.generate(name: "baixin-deputy", algorithm: .ed25519)
        let i = try NoteSigner.generate(name: "zalaite-inspector", algorithm: .cosignature)
        let path = folder + "/baixin.fenhong"
        var commands = Self.commands(accountant: a, deputy: b, inspector: i)
        guard case .ledgerOpen(let opening) = commands.removeFirst().payloads[0] else { fatalError("entry 0 opens the ledger") }
        var head: SignedCheckpoint
        do {
            let (store, _) = try LedgerStore.create(path: path, opening: opening, signer: a, at: time)
            for command in commands { _ = try store.append(command.payloads, signer: command.signer, at: time) }
            var note = try store.withReader { try $0.latestCheckpoint() }.note
            try note.cosign(with: i, time: 1_545_300_000)
            try store.addCosignature(size: 19, keyID: i.id, line: note.signatures.last!.line)
            head = try SignedCheckpoint(note: note)
        }
        try checkpointWAL(path)
        return Fixture(folder: folder, ledger: path, accountant: a, deputy: b, inspector: i, head: head)
    }

    /// Folds the WAL into the main file and leaves WAL mode, so that copying the file copies the
    /// whole ledger and parallel tests can read it without WAL recovery locking each other out.
    static func checkpointWAL(_ path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
    }

    /// A new empty folder, removed when the test process exits at the latest.
    static func temporaryFolder() throws -> String {
        try Scratch.path("verifier")
    }

    /// Removes the temporary folder that holds `path`: a ``copy()`` or a ``bundle()`` once its test is done.
    static func discard(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    /// A fresh copy of the intact ledger, alone in a new temporary folder.
    func copy() throws -> String {
        let path = try Self.temporaryFolder() + "/copy.fenhong"
        try FileManager.default.copyItem(atPath: ledger, toPath: path)
        return path
    }

    /// Verifies a copy of the ledger after `edit` changed it with the append-only triggers dropped,
    /// as an adversary with the sqlite3 shell would.
    func tampered(trusted: SignedCheckpoint? = nil, _ edit: (Database) throws -> Void) throws -> VerificationReport {
        try tampered(heldTo: trusted.map { [Verifier.Trusted($0)] } ?? [], edit)
    }

    /// As ``tampered(trusted:_:)``, held to several checkpoints kept in one pass.
    func tampered(heldTo kept: [Verifier.Trusted], _ edit: (Database) throws -> Void) throws -> VerificationReport {
        let path = try copy()
        defer { Self.discard(path) }
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            for table in ["entry", "tree_node", "checkpoint", "cosignature"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(table)_no_update; DROP TRIGGER IF EXISTS \(table)_no_delete")
            }
            try edit(db)
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return try Verifier.verify(LedgerStore.auditSource(path: path), heldTo: kept)
    }

    /// Writes `commands` as a ledger file the way a forger holding the real keys would: every
    /// hash, tree node and checkpoint correct, but no business rule checked.
    func forged(_ commands: [Command], trusted: SignedCheckpoint? = nil) throws -> VerificationReport {
        try forged(commands, heldTo: trusted.map { [Verifier.Trusted($0)] } ?? [])
    }

    /// As ``forged(_:trusted:)``, held to several checkpoints kept in one pass.
    func forged(_ commands: [Command], heldTo kept: [Verifier.Trusted]) throws -> VerificationReport {
        let path = try copy()
        defer { Self.discard(path) }
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.writeWithoutTransaction { db in
            for table in ["entry", "tree_node", "checkpoint", "cosignature"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(table)_no_update; DROP TRIGGER IF EXISTS \(table)_no_delete; DELETE FROM \(table)")
            }
            var frontier = TreeFrontier()
            var prev = EntryHash.zero
            for command in commands {
                for payload in command.payloads {
                    let entry = Entry(seq: Int64(frontier.size), prev: prev, at: Self.time, by: command.signer.id, payload: payload)
                    let body = entry.canonicalBody()
                    prev = Entry.hash(body: body)
                    try db.execute(sql: "INSERT INTO entry (seq, body, hash) VALUES (?, ?, ?)",
                                   arguments: [entry.seq, String(decoding: body, as: UTF8.self), Data(prev.bytes)])
                    for node in frontier.append(prev) {
                        try db.execute(sql: "INSERT INTO tree_node (level, idx, hash) VALUES (?, ?, ?)",
                                       arguments: [node.level, node.index, Data(node.hash.bytes)])
                    }
                }
                let checkpoint = try SignedCheckpoint.sign(Checkpoint(origin: Self.origin, size: Int64(frontier.size), root: frontier.root), with: command.signer)
                try db.execute(sql: "INSERT INTO checkpoint (size, note) VALUES (?, ?)", arguments: [frontier.size, checkpoint.note.serialized])
            }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        return try Verifier.verify(LedgerStore.auditSource(path: path), heldTo: kept)
    }

    /// An exported bundle of the intact ledger, fresh for each caller, alone in a new temporary folder.
    func bundle() throws -> String {
        let folder = try Self.temporaryFolder() + "/bundle"
        _ = try BundleWriter.write(store: LedgerStore.open(path: ledger, readOnly: true), to: folder)
        return folder
    }

    /// The checkpoint of `size` as stored (accountant signature only).
    func checkpoint(size: Int64) throws -> SignedCheckpoint {
        try LedgerStore.open(path: ledger, readOnly: true).withReader { try $0.checkpoint(size: size)! }
    }

    /// The stored body of entry `seq`.
    func body(_ seq: Int64) throws -> String {
        try DatabaseQueue(path: ledger, configuration: { var c = Configuration(); c.readonly = true; return c }()).read { db in
            try String.fetchOne(db, sql: "SELECT body FROM entry WHERE seq = ?", arguments: [seq])!
        }
    }
}
