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
    public func differences(from state: AnnotationState) -> [String] {
        var stored: [RecordKey: Record] = [:]
        for speaker in speakers { stored[.speaker(speaker.id)] = .speaker(speaker) }
        for target in targets { stored[.target(target.id)] = .target(target) }
        for record in annotations { stored[record.key] = record }
        for stance in stances { stored[.stance(stance.id)] = .stance(stance) }
        for note in notes { stored[.note(note.id)] = .note(note) }
        for entry in statuses {
            let key = SentenceKey(document: entry.document, sentence: entry.sentence)
            if entry.status != .open { stored[.status(key)] = .status(key, entry.status) }
        }
        for review in reviews { stored[.review(review.annotation)] = .review(review) }
        var differences: [String] = []
        var seen = Set<RecordKey>()
        for record in state.allRecords {
            seen.insert(record.key)
            guard let other = stored[record.key] else {
                differences.append("\(record.key) (\(record.kind)) is in the log but missing from the stored annotations")
                continue
            }
            if other != record {
                differences.append("\(record.key) (\(record.kind)) differs: stored \(Self.summary(other)), log gives \(Self.summary(record))")
            }
        }
        for (key, record) in stored where !seen.contains(key) {
            differences.append("\(key) (\(record.kind)) is stored but not in the log")
        }
        return differences.sorted()
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
