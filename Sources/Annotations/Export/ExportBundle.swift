import Foundation

/// Everything an exporter reads: the segmented corpus (restricted to the chosen documents), the
/// sessions, and their annotations flattened into ``ExportSpan``s sorted per document, with
/// look-ups for the links between them. Built once; exporters only read it.
public struct ExportBundle: Sendable {
    /// The whole corpus.
    public let corpus: SegmentedCorpus
    /// The exported documents, in corpus order.
    public let documents: [SegmentedDocument]
    /// Offset tables, parallel to ``documents``, made per document when first asked for (see
    /// ``ExportOffsetTables``).
    let tables: ExportOffsetTables
    /// The file name of each document in formats with one file per document, parallel to
    /// ``documents`` (``ExportText/fileNames(_:)``: distinct also where case is ignored).
    public let fileNames: [String]
    /// UTF-8 bytes of each document's text, parallel to ``documents`` (for fast slicing).
    public let bytes: [[UInt8]]
    /// Where each document's scalar offsets fall in its ``bytes``, parallel to ``documents``: all
    /// that cutting text out of a document needs (no offset table).
    let scalarIndex: [ExportScalarIndex]
    /// The sessions, in the order given.
    public let sessions: [ExportSession]
    /// Text-bound annotations per document (parallel to ``documents``), in ``ExportSpan/precedes(_:_:)`` order.
    let spans: [[ExportSpan]]
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

    /// Where each exported span sits, per session.
    private let locations: [ExportIDTable<SpanLocation>]
    /// Each session's speakers' places in ``speakers``.
    private let speakerIndex: [ExportIDTable<Int>]
    private let documentIndex: [String: Int]
    private let notesBySubject: [[String: [Note]]]

    /// Where a span sits in ``spans``.
    struct SpanLocation: Sendable {
        var document: Int
        var index: Int
    }

    /// Prepares an export of `sessions` over `corpus`.
    public init(corpus: SegmentedCorpus, sessions: [ExportSession], options: ExportOptions = ExportOptions()) throws(ExportError) {
        try self.init(texts: ExportDocumentTexts(corpus: corpus, options: options), sessions: sessions)
    }

    /// Prepares an export of `sessions` over the documents of `texts` (made before, e.g. while the
    /// sessions were read).
    public init(texts: ExportDocumentTexts, sessions: [ExportSession]) throws(ExportError) {
        let options = texts.options
        self.corpus = texts.corpus
        self.options = options
        self.sessions = sessions
        let chosen = texts.documents
        documents = chosen
        self.tables = ExportOffsetTables(chosen)
        self.bytes = texts.bytes
        self.scalarIndex = texts.scalarIndex
        self.fileNames = texts.fileNames
        let documentIndex = texts.documentIndex
        self.documentIndex = documentIndex
        let allIDs = texts.allIDs
        // Read once per span, counted on the text's bytes (no offset table needed).
        let scalarCounts = texts.scalarIndex.map(\.scalarCount)
        let sentenceEnds = texts.sentenceEnds

        var warnings: [String] = []
        var speakers: [[Speaker]] = [], targets: [[Target]] = [], stances: [[Stance]] = [], notes: [[Note]] = []
        var speakerIndex: [ExportIDTable<Int>] = []
        // Per session: its spans placed in stretches (on all cores), and the ids of its spans.
        var placed: [[ExportPlacedSpans]] = []
        var spanIDs: [ExportIDTable<Bool>] = []
        for (sessionIndex, session) in sessions.enumerated() {
            var state = session.state
            var records = session.annotations
            if let list = records, Self.storesAKeyTwice(list) {
                // A state keeps the later of two records with one key (a snapshot changed by hand).
                for record in list { state.store(record) }
                records = nil
            }
            // Straight from the snapshot's records, or from the state: mentions, cues, claims.
            let list = records ?? state.mentions.values.map(Record.mention) + state.cues.values.map(Record.cue) + state.claims.values.map(Record.claim)
            let context = ExportPlacedSpans.Context(
                label: session.label, session: sessionIndex, annotator: session.annotator, documentIndex: documentIndex, allIDs: allIDs,
                scalarCounts: scalarCounts, reviews: options.reviewedOnly ? state.reviews : nil)
            let stretches = ExportPlacedSpans.place(list, documentCount: chosen.count, context: context)
            // The first annotation outside the corpus stops the export, as a walk over the records would.
            if let failure = stretches.lazy.compactMap(\.failure).first { throw failure }
            // The ids exported so far (spans, then stances): links to anything else are dropped.
            var exported = ExportIDTable<Bool>()
            for stretch in stretches {
                warnings += stretch.warnings
                exported.merge(stretch.exported)
            }
            placed.append(stretches)
            // The claims' links are checked against the spans alone (below, with the sorting).
            spanIDs.append(exported)
            let sessionSpeakers = AnnotationState.sortedByID(state.speakers)
            var speakerTable = ExportIDTable<Int>()
            for (index, speaker) in sessionSpeakers.enumerated() { speakerTable[speaker.id] = index }
            speakers.append(sessionSpeakers)
            speakerIndex.append(speakerTable)
            targets.append(AnnotationState.sortedByID(state.targets))
            var keptStances: [Stance] = []
            for stance in AnnotationState.sortedByID(state.stances) where context.includes(stance.id) {
                var copy = stance
                copy.evidence = stance.evidence.filter { exported.contains($0) }
                if copy.annotator.isEmpty { copy.annotator = session.annotator }
                exported[stance.id] = true
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
        // Each document's spans joined in session and record order (per session its mentions and
        // cues, then its claims with their links checked), sorted and given their sentences, on all cores.
        // The ids' table slots are found there too, so that filling the tables below reads no span.
        // The stretches' lists are moved to the document's worker, never copied (``ExportSpanParts``).
        let stretchCounts = placed.map(\.count)
        let parts = ExportSpanParts(documentCount: chosen.count, listsPerDocument: 2 * stretchCounts.reduce(0, +))
        var list = 0
        for session in placed.indices {
            for stretch in placed[session].indices {
                for document in chosen.indices {
                    parts.put(&placed[session][stretch].spans[document], document: document, list: list)
                    parts.put(&placed[session][stretch].claims[document], document: document, list: list + stretchCounts[session])
                }
                list += 1
            }
            list += stretchCounts[session]
        }
        placed = []
        let allSpanIDs = spanIDs
        let sortedSpans = ExportConcurrency.map(count: chosen.count) { document -> (spans: [ExportSpan], slots: [Int]) in
            var joined: [ExportSpan] = []
            var list = 0
            for (session, stretches) in stretchCounts.enumerated() {
                for _ in 0..<stretches {
                    Self.append(parts.take(document: document, list: list), to: &joined)
                    list += 1
                }
                var claims: [ExportSpan] = []
                for _ in 0..<stretches {
                    Self.append(parts.take(document: document, list: list), to: &claims)
                    list += 1
                }
                ExportPlacedSpans.checkLinks(&claims, exported: allSpanIDs[session])
                Self.append(claims, to: &joined)
            }
            Self.sort(&joined)
            let ends = sentenceEnds[document]
            var slots: [Int] = []
            slots.reserveCapacity(joined.count)
            for index in joined.indices {
                joined[index].sentence = Self.sentence(containing: joined[index].start, ends: ends)
                slots.append(ExportIDTable<SpanLocation>.packedSlot(joined[index].id))
            }
            return (joined, slots)
        }
        var locations = [ExportIDTable<SpanLocation>](repeating: ExportIDTable(), count: sessions.count)
        for (document, (list, slots)) in sortedSpans.enumerated() {
            for index in list.indices {
                let location = SpanLocation(document: document, index: index)
                let session = list[index].session
                if slots[index] >= 0 {
                    locations[session].set(packedSlot: slots[index], location)
                } else {
                    locations[session][list[index].id] = location
                }
            }
        }
        var notesBySubject = [[String: [Note]]](repeating: [:], count: sessions.count)
        for (session, list) in notes.enumerated() {
            for note in list {
                if case .annotation(let id) = note.subject { notesBySubject[session][id, default: []].append(note) }
            }
        }
        self.spans = sortedSpans.map(\.spans)
        self.speakers = speakers
        self.targets = targets
        self.stances = stances
        self.notes = notes
        self.warnings = warnings
        self.locations = locations
        self.speakerIndex = speakerIndex
        self.notesBySubject = notesBySubject
    }

    /// Whether two of the mentions, cues or claims in `records` have the same key. The three kinds
    /// are looked at on all cores, each in its own table.
    static func storesAKeyTwice(_ records: [Record]) -> Bool {
        ExportConcurrency.map(count: 3) { kind -> Bool in
            var seen = ExportIDTable<Bool>()
            for record in records {
                let id: String
                switch record {
                case .mention(let mention) where kind == 0: id = mention.id
                case .cue(let cue) where kind == 1: id = cue.id
                case .claim(let claim) where kind == 2: id = claim.id
                default: continue
                }
                if seen.contains(id) { return true }
                seen[id] = true
            }
            return false
        }.contains(true)
    }

    /// The index of the sentence containing `offset` (or the next one when it falls between sentences).
    static func sentence(containing offset: Int, in document: SegmentedDocument) -> Int {
        min(document.firstSentence(endingAfter: offset), max(document.sentences.count - 1, 0))
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

    /// `spans` in ``ExportSpan/precedes(_:_:)`` order (``sort(_:)`` on a copy).
    static func sorted(_ spans: [ExportSpan]) -> [ExportSpan] {
        var list = spans
        sort(&list)
        return list
    }

    /// Puts `spans` in ``ExportSpan/precedes(_:_:)`` order, stably: sorts indices on the spans'
    /// keys, then moves the spans into place by swapping, so that no span is copied (a copy
    /// retains the span's shared fields, and dropping the original releases them again).
    static func sort(_ spans: inout [ExportSpan]) {
        guard spans.count > 1 else { return }
        let starts = spans.map(\.start), ends = spans.map(\.end)
        var order = spans.withUnsafeBufferPointer { list in
            list.indices.sorted { a, b in
                if starts[a] != starts[b] { return starts[a] < starts[b] }
                if ends[a] != ends[b] { return ends[a] > ends[b] }
                return ExportSpan.precedes(list[a], list[b])
            }
        }
        // Place `k` is to hold the span now at `order[k]`: each cycle of the permutation is
        // walked once, the span of its first place carried along by the swaps.
        // The buffer's swap moves the two spans (the array's copies them, retaining both).
        spans.withUnsafeMutableBufferPointer { list in
            for first in order.indices where order[first] != first {
                var place = first
                while order[place] != first {
                    let from = order[place]
                    list.swapAt(place, from)
                    order[place] = place
                    place = from
                }
                order[place] = place
            }
        }
    }

    /// Appends `part` to `list`, taking `part` over when `list` is empty (no span copied).
    private static func append(_ part: [ExportSpan], to list: inout [ExportSpan]) {
        if list.isEmpty {
            list = part
        } else if !part.isEmpty {
            list += part
        }
    }

    /// The exported span with `id` in session `session`, if it is exported.
    func span(session: Int, id: String) -> ExportSpan? {
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
    public func speaker(session: Int, id: String) -> Speaker? { speakerIndex[session][id].map { speakers[session][$0] } }

    /// The text between two scalar offsets of a document (clamped).
    public func slice(_ document: Int, _ start: Int, _ end: Int) -> String {
        withBytes(document, start, end) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 bytes between two scalar offsets of a document (clamped), the
    /// bytes of ``slice(_:_:_:)`` without making a `String` of them.
    @inline(__always)
    func withBytes<Result>(_ document: Int, _ start: Int, _ end: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let index = scalarIndex[document]
        return bytes[document].withUnsafeBufferPointer { body(index.bytes($0, from: start, to: end)) }
    }

    /// The text of one segment.
    public func text(document: Int, _ segment: SpanSegment) -> String { slice(document, segment.start, segment.end) }

    /// The text of a span: its segments' texts joined by `separator`.
    func text(of span: ExportSpan, separator: String = TextAnchor.gapMarker) -> String {
        if span.segments.count == 1 { return slice(span.document, span.segments[0].start, span.segments[0].end) }
        return span.segments.map { slice(span.document, $0.start, $0.end) }.joined(separator: separator)
    }

    /// Appends the UTF-8 bytes of ``text(of:separator:)`` of the span at `index` of document
    /// `document`'s spans (segments joined by ``TextAnchor/gapMarker``) to `target`.
    func appendText(document: Int, index: Int, to target: inout [UInt8]) {
        let span = spans[document][index]
        let segments = span.segments
        for (position, segment) in segments.enumerated() {
            if position > 0 { target.append(contentsOf: TextAnchor.gapMarker.utf8) }
            withBytes(span.document, segment.start, segment.end) { target.append(contentsOf: $0) }
        }
    }

    /// The annotator of a session.
    public func annotator(of session: Int) -> String { sessions[session].annotator }

    /// How many segments the spans of document `document` have together (every session's): what
    /// an exporter's estimate of a document's part size counts besides its text.
    func segmentCount(document: Int) -> Int {
        var count = 0
        for index in spans[document].indices { count += spans[document][index].segments.count }
        return count
    }

    /// Room to make at once for one document's part of an export: `perTextByte` bytes for every
    /// byte of its text plus `perSegment` for every segment of its spans, and 4 KiB. A part
    /// outgrowing its room is copied whole into a buffer twice its size; made at once from an
    /// estimate that holds for most documents, it is never copied.
    func partCapacity(document: Int, perTextByte: Int, perSegment: Int) -> Int {
        perTextByte * bytes[document].count + perSegment * segmentCount(document: document) + 4096
    }

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
            for index in list.indices {
                switch list[index].kind {
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

/// What the bundle reads of an annotation's anchor. Taken as a member of the stored anchor
/// (`mention.anchor.exportPlace`), it does not copy the anchor; passing the anchor itself did (a
/// retain and release of its five strings and its segments per annotation).
struct AnchorPlace {
    var document: String
    var segments: [SpanSegment]
    var orphaned: Bool
    var wellFormed: Bool
    var end: Int
}

extension TextAnchor {
    /// The parts of the anchor the export reads.
    var exportPlace: AnchorPlace {
        AnchorPlace(document: document, segments: segments, orphaned: orphaned, wellFormed: hasWellFormedSegments, end: end)
    }
}
