import Annotations
import Foundation

/// Where event times come from: the system clock, or a fake clock that starts at a fixed time and
/// advances one second per reading (set `WORKBENCH_FAKE_CLOCK` to an ISO time such as
/// `2026-01-01T09:00:00Z`), so scripted runs write identical session files.
struct EventClock: Sendable {
    /// The environment variable that turns on the fake clock.
    static let environmentKey = "WORKBENCH_FAKE_CLOCK"

    private var fakeStart: Date?
    private var readings = 0

    /// The system clock.
    init() {}

    /// A fake clock starting at `start`.
    init(fakeStart: Date) { self.fakeStart = fakeStart }

    /// The clock the environment asks for; throws when the fake start time cannot be read.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIFailure) -> EventClock {
        guard let value = environment[environmentKey], !value.isEmpty else { return EventClock() }
        guard let date = Timestamp.date(from: value) else {
            throw CLIFailure("\(environmentKey)='\(value)' is not an ISO 8601 UTC time; write e.g. 2026-01-01T09:00:00Z")
        }
        return EventClock(fakeStart: date)
    }

    /// The current time as a timestamp (the fake clock advances by one second).
    mutating func now() -> String {
        guard let fakeStart else { return Timestamp.now() }
        defer { readings += 1 }
        return Timestamp.string(from: fakeStart.addingTimeInterval(Double(readings)))
    }
}
