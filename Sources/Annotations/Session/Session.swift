import Foundation

/// A session in memory: who annotates which corpus, the event log and the state it gives.
/// Pure value: files, locks and the clock live in ``SessionStore``.
public struct Session: Sendable {
    /// The session's identity, named by its log (nil until a ``SessionStore`` opens it).
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
    /// The events before ``tail``, left in the log's first `length` bytes as read on opening from a
    /// snapshot (`count` events, `commands` among them), decoded only when asked for (nil: none).
    private var prefix: (bytes: Data, length: Int, count: Int, commands: CommandCount, path: String)?
    /// The events after ``prefix`` (all of them when there is none), in order.
    private var tail: [Event]
    /// The state before the first event of ``tail``: the snapshot's records, or an empty state.
    private var base: AnnotationState
    /// How many commands the log holds and how many are `undo` (what `status` and `stats` count).
    public private(set) var commandCount = CommandCount()
    /// Said when the history was rebuilt from the log because the snapshot's records were not what it gives.
    public private(set) var historyNotice: String?

    /// How many events the log holds.
    public var eventCount: Int { (prefix?.count ?? 0) + tail.count }

    /// The event log, in order (the events before a snapshot decoded on each call: use
    /// ``eventCount`` and ``commandCount`` for counts).
    public var events: [Event] { (try? allEvents()) ?? tail }

    /// ``events``, saying why when the log's bytes before the snapshot cannot be decoded.
    public func allEvents() throws(SessionError) -> [Event] {
        guard let prefix else { return tail }
        return try Self.events(of: prefix) + tail
    }

    /// The events of a ``prefix``, decoded.
    private static func events(of prefix: (bytes: Data, length: Int, count: Int, commands: CommandCount, path: String)) throws(SessionError) -> [Event] {
        let contents = try SessionLogContents(prefix.bytes.prefix(prefix.length), path: prefix.path)
        guard contents.events.count == prefix.count else {
            throw .io(path: prefix.path, reason: "its first \(prefix.length) bytes hold \(contents.events.count) events, not the \(prefix.count) counted on opening")
        }
        return contents.events
    }

    /// A new, empty session.
    public init(annotator: String, corpus: CorpusReference, schema: AnnotationSchema = .standard, created: String, derivedFrom: [String]? = nil) {
        self.annotator = annotator
        self.created = created
        self.updated = created
        self.corpus = corpus
        self.derivedFrom = derivedFrom
        self.state = AnnotationState(schema: schema)
        self.base = state
        self.tail = []
    }

    /// A session rebuilt from a file by replaying its log; the stored annotations must agree with it.
    public init(file: SessionFile, path: String) throws(SessionError) {
        self.init(annotator: file.annotator, corpus: file.corpus, schema: file.schema, created: file.created, derivedFrom: file.derivedFrom)
        if let failure = state.apply(contentsOf: file.events) {
            throw .badEvent(path: path, seq: file.events[failure.index].seq, reason: failure.error.description, line: nil)
        }
        take(file.events)
        updated = file.events.last?.time ?? file.updated
        let differences = file.differences(from: state)
        if !differences.isEmpty { throw .logMismatch(path: path, differences: differences) }
        id = file.id
        cursor = file.cursor
        settings = file.settings ?? SessionSettings()
    }

    /// A new session as a log's header describes it.
    private init(header: LogHeader) {
        self.init(annotator: header.annotator, corpus: header.corpus, schema: header.schema, created: header.created, derivedFrom: header.derivedFrom)
        id = header.session
    }

    /// Takes replayed `events` as the session's log (shared, not copied).
    private mutating func take(_ events: [Event]) {
        tail = events
        commandCount = CommandCount(events)
        if let last = events.last { updated = last.time }
    }

    /// A session rebuilt from a log's bytes by replaying every event, and the log's contents (the
    /// options as for ``SessionLogContents``): the one way a session is made from a log. Each part
    /// is replayed as soon as it is decoded, while the other core decodes the next parts.
    package static func replaying(
        logBytes data: Data, path: String, forReplay: Bool = false, digestingFirst digested: Int? = nil,
        partBytes: Int = SessionLogContents.partBytes
    ) throws(SessionError) -> (session: Session, log: SessionLogContents) {
        var session: Session?
        var failure: (index: Int, seq: Int, reason: String)?
        var eventsBefore = 0
        // The first part stands for about this share of the log when room is reserved.
        let scale = max(1, Double(data.count) / Double(max(1, partBytes)))
        let log = try SessionLogContents(data, path: path, forReplay: forReplay, digestingFirst: digested, partBytes: partBytes) {
            header, events in
            guard failure == nil else { return }
            if session == nil {
                var empty = Session(header: header)
                empty.state.reserveCapacity(for: events, scaledBy: scale)
                session = empty
            }
            if let applied = session?.state.applyWithoutReserving(events) {
                failure = (eventsBefore + applied.index, events[applied.index].seq, applied.error.description)
            }
            eventsBefore += events.count
        }
        // An event that does not apply is reported after the log reads whole (its errors first).
        if let failure { throw .badEvent(path: path, seq: failure.seq, reason: failure.reason, line: SessionLogContents.line(ofEvent: failure.index, in: data)) }
        var replayed = session ?? Session(header: log.header)
        replayed.take(log.events)
        // The log's last cursor, corpus and settings lines.
        replayed.corpus = log.corpus ?? replayed.corpus
        replayed.cursor = log.cursor
        replayed.settings = log.settings ?? SessionSettings()
        return (replayed, log)
    }

    /// A session opened from its snapshot, whose records reflect the log's events before
    /// `log.decodedFrom` (checked by the caller): only the events after them are replayed.
    init(snapshot: consuming SessionFile, nextNumbers: [Character: Int], logBytes: Data, log: SessionLogContents, path: String) throws(SessionError) {
        let prefix = (bytes: logBytes, length: log.decodedFrom, count: log.skippedEvents, commands: log.skippedCommands, path: path)
        let header = log.header
        id = header.session
        annotator = header.annotator
        created = header.created
        updated = log.events.last?.time ?? snapshot.updated
        corpus = log.corpus ?? snapshot.corpus
        derivedFrom = header.derivedFrom
        cursor = log.cursor ?? snapshot.cursor
        settings = log.settings ?? snapshot.settings ?? SessionSettings()
        var state = AnnotationState(schema: header.schema)
        snapshot.storeRecords(in: &state)
        state.useLastSeq(prefix.count)
        state.useNextNumbers(nextNumbers)
        state.expectHistory { () throws(AnnotationError) -> [Event] in
            do throws(SessionError) { return try Self.events(of: prefix) } catch { throw .historyUnavailable(error.description) }
        }
        base = state
        self.prefix = prefix
        tail = []
        commandCount = prefix.commands
        self.state = state
        for (index, event) in log.events.enumerated() {
            do { try append(event) } catch {
                throw .badEvent(path: path, seq: event.seq, reason: error.description, line: SessionLogContents.line(ofEvent: log.skippedEvents + index, in: logBytes))
            }
        }
        if let last = log.events.last { updated = last.time }
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
        switch event.action {
        case .undo, .redo: if !state.historyIsLoaded { try loadHistory() }
        default: break
        }
        try state.apply(event)
        tail.append(event)
        commandCount.count(event)
        updated = event.time
    }

    /// Makes the undo and redo history complete (replaying the log's events before the snapshot).
    /// Should they not give the snapshot's records, the log is the truth: the state becomes its
    /// replay and ``historyNotice`` says so.
    public mutating func loadHistory() throws(AnnotationError) {
        guard !state.historyIsLoaded else { return }
        do { try state.loadHistory() } catch {
            let all: [Event]
            do { all = try allEvents() } catch let failure { throw .historyUnavailable(failure.description) }
            var replayed = AnnotationState(schema: state.schema)
            if let failure = replayed.apply(contentsOf: all) {
                throw .historyUnavailable("event \(all[failure.index].seq) cannot be replayed: \(failure.error.description)")
            }
            if !replayed.hasSameRecords(as: state) {
                historyNotice = "the snapshot's records were not what its log gives; the session now holds the log's replay (the log is the truth)"
            }
            becomeReplay(replayed, of: all)
        }
    }

    /// Takes `replayed`, the replay of `events` from an empty state, as the whole session.
    private mutating func becomeReplay(_ replayed: AnnotationState, of events: [Event]) {
        state = replayed
        base = AnnotationState(schema: replayed.schema)
        prefix = nil
        tail = events
    }

    /// Takes back every event after the first `count` without a trace, rebuilding the state; false
    /// (and nothing changed) when that is not possible.
    @discardableResult
    public mutating func rollBack(toEventCount count: Int) -> Bool {
        guard count >= 0, count <= eventCount else { return false }
        let before = prefix?.count ?? 0
        if count >= before {
            let kept = Array(tail.prefix(count - before))
            var rebuilt = base
            guard rebuilt.apply(contentsOf: kept) == nil else { return false }
            state = rebuilt
            tail = kept
        } else {
            guard let kept = try? Array(allEvents().prefix(count)),
                let replayed = try? AnnotationState.replaying(kept, schema: state.schema)
            else { return false }
            becomeReplay(replayed, of: kept)
        }
        commandCount = (prefix?.commands ?? CommandCount()) + CommandCount(tail)
        return true
    }

    /// The file form of the session (with every event: see ``events``).
    public var file: SessionFile {
        var file = snapshotFile
        file.events = events
        return file
    }

    /// The snapshot form of the session: ``file`` without the events, which format 2 keeps in the log.
    public var snapshotFile: SessionFile {
        SessionFile(
            annotator: annotator, created: created, updated: updated, corpus: corpus, derivedFrom: derivedFrom,
            cursor: cursor, settings: settings, state: state, events: [], id: id)
    }

    /// The identity given to a session that has none yet: a digest of its file name, creation time
    /// and annotator (reproducible for scripted sessions).
    public static func derivedID(name: String, created: String, annotator: String) -> String {
        String(Fingerprint.sha256Hex(name + "\n" + created + "\n" + annotator).prefix(32))
    }
}
