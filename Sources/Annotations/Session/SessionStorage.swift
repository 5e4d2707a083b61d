/// Where an annotating session keeps its events: what the REPL and review need from a store,
/// implemented by the files (``SessionStore``) and the team database (`TeamSessionStore`).
public protocol SessionStorage: AnyObject {
    /// The session in memory (the state the stored events give).
    var session: Session { get }
    /// Where the session lives, as shown to the user (a file path, or the team session's name and server).
    var path: String { get }
    /// Applies an edit and stores it durably before returning.
    @discardableResult
    func perform(_ action: EditAction, time: String, annotator: String?, group: Int?) throws(SessionStore.Failure) -> Event
    /// Records where the annotator is.
    func moveCursor(to key: SentenceKey)
    /// Changes the session's settings (stored, so they survive a crash).
    func changeSettings(_ settings: SessionSettings) throws(SessionError)
    /// Whether enough edits were stored since the last ``save()`` that it should run again.
    var isSaveDue: Bool { get }
    /// Saves when ``isSaveDue``, never failing an edit: what the user must be told, once, or nil.
    func saveIfDue() -> String?
    /// Writes whatever readers see besides the events (the snapshot).
    func save() throws(SessionError)
    /// Saves and lets go of the session.
    func close() throws(SessionError)
    /// A way back to the store's state now, without a trace (for a rollback that cannot be stored).
    func rewindPoint() -> () -> Bool
}
