import Foundation
import Testing

/// A distribution's list is posted for the villagers' objections (公示, 村务公开) before anything
/// is paid: the declaration records the days (DOMAIN §4 found no statutory minimum, so the
/// accountant sets them), the public posting prints them, and a payment dated before they are
/// over is refused, and found by `verify` if written anyway.
@Suite(.serialized)
struct PostingPeriodTests {
    @Test func nothingIsPaidUntilThePostingIsOver() throws {
        let cli = try DividendTests().village()
        let declare = try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "10000", "--basis", "household",
                                       "--posting-from", "2020-01-02", "--posting-days", "10"])
        #expect(declare.status == 0, "\(declare.stderr)")
        #expect(declare.stdout.contains("posted for objections 公示 2020-01-02 to 2020-01-11 (10 days): paid after 2020-01-11\n"), "\(declare.stdout)")
        // Recorded in the declaration's body.
        let log = try cli.execute(["log", "--json"]).stdout
        #expect(log.contains(#""postingEnd":"2020-01-11","postingStart":"2020-01-02""#), "\(log)")

        let early = try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "R1", "--date", "2020-01-11"])
        #expect(early.status == 2)
        #expect(early.stderr == "fenhong: distribution 2019 is posted for objections (公示) from 2020-01-02 to 2020-01-11; a payment dated 2020-01-11 "
                + "falls on or before the posting's last day (pay it, and date it, after 2020-01-11)\n", "\(early.stderr)")
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "R1", "--date", "2020-01-12"]).status == 0)
        #expect(try cli.execute(["dividend", "status", "--id", "2019"]).stdout.contains("\nposted for objections 公示 2020-01-02 to 2020-01-11: paid after 2020-01-11\n"))

        // The posting prints the days recorded; other days are refused, for payments wait for these.
        let posting = try cli.execute(["disclosure", "--id", "2019"])
        #expect(posting.status == 0 && posting.stdout.contains("公示期：2020年1月2日至2020年1月11日（10天）"), "\(posting.stdout)")
        let other = try cli.execute(["disclosure", "--id", "2019", "--days", "7"])
        #expect(other.status != 0)
        #expect(other.stderr.contains("distribution 2019 records its posting (公示) from 2020-01-02 to 2020-01-11, 10 days; --days 7 would post "
                                      + "other days, which its payments do not wait for (leave it out)"), "\(other.stderr)")
        #expect(try cli.execute(["disclosure", "--id", "2019", "--from", "2020-01-02", "--days", "10"]).status == 0)
        #expect(try cli.execute(["verify", "v.fenhong"]).status == 0)
    }

    @Test func aPostingIsOfTheRecordDatesList() throws {
        let cli = try DividendTests().village()
        let before = try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "10000", "--basis", "household",
                                      "--posting-from", "2019-12-30"])
        #expect(before.status != 0 && before.stderr.contains("--posting-from 2019-12-30 comes before the record date 2019-12-31: the list posted is of "
                                                             + "the households and holdings on that day"), "\(before.stderr)")
        let alone = try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "10000", "--posting-days", "5"])
        #expect(alone.status != 0 && alone.stderr.contains("--posting-days goes with --posting-from, the posting's first day"), "\(alone.stderr)")
        // Seven days unless said otherwise; a declaration without a posting pays as before.
        let week = try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "10000", "--posting-from", "2020-01-01", "--json"])
        #expect(week.stdout.contains(#""postingEnd":"2020-01-07","postingStart":"2020-01-01""#), "\(week.stdout)")
        // A posting goes up soon: one years ahead (9999, whose day after is none) is a mistyped year.
        let far = try cli.execute(["dividend", "plan", "--id", "2019", "--record-date", "2019-12-31", "--pool", "10000", "--posting-from", "9999-12-31"])
        #expect(far.status != 0 && far.stderr.contains("--posting-from 9999-12-31 is more than a year after today"), "\(far.stderr)")
        // A payment before the record date, and so before the posting, is told the posting's rule alone.
        let early = try cli.execute(["dividend", "declare", "--id", "2018", "--record-date", "2018-12-25", "--pool", "600", "--basis", "household",
                                     "--posting-from", "2019-01-02"])
        #expect(early.status == 0, "\(early.stderr)")
        let unposted = try cli.execute(["dividend", "pay", "--id", "2018", "--household", "152223-001", "--reference", "R0", "--date", "2018-12-01"])
        #expect(unposted.stderr == "fenhong: distribution 2018 is posted for objections (公示) from 2019-01-02 to 2019-01-08; a payment dated 2018-12-01 "
                + "falls on or before the posting's last day (pay it, and date it, after 2019-01-08)\n", "\(unposted.stderr)")
        #expect(try cli.execute(["dividend", "declare", "--id", "2019", "--record-date", "2019-12-31", "--pool", "10000"]).status == 0)
        #expect(try cli.execute(["dividend", "pay", "--id", "2019", "--household", "152223-001", "--reference", "R1", "--date", "2019-12-31"]).status == 0)
    }
}
