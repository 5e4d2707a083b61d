/// Collects imported records and turns them into a session through ``Session/perform(_:time:annotator:)``,
/// anchoring spans with ``AnchorBuilder`` (the sentence comes from the offsets). Shared by the importers.
struct ImportBuilder {
    let corpus: SegmentedCorpus
    let anchors: AnchorBuilder
    let path: String
    var session: Session
    let time: String

    init(corpus: SegmentedCorpus, annotator: String, schema: AnnotationSchema, path: String, time: String) {
        self.corpus = corpus
        self.anchors = AnchorBuilder(corpus: corpus)
        self.path = path
        self.time = time
        session = Session(annotator: annotator, corpus: CorpusReference(corpus), schema: schema, created: time)
    }

    /// An anchor for scalar segments of a document; the sentence is the one holding the first offset.
    func anchor(document: String, segments: [SpanSegment], line: Int) throws(ExportError) -> TextAnchor {
        guard let segmented = anchors.document(document) else {
            throw .rejected(path: path, line: line, reason: "no document '\(document)' in the corpus; pass --corpus with the corpus it was made on")
        }
        let start = AnchorBuilder.normalized(segments).first?.start ?? 0
        let sentence = ExportBundle.sentence(containing: start, in: segmented)
        do {
            return try anchors.anchor(document: document, sentence: sentence, segments: segments, allowFollowingSentences: true)
        } catch {
            throw .rejected(path: path, line: line, reason: error.description)
        }
    }

    /// Applies one action as an event.
    mutating func perform(_ action: EditAction, line: Int) throws(ExportError) {
        do {
            try session.perform(action, time: time)
        } catch {
            throw .rejected(path: path, line: line, reason: error.description)
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
