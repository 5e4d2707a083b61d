import Foundation

/// Decodes a ``SessionFile`` from JSON bytes in one pass with a ``JSONReader``: the records that are
/// many (annotations and the other records, events, status entries) by hand, without an
/// intermediate tree and with object keys compared as bytes; the few cold values of a file (its
/// corpus reference, schema, cursor, settings, log reference, next numbers, derived-from list) are
/// found as byte ranges and decoded by their own `Codable` conformances, the one definition.
///
/// It accepts what the `Codable` conformances accept (same required fields, same defaults for
/// missing or null optional fields, unknown keys ignored). Anything it does not handle on the fast
/// path — a missing field, a wrong type, an integer written as `1.0` — throws a
/// ``JSONReader/Failure``; ``SessionCodec`` then works out the exact error the `Codable` path
/// gives, so error messages do not depend on which decoder ran.
struct SessionFileDecoder {
    typealias Failure = JSONReader.Failure

    var reader: JSONReader
    /// When true, events are read for replaying only: their time is checked but not kept (it is
    /// empty), and a record added with an empty annotator gets the event's annotator at once (as
    /// replaying would give it), so replaying does not copy it again.
    var eventsForReplay = false
    // The sentence hash and document of the last anchor read: consecutive annotations are mostly
    // in the same sentence, and sharing these strings saves an allocation per annotation.
    private var lastSentenceHash = ""
    private var lastDocument = ""

    /// A decoder over bytes that must stay alive while it is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        reader = JSONReader(bytes)
    }

    /// A decoder starting at byte offset `position`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
        reader = JSONReader(bytes, at: position)
    }

    /// Decodes the whole file; the bytes must hold nothing else.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> SessionFile {
        var decoder = SessionFileDecoder(bytes)
        let file = try decoder.sessionFile()
        try decoder.reader.expectEnd()
        return file
    }

    /// Decodes the whole file if it is valid UTF-8 and well-formed, else nil (the caller then finds
    /// out what is wrong the slow way).
    static func decodeIfValid(_ bytes: UnsafeBufferPointer<UInt8>) -> SessionFile? {
        guard UTF8Validation.isValid(bytes) else { return nil }
        return try? decode(bytes)
    }

    /// One `{"event":{…}}` line of a session log (the bytes of the line, without its line break).
    static func logEvent(_ line: UnsafeBufferPointer<UInt8>, forReplay: Bool) throws(Failure) -> Event {
        var decoder = SessionFileDecoder(line)
        decoder.eventsForReplay = forReplay
        try decoder.reader.beginObject()
        var first = true
        guard let key = try decoder.reader.nextKey(&first), key.is("event") else { throw decoder.missing("event") }
        let event = try decoder.event()
        guard try decoder.reader.nextKey(&first) == nil else { throw decoder.missing("end of the event line") }
        try decoder.reader.expectEnd()
        return event
    }

    /// The event list.
    private mutating func eventList() throws(Failure) -> [Event] {
        try reader.beginArray()
        var result: [Event] = []
        var first = true
        while try reader.nextElement(&first) { result.append(try event()) }
        return result
    }

    // MARK: - Helpers

    private func missing(_ field: String) -> Failure {
        reader.shapeError("required field '\(field)' is missing or null")
    }

    /// Refuses a key seen before in the same object (`JSONDecoder` keeps the first value; the
    /// `Codable` path then decides).
    @inline(__always)
    private func once(_ seen: inout UInt64, _ bit: Int) throws(Failure) {
        let mask: UInt64 = 1 << UInt64(bit)
        if seen & mask != 0 { throw reader.shapeError("a key appears twice") }
        seen |= mask
    }

    private mutating func optionalString() throws(Failure) -> String? {
        try reader.consumeNull() ? nil : try reader.readString()
    }

    private mutating func optionalInt() throws(Failure) -> Int? {
        try reader.consumeNull() ? nil : try reader.readInt()
    }

    private mutating func optionalBool() throws(Failure) -> Bool? {
        try reader.consumeNull() ? nil : try reader.readBool()
    }

    private mutating func optionalStrings() throws(Failure) -> [String]? {
        try reader.consumeNull() ? nil : try strings()
    }

    private mutating func optionalStringMap() throws(Failure) -> [String: String]? {
        if try reader.consumeNull() { return nil }
        try reader.beginObject()
        var result: [String: String] = [:]
        var first = true
        while let key = try reader.nextKey(&first) { result[key.string] = try reader.readString() }
        return result
    }

    private mutating func strings() throws(Failure) -> [String] {
        try reader.beginArray()
        var result: [String] = []
        var first = true
        while try reader.nextElement(&first) { result.append(try reader.readString()) }
        return result
    }

    private mutating func list<T>(_ element: (inout SessionFileDecoder) throws(Failure) -> T) throws(Failure) -> [T] {
        try reader.beginArray()
        var result: [T] = []
        var first = true
        while try reader.nextElement(&first) { result.append(try element(&self)) }
        return result
    }

    private mutating func optionalObject<T>(_ object: (inout SessionFileDecoder) throws(Failure) -> T) throws(Failure) -> T? {
        try reader.consumeNull() ? nil : try object(&self)
    }

    /// The next value decoded by `T`'s `Codable` conformance (nil for null): the reader skips it,
    /// checking its syntax, and `JSONDecoder` decodes just its bytes. For the few cold values of a
    /// file; a value `T` refuses throws a shape error at the value's start.
    private mutating func decoded<T: Decodable>(_ type: T.Type) throws(Failure) -> T? {
        if try reader.consumeNull() { return nil }
        reader.skipWhitespace()
        let start = reader.position
        try reader.skipValue()
        let slice = Data(UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.position]))
        do {
            return try JSONDecoder().decode(T.self, from: slice)
        } catch {
            throw Failure(position: start, isSyntax: false, message: "the value does not decode as \(T.self)")
        }
    }

    // MARK: - The file

    mutating func sessionFile() throws(Failure) -> SessionFile {
        var format: String?, version: Int?, annotator: String?, created: String?, updated: String?
        var corpus: CorpusReference?, schema: AnnotationSchema?, derivedFrom: [String]?, cursor: SentenceKey?
        var speakers: [Speaker]?, targets: [Target]?, annotations: [Record]?, stances: [Stance]?, notes: [Note]?
        var statuses: [SessionFile.StatusEntry]?, reviews: [ReviewDecision]?, events: [Event]?, id: String?
        var log: LogReference?, rejections: [Rejection]?, settings: SessionSettings?, next: [String: Int]?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("events") {
                try once(&seen, 0)
                events = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.eventList() }
            }
            else if key.is("annotations") {
                try once(&seen, 1)
                annotations = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.record() } }
            }
            else if key.is("format") { try once(&seen, 2); format = try optionalString() }
            else if key.is("version") { try once(&seen, 3); version = try optionalInt() }
            else if key.is("annotator") { try once(&seen, 4); annotator = try optionalString() }
            else if key.is("created") { try once(&seen, 5); created = try optionalString() }
            else if key.is("updated") { try once(&seen, 6); updated = try optionalString() }
            else if key.is("corpus") { try once(&seen, 7); corpus = try decoded(CorpusReference.self) }
            else if key.is("schema") { try once(&seen, 8); schema = try decoded(AnnotationSchema.self) }
            else if key.is("derived_from") { try once(&seen, 9); derivedFrom = try decoded([String].self) }
            else if key.is("cursor") { try once(&seen, 10); cursor = try decoded(SentenceKey.self) }
            else if key.is("speakers") { try once(&seen, 11); speakers = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.speaker() } } }
            else if key.is("targets") { try once(&seen, 12); targets = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.target() } } }
            else if key.is("stances") { try once(&seen, 13); stances = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.stance() } } }
            else if key.is("notes") { try once(&seen, 14); notes = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.note() } } }
            else if key.is("statuses") { try once(&seen, 15); statuses = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.statusEntry() } } }
            else if key.is("id") { try once(&seen, 17); id = try optionalString() }
            else if key.is("log") { try once(&seen, 20); log = try decoded(LogReference.self) }
            else if key.is("next") { try once(&seen, 21); next = try decoded([String: Int].self) }
            else if key.is("reviews") { try once(&seen, 16); reviews = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.reviewDecision() } } }
            else if key.is("settings") { try once(&seen, 19); settings = try decoded(SessionSettings.self) }
            else if key.is("rejections") { try once(&seen, 18); rejections = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.rejection() } } }
            else { try reader.skipValue() }
        }
        guard let format else { throw missing("format") }
        guard let version else { throw missing("version") }
        guard let annotator else { throw missing("annotator") }
        guard let created else { throw missing("created") }
        guard let updated else { throw missing("updated") }
        guard let corpus else { throw missing("corpus") }
        guard let schema else { throw missing("schema") }
        guard let speakers else { throw missing("speakers") }
        guard let targets else { throw missing("targets") }
        guard let annotations else { throw missing("annotations") }
        guard let stances else { throw missing("stances") }
        guard let notes else { throw missing("notes") }
        guard let statuses else { throw missing("statuses") }
        guard let reviews else { throw missing("reviews") }
        // Format 2 keeps the events in the log beside the snapshot.
        if events == nil, version < 2 { throw missing("events") }
        var file = SessionFile(
            format: format, version: version, annotator: annotator, created: created, updated: updated, corpus: corpus,
            schema: schema, derivedFrom: derivedFrom, cursor: cursor, settings: settings, speakers: speakers, targets: targets,
            annotations: annotations, stances: stances, notes: notes, statuses: statuses, reviews: reviews, rejections: rejections,
            events: events ?? [], id: id)
        file.log = log
        file.next = next
        return file
    }

    /// The file's `corpus` without decoding the rest: found by its top-level line in a file the
    /// workbench wrote, else by skipping the values before it; nil when there is none.
    mutating func corpusOnly() throws(Failure) -> CorpusReference? {
        try reader.beginObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if key.is("corpus") { return try decoded(CorpusReference.self) }
            try reader.skipValue()
        }
        return nil
    }

    /// The `format`, `version`, `id`, `log` and `next` of a snapshot, reading its fields in order
    /// and stopping at the first other field after `log` (the workbench writes them first, so the
    /// annotations after them are not read at all). A snapshot laid out in another order may so
    /// give no `next`: its opening then replays the log, which is always right.
    mutating func snapshotHead() throws(Failure) -> SnapshotHead {
        var head = SnapshotHead()
        try reader.beginObject()
        var first = true
        while let key = try reader.nextKey(&first) {
            if key.is("format") { head.format = try optionalString() }
            else if key.is("version") { head.version = try optionalInt() }
            else if key.is("id") { head.id = try optionalString() }
            else if key.is("log") { head.log = try decoded(LogReference.self) }
            else if key.is("next") { head.next = try decoded([String: Int].self) }
            else if head.log != nil, head.format != nil, head.version != nil, head.id != nil { break }
            else { try reader.skipValue() }
            if head.format != nil, head.version != nil, head.id != nil, head.log != nil, head.next != nil { break }
        }
        return head
    }

    mutating func statusEntry() throws(Failure) -> SessionFile.StatusEntry {
        var document: String?, sentence: Int?, status: String?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("document") { try once(&seen, 0); document = try optionalString() }
            else if key.is("sentence") { try once(&seen, 1); sentence = try optionalInt() }
            else if key.is("status") { try once(&seen, 2); status = try optionalString() }
            else { try reader.skipValue() }
        }
        guard let document, let sentence, let status, let value = SentenceStatus(rawValue: status) else { throw missing("status entry field") }
        return SessionFile.StatusEntry(document: document, sentence: sentence, status: value)
    }

    /// A list of segments, or nil for null.
    mutating func optionalSegments() throws(Failure) -> [SpanSegment]? {
        try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.segment() } }
    }

    mutating func segment() throws(Failure) -> SpanSegment {
        var start: Int?, end: Int?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("start") { try once(&seen, 0); start = try optionalInt() }
            else if key.is("end") { try once(&seen, 1); end = try optionalInt() }
            else { try reader.skipValue() }
        }
        guard let start, let end else { throw missing("start or end") }
        return SpanSegment(start: start, end: end)
    }

    mutating func textAnchor() throws(Failure) -> TextAnchor {
        var document: String?, sentence: Int?, segments: [SpanSegment]?, text: String?
        var before: String?, after: String?, sentenceHash: String?, orphaned: Bool?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("document") { try once(&seen, 0); document = try reader.consumeNull() ? nil : try reader.readString(reusing: &lastDocument) }
            else if key.is("sentence") { try once(&seen, 1); sentence = try optionalInt() }
            else if key.is("segments") { try once(&seen, 2); segments = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.segment() } } }
            else if key.is("text") { try once(&seen, 3); text = try optionalString() }
            else if key.is("before") { try once(&seen, 4); before = try optionalString() }
            else if key.is("after") { try once(&seen, 5); after = try optionalString() }
            else if key.is("sentence_hash") { try once(&seen, 6); sentenceHash = try reader.consumeNull() ? nil : try reader.readString(reusing: &lastSentenceHash) }
            else if key.is("orphaned") { try once(&seen, 7); orphaned = try optionalBool() }
            else { try reader.skipValue() }
        }
        guard let document, let sentence, let segments, let text else { throw missing("anchor field") }
        return TextAnchor(
            document: document, sentence: sentence, segments: segments, text: text, before: before ?? "", after: after ?? "",
            sentenceHash: sentenceHash ?? "", orphaned: orphaned ?? false)
    }

    mutating func noteSubject() throws(Failure) -> Note.Subject {
        var document: String?, sentence: Int?, annotation: String?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("annotation") { try once(&seen, 0); annotation = try optionalString() }
            else if key.is("document") { try once(&seen, 1); document = try optionalString() }
            else if key.is("sentence") { try once(&seen, 2); sentence = try optionalInt() }
            else { try reader.skipValue() }
        }
        if let annotation { return .annotation(annotation) }
        guard let document, let sentence else { throw missing("document or sentence") }
        return .sentence(SentenceKey(document: document, sentence: sentence))
    }

    /// An annotation's ``Origin``.
    mutating func origin() throws(Failure) -> Origin {
        var kind: String?, rule: String?, from: [Origin.Source]?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("kind") { try once(&seen, 0); kind = try optionalString() }
            else if key.is("rule") { try once(&seen, 1); rule = try optionalString() }
            else if key.is("from") {
                try once(&seen, 2)
                from = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.list { (d: inout SessionFileDecoder) throws(Failure) in try d.originSource() } }
            }
            else { try reader.skipValue() }
        }
        guard let kind, let value = Origin.Kind(rawValue: kind) else { throw missing("origin kind") }
        return Origin(kind: value, rule: rule, from: from)
    }

    private mutating func originSource() throws(Failure) -> Origin.Source {
        var session: String?, id: String?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("session") { try once(&seen, 0); session = try optionalString() }
            else if key.is("id") { try once(&seen, 1); id = try optionalString() }
            else { try reader.skipValue() }
        }
        guard let session, let id else { throw missing("origin source field") }
        return Origin.Source(session: session, id: id)
    }

    mutating func reviewDecision() throws(Failure) -> ReviewDecision {
        var fields = RecordFields()
        try recordFields(into: &fields)
        return try fields.reviewDecision(self)
    }

    mutating func rejection() throws(Failure) -> Rejection {
        var fields = RecordFields()
        try recordFields(into: &fields)
        return try fields.rejection(self)
    }

    mutating func speaker() throws(Failure) -> Speaker {
        var fields = RecordFields()
        try recordFields(into: &fields)
        return try fields.speaker(self)
    }

    mutating func target() throws(Failure) -> Target {
        var fields = RecordFields()
        try recordFields(into: &fields)
        return try fields.target(self)
    }

    mutating func stance() throws(Failure) -> Stance {
        var fields = RecordFields()
        try recordFields(into: &fields)
        return try fields.stance(self)
    }

    mutating func note() throws(Failure) -> Note {
        var fields = RecordFields()
        try recordFields(into: &fields)
        return try fields.note(self)
    }

    // MARK: - Records and events

    /// Every field any record kind has; a record's JSON names its kind in `type`, which may come last.
    private struct RecordFields {
        var type: String?, id: String?, name: String?, kind: String?, aliases: [String]?, annotator: String?
        var anchor: TextAnchor?, speaker: String?, role: String?, sources: [String]?, mention: String?, cue: String?
        var form: String?, negated: Bool?, hedged: Bool?, text: String?, target: String?, label: String?
        var evidence: [String]?, subject: Note.Subject?, annotation: String?, verdict: String?, reason: String?
        var reviewer: String?, document: String?, sentence: Int?, status: String?, origin: Origin?
        var rule: String?, claimSegments: [SpanSegment]?, cueSegments: [SpanSegment]?, speakerSegments: [SpanSegment]?
        var attributes: [String: String]?
        var speakers: [String]?, mentions: [String]?, addressees: [String]?

        func speaker(_ d: SessionFileDecoder) throws(Failure) -> Speaker {
            guard let id, let name else { throw d.missing("speaker field") }
            return Speaker(id: id, name: name, kind: kind ?? "person", aliases: aliases ?? [], annotator: annotator ?? "", origin: origin)
        }

        func mention(_ d: SessionFileDecoder) throws(Failure) -> Mention {
            guard let id, let anchor, let speaker, let annotator else { throw d.missing("mention field") }
            return Mention(id: id, anchor: anchor, speaker: speaker, role: role, annotator: annotator, sources: sources, origin: origin)
        }

        func cue(_ d: SessionFileDecoder) throws(Failure) -> Cue {
            guard let id, let anchor, let annotator else { throw d.missing("cue field") }
            return Cue(id: id, anchor: anchor, annotator: annotator, sources: sources, origin: origin)
        }

        func claim(_ d: SessionFileDecoder) throws(Failure) -> Claim {
            guard let id, let anchor else { throw d.missing("claim field") }
            if speaker != nil, speakers != nil { throw d.reader.shapeError("a claim has either 'speaker' or 'speakers', not both") }
            if mention != nil, mentions != nil { throw d.reader.shapeError("a claim has either 'mention' or 'mentions', not both") }
            return Claim(
                id: id, anchor: anchor, speakers: speakers ?? speaker.map { [$0] } ?? [], mentions: mentions ?? mention.map { [$0] } ?? [],
                addressees: addressees ?? [], cue: cue, form: form, negated: negated ?? false, hedged: hedged ?? false,
                annotator: annotator ?? "", sources: sources, origin: origin, attributes: attributes)
        }

        func target(_ d: SessionFileDecoder) throws(Failure) -> Target {
            guard let id, let text, let annotator else { throw d.missing("target field") }
            return Target(id: id, text: text, annotator: annotator, origin: origin)
        }

        func stance(_ d: SessionFileDecoder) throws(Failure) -> Stance {
            guard let id, let speaker, let target, let label, let evidence, let annotator else { throw d.missing("stance field") }
            return Stance(id: id, speaker: speaker, target: target, label: label, evidence: evidence, annotator: annotator, sources: sources, origin: origin)
        }

        func note(_ d: SessionFileDecoder) throws(Failure) -> Note {
            guard let id, let subject, let text, let annotator else { throw d.missing("note field") }
            return Note(id: id, subject: subject, text: text, annotator: annotator)
        }

        func reviewDecision(_ d: SessionFileDecoder) throws(Failure) -> ReviewDecision {
            guard let annotation, let verdict, let value = ReviewDecision.Verdict(rawValue: verdict), let reviewer else {
                throw d.missing("review field")
            }
            return ReviewDecision(annotation: annotation, verdict: value, reason: reason, reviewer: reviewer)
        }

        func rejection(_ d: SessionFileDecoder) throws(Failure) -> Rejection {
            guard let id, let document, let sentence, let rule, let claimSegments else { throw d.missing("rejection field") }
            return Rejection(
                id: id, document: document, sentence: sentence, rule: rule, claimSegments: claimSegments, cueSegments: cueSegments ?? [],
                speakerSegments: speakerSegments ?? [], annotator: annotator ?? "")
        }

        func record(_ d: SessionFileDecoder) throws(Failure) -> Record {
            switch type {
            case "claim": return .claim(try claim(d))
            case "mention": return .mention(try mention(d))
            case "cue": return .cue(try cue(d))
            case "speaker": return .speaker(try speaker(d))
            case "target": return .target(try target(d))
            case "stance": return .stance(try stance(d))
            case "note": return .note(try note(d))
            case "review": return .review(try reviewDecision(d))
            case "rejection": return .rejection(try rejection(d))
            case "status":
                guard let document, let sentence, let status, let value = SentenceStatus(rawValue: status) else { throw d.missing("status field") }
                return .status(SentenceKey(document: document, sentence: sentence), value)
            default: throw d.missing("type")
            }
        }
    }

    /// Reads an object's fields into `fields` (null counts as absent, as with `decodeIfPresent`).
    private mutating func recordFields(into f: inout RecordFields) throws(Failure) {
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("anchor") { try once(&seen, 0); f.anchor = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.textAnchor() } }
            else if key.is("id") { try once(&seen, 1); f.id = try optionalString() }
            else if key.is("type") { try once(&seen, 2); f.type = try optionalString() }
            else if key.is("annotator") { try once(&seen, 3); f.annotator = try optionalString() }
            else if key.is("speaker") { try once(&seen, 4); f.speaker = try optionalString() }
            else if key.is("form") { try once(&seen, 5); f.form = try optionalString() }
            else if key.is("negated") { try once(&seen, 6); f.negated = try optionalBool() }
            else if key.is("hedged") { try once(&seen, 7); f.hedged = try optionalBool() }
            else if key.is("mention") { try once(&seen, 8); f.mention = try optionalString() }
            else if key.is("cue") { try once(&seen, 9); f.cue = try optionalString() }
            else if key.is("sources") { try once(&seen, 10); f.sources = try optionalStrings() }
            else if key.is("role") { try once(&seen, 11); f.role = try optionalString() }
            else if key.is("name") { try once(&seen, 12); f.name = try optionalString() }
            else if key.is("kind") { try once(&seen, 13); f.kind = try optionalString() }
            else if key.is("aliases") { try once(&seen, 14); f.aliases = try optionalStrings() }
            else if key.is("text") { try once(&seen, 15); f.text = try optionalString() }
            else if key.is("target") { try once(&seen, 16); f.target = try optionalString() }
            else if key.is("label") { try once(&seen, 17); f.label = try optionalString() }
            else if key.is("evidence") { try once(&seen, 18); f.evidence = try optionalStrings() }
            else if key.is("subject") { try once(&seen, 19); f.subject = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.noteSubject() } }
            else if key.is("annotation") { try once(&seen, 20); f.annotation = try optionalString() }
            else if key.is("verdict") { try once(&seen, 21); f.verdict = try optionalString() }
            else if key.is("reason") { try once(&seen, 22); f.reason = try optionalString() }
            else if key.is("reviewer") { try once(&seen, 23); f.reviewer = try optionalString() }
            else if key.is("document") { try once(&seen, 24); f.document = try optionalString() }
            else if key.is("sentence") { try once(&seen, 25); f.sentence = try optionalInt() }
            else if key.is("status") { try once(&seen, 26); f.status = try optionalString() }
            else if key.is("origin") { try once(&seen, 27); f.origin = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.origin() } }
            else if key.is("rule") { try once(&seen, 28); f.rule = try optionalString() }
            else if key.is("claim_segments") { try once(&seen, 29); f.claimSegments = try optionalSegments() }
            else if key.is("cue_segments") { try once(&seen, 30); f.cueSegments = try optionalSegments() }
            else if key.is("speaker_segments") { try once(&seen, 31); f.speakerSegments = try optionalSegments() }
            else if key.is("attributes") { try once(&seen, 32); f.attributes = try optionalStringMap() }
            else if key.is("speakers") { try once(&seen, 33); f.speakers = try optionalStrings() }
            else if key.is("mentions") { try once(&seen, 34); f.mentions = try optionalStrings() }
            else if key.is("addressees") { try once(&seen, 35); f.addressees = try optionalStrings() }
            else { try reader.skipValue() }
        }
    }

    /// A record; with `annotator`, a record whose annotator is empty gets that one (an added
    /// record as replaying stamps it, see ``eventsForReplay``).
    mutating func record(stampingEmptyAnnotatorWith annotator: String? = nil) throws(Failure) -> Record {
        var fields = RecordFields()
        try recordFields(into: &fields)
        if let annotator, fields.annotator == "" { fields.annotator = annotator }
        return try fields.record(self)
    }

    mutating func event() throws(Failure) -> Event {
        var seq: Int?, time: String?, annotator: String?, action: String?, record: Record?, id: String?
        var document: String?, sentence: Int?, status: String?, review: ReviewDecision?, group: Int?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("record") {
                try once(&seen, 0)
                // The writer puts `action` and `annotator` first; in another order the record is stamped when applied.
                let stamp = eventsForReplay && action == "add" ? annotator : nil
                record = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.record(stampingEmptyAnnotatorWith: stamp) }
            }
            else if key.is("seq") { try once(&seen, 1); seq = try optionalInt() }
            else if key.is("time") {
                try once(&seen, 2)
                if eventsForReplay {
                    if !(try reader.consumeNull()) { try reader.skipString(); time = "" }
                } else {
                    time = try optionalString()
                }
            }
            else if key.is("annotator") { try once(&seen, 3); annotator = try optionalString() }
            else if key.is("action") { try once(&seen, 4); action = try optionalString() }
            else if key.is("id") { try once(&seen, 5); id = try optionalString() }
            else if key.is("document") { try once(&seen, 6); document = try optionalString() }
            else if key.is("sentence") { try once(&seen, 7); sentence = try optionalInt() }
            else if key.is("status") { try once(&seen, 8); status = try optionalString() }
            else if key.is("group") { try once(&seen, 10); group = try optionalInt() }
            else if key.is("review") { try once(&seen, 9); review = try optionalObject { (d: inout SessionFileDecoder) throws(Failure) in try d.reviewDecision() } }
            else { try reader.skipValue() }
        }
        guard let seq, let time, let annotator, let action else { throw missing("event field") }
        let value: EditAction
        switch action {
        case "add":
            guard let record else { throw missing("record") }
            value = .add(record)
        case "replace":
            guard let record else { throw missing("record") }
            value = .replace(record)
        case "delete":
            guard let id else { throw missing("id") }
            value = .delete(id)
        case "status":
            guard let document, let sentence, let status, let parsed = SentenceStatus(rawValue: status) else { throw missing("status field") }
            value = .setStatus(SentenceKey(document: document, sentence: sentence), parsed)
        case "review":
            guard let review else { throw missing("review") }
            value = .review(review)
        case "undo": value = .undo
        case "redo": value = .redo
        default: throw missing("action")
        }
        return Event(seq: seq, time: time, annotator: annotator, action: value, group: group)
    }
}

/// The fields a snapshot begins with: what opening needs before deciding how to read the rest.
struct SnapshotHead {
    var format: String?
    var version: Int?
    var id: String?
    var log: LogReference?
    var next: [String: Int]?
}

extension SessionFile {
    /// A file from all of its fields, as read by ``SessionFileDecoder``.
    init(
        format: String, version: Int, annotator: String, created: String, updated: String, corpus: CorpusReference,
        schema: AnnotationSchema, derivedFrom: [String]?, cursor: SentenceKey?, settings: SessionSettings? = nil, speakers: [Speaker], targets: [Target],
        annotations: [Record], stances: [Stance], notes: [Note], statuses: [StatusEntry], reviews: [ReviewDecision],
        rejections: [Rejection]? = nil, events: [Event], id: String? = nil
    ) {
        self.format = format
        self.version = version
        self.id = id
        self.annotator = annotator
        self.created = created
        self.updated = updated
        self.corpus = corpus
        self.schema = schema
        self.derivedFrom = derivedFrom
        self.cursor = cursor
        self.settings = settings
        self.speakers = speakers
        self.targets = targets
        self.annotations = annotations
        self.stances = stances
        self.notes = notes
        self.statuses = statuses
        self.reviews = reviews
        self.rejections = rejections
        self.events = events
    }
}
