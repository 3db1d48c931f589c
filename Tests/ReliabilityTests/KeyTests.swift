import Foundation
import LedgerCore
import LedgerStore
import Testing

/// Keys: a private key file others can read is refused, and a retired key signs nothing more.
struct KeyTests {
    /// A key file readable or writable by group or others is refused with the mode in the message; 0600 and 0400 are read.
    @Test func exposedKeyFileIsRefused() throws {
        let folder = try Reliability.folder("keys")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let signer = try NoteSigner.generate(name: "accountant", algorithm: .ed25519)
        let path = folder + "/accountant.key"
        try KeyFile.write(signer, to: path)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        for mode in [0o640, 0o604, 0o644, 0o660, 0o606, 0o620, 0o777] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            #expect {
                _ = try KeyFile.read(path)
            } throws: { error in
                guard case KeyFile.Error.exposed(let at, let found) = error else { return false }
                return at == path && found == mode && "\(error)".contains("chmod 600") && Reliability.isOneLine("\(error)")
            }
        }
        for mode in [0o600, 0o400] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            #expect(try KeyFile.read(path).verifier == signer.verifier)
        }
    }

    /// An accountant key retired by another accountant can no longer append: the store refuses with `retired-key` and writes nothing.
    @Test func retiredKeyCannotAppend() throws {
        let folder = try Reliability.folder("retired")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try NoteSigner.generate(name: "accountant-a", algorithm: .ed25519)
        let second = try NoteSigner.generate(name: "accountant-b", algorithm: .ed25519)
        let path = folder + "/ledger.fenhong"
        var time: Int64 = 1_700_000_000
        func at() -> LedgerTime { time += 60; return LedgerTime(secondsSinceEpoch: time) }
        let open = LedgerOpen(origin: "fenhong/152223/baixin", org: "白辛嘎查股份经济合作社", village: "白辛嘎查",
                              region: ["兴安盟", "白辛嘎查"], key: first.verifier.vkey)
        let store = try LedgerStore.create(path: path, opening: open, signer: first, at: at()).0
        let income = EntryPayload.incomeRecord(CashFlow(amount: Fen(100), category: "利息收入", counterparty: "银行", date: LedgerDate("2024-01-01")!))
        try store.append([.keyAdd(KeyChange(key: second.verifier.vkey, role: .accountant))], signer: first, at: at())
        try store.append([income], signer: first, at: at())
        // A key cannot retire itself: the other accountant does it.
        #expect(throws: StoreError.self) {
            try store.append([.keyRetire(KeyChange(key: first.verifier.vkey, role: .accountant))], signer: first, at: at())
        }
        let retirement = try store.append([.keyRetire(KeyChange(key: first.verifier.vkey, role: .accountant))], signer: second, at: at())
        #expect(retirement.entries[0].seq == 3)

        #expect {
            try store.append([income], signer: first, at: at())
        } throws: { error in
            guard case StoreError.rules(let violations) = error else { return false }
            return violations.map(\.code) == [.retiredKey] && violations[0].seq == 4
                && "\(error)" == "key \(first.id) was retired at entry 3 and cannot record entry 4"
        }
        let size = try store.withReader { try $0.size() }
        #expect(size == 4)
        #expect(try store.withReader { try $0.latestCheckpoint().checkpoint.size } == 4)
        // The other accountant still can, and the ledger verifies.
        try store.append([income], signer: second, at: at())
        let report = try LedgerAudit.verify(path: path, trusted: nil)
        #expect(report.problems.map(\.description) == [])
        #expect(report.size == 5)
        #expect(report.keys[first.id]?.retiredAt == 3)
    }
}
