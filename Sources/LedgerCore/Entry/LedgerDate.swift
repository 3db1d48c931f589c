/// A calendar date `YYYY-MM-DD` (effective dates, record dates, payment dates). Its text
/// orders as the dates do.
///
/// Kept as its fields in four bytes, its text made when asked: most entries hold a date, and a
/// text and three integers made every payment and allocation read 40 bytes larger to copy.
public struct LedgerDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // In the order they compare; the year is 1900…9999.
    private let storedYear: UInt16
    private let storedMonth: UInt8, storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// Parses `YYYY-MM-DD` with a real month and day (leap years included); nil otherwise.
    public init?(_ text: String) {
        var text = text
        guard let date = text.withUTF8({ LedgerDate(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` from its UTF-8 bytes: how a body's dates are read, in place.
    public init?(utf8 u: UnsafeRawBufferPointer) {
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = Self.digits(u, 0, 4), let m = Self.digits(u, 5, 7), let d = Self.digits(u, 8, 10),
              y >= 1900, (1...12).contains(m), d >= 1, d <= Self.daysIn(month: m, year: y)
        else { return nil }
        (storedYear, storedMonth, storedDay) = (UInt16(y), UInt8(m), UInt8(d))
    }

    /// The date of a time whose year the ledger accepts (1900…9999).
    fileprivate init(checkedYear year: Int64, month: UInt8, day: UInt8) {
        precondition((1900...9999).contains(year), "a ledger date's year is 1900…9999")
        (storedYear, storedMonth, storedDay) = (UInt16(year), month, day)
    }

    /// The text, exactly `YYYY-MM-DD`.
    public var text: String {
        String(unsafeUninitializedCapacity: 10) { out in
            writeDate(Int(storedYear), storedMonth, storedDay, to: out)
            return 10
        }
    }

    public var description: String { text }

    /// The date in Chinese, as statements print it: 2024年12月20日.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: LedgerDate, b: LedgerDate) -> Bool {
        (a.storedYear, a.storedMonth, a.storedDay) < (b.storedYear, b.storedMonth, b.storedDay)
    }

    /// The decimal number `u[start..<end]`, nil unless every byte is a digit.
    static func digits(_ u: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Int? {
        var value = 0
        for i in start..<end {
            let b = u[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// When an entry was recorded: UTC to the second, `2018-12-20T08:00:00Z`.
///
/// Kept as its fields, not its text: every entry read has one, and a 20-byte string is too long
/// to be stored inline, so each would have cost an allocation. The text is made when asked for.
public struct LedgerTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    // In the order they compare.
    private let year: Int64
    private let month: UInt8, day: UInt8, hour: UInt8, minute: UInt8, second: UInt8

    /// Parses the one accepted form; nil otherwise.
    public init?(_ text: String) {
        var text = text
        guard let time = text.withUTF8({ LedgerTime(utf8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = time
    }

    /// Parses the one accepted form from its UTF-8 bytes: how a body's `at` is read, in place.
    public init?(utf8 u: UnsafeRawBufferPointer) {
        guard u.count == 20, u[10] == UInt8(ascii: "T"), u[13] == UInt8(ascii: ":"),
              u[16] == UInt8(ascii: ":"), u[19] == UInt8(ascii: "Z"),
              let date = LedgerDate(utf8: UnsafeRawBufferPointer(rebasing: u[0..<10])),
              let h = LedgerDate.digits(u, 11, 13), let m = LedgerDate.digits(u, 14, 16),
              let s = LedgerDate.digits(u, 17, 19), h < 24, m < 60, s < 60
        else { return nil }
        year = Int64(date.year)
        (month, day) = (UInt8(date.month), UInt8(date.day))
        (hour, minute, second) = (UInt8(h), UInt8(m), UInt8(s))
    }

    /// The time at `secondsSinceEpoch` (UTC).
    public init(secondsSinceEpoch: Int64) {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86400 : (secondsSinceEpoch - 86399) / 86400
        let rest = secondsSinceEpoch - days * 86400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        (month, day) = (UInt8(m), UInt8(d))
        (hour, minute, second) = (UInt8(rest / 3600), UInt8(rest % 3600 / 60), UInt8(rest % 60))
    }

    /// The text, exactly `YYYY-MM-DDTHH:MM:SSZ` for the years the ledger accepts.
    public var text: String {
        guard (1000...9999).contains(year) else {
            func two(_ v: UInt8) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
        }
        return String(unsafeUninitializedCapacity: 20) { out in
            writeDate(Int(year), month, day, to: out)
            out[10] = UInt8(ascii: "T"); writeDigits(Int(hour), 2, to: out, at: 11); out[13] = UInt8(ascii: ":")
            writeDigits(Int(minute), 2, to: out, at: 14); out[16] = UInt8(ascii: ":"); writeDigits(Int(second), 2, to: out, at: 17)
            out[19] = UInt8(ascii: "Z")
            return 20
        }
    }

    /// The date part.
    public var date: LedgerDate { LedgerDate(checkedYear: year, month: month, day: day) }

    public var description: String { text }

    public static func < (a: LedgerTime, b: LedgerTime) -> Bool {
        (a.year, a.month, a.day, a.hour, a.minute, a.second) < (b.year, b.month, b.day, b.hour, b.minute, b.second)
    }
}

/// Writes `YYYY-MM-DD` into the first 10 bytes of `out` (a year of four digits).
private func writeDate(_ year: Int, _ month: UInt8, _ day: UInt8, to out: UnsafeMutableBufferPointer<UInt8>) {
    writeDigits(year, 4, to: out, at: 0); out[4] = UInt8(ascii: "-")
    writeDigits(Int(month), 2, to: out, at: 5); out[7] = UInt8(ascii: "-")
    writeDigits(Int(day), 2, to: out, at: 8)
}

/// Writes the last `digits` decimal digits of `value` at `offset` of `out`.
private func writeDigits(_ value: Int, _ digits: Int, to out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
    var value = value
    for k in stride(from: offset + digits - 1, through: offset, by: -1) {
        out[k] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
    }
}

extension LedgerDate {
    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LedgerDate {
        LedgerTime(secondsSinceEpoch: (epochDays + Int64(days)) * 86_400).date
    }

    /// The days from this date to `other`: 0 for the same day, negative for an earlier one.
    public func days(to other: LedgerDate) -> Int { Int(other.epochDays - epochDays) }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    private var epochDays: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month), d = Int64(day)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
