/// Where an annotating session keeps its events: what the REPL and review need from a store. The
/// files (``SessionStore``: a JSON Lines log and a snapshot) implement it; the team database
/// (`WorkbenchTeam`'s `TeamSessionStore`) implements the same with the same events and log lines
/// (see `docs/session-format.md` and `docs/team.md`).
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
    /// Saves when ``isSaveDue``, never failing an edit (the stored events hold it): returns what the
    /// user must be told about it, once (a save that failed, or that works again), or nil.
    func saveIfDue() -> String?
    /// Writes whatever readers see besides the events (the snapshot).
    func save() throws(SessionError)
    /// Saves and lets go of the session.
    func close() throws(SessionError)
    /// A way back to the store's state now, for a command whose rollback cannot be stored: calling
    /// it takes back every event since, without a trace, and says whether it could.
    func rewindPoint() -> () -> Bool
}
