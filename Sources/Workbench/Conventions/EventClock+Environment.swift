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
        // The reader rolls fields over (month 13, hour 99 and a year of seven digits were taken as
        // other times, stored in every event): the time written back must be the one given.
        guard Timestamp.string(from: date).prefix(19) == value.prefix(19) else {
            throw CLIFailure(
                "\(environmentKey)='\(value)' is no real time (a month, day, hour, minute or second out of range, or a year"
                    + " not of four digits: it would be read as \(Timestamp.string(from: date))); write e.g. 2026-01-01T09:00:00Z")
        }
        return EventClock(fakeStart: date)
    }
}
