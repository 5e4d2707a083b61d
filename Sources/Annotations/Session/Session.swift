/// A session in memory: who annotates which corpus, the event log and the state it gives.
/// Pure value: files, locks and the clock live in ``SessionStore``.
public struct Session: Sendable {
    /// The session's identity, named by its journal (nil until a ``SessionStore`` opens it; see
    /// ``derivedID(name:created:annotator:)``).
    public var id: String?
    /// The session's annotator (events carry their own annotator too).
    public var annotator: String
    /// When the session was created (ISO 8601).
    public var created: String
    /// When it last changed.
    public var updated: String
    /// The corpus it belongs to.
    public var corpus: CorpusReference
    /// Sessions it was derived from, if any.
    public var derivedFrom: [String]?
    /// Where the annotator is.
    public var cursor: SentenceKey?
    /// Preferences kept with the session (suggestions on or off).
    public var settings = SessionSettings()
    /// The state after every event.
    public private(set) var state: AnnotationState
    /// The event log.
    public private(set) var events: [Event]

    /// A new, empty session.
    public init(annotator: String, corpus: CorpusReference, schema: AnnotationSchema = .standard, created: String, derivedFrom: [String]? = nil) {
        self.annotator = annotator
        self.created = created
        self.updated = created
        self.corpus = corpus
        self.derivedFrom = derivedFrom
        self.state = AnnotationState(schema: schema)
        self.events = []
    }

    /// A session rebuilt from a file by replaying its log; the stored annotations must agree with it.
    public init(file: SessionFile, path: String) throws(SessionError) {
        try self.init(replaying: file, path: path)
        let differences = file.differences(from: state)
        if !differences.isEmpty { throw .logMismatch(path: path, differences: differences) }
    }

    /// A session rebuilt from a file by replaying its log, without looking at the stored annotations.
    init(replaying file: SessionFile, path: String) throws(SessionError) {
        var state = AnnotationState(schema: file.schema)
        if let failure = state.apply(contentsOf: file.events) {
            throw .badEvent(path: path, seq: file.events[failure.index].seq, reason: failure.error.description)
        }
        self.init(file: file, replayed: state)
    }

    /// A session from a file and the state its whole log gives (replayed by the caller).
    init(file: SessionFile, replayed state: AnnotationState) {
        id = file.id
        annotator = file.annotator
        created = file.created
        updated = file.updated
        corpus = file.corpus
        derivedFrom = file.derivedFrom
        cursor = file.cursor
        settings = file.settings ?? SessionSettings()
        self.state = state
        // The log is the file's, shared rather than copied event by event.
        events = file.events
        if let last = file.events.last { updated = last.time }
    }

    /// A session rebuilt from its log by replaying every event (`path` is used in error messages).
    public init(log: SessionLogContents, path: String) throws(SessionError) {
        let header = log.header
        id = header.session
        annotator = header.annotator
        created = header.created
        updated = log.events.last?.time ?? header.created
        corpus = log.corpus ?? header.corpus
        derivedFrom = header.derivedFrom
        cursor = log.cursor
        settings = log.settings ?? SessionSettings()
        var state = AnnotationState(schema: header.schema)
        if let failure = state.apply(contentsOf: log.events) {
            throw .badEvent(path: path, seq: log.events[failure.index].seq, reason: failure.error.description)
        }
        self.state = state
        events = log.events
    }

    /// The schema edits are checked against.
    public var schema: AnnotationSchema { state.schema }

    /// Applies an action as the next event and returns it; throws and changes nothing if it cannot apply.
    /// `group` is the `seq` of the first event of the command it belongs to (nil: it begins one).
    @discardableResult
    public mutating func perform(_ action: EditAction, time: String, annotator: String? = nil, group: Int? = nil) throws(AnnotationError) -> Event {
        let event = Event(seq: state.lastSeq + 1, time: time, annotator: annotator ?? self.annotator, action: action, group: group)
        try append(event)
        return event
    }

    /// Applies an existing event (from a file or journal) and appends it to the log.
    public mutating func append(_ event: Event) throws(AnnotationError) {
        try state.apply(event)
        events.append(event)
        updated = event.time
    }

    /// Replaces state and log together (they must agree); used when rolling back.
    mutating func replaceHistory(state: AnnotationState, events: [Event]) {
        self.state = state
        self.events = events
    }

    /// The file form of the session.
    public var file: SessionFile {
        SessionFile(
            annotator: annotator, created: created, updated: updated, corpus: corpus, derivedFrom: derivedFrom,
            cursor: cursor, settings: settings, state: state, events: events, id: id)
    }

    /// The identity given to a session that has none yet: a digest of its file name, creation time
    /// and annotator (so scripted sessions stay byte-for-byte reproducible, and two sessions of
    /// different names or times never share one).
    public static func derivedID(name: String, created: String, annotator: String) -> String {
        String(Fingerprint.sha256Hex(name + "\n" + created + "\n" + annotator).prefix(32))
    }
}
