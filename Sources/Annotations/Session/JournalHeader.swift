/// The first line of a session journal: which session it belongs to and which saved state it
/// continues (the `seq` of the last event in the session file when the journal was started).
/// Written after every save, so a journal that belongs to another session, or to an older or newer
/// state of this one, is recognised and never applied.
public struct JournalHeader: Sendable, Hashable, Codable {
    /// The session's `id`.
    public var session: String
    /// The `seq` of the last event of the saved file this journal continues (0: no events).
    public var seq: Int

    /// A header for session `session` continuing a file that ends at event `seq`.
    public init(session: String, seq: Int) {
        self.session = session
        self.seq = seq
    }
}
