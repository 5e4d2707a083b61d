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

extension Deadline {
    /// ``waitUntil(timeout:interval:_:_:)`` for a condition that awaits (a child process, a terminal
    /// read): sleeps between checks without holding a thread.
    public static func waitUntil(
        timeout: TimeInterval = 10, interval: TimeInterval = 0.03, _ what: @autoclosure () -> String = "condition",
        _ condition: () async throws -> Bool
    ) async throws {
        let end = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while true {
            if try await condition() { return }
            if ContinuousClock.now >= end {
                if try await condition() { return }
                throw Expired(description: "timed out after \(timeout) s waiting for \(what())")
            }
            try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
    }

    /// The result of `body`, or ``Expired`` (naming `what`) when it has not finished after `timeout`
    /// seconds; `body` is then cancelled (a child process it runs is killed).
    public static func within<Value: Sendable>(
        _ timeout: TimeInterval, _ what: String, _ body: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw Expired(description: "timed out after \(timeout) s waiting for \(what)")
            }
            return value
        }
    }
}
