/// The clock every team deadline and timeout is measured on: by default the standard library's
/// `SuspendingClock` (`CLOCK_MONOTONIC` on Linux: the time the system has been running, which
/// nothing sets), so that the wall clock being set, by the user or by NTP, neither ends a healthy
/// push early (a jump forward) nor lets a stuck one run on (a jump back).
///
/// Why a type of its own rather than a `Clock`: the connection waits synchronously, in `poll` with a
/// number of milliseconds, and needs only "now" as a number; a test gives a clock of its own
/// (``init(nanoseconds:)``) that jumps. The standard library's `Clock` protocol would make a test's
/// clock implement an `async` `sleep(until:tolerance:)` and an `Instant` type of its own, and the
/// connection either generic over the clock (and with it every type that holds a connection) or
/// holding `any Clock`, whose instants it cannot keep as deadlines without casting. Why
/// `SuspendingClock` and not `ContinuousClock` (`CLOCK_BOOTTIME`): a laptop suspended while it
/// waits for an answer would, on waking, count its sleep as the server's silence and end at once
/// with "did not answer within N s"; on this clock the server has the whole time after the wake.
/// Making a connection is timed on it too (one deadline for every address tried; see
/// docs/team.md, "A connection being made has one deadline").
public struct TeamClock: Sendable {
    /// Nanoseconds since a fixed point of this clock; never less than an earlier reading.
    public let nanoseconds: @Sendable () -> UInt64

    /// A clock reading `nanoseconds`.
    public init(nanoseconds: @escaping @Sendable () -> UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// The standard library's `SuspendingClock`, read as nanoseconds since its first use in this
    /// process.
    public static let monotonic: TeamClock = {
        let origin = SuspendingClock.now
        return TeamClock {
            let elapsed = origin.duration(to: SuspendingClock.now).components
            return UInt64(max(0, elapsed.seconds)) * 1_000_000_000 + UInt64(max(0, elapsed.attoseconds) / 1_000_000_000) + 1
        }
    }()

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
