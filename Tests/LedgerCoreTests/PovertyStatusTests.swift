import LedgerCore
import Testing

/// Registered-poor status on a date, as every rule, the planner and the verifier read it.
struct PovertyStatusTests {
    private func day(_ text: String) -> LedgerDate { LedgerDate(text)! }

    /// Of the changes dated by a day, the latest-dated stands, whatever order they were recorded
    /// in; of one day's, the last recorded; before any, not poor.
    @Test func theLatestDatedChangeStands() {
        // Registered poor in 2018, exit in 2021, then an exit of 2020 entered late, and a same-day
        // exit in 2022 corrected that day.
        let changes: [PovertyStatus.Change] = [(day("2018-03-01"), true), (day("2021-06-01"), false), (day("2020-05-01"), false),
                                                (day("2022-01-10"), true), (day("2022-01-10"), false), (day("2022-01-10"), true)]
        #expect(PovertyStatus.isPoor(on: day("2018-02-28"), changes) == false)
        #expect(PovertyStatus.isPoor(on: day("2018-03-01"), changes) == true)
        #expect(PovertyStatus.isPoor(on: day("2020-05-01"), changes) == false)  // the late entry counts from its date
        #expect(PovertyStatus.isPoor(on: day("2021-12-31"), changes) == false)
        #expect(PovertyStatus.isPoor(on: day("2022-01-10"), changes) == true)  // the last of the day
        let inEffect = PovertyStatus.inEffect(changes)
        #expect(inEffect.map(\.date) == [day("2018-03-01"), day("2020-05-01"), day("2021-06-01"), day("2022-01-10")])
        #expect(inEffect.map(\.poor) == [true, false, false, true])
        #expect(PovertyStatus.inEffect([]).isEmpty)
    }
}
