import Foundation

/// Everything an exporter reads: the segmented corpus (restricted to the chosen documents), the
/// sessions, and their annotations flattened into ``ExportSpan``s sorted per document, with
/// look-ups for the links between them. Built once; exporters only read it.
public struct ExportBundle: Sendable {
    /// The whole corpus.
    public let corpus: SegmentedCorpus
    /// The exported documents, in corpus order.
    public let documents: [SegmentedDocument]
    /// Offset tables, parallel to ``documents``.
    public let tables: [OffsetTable]
    /// UTF-8 bytes of each document's text, parallel to ``documents`` (for fast slicing).
    public let bytes: [[UInt8]]
    /// The sessions, in the order given.
    public let sessions: [ExportSession]
    /// Text-bound annotations per document (parallel to ``documents``), in ``ExportSpan/precedes(_:_:)`` order.
    public let spans: [[ExportSpan]]
    /// Speakers per session, by id order.
    public let speakers: [[Speaker]]
    /// Targets per session, by id order.
    public let targets: [[Target]]
    /// Exported stances per session, by id order.
    public let stances: [[Stance]]
    /// Exported notes per session, by id order.
    public let notes: [[Note]]
    /// Annotations skipped, with the reason (orphaned anchors).
    public let warnings: [String]
    /// The options used.
    public let options: ExportOptions

    private let locations: [[String: SpanLocation]]
    private let documentIndex: [String: Int]
    private let notesBySubject: [[String: [Note]]]

    /// Where a span sits in ``spans``.
    struct SpanLocation: Sendable {
        var document: Int
        var index: Int
    }

    /// Prepares an export of `sessions` over `corpus`.
    public init(corpus: SegmentedCorpus, sessions: [ExportSession], options: ExportOptions = ExportOptions()) throws(ExportError) {
        self.corpus = corpus
        self.options = options
        self.sessions = sessions
        var chosen = corpus.documents
        if let wanted = options.documents {
            let ids = Set(corpus.documents.map(\.document.id))
            for id in wanted where !ids.contains(id) {
                throw .unknownDocument(id, available: corpus.documents.map(\.document.id))
            }
            let wantedSet = Set(wanted)
            chosen = corpus.documents.filter { wantedSet.contains($0.document.id) }
        }
        documents = chosen
        let tables = Self.tables(of: chosen)
        self.tables = tables
        self.bytes = chosen.map { Array($0.document.text.utf8) }
        var documentIndex: [String: Int] = [:]
        for (index, document) in chosen.enumerated() { documentIndex[document.document.id] = index }
        self.documentIndex = documentIndex
        let allIDs = Set(corpus.documents.map(\.document.id))
        let sentenceEnds = chosen.map { $0.sentences.map(\.end) }

        var perDocument = [[ExportSpan]](repeating: [], count: chosen.count)
        var warnings: [String] = []
        var speakers: [[Speaker]] = [], targets: [[Target]] = [], stances: [[Stance]] = [], notes: [[Note]] = []
        for (sessionIndex, session) in sessions.enumerated() {
            let state = session.state
            func included(_ id: String) -> Bool {
                guard options.reviewedOnly else { return true }
                guard let verdict = state.reviews[id]?.verdict else { return false }
                return verdict == .accepted || verdict == .corrected
            }
            var exported = Set<String>()
            exported.reserveCapacity(state.mentions.count + state.cues.count + state.claims.count + state.stances.count)
            func place(_ kind: ExportSpan.Kind, _ id: String, _ anchor: TextAnchor, _ annotator: String) throws(ExportError) -> ExportSpan? {
                guard included(id) else { return nil }
                guard let document = documentIndex[anchor.document] else {
                    guard allIDs.contains(anchor.document) else {
                        throw .annotationOutsideCorpus(session: session.label, id: id, document: anchor.document)
                    }
                    return nil
                }
                if anchor.orphaned || !anchor.hasWellFormedSegments || anchor.end > tables[document].scalarCount {
                    warnings.append("\(session.label): \(id) skipped: its anchor no longer matches the text (re-anchor it)")
                    return nil
                }
                exported.insert(id)
                // The sentence is found once the spans are grouped by document (below).
                return ExportSpan(
                    kind: kind, id: id, session: sessionIndex, document: document, sentence: 0, segments: anchor.segments,
                    annotator: annotator.isEmpty ? session.annotator : annotator)
            }
            var sessionSpans: [ExportSpan] = []
            sessionSpans.reserveCapacity(state.mentions.count + state.cues.count + state.claims.count)
            for mention in state.mentions.values {
                guard var span = try place(.speaker, mention.id, mention.anchor, mention.annotator) else { continue }
                span.speaker = mention.speaker
                span.speakers = [mention.speaker]
                span.role = mention.role
                sessionSpans.append(span)
            }
            for cue in state.cues.values {
                guard let span = try place(.cue, cue.id, cue.anchor, cue.annotator) else { continue }
                sessionSpans.append(span)
            }
            var claimSpans: [ExportSpan] = []
            for claim in state.claims.values {
                guard var span = try place(.claim, claim.id, claim.anchor, claim.annotator) else { continue }
                span.speaker = claim.speaker
                span.mention = claim.mention
                span.speakers = claim.speakers
                span.mentions = claim.mentions
                span.addressees = claim.addressees
                span.cue = claim.cue
                span.form = claim.form
                span.negated = claim.negated
                span.hedged = claim.hedged
                claimSpans.append(span)
            }
            for var span in claimSpans {
                span.mentions.removeAll { !exported.contains($0) }
                span.addressees.removeAll { !exported.contains($0) }
                span.mention = span.mentions.first
                if let cue = span.cue, !exported.contains(cue) { span.cue = nil }
                sessionSpans.append(span)
            }
            for span in sessionSpans { perDocument[span.document].append(span) }
            speakers.append(AnnotationState.sortedByID(state.speakers))
            targets.append(AnnotationState.sortedByID(state.targets))
            var keptStances: [Stance] = []
            for stance in AnnotationState.sortedByID(state.stances) where included(stance.id) {
                var copy = stance
                copy.evidence = stance.evidence.filter { exported.contains($0) }
                if copy.annotator.isEmpty { copy.annotator = session.annotator }
                exported.insert(stance.id)
                keptStances.append(copy)
            }
            stances.append(keptStances)
            var keptNotes: [Note] = []
            for note in AnnotationState.sortedByID(state.notes) {
                var copy = note
                if copy.annotator.isEmpty { copy.annotator = session.annotator }
                switch note.subject {
                case .annotation(let id):
                    let isSpanOrStance = id.first.map { "MQCP".contains($0) } ?? false
                    if isSpanOrStance && !exported.contains(id) { continue }
                case .sentence(let key):
                    if documentIndex[key.document] == nil { continue }
                }
                keptNotes.append(copy)
            }
            notes.append(keptNotes)
        }
        var locations = [[String: SpanLocation]](repeating: [:], count: sessions.count)
        var perSession = [Int](repeating: 0, count: sessions.count)
        for list in perDocument {
            for span in list { perSession[span.session] += 1 }
        }
        for session in sessions.indices { locations[session].reserveCapacity(perSession[session]) }
        for document in perDocument.indices {
            var list = Self.sorted(perDocument[document])
            perDocument[document] = []
            let ends = sentenceEnds[document]
            for index in list.indices {
                list[index].sentence = Self.sentence(containing: list[index].start, ends: ends)
                locations[list[index].session][list[index].id] = SpanLocation(document: document, index: index)
            }
            perDocument[document] = list
        }
        var notesBySubject = [[String: [Note]]](repeating: [:], count: sessions.count)
        for (session, list) in notes.enumerated() {
            for note in list {
                if case .annotation(let id) = note.subject { notesBySubject[session][id, default: []].append(note) }
            }
        }
        self.spans = perDocument
        self.speakers = speakers
        self.targets = targets
        self.stances = stances
        self.notes = notes
        self.warnings = warnings
        self.locations = locations
        self.notesBySubject = notesBySubject
    }

    /// The index of the sentence containing `offset` (or the next one when it falls between sentences).
    static func sentence(containing offset: Int, in document: SegmentedDocument) -> Int {
        sentence(containing: offset, ends: document.sentences.map(\.end))
    }

    /// The index of the sentence containing `offset`, given the sentences' end offsets.
    static func sentence(containing offset: Int, ends: [Int]) -> Int {
        var low = 0, high = ends.count
        while low < high {
            let mid = (low + high) / 2
            if ends[mid] <= offset { low = mid + 1 } else { high = mid }
        }
        return min(low, max(ends.count - 1, 0))
    }

    /// `spans` in ``ExportSpan/precedes(_:_:)`` order: sorts indices on the spans' keys and moves
    /// each span once, rather than moving span values around while sorting.
    static func sorted(_ spans: [ExportSpan]) -> [ExportSpan] {
        guard spans.count > 1 else { return spans }
        let starts = spans.map(\.start), ends = spans.map(\.end)
        let order = spans.indices.sorted { a, b in
            if starts[a] != starts[b] { return starts[a] < starts[b] }
            if ends[a] != ends[b] { return ends[a] > ends[b] }
            return ExportSpan.precedes(spans[a], spans[b])
        }
        return order.map { spans[$0] }
    }

    /// Offset tables of `documents`, built on all cores (each document's table is independent).
    static func tables(of documents: [SegmentedDocument]) -> [OffsetTable] {
        let count = documents.count
        guard count > 1 else { return documents.map { OffsetTable($0.document.text) } }
        let storage = UnsafeMutableBufferPointer<OffsetTable>.allocate(capacity: count)
        guard let base = storage.baseAddress else { return documents.map { OffsetTable($0.document.text) } }
        /// Each worker initializes its own, disjoint slots.
        struct Slots: @unchecked Sendable { let base: UnsafeMutablePointer<OffsetTable> }
        let slots = Slots(base: base)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                (slots.base + index).initialize(to: OffsetTable(documents[index].document.text))
                index += workers
            }
        }
        let tables = Array(storage)
        storage.deinitialize().deallocate()
        return tables
    }

    /// The exported span with `id` in session `session`, if it is exported.
    public func span(session: Int, id: String) -> ExportSpan? {
        guard let location = locations[session][id] else { return nil }
        return spans[location.document][location.index]
    }

    /// Position of a span in ``spans``: document and index.
    public func location(session: Int, id: String) -> (document: Int, index: Int)? {
        locations[session][id].map { ($0.document, $0.index) }
    }

    /// The index of a document in ``documents``.
    public func documentIndex(of id: String) -> Int? { documentIndex[id] }

    /// Notes attached to an annotation, speaker, target or stance.
    public func notes(session: Int, about id: String) -> [Note] {
        notesBySubject[session].isEmpty ? [] : notesBySubject[session][id] ?? []
    }

    /// Whether any exported note of session `session` is about an annotation, speaker, target or stance.
    public func hasNotes(session: Int) -> Bool { !notesBySubject[session].isEmpty }

    /// A speaker by id in a session.
    public func speaker(session: Int, id: String) -> Speaker? { sessions[session].state.speakers[id] }

    /// The text between two scalar offsets of a document (clamped).
    public func slice(_ document: Int, _ start: Int, _ end: Int) -> String {
        let table = tables[document]
        let lower = table.utf8Offset(ofScalar: start), upper = max(lower, table.utf8Offset(ofScalar: end))
        return bytes[document].withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
    }

    /// The text of one segment.
    public func text(document: Int, _ segment: SpanSegment) -> String { slice(document, segment.start, segment.end) }

    /// The text of a span: its segments' texts joined by `separator`.
    public func text(of span: ExportSpan, separator: String = TextAnchor.gapMarker) -> String {
        if span.segments.count == 1 { return slice(span.document, span.segments[0].start, span.segments[0].end) }
        return span.segments.map { slice(span.document, $0.start, $0.end) }.joined(separator: separator)
    }

    /// The annotator of a session.
    public func annotator(of session: Int) -> String { sessions[session].annotator }

    /// True when more than one session is exported.
    public var isMultiSession: Bool { sessions.count > 1 }

    /// How many exported notes are about spans or stances, or about sentences.
    func noteCount(spansAndStances: Bool, sentences: Bool) -> Int {
        var count = 0
        for (session, list) in notes.enumerated() {
            for note in list {
                switch note.subject {
                case .sentence: if sentences { count += 1 }
                case .annotation(let id):
                    if spansAndStances, location(session: session, id: id) != nil || stances[session].contains(where: { $0.id == id }) { count += 1 }
                }
            }
        }
        return count
    }

    /// Annotations per kind over the whole export.
    public var counts: ExportCounts {
        var counts = ExportCounts()
        for list in spans {
            for span in list {
                switch span.kind {
                case .speaker: counts.mentions += 1
                case .cue: counts.cues += 1
                case .claim: counts.claims += 1
                }
            }
        }
        counts.stances = stances.reduce(0) { $0 + $1.count }
        counts.notes = notes.reduce(0) { $0 + $1.count }
        counts.speakers = speakers.reduce(0) { $0 + $1.count }
        counts.targets = targets.reduce(0) { $0 + $1.count }
        return counts
    }
}
