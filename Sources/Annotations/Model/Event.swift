/// One entry of a session's append-only log: sequence number, time, annotator and action.
/// The state is always the result of applying the events in order to an empty state.
public struct Event: Sendable, Hashable {
    /// 1-based, strictly increasing sequence number.
    public var seq: Int
    /// ISO 8601 UTC time with milliseconds, e.g. `2026-11-21T09:30:00.125Z`.
    public var time: String
    /// Who made the change.
    public var annotator: String
    /// The change.
    public var action: EditAction

    /// Creates an event.
    public init(seq: Int, time: String, annotator: String, action: EditAction) {
        self.seq = seq
        self.time = time
        self.annotator = annotator
        self.action = action
    }
}
