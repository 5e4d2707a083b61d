/// The readable JSON snapshot of a session (`NAME.json` beside the log `NAME.jsonl`): header, the
/// part of the log it reflects (``log``), corpus, schema and current annotations. In memory it also
/// carries the events, which format 1 kept in this document. Written by ``SessionFileWriter``.
public struct SessionFile: Sendable, Decodable {
    /// The value of `format`.
    public static let formatName = "workbench-session"
    /// The version this build writes and the newest it reads.
    public static let currentVersion = 2

    /// A sentence status entry.
    public struct StatusEntry: Sendable, Hashable, Codable {
        public var document: String
        public var sentence: Int
        public var status: SentenceStatus
    }

    public var format: String
    public var version: Int
    /// The session's identity, which its log names (absent in older files).
    public var id: String?
    public var annotator: String
    public var created: String
    public var updated: String
    public var corpus: CorpusReference
    public var schema: AnnotationSchema
    /// Sessions this one was made from (review, adjudication, branching), if any.
    public var derivedFrom: [String]?
    /// Where the annotator was.
    public var cursor: SentenceKey?
    /// The session's settings; absent (nil) when they are the defaults.
    public var settings: SessionSettings?
    public var speakers: [Speaker]
    public var targets: [Target]
    /// Mentions, cues and claims (records with `kind`).
    public var annotations: [Record]
    public var stances: [Stance]
    public var notes: [Note]
    public var statuses: [StatusEntry]
    public var reviews: [ReviewDecision]
    /// Turned-down proposals of the suggestion engine; nil when there are none.
    public var rejections: [Rejection]?
    /// The event log, in order (in format 2 read from and written to the log beside the snapshot).
    public var events: [Event]
    /// The part of the log the snapshot reflects (format 2).
    var log: LogReference?
    /// The next free number of every id letter used so far, e.g. `["C": 101, "S": 8]`: ids are never
    /// reused. A snapshot without them is opened by replaying its whole log.
    public var next: [String: Int]?

    /// The fields (``SnapshotHead`` reads the first five).
    enum CodingKeys: String, CodingKey {
        case format, version, id, log, next, annotator, created, updated, corpus, schema, derivedFrom = "derived_from", cursor, settings
        case speakers, targets, annotations, stances, notes, statuses, reviews, rejections, events
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        version = try c.decode(Int.self, forKey: .version)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        log = try c.decodeIfPresent(LogReference.self, forKey: .log)
        next = try c.decodeIfPresent([String: Int].self, forKey: .next)
        annotator = try c.decode(String.self, forKey: .annotator)
        created = try c.decode(String.self, forKey: .created)
        updated = try c.decode(String.self, forKey: .updated)
        corpus = try c.decode(CorpusReference.self, forKey: .corpus)
        schema = try c.decode(AnnotationSchema.self, forKey: .schema)
        derivedFrom = try c.decodeIfPresent([String].self, forKey: .derivedFrom)
        cursor = try c.decodeIfPresent(SentenceKey.self, forKey: .cursor)
        settings = try c.decodeIfPresent(SessionSettings.self, forKey: .settings)
        speakers = try c.decode([Speaker].self, forKey: .speakers)
        targets = try c.decode([Target].self, forKey: .targets)
        annotations = try c.decode([Record].self, forKey: .annotations)
        stances = try c.decode([Stance].self, forKey: .stances)
        notes = try c.decode([Note].self, forKey: .notes)
        statuses = try c.decode([StatusEntry].self, forKey: .statuses)
        reviews = try c.decode([ReviewDecision].self, forKey: .reviews)
        rejections = try c.decodeIfPresent([Rejection].self, forKey: .rejections)
        // Format 2 keeps the events in the log beside the snapshot.
        events = version < 2 ? try c.decode([Event].self, forKey: .events) : try c.decodeIfPresent([Event].self, forKey: .events) ?? []
    }

    /// Creates a file from a header and a state.
    public init(
        annotator: String, created: String, updated: String, corpus: CorpusReference, derivedFrom: [String]?,
        cursor: SentenceKey?, settings: SessionSettings = SessionSettings(), state: AnnotationState, events: [Event], id: String? = nil
    ) {
        format = Self.formatName
        version = Self.currentVersion
        self.id = id
        self.annotator = annotator
        self.created = created
        self.updated = updated
        self.corpus = corpus
        self.schema = state.schema
        self.derivedFrom = derivedFrom
        self.cursor = cursor
        self.settings = settings.isDefault ? nil : settings
        speakers = AnnotationState.sortedByID(state.speakers)
        targets = AnnotationState.sortedByID(state.targets)
        annotations = Self.annotations(of: state)
        stances = AnnotationState.sortedByID(state.stances)
        notes = AnnotationState.sortedByID(state.notes)
        statuses = state.statuses.sorted { $0.key < $1.key }.map {
            StatusEntry(document: $0.key.document, sentence: $0.key.sentence, status: $0.value)
        }
        reviews = state.reviews.sorted { AnnotationState.idOrder($0.key, $1.key) }.map(\.value)
        rejections = state.rejections.isEmpty ? nil : AnnotationState.sortedByID(state.rejections)
        self.events = events
        next = Dictionary(uniqueKeysWithValues: state.nextNumbers.map { (String($0.key), $0.value) })
    }

    /// The state's mentions, cues and claims, each sorted by id; for a large state cues and claims
    /// are sorted on threads of their own meanwhile.
    static func annotations(of state: AnnotationState) -> [Record] {
        let cues = state.cues.count >= 10_000 ? BackgroundValue { AnnotationState.sortedByID(state.cues) } : nil
        let claims = state.claims.count >= 10_000 ? BackgroundValue { AnnotationState.sortedByID(state.claims) } : nil
        var records: [Record] = []
        records.reserveCapacity(state.mentions.count + state.cues.count + state.claims.count)
        for mention in AnnotationState.sortedByID(state.mentions) { records.append(.mention(mention)) }
        for cue in cues?.wait() ?? AnnotationState.sortedByID(state.cues) { records.append(.cue(cue)) }
        for claim in claims?.wait() ?? AnnotationState.sortedByID(state.claims) { records.append(.claim(claim)) }
        return records
    }

    /// The next free numbers `next` stores, by letter; nil when there are none or one is not a
    /// capital letter A–Z with an id's number (then they are taken from the log, never guessed).
    public var nextNumbers: [Character: Int]? {
        guard let next else { return nil }
        var result: [Character: Int] = [:]
        for (key, number) in next {
            guard key.count == 1, let letter = key.first, let ascii = letter.asciiValue, (65...90).contains(ascii),
                (1...RecordKey.largestIDNumber).contains(number)
            else { return nil }
            result[letter] = number
        }
        return result
    }

    /// The differences between the stored annotations and a state (empty when they agree). A
    /// later stored entry overrides an earlier one with the same key.
    public func differences(from state: AnnotationState) -> [String] {
        var stored = AnnotationState(schema: state.schema)
        storeRecords(in: &stored)
        var differences = recordsStoredTwice
        if !stored.hasSameRecords(as: state) {
            for record in state.allRecords {
                let key = record.key
                if let other = stored.record(key) {
                    if other != record { differences.append("\(key) (\(key.kind)) differs: " + EventDescription.difference(stored: other, log: record)) }
                } else {
                    differences.append("\(key) (\(key.kind)) is in the log but missing from the stored annotations")
                }
            }
            for record in stored.allRecords where state.record(record.key) == nil {
                differences.append("\(record.key) (\(record.key.kind)) is stored but not in the log")
            }
        }
        return differences.sorted()
    }

    /// Calls `body` with every stored record in the order the snapshot lists them (open statuses left out).
    private func forEachRecord(_ body: (Record) -> Void) {
        for speaker in speakers { body(.speaker(speaker)) }
        for target in targets { body(.target(target)) }
        for record in annotations { body(record) }
        for stance in stances { body(.stance(stance)) }
        for note in notes { body(.note(note)) }
        for entry in statuses where entry.status != .open {
            body(.status(SentenceKey(document: entry.document, sentence: entry.sentence), entry.status))
        }
        for review in reviews { body(.review(review)) }
        for rejection in rejections ?? [] { body(.rejection(rejection)) }
    }

    /// Puts the stored records in `state` (a later one with the same key replaces an earlier one),
    /// the annotations moved, not copied, into tables sized once first.
    consuming func storeRecords(in state: inout AnnotationState) {
        reserveTables(in: &state)
        var annotations = self.annotations
        self.annotations = []
        forEachRecord { state.store($0) }
        annotations.reverse()
        while let record = annotations.popLast() { state.store(moving: record) }
    }

    private func reserveTables(in state: inout AnnotationState) {
        var mentions = 0, cues = 0, claims = 0
        for record in annotations {
            switch record {
            case .mention: mentions += 1
            case .cue: cues += 1
            case .claim: claims += 1
            default: break
            }
        }
        state.reserveTables([speakers.count, mentions, cues, claims, targets.count, stances.count, notes.count], history: 0)
    }

    /// One line per record stored more than once (changed by hand or damaged: the log never makes one).
    public var recordsStoredTwice: [String] {
        var seen = Set<RecordKey>()
        var twice: [String] = []
        forEachRecord { record in
            if !seen.insert(record.key).inserted { twice.append("\(record.key) (\(record.kind)) is stored twice") }
        }
        return twice
    }
}
