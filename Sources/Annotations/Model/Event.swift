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
    /// The `seq` of the first event of the command this event belongs to, when that is an earlier
    /// event (nil: the event begins its command). Undo and redo take back whole commands; an
    /// `undo` in the group of the change it undoes is the rollback of a refused command, which
    /// leaves nothing to redo.
    public var group: Int?

    /// Creates an event; a `group` equal to `seq` is stored as nil (the event begins its command).
    public init(seq: Int, time: String, annotator: String, action: EditAction, group: Int? = nil) {
        self.seq = seq
        self.time = time
        self.annotator = annotator
        self.action = action
        self.group = group == seq ? nil : group
    }

    /// The command group: the `seq` of the command's first event.
    public var commandGroup: Int { group ?? seq }
}
