import Foundation

/// Waiting for something another process does, with a deadline instead of a fixed number of sleeps.
public enum Deadline {
    /// Why a wait gave up.
    public struct Expired: Error, CustomStringConvertible {
        public let description: String
    }

    /// Checks `condition` every `interval` seconds until it holds (returns) or `timeout` seconds have
    /// passed (throws, naming `what`). The condition is checked once more at the deadline.
    public static func waitUntil(
        timeout: TimeInterval = 10, interval: TimeInterval = 0.03, _ what: @autoclosure () -> String = "condition",
        _ condition: () throws -> Bool
    ) throws {
        let end = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            if try condition() { return }
            if ContinuousClock.now >= end {
                if try condition() { return }
                throw Expired(description: "timed out after \(timeout) s waiting for \(what())")
            }
            Thread.sleep(forTimeInterval: interval)
        }
    }
}
