/// Collects imported records and turns them into a session through ``Session/perform(_:time:annotator:)``,
/// anchoring spans with ``AnchorBuilder`` (the sentence comes from the offsets). Shared by the importers.
///
/// A record that cannot be anchored or applied becomes an ``ImportProblem`` naming the file and
/// line it came from, and the import goes on to find the rest; ``finish(source:)`` returns the
/// session only when there were none, so a bad import never leaves a partial session.
struct ImportBuilder {
    let corpus: SegmentedCorpus
    let anchors: AnchorBuilder
    var session: Session
    let time: String
    /// What went wrong so far, in the order found.
    var problems: [ImportProblem] = []

    init(corpus: SegmentedCorpus, annotator: String, schema: AnnotationSchema, time: String) {
        self.corpus = corpus
        self.anchors = AnchorBuilder(corpus: corpus)
        self.time = time
        session = Session(annotator: annotator, corpus: CorpusReference(corpus), schema: schema, created: time)
    }

    /// Notes a problem at `path`, `line`.
    mutating func report(_ path: String, _ line: Int, _ reason: String) {
        problems.append(ImportProblem(path: path, line: line, reason: reason))
    }

    /// An anchor for scalar segments of a document (the sentence is the one holding the first
    /// offset), or nil after reporting why there is none.
    mutating func anchor(document: String, segments: [SpanSegment], path: String, line: Int) -> TextAnchor? {
        guard let segmented = anchors.document(document) else {
            report(path, line, "no document '\(document)' in the corpus; pass --corpus with the corpus it was made on")
            return nil
        }
        let start = AnchorBuilder.normalized(segments).first?.start ?? 0
        let sentence = ExportBundle.sentence(containing: start, in: segmented)
        do {
            return try anchors.anchor(document: document, sentence: sentence, segments: segments, allowFollowingSentences: true)
        } catch {
            report(path, line, "cannot import: \(error.description)")
            return nil
        }
    }

    /// Applies one action as an event; returns false after reporting why it cannot be applied.
    /// An added record that names no origin gets origin `imported`.
    @discardableResult
    mutating func perform(_ action: EditAction, path: String, line: Int) -> Bool {
        var action = action
        if case .add(let record) = action { action = .add(Self.imported(record)) }
        do {
            try session.perform(action, time: time)
            return true
        } catch {
            report(path, line, "cannot import: \(error.description)")
            return false
        }
    }

    /// The session, or every problem found (`source` names what was imported).
    func finish(source: String) throws(ExportError) -> Session {
        guard problems.isEmpty else { throw .importProblems(source: source, problems: problems) }
        return session
    }

    /// `record` with origin `imported` when it names none (notes, statuses and reviews have no origin).
    static func imported(_ record: Record) -> Record {
        let origin = Origin(kind: .imported)
        switch record {
        case .speaker(var value) where value.origin == nil: value.origin = origin; return .speaker(value)
        case .mention(var value) where value.origin == nil: value.origin = origin; return .mention(value)
        case .cue(var value) where value.origin == nil: value.origin = origin; return .cue(value)
        case .claim(var value) where value.origin == nil: value.origin = origin; return .claim(value)
        case .target(var value) where value.origin == nil: value.origin = origin; return .target(value)
        case .stance(var value) where value.origin == nil: value.origin = origin; return .stance(value)
        default: return record
        }
    }

    /// A schema that also holds every label the imported data uses.
    static func schema(_ base: AnnotationSchema, forms: [String], kinds: [String], stances: [String]) -> AnnotationSchema {
        var schema = base
        for form in forms where !schema.claimForms.contains(form) { schema.claimForms.append(form) }
        for kind in kinds where !schema.speakerKinds.contains(kind) { schema.speakerKinds.append(kind) }
        for label in stances where !schema.stanceLabels.contains(label) { schema.stanceLabels.append(label) }
        return schema
    }
}
