@testable import LedgerCore
import Testing

/// Reading holdings for record dates is bounded (``LedgerState/recordDateWorkMax(entries:)``):
/// once a verification has read its share, a declaration is reported as not judged — a problem,
/// not a silent pass — and costs nothing more.
struct RecordDateBoundTests {
    @Test func aDeclarationPastTheBoundIsSaidNotJudged() {
        let payloads: [EntryPayload] = [
            .ledgerOpen(EntrySamples.open), .householdRegister(EntrySamples.chenMei),
            .dividendDeclare(DividendDeclaration(id: "H", recordDate: EntrySamples.day, distributable: Fen(100), appropriations: [], pool: Fen(100),
                                                 rule: ["basis": .string("household")], allocated: Fen(100), residual: .zero)),
            .dividendAllocate(DividendAllocation(id: "H", household: "152223-001", units: 1, amount: Fen(100))),
        ]
        func problems(spent: Int) -> [RuleViolation] {
            var state = LedgerState(replayingEverything: true)
            let entries = EntrySamples.chain(payloads)
            var found = [RuleViolation]()
            for entry in entries {
                // What earlier declarations would have read, just before this one.
                if entry.kind == .dividendDeclare { state.recordDateWork = spent }
                found += state.apply(entry)
            }
            return found + state.unfinishedDistributions()
        }
        #expect(problems(spent: 0).isEmpty)
        let max = LedgerState.recordDateWorkMax(entries: 2)
        #expect(problems(spent: max).map(\.detail)
                == ["distribution H is one declaration too many to split again (\(max) facts read for record dates so far): its allocations are not judged"])
        // Room to split again (陈梅's status history, charged 8) but not to read her holdings.
        #expect(problems(spent: max - 8).map(\.code) == [.allocationUnits])
    }
}
