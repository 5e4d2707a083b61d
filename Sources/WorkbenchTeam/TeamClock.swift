import Dispatch

/// The clock every team deadline and timeout is measured on: monotonic (the time since the system
/// started, which nothing sets), so that the wall clock being set, by the user or by NTP, neither
/// ends a healthy push early (a jump forward) nor lets a stuck one run on (a jump back). Tests give
/// a clock of their own (``init(nanoseconds:)``).
public struct TeamClock: Sendable {
    /// Nanoseconds since a fixed point of this clock; never less than an earlier reading.
    public let nanoseconds: @Sendable () -> UInt64

    /// A clock reading `nanoseconds`.
    public init(nanoseconds: @escaping @Sendable () -> UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// The system's monotonic clock (`CLOCK_MONOTONIC`, as `DispatchTime` reads it).
    public static let monotonic = TeamClock { DispatchTime.now().uptimeNanoseconds }

    /// The reading `seconds` from now.
    func reading(after seconds: Int) -> UInt64 {
        nanoseconds() &+ UInt64(max(0, seconds)) * 1_000_000_000
    }

    /// Whole milliseconds from now until `reading` (0 or less when it has passed).
    func milliseconds(until reading: UInt64) -> Int {
        let now = nanoseconds()
        return reading > now ? Int((reading - now) / 1_000_000) : 0
    }
}
