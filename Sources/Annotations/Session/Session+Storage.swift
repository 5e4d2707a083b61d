import Foundation

/// What a second store (the team database) needs to keep the same log lines as the files: the
/// exact bytes of each line, and taking back an event it could not store.
public enum SessionLogLine {
    /// The header line of a log for `header`, line break included.
    public static func header(_ header: LogHeader) throws(SessionError) -> String {
        do { return String(decoding: try SessionFileWriter.headerLine(header), as: UTF8.self) } catch {
            throw .io(path: header.session, reason: "cannot encode the log header")
        }
    }

    /// The line for `entry` (an event, a cursor move, settings, a re-anchoring), line break included:
    /// byte for byte what ``SessionLog`` appends.
    public static func entry(_ entry: JournalEntry) throws(SessionError) -> String {
        do { return String(decoding: try SessionFileWriter.line(entry), as: UTF8.self) } catch {
            throw .io(path: "", reason: "cannot encode a log entry")
        }
    }
}

extension Session {
    /// Takes back the last event (one a store could not make durable): the state is rebuilt from
    /// the events before it.
    public mutating func dropLastEvent() {
        guard eventCount > 0 else { return }
        rollBack(toEventCount: eventCount - 1)
    }
}
