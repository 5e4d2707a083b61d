/// The JSON document of a saved session: self-describing header, corpus reference, schema, the
/// current annotations (for readers that do not replay) and the full event log.
public struct SessionFile: Sendable, Codable {
    /// The value of `format`.
    public static let formatName = "workbench-session"
    /// The version this build writes and the newest it reads.
    public static let currentVersion = 1

    /// A sentence status entry.
    public struct StatusEntry: Sendable, Hashable, Codable {
        public var document: String
        public var sentence: Int
        public var status: SentenceStatus

        public init(document: String, sentence: Int, status: SentenceStatus) {
            self.document = document
            self.sentence = sentence
            self.status = status
        }
    }

    public var format: String
    public var version: Int
    public var annotator: String
    public var created: String
    public var updated: String
    public var corpus: CorpusReference
    public var schema: AnnotationSchema
    /// Sessions this one was made from (review, adjudication, branching), if any.
    public var derivedFrom: [String]?
    /// Where the annotator was.
    public var cursor: SentenceKey?
    public var speakers: [Speaker]
    public var targets: [Target]
    /// Mentions, cues and claims (records with `kind`).
    public var annotations: [Record]
    public var stances: [Stance]
    public var notes: [Note]
    public var statuses: [StatusEntry]
    public var reviews: [ReviewDecision]
    /// The event log, in order.
    public var events: [Event]

    private enum CodingKeys: String, CodingKey {
        case format, version, annotator, created, updated, corpus, schema, derivedFrom = "derived_from", cursor
        case speakers, targets, annotations, stances, notes, statuses, reviews, events
    }

    /// Creates a file from a header and a state.
    public init(
        annotator: String, created: String, updated: String, corpus: CorpusReference, derivedFrom: [String]?,
        cursor: SentenceKey?, state: AnnotationState, events: [Event]
    ) {
        format = Self.formatName
        version = Self.currentVersion
        self.annotator = annotator
        self.created = created
        self.updated = updated
        self.corpus = corpus
        self.schema = state.schema
        self.derivedFrom = derivedFrom
        self.cursor = cursor
        speakers = AnnotationState.sortedByID(state.speakers)
        targets = AnnotationState.sortedByID(state.targets)
        annotations = AnnotationState.sortedByID(state.mentions).map(Record.mention)
            + AnnotationState.sortedByID(state.cues).map(Record.cue)
            + AnnotationState.sortedByID(state.claims).map(Record.claim)
        stances = AnnotationState.sortedByID(state.stances)
        notes = AnnotationState.sortedByID(state.notes)
        statuses = state.statuses.sorted { $0.key < $1.key }.map {
            StatusEntry(document: $0.key.document, sentence: $0.key.sentence, status: $0.value)
        }
        reviews = state.reviews.sorted { AnnotationState.idOrder($0.key, $1.key) }.map(\.value)
        self.events = events
    }

    /// The differences between the stored annotations and a state (empty when they agree).
    ///
    /// Compares kind by kind through dictionaries keyed by id, so a file that agrees with its log
    /// (the usual case) costs about one hash and one comparison per record. A later stored entry
    /// overrides an earlier one with the same key.
    public func differences(from state: AnnotationState) -> [String] {
        var storedSpeakers: [String: Speaker] = [:], storedTargets: [String: Target] = [:]
        var storedMentions: [String: Mention] = [:], storedCues: [String: Cue] = [:], storedClaims: [String: Claim] = [:]
        var storedStances: [String: Stance] = [:], storedNotes: [String: Note] = [:]
        var storedStatuses: [SentenceKey: SentenceStatus] = [:], storedReviews: [String: ReviewDecision] = [:]
        func store(_ record: Record) {
            switch record {
            case .speaker(let value): storedSpeakers[value.id] = value
            case .mention(let value): storedMentions[value.id] = value
            case .cue(let value): storedCues[value.id] = value
            case .claim(let value): storedClaims[value.id] = value
            case .target(let value): storedTargets[value.id] = value
            case .stance(let value): storedStances[value.id] = value
            case .note(let value): storedNotes[value.id] = value
            case .status(let key, let value): storedStatuses[key] = value
            case .review(let value): storedReviews[value.annotation] = value
            }
        }
        storedSpeakers.reserveCapacity(speakers.count)
        for speaker in speakers { storedSpeakers[speaker.id] = speaker }
        for target in targets { storedTargets[target.id] = target }
        storedMentions.reserveCapacity(state.mentions.count)
        storedCues.reserveCapacity(state.cues.count)
        storedClaims.reserveCapacity(state.claims.count)
        for record in annotations { store(record) }
        for stance in stances { storedStances[stance.id] = stance }
        for note in notes { storedNotes[note.id] = note }
        for entry in statuses where entry.status != .open {
            storedStatuses[SentenceKey(document: entry.document, sentence: entry.sentence)] = entry.status
        }
        for review in reviews { storedReviews[review.annotation] = review }
        var differences: [String] = []
        Self.compare(storedSpeakers, state.speakers, RecordKey.speaker, { .speaker($1) }, into: &differences)
        Self.compare(storedTargets, state.targets, RecordKey.target, { .target($1) }, into: &differences)
        Self.compare(storedMentions, state.mentions, RecordKey.mention, { .mention($1) }, into: &differences)
        Self.compare(storedCues, state.cues, RecordKey.cue, { .cue($1) }, into: &differences)
        Self.compare(storedClaims, state.claims, RecordKey.claim, { .claim($1) }, into: &differences)
        Self.compare(storedStances, state.stances, RecordKey.stance, { .stance($1) }, into: &differences)
        Self.compare(storedNotes, state.notes, RecordKey.note, { .note($1) }, into: &differences)
        Self.compare(storedStatuses, state.statuses, RecordKey.status, { .status($0, $1) }, into: &differences)
        Self.compare(storedReviews, state.reviews, RecordKey.review, { .review($1) }, into: &differences)
        return differences.sorted()
    }

    /// Adds the differences of one kind between the stored records and the log's records.
    private static func compare<Key: Hashable, Value: Equatable>(
        _ stored: [Key: Value], _ log: [Key: Value], _ makeKey: (Key) -> RecordKey, _ makeRecord: (Key, Value) -> Record,
        into differences: inout [String]
    ) {
        if stored == log { return }
        for (id, value) in log {
            let key = makeKey(id)
            guard let other = stored[id] else {
                differences.append("\(key) (\(key.kind)) is in the log but missing from the stored annotations")
                continue
            }
            if other != value {
                differences.append("\(key) (\(key.kind)) differs: stored \(summary(makeRecord(id, other))), log gives \(summary(makeRecord(id, value)))")
            }
        }
        for id in stored.keys where log[id] == nil {
            let key = makeKey(id)
            differences.append("\(key) (\(key.kind)) is stored but not in the log")
        }
    }

    /// A short readable summary of a record for difference reports.
    public static func summary(_ record: Record) -> String {
        switch record {
        case .speaker(let value): return "\"\(value.name)\" (\(value.kind))"
        case .target(let value): return "\"\(value.text)\""
        case .stance(let value): return "\(value.speaker)→\(value.target) \(value.label)"
        case .note(let value): return "\"\(value.text)\""
        case .status(_, let status): return status.rawValue
        case .review(let value): return value.verdict.rawValue
        case .mention(let value): return anchorSummary(value.anchor) + " → \(value.speaker)"
        case .cue(let value): return anchorSummary(value.anchor)
        case .claim(let value): return anchorSummary(value.anchor) + (value.speaker.map { " by \($0)" } ?? "")
        }
    }

    private static func anchorSummary(_ anchor: TextAnchor) -> String {
        let offsets = anchor.segments.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
        return "\(anchor.document)@\(offsets) \"\(anchor.text)\""
    }
}
