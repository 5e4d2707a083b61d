import Annotations
import Foundation
import WorkbenchShell

extension EventClock {
    /// The clock the environment asks for; throws when the fake start time cannot be read.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIFailure) -> EventClock {
        guard let value = environment[environmentKey], !value.isEmpty else { return EventClock() }
        guard let date = Timestamp.date(from: value) else {
            throw CLIFailure("\(environmentKey)='\(value)' is not an ISO 8601 UTC time; write e.g. 2026-01-01T09:00:00Z")
        }
        return EventClock(fakeStart: date)
    }
}
