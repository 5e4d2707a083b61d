import Foundation

/// A session open for writing: holds the lock, appends every acknowledged change to the log
/// (`NAME.jsonl`, fdatasync before returning) and writes the snapshot (`NAME.json`) atomically on
/// save. After `kill -9` at any moment, reopening restores every acknowledged change from the log.
///
/// ``SessionStorage`` is what a second store (a database) implements.
public final class SessionStore: SessionStorage {
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

    /// The snapshot's path (the session's name as given).
    public let path: String
    /// The session in memory.
    public private(set) var session: Session
    /// How many events the log held beyond the snapshot on open (work recovered after a crash).
    public private(set) var recoveredEvents: Int
    /// What opening found and set aside, rebuilt or migrated, one sentence each.
    public private(set) var openingWarnings: [String] = []
    /// The stale lock taken over on open, if any.
    public let tookOverLockFrom: String?
    /// ``saveIfDue()`` rewrites the snapshot after this many new events.
    public var autosaveEvery = 50

    private let file: LockedSessionFile
    private let paths: SessionPaths
    private let log: SessionLog
    private let writer: FileWriting
    private var unsavedEvents = 0
    /// Whether the last periodic save failed and no save succeeded since (the user was told).
    private var periodicSaveFailed = false
    /// How many times the snapshot was saved.
    private var saves = 0
    /// Where a format-1 file migrated on this opening was kept, until the first edit: ``abandon()`` puts it back.
    private var migratedFrom: (copy: String, journal: String?)?

    /// Opens the session at `path` (snapshot or log) for writing, creating it with `makeNew()` when
    /// neither exists: a format-1 file is migrated (kept as `NAME.v1.json`), a torn last log line
    /// kept in `NAME.jsonl.torn`, a mismatching snapshot rebuilt, a log of another session refused.
    public init(
        path: String, now: String, writer: FileWriting = FileWriting(), makeNew: () throws(SessionError) -> Session
    ) throws(SessionError) {
        self.writer = writer
        let given = SessionPaths(path)
        self.path = given.snapshot
        try FolderGivenAsSession.refuse(given.snapshot, writing: true)
        file = try LockedSessionFile(path: given.snapshot, now: now)
        tookOverLockFrom = file.tookOverLockFrom
        let paths = SessionPaths(file.realPath)
        self.paths = paths
        var needsSave = false
        var warnings: [String] = []
        var recovered = 0
        let found = try paths.found(strict: true)
        if found.formatOne, let data = found.snapshot {
            var session = try Session(file: SessionCodec.decode(data, path: given.snapshot), path: paths.snapshot)
            if session.id == nil { session.id = Self.derivedID(paths.snapshot, created: session.created, annotator: session.annotator) }
            (recovered, warnings) = try FormatOneJournal.apply(to: &session, sessionPath: paths.snapshot, writer: writer)
            let migration = try Self.migrate(session, paths: paths, file: file, writer: writer, warnings: &warnings)
            log = migration.log
            migratedFrom = (migration.copy, migration.journal)
            self.session = session
            needsSave = true
        } else if found.log {
            let opening = try SessionOpening.open(paths, snapshot: found.snapshot, writer: writer)
            let contents = opening.log
            if !contents.tornTail.isEmpty {
                let aside = try AtomicFile.keepAside(contents.tornTail, as: paths.log + ".torn", with: writer)
                warnings.append("\(paths.log): dropped \(contents.tornTail.count) torn byte(s) at its end (an append cut short by a crash or a full disk, never acknowledged) and kept them in \(aside); every complete line was recovered")
            }
            warnings += opening.warnings
            needsSave = opening.needsSave
            recovered = opening.recovered
            log = try SessionLog(
                path: paths.log, writer: writer, length: contents.completeLength, events: contents.eventCount, digest: contents.completeDigest)
            self.session = opening.session
        } else if let data = found.snapshot {
            // A damaged, foreign or newer file is reported as such; a readable snapshot lacks its log.
            _ = try SessionCodec.decode(data, path: given.snapshot)
            throw .missingLog(paths)
        } else {
            var session = try makeNew()
            if session.id == nil { session.id = Self.derivedID(paths.snapshot, created: session.created, annotator: session.annotator) }
            log = try Self.startLog(of: session, in: file, writer: writer)
            self.session = session
            needsSave = true
        }
        recoveredEvents = recovered
        openingWarnings = warnings
        if needsSave { try save() }
    }

    /// The id of a session without one, from its snapshot's name (``Session/derivedID(name:created:annotator:)``).
    static func derivedID(_ snapshot: String, created: String, annotator: String) -> String {
        Session.derivedID(name: ((snapshot as NSString).lastPathComponent as NSString).deletingPathExtension, created: created, annotator: annotator)
    }

    /// Moves a format-1 file aside to `NAME.v1.json` (its journal beside it) and writes its log.
    private static func migrate(
        _ session: Session, paths: SessionPaths, file: LockedSessionFile, writer: FileWriting, warnings: inout [String]
    ) throws(SessionError) -> (log: SessionLog, copy: String, journal: String?) {
        let log = try startLog(of: session, in: file, writer: writer)
        let copy = SessionPaths.exists(paths.formatOneCopy) ? SessionPaths.free(paths.formatOneCopy, numbered: true) : paths.formatOneCopy
        guard rename(paths.snapshot, copy) == 0 else {
            throw .io(path: paths.snapshot, reason: "cannot keep the format-1 file as \(copy): \(AtomicFile.describe(errno))")
        }
        let journal = FormatOneJournal.path(for: paths.snapshot)
        let journalCopy: String? = SessionPaths.exists(journal) && rename(journal, copy + ".journal") == 0 ? copy + ".journal" : nil
        AtomicFile.syncFolder(containing: paths.snapshot)
        warnings.append("\(paths.snapshot): migrated from session format 1 to 2 (log \(paths.log) and snapshot \(paths.snapshot)); the original is kept as \(copy) until you delete it")
        return (log, copy, journalCopy)
    }

    /// Writes the whole log of `session` (header, events, cursor, settings) atomically beside `file` and opens it for appending.
    private static func startLog(of session: Session, in file: LockedSessionFile, writer: FileWriting) throws(SessionError) -> SessionLog {
        let bytes = try file.writeLog(of: session.file, with: writer)
        return try SessionLog(path: SessionPaths(file.realPath).log, writer: writer, length: bytes.count, events: session.events.count)
    }

    deinit {
        log.close()
        file.release()
    }

    /// Reads a session without locking it or changing its files; what opening found and mended in
    /// memory goes to `warn`, one sentence each.
    public static func load(path: String, warn: (String) -> Void = { _ in }) throws(SessionError) -> Session {
        try load(path: path, annotationsApart: false, warn: warn).session
    }

    /// ``load(path:warn:)``; with `annotationsApart` (an export), a snapshot's mentions, cues and
    /// claims may be given apart (see ``SessionOpening/annotations``).
    public static func load(
        path: String, annotationsApart: Bool, warn: (String) -> Void = { _ in }
    ) throws(SessionError) -> (session: Session, annotations: [Record]?) {
        let paths = SessionPaths.followingLinks(path)
        let found = try paths.found()
        if found.formatOne, let data = found.snapshot {
            return (try Session(file: SessionCodec.decode(data, path: paths.snapshot), path: paths.snapshot), nil)
        }
        guard found.log else { throw found.snapshot == nil ? .notFound(paths.snapshot) : .missingLog(paths) }
        let opening = try SessionOpening.open(paths, snapshot: found.snapshot, writer: nil, annotationsApart: annotationsApart)
        opening.warnings.forEach(warn)
        opening.log.tornNotice(path: paths.log).map(warn)
        return (opening.session, opening.annotations)
    }

    /// Applies and journals an edit; when this returns, the change survives a crash.
    @discardableResult
    public func perform(_ action: EditAction, time: String, annotator: String? = nil, group: Int? = nil) throws(Failure) -> Event {
        let event: Event
        migratedFrom = nil
        do {
            event = try session.perform(action, time: time, annotator: annotator, group: group)
        } catch {
            throw .rejected(error)
        }
        do {
            try log.append(.event(event))
        } catch {
            session.rollBack(toEventCount: session.eventCount - 1)
            throw .storage(error)
        }
        unsavedEvents += 1
        return event
    }

    /// True when enough events were journaled since the last save that the JSON file should be rewritten.
    public var isSaveDue: Bool { unsavedEvents >= autosaveEvery }

    /// Saves when ``isSaveDue``, after an edit was acknowledged; never fails the edit. What the user
    /// is told, once: on the first failure why and what to do, on the first success after, that.
    public func saveIfDue() -> String? {
        guard isSaveDue else { return nil }
        let failedBefore = periodicSaveFailed
        do {
            try save()
        } catch {
            unsavedEvents = 0
            guard !periodicSaveFailed else { return nil }
            periodicSaveFailed = true
            return "the snapshot could not be written (\(error.description)); every acknowledged edit is safe in the log \(paths.log), "
                + "from which the next opening rebuilds the snapshot. Mend the cause, then type 'save' (or quit) to write it; it is tried again every \(autosaveEvery) edits"
        }
        return failedBefore ? "the snapshot \(path) is written again (it holds every edit so far)" : nil
    }

    /// Records where the annotator is (journaled, so a crash resumes there).
    public func moveCursor(to key: SentenceKey) {
        guard session.cursor != key else { return }
        session.cursor = key
        try? log.append(.cursor(key))
    }

    /// Changes the session's settings (logged, so they survive a crash; saved with the snapshot).
    public func changeSettings(_ settings: SessionSettings) throws(SessionError) {
        guard session.settings != settings else { return }
        try log.append(.settings(settings))
        session.settings = settings
    }

    /// Records that the session now belongs to another version of its corpus (after re-anchoring) and saves.
    public func adoptCorpus(_ reference: CorpusReference) throws(SessionError) {
        session.corpus = reference
        try log.append(.corpus(reference))
        try save()
    }

    /// Writes the snapshot atomically (the log already holds every event).
    public func save() throws(SessionError) {
        var snapshot = session.snapshotFile
        snapshot.log = log.reference
        try file.writeSnapshot(snapshot, with: writer)
        saves += 1
        unsavedEvents = 0
        periodicSaveFailed = false
    }

    /// Saves and releases the lock; the store must not be used afterwards. Safe to call twice.
    public func close() throws(SessionError) {
        defer {
            log.close()
            file.release()
        }
        try save()
    }

    /// The point to go back to without a trace (``SessionStorage``): the log is cut back and the
    /// state rebuilt, a snapshot saved since written again; says whether it could.
    public func rewindPoint() -> () -> Bool {
        let (logSize, logEvents, events, savesThen) = (log.size, log.eventCount, session.eventCount, saves)
        return { [weak self] in
            guard let self, events <= session.eventCount, logSize <= log.size else { return false }
            guard (try? log.cut(to: logSize, events: logEvents)) != nil else { return false }
            let taken = session.eventCount - events
            guard session.rollBack(toEventCount: events) else { return false }
            unsavedEvents = max(0, unsavedEvents - taken)
            if savesThen != saves { try? save() }
            return true
        }
    }

    /// Releases the lock without saving (the files stay as they were read); not to be used after.
    public func abandon() {
        log.close()
        if let (copy, journal) = migratedFrom {
            // Nothing was edited: the session goes back to being the format-1 file it was.
            if rename(copy, paths.snapshot) == 0 {
                unlink(paths.log)
                if let journal { rename(journal, FormatOneJournal.path(for: paths.snapshot)) }
            }
        }
        file.release()
    }
}
