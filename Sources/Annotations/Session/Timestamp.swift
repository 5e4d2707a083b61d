import Foundation

/// ISO 8601 UTC timestamps with milliseconds (`2026-11-21T09:30:00.125Z`), for every event and session.
public enum Timestamp {
    /// Formats a date.
    public static func string(from date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        // Without String(format:), which cost a tenth of a team client's time per edit.
        func padded(_ value: Int, _ width: Int) -> String {
            if value < 0 { return "-" + padded(-value, width - 1) }
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.utf8.count)) + digits
        }
        let day = "\(padded(Int(parts.tm_year) + 1900, 4))-\(padded(Int(parts.tm_mon) + 1, 2))-\(padded(Int(parts.tm_mday), 2))"
        return "\(day)T\(padded(Int(parts.tm_hour), 2)):\(padded(Int(parts.tm_min), 2)):\(padded(Int(parts.tm_sec), 2)).\(padded(Int(milliseconds % 1000), 3))Z"
    }

    /// The current time.
    public static func now() -> String { string(from: Date()) }

    /// Parses a timestamp written by ``string(from:)`` (also accepts no fraction); nil if malformed.
    public static func date(from text: String) -> Date? {
        let scalars = Array(text.utf8)
        guard scalars.count >= 20, scalars.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 else { return nil }
                value = value * 10 + Int(scalars[index] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var fraction = 0.0
        if scalars.count > 21, scalars[19] == UInt8(ascii: ".") {
            let digits = scalars.count - 21
            guard let value = number(20..<(20 + digits)) else { return nil }
            fraction = Double(value) / pow(10, Double(digits))
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }
}
