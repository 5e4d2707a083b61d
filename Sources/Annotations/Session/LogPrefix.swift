import Foundation

/// The first events of a session log, left in the log's bytes: a session opened from its snapshot
/// does not decode the events the snapshot already reflects, and decodes them only when they are
/// asked for (the undo history, `replay`-like readers). The bytes are the log as read on opening
/// (mapped when large); the log is only ever appended to or cut back to a length at least this
/// prefix's, so they stay what they were.
struct LogPrefix: Sendable {
    /// The log's bytes as read on opening (the prefix is the first ``length`` of them).
    let bytes: Data
    /// The prefix's length in bytes: the header line and the lines of ``count`` events (and any
    /// cursor, corpus and settings lines among them), each with its line break.
    let length: Int
    /// How many events the prefix holds.
    let count: Int
    /// How many of them are `undo` events.
    let undoCount: Int
    /// The log's path, for error messages.
    let path: String

    /// The prefix's events, decoded.
    func events() throws(SessionError) -> [Event] {
        let contents = try SessionLogContents(bytes.prefix(length), path: path)
        guard contents.events.count == count else {
            throw .io(path: path, reason: "its first \(length) bytes hold \(contents.events.count) events, not the \(count) counted on opening")
        }
        return contents.events
    }
}
