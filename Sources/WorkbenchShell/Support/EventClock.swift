import Annotations
import Foundation

/// Where event times come from: the system clock, or a fake clock that starts at a fixed time and
/// advances one second per reading (set `WORKBENCH_FAKE_CLOCK` to an ISO time such as
/// `2026-01-01T09:00:00Z`), so scripted runs write identical session files.
public struct EventClock: Sendable {
    /// The environment variable that turns on the fake clock.
    public static let environmentKey = "WORKBENCH_FAKE_CLOCK"

    private var fakeStart: Date?
    private var readings = 0

    /// The system clock.
    public init() {}

    /// A fake clock starting at `start`.
    public init(fakeStart: Date) { self.fakeStart = fakeStart }

    /// The current time as a timestamp (the fake clock advances by one second).
    public mutating func now() -> String {
        guard let fakeStart else { return Timestamp.now() }
        defer { readings += 1 }
        return Timestamp.string(from: fakeStart.addingTimeInterval(Double(readings)))
    }
}
