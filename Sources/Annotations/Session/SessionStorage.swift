/// Where an annotating session keeps its events: what the REPL and review need from a store. The
/// files (``SessionStore``: a JSON Lines log and a snapshot) implement it; a database store can
/// implement the same (the events are the same; see `docs/session-format.md`).
public protocol SessionStorage: AnyObject {
    /// The session in memory (the state the stored events give).
    var session: Session { get }
    /// Applies an edit and stores it durably before returning.
    @discardableResult
    func perform(_ action: EditAction, time: String, annotator: String?, group: Int?) throws(SessionStore.Failure) -> Event
    /// Records where the annotator is.
    func moveCursor(to key: SentenceKey)
    /// Writes whatever readers see besides the events (the snapshot).
    func save() throws(SessionError)
    /// Saves and lets go of the session.
    func close() throws(SessionError)
}
