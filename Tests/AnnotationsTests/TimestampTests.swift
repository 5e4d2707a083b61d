@testable import Annotations
import Foundation
import Testing

struct TimestampTests {
    /// The reference form every log holds: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" in UTC.
    private func reference(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
            Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(milliseconds % 1000))
    }

    @Test(arguments: [0, 0.005, 0.999, 1_790_000_000.125, 1_790_000_000.9996, 946_684_799.5, -30_000_000_000.25, -40_000_000_000.5, 253_402_300_799.001])
    func formatsAsTheReferenceFormat(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Timestamp.string(from: date) == reference(date))
    }

    @Test func writesMillisecondsAndReadsThemBack() throws {
        let text = Timestamp.string(from: Date(timeIntervalSince1970: 1_790_000_000.125))
        #expect(text == "2026-09-21T14:13:20.125Z")
        let date = try #require(Timestamp.date(from: text))
        #expect(Timestamp.string(from: date) == text)
    }
}
