import Foundation

/// A session open for writing: holds the lock, journals every acknowledged change (fsync before
/// returning), and saves the JSON file atomically. After `kill -9` at any moment, reopening
/// restores every acknowledged change from the file plus its journal.
public final class SessionStore {
    /// Why an edit was not recorded.
    public enum Failure: Error, Sendable, CustomStringConvertible, LocalizedError {
        /// The edit is not valid; nothing changed.
        case rejected(AnnotationError)
        /// The edit could not be made durable; nothing changed.
        case storage(SessionError)

        public var description: String {
            switch self {
            case .rejected(let error): return error.description
            case .storage(let error): return error.description
            }
        }

        public var errorDescription: String? { description }
    }

    /// The session file's path.
    public let path: String
    /// The session in memory.
    public private(set) var session: Session
    /// How many events the journal gave back on open (work recovered after a crash).
    public private(set) var recoveredEvents: Int
    /// What opening found and set aside — torn journal bytes, a journal of another session or
    /// state — one sentence each, for the front end to show as warnings.
    public private(set) var openingWarnings: [String] = []
    /// The stale lock taken over on open, if any.
    public let tookOverLockFrom: String?
    /// ``saveIfDue()`` rewrites the JSON file after this many new events (the journal makes every
    /// event durable anyway, so this only bounds the journal's length).
    public var autosaveEvery = 50

    private let file: LockedSessionFile
    private let journal: SessionJournal
    private let writer: any FileWriting
    private var unsavedEvents = 0
    /// How many times the file was saved (a ``Mark`` from before a save cannot be rewound to).
    private var saves = 0

    /// Opens the session at `path` for writing, creating it with `makeNew()` when the file does not exist.
    /// A corrupt or foreign file throws and is never overwritten. The journal beside it is checked
    /// (``JournalRecovery``): its complete entries are applied, torn bytes are kept aside in
    /// `NAME.json.journal.torn`, and a journal of another session or state is moved aside to
    /// `NAME.json.journal.rejected-N` without being applied; ``openingWarnings`` says what happened.
    /// Files are written through `writer` (tests stand in a full disk).
    public init(
        path: String, now: String, writer: any FileWriting = SystemFileWriting(), makeNew: () throws(SessionError) -> Session
    ) throws(SessionError) {
        self.path = path
        self.writer = writer
        try SessionStore.refuseFolder(path)
        file = try LockedSessionFile(path: path, now: now)
        tookOverLockFrom = file.tookOverLockFrom
        let exists = file.exists
        var session = exists ? try SessionStore.load(path: path) : try makeNew()
        if session.id == nil {
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            session.id = Session.derivedID(name: name, created: session.created, annotator: session.annotator)
        }
        let journalPath = SessionJournal.path(for: file.realPath)
        var recovery = try JournalRecovery(contents: SessionJournal.contents(path: journalPath), session: session, journalPath: journalPath)
        try recovery.setAside(writer: writer, sessionPath: file.realPath)
        self.session = recovery.session
        self.recoveredEvents = recovery.recoveredEvents
        self.openingWarnings = recovery.warnings
        journal = try SessionJournal(path: journalPath, writer: writer)
        if !exists || recovery.needsSave {
            try save()
        } else if let length = recovery.cutLength {
            try journal.cut(to: length)
        }
        if journal.size == 0 { try journal.append(.header(journalHeader)) }
    }

    /// The header of a journal that continues the session as saved now.
    private var journalHeader: JournalHeader {
        JournalHeader(session: session.id ?? "", seq: session.state.lastSeq)
    }

    /// Refuses a session path that is a folder, saying so.
    static func refuseFolder(_ path: String) throws(SessionError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .io(path: path, reason: "this is a folder, not a session file; choose another session name or move the folder away")
        }
    }

    deinit {
        journal.close()
        file.release()
    }

    /// Reads and replays a session file without locking it (for replay, export, validate).
    public static func load(path: String) throws(SessionError) -> Session {
        try Session(data: SessionCodec.contents(ofFile: path), path: path)
    }

    /// Applies and journals an edit; when this returns, the change survives a crash.
    @discardableResult
    public func perform(_ action: EditAction, time: String, annotator: String? = nil, group: Int? = nil) throws(Failure) -> Event {
        let event: Event
        do {
            event = try session.perform(action, time: time, annotator: annotator, group: group)
        } catch {
            throw .rejected(error)
        }
        do {
            try journal.append(.event(event))
        } catch {
            rollBackLastEvent()
            throw .storage(error)
        }
        unsavedEvents += 1
        return event
    }

    /// True when enough events were journaled since the last save that the JSON file should be rewritten.
    public var isSaveDue: Bool { unsavedEvents >= autosaveEvery }

    /// Saves when ``isSaveDue``; call it after acknowledging an edit, off the acknowledgement path.
    public func saveIfDue() throws(SessionError) {
        if isSaveDue { try save() }
    }

    /// Records where the annotator is (journaled, so a crash resumes there).
    public func moveCursor(to key: SentenceKey) {
        guard session.cursor != key else { return }
        session.cursor = key
        try? journal.append(.cursor(key))
    }

    /// Changes the session's settings (journaled, so they survive a crash; saved with the file).
    public func changeSettings(_ settings: SessionSettings) throws(SessionError) {
        guard session.settings != settings else { return }
        try journal.append(.settings(settings))
        session.settings = settings
    }

    /// Records that the session now belongs to another version of its corpus (after re-anchoring) and saves.
    public func adoptCorpus(_ reference: CorpusReference) throws(SessionError) {
        session.corpus = reference
        try save()
    }

    /// Writes the JSON file atomically and empties the journal.
    public func save() throws(SessionError) {
        try file.write(session.file, with: writer)
        saves += 1
        try journal.reset(header: journalHeader)
        unsavedEvents = 0
    }

    /// Saves and releases the lock; the store must not be used afterwards. Safe to call twice.
    public func close() throws(SessionError) {
        defer {
            journal.close()
            file.release()
        }
        try save()
    }

    /// Where a command began: the journal's length and the log's, for ``rewind(to:)``.
    public struct Mark: Sendable, Hashable {
        fileprivate var journalSize: Int
        fileprivate var events: Int
        fileprivate var saves: Int
    }

    /// The point to rewind to if the command about to run must be taken back without a trace.
    public func mark() -> Mark {
        Mark(journalSize: journal.size, events: session.events.count, saves: saves)
    }

    /// Takes back every event since `mark` without journaling anything: the journal is cut back to
    /// where it was and the state rebuilt from the log. For a refused command whose rollback cannot
    /// be journaled (a full disk). False when the session was saved since `mark` (then nothing changes).
    @discardableResult
    public func rewind(to mark: Mark) -> Bool {
        guard mark.saves == saves, mark.events <= session.events.count, mark.journalSize <= journal.size else { return false }
        guard (try? journal.cut(to: mark.journalSize)) != nil else { return false }
        let events = Array(session.events.prefix(mark.events))
        guard let replayed = try? AnnotationState.replaying(events, schema: session.schema) else { return false }
        unsavedEvents = max(0, unsavedEvents - (session.events.count - mark.events))
        session = Session(rebuilding: session, state: replayed, events: events)
        return true
    }

    /// Releases the lock without saving (the file stays exactly as it was read, e.g. when the
    /// session is refused after opening); the store must not be used afterwards.
    public func abandon() {
        journal.close()
        file.release()
    }

    private func rollBackLastEvent() {
        let events = session.events.dropLast()
        var rebuilt = session
        if let replayed = try? AnnotationState.replaying(events, schema: session.schema) {
            rebuilt = Session(rebuilding: session, state: replayed, events: Array(events))
        }
        session = rebuilt
    }
}

extension Session {
    /// A copy of `session` with another state and log (used to roll back an event that could not be journaled).
    init(rebuilding session: Session, state: AnnotationState, events: [Event]) {
        self = session
        self.replaceHistory(state: state, events: events)
    }
}
