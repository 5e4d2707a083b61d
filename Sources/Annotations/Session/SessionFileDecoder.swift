import Foundation

/// Reads the hot records of a session — a snapshot's speakers and annotations, a format-1 file's
/// events, a log's `{"event":…}` lines — by hand with a ``JSONReader``, keys compared as bytes,
/// without an intermediate tree. The rest of a snapshot (header fields and the record lists that are
/// few) is copied into one JSON object that `JSONDecoder` decodes with the `Codable` conformances,
/// the one definition of the format.
///
/// It takes what those conformances take (tests compare the two), and refuses a key twice in one
/// object and an integer written as `1.0`, which the writer never makes. A failure is a
/// ``JSONReader/Failure`` at its byte; ``SessionCodec`` names it by its JSON path and place.
struct SessionFileDecoder {
    typealias Failure = JSONReader.Failure

    var reader: JSONReader
    /// When true, an anchor's quoted texts and sentence hash are checked but left empty: an export
    /// reads none of them, and a million annotations then make no string for them.
    var anchorsForExport = false
    /// When true, events are read for replaying only: their time is checked but left empty, and a
    /// record added with an empty annotator gets the event's at once (as replaying would stamp it).
    var eventsForReplay = false
    /// The strings that recur across records, made once in a whole file.
    private var strings = RecurringStrings(sharing: false)

    /// A decoder over bytes that must stay alive while it is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        reader = JSONReader(bytes)
    }

    /// Decodes a whole session file; the bytes must hold nothing else.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, anchorsForExport: Bool = false) throws(Failure) -> SessionFile {
        var decoder = SessionFileDecoder(bytes)
        decoder.anchorsForExport = anchorsForExport
        decoder.strings = RecurringStrings(sharing: true)
        var lists: Lists? = ([], [], [])
        var head: [UInt8] = []
        try decoder.topLevel(into: &head, lists: &lists, keeping: nil)
        try decoder.reader.expectEnd()
        guard var file = Self.codable(SessionFile.self, head.isEmpty ? [] : head + [UInt8(ascii: "}")]) else { throw decoder.reader.shapeError("the file does not decode") }
        (file.speakers, file.annotations, file.events) = lists ?? ([], [], [])
        return file
    }

    /// A file's fields other than its record lists as one JSON object (each list in it as `[]`, not
    /// read), or with `keeping` only those named; with `stoppingAfter`, the reading stops at the
    /// first record list once those fields were read (the writer puts the header fields first).
    static func head(of bytes: UnsafeBufferPointer<UInt8>, keeping: Set<String>? = nil, stoppingAfter: Set<String>? = nil) throws(Failure) -> Data {
        var decoder = SessionFileDecoder(bytes)
        var head: [UInt8] = []
        var lists: Lists?
        try decoder.topLevel(into: &head, lists: &lists, keeping: keeping, stoppingAfter: stoppingAfter)
        return Data(head.isEmpty ? Array("{}".utf8) : head + [UInt8(ascii: "}")])
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

    /// The record lists of a file read by hand.
    private typealias Lists = (speakers: [Speaker], annotations: [Record], events: [Event])

    /// Reads the file's object: the record lists by hand into `lists` (nil: skipped, or the end of
    /// the reading once the fields `stoppingAfter` were read), each in `head` as `"key":[]` (unless
    /// `keeping`), every other field (with `keeping`, those named) copied into `head` as it is.
    private mutating func topLevel(
        into head: inout [UInt8], lists: inout Lists?, keeping: Set<String>?, stoppingAfter: Set<String>? = nil
    ) throws(Failure) {
        try reader.beginObject()
        var first = true
        var seen = Set<String>()
        while let key = try reader.nextKey(&first) {
            guard seen.insert(key.string).inserted else { throw reader.shapeError("a key appears twice") }
            let isList = key.is("speakers") || key.is("annotations") || key.is("events")
            if isList, lists == nil, let stoppingAfter, stoppingAfter.isSubset(of: seen) { return }
            if isList, lists != nil || keeping == nil {
                if lists == nil {
                    try reader.skipValue()
                } else if key.is("speakers") {
                    lists?.speakers = try list { (d: inout Self) throws(Failure) in try d.fields().speaker(d) }
                } else if key.is("annotations") {
                    lists?.annotations = try list { (d: inout Self) throws(Failure) in try d.record() }
                } else {
                    lists?.events = try list { (d: inout Self) throws(Failure) in try d.event() }
                }
                // An empty list in its place (a missing list stays missing for `JSONDecoder`).
                head += Array((head.isEmpty ? "{" : ",").utf8) + key.written + Array(":[]".utf8)
                continue
            }
            reader.skipWhitespace()
            let start = reader.position
            try reader.skipValue()
            guard keeping?.contains(key.string) ?? true else { continue }
            head.append(head.isEmpty ? UInt8(ascii: "{") : UInt8(ascii: ","))
            head += key.written
            head.append(UInt8(ascii: ":"))
            head += UnsafeBufferPointer(rebasing: reader.bytes[start..<reader.position])
        }
    }

    /// `T` decoded by its `Codable` conformance from `bytes` (nil when it does not decode).
    private static func codable<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(bytes))
    }

    /// The next value decoded by its `Codable` conformance.
    private mutating func decoded<T: Decodable>(_ type: T.Type) throws(Failure) -> T {
        reader.skipWhitespace()
        let start = reader.position
        try reader.skipValue()
        guard let value = Self.codable(T.self, Array(reader.bytes[start..<reader.position])) else {
            throw Failure(position: start, isSyntax: false, message: "the value does not decode as \(T.self)")
        }
        return value
    }

    // MARK: - Helpers

    /// The failure of an object that lacks a field it needs (`fields`).
    private func missing(_ fields: String) -> Failure {
        reader.shapeError("a required field (\(fields)) is missing or null")
    }

    /// Refuses a key seen before in the same object.
    @inline(__always)
    private func once(_ seen: inout UInt64, _ bit: Int) throws(Failure) {
        let mask: UInt64 = 1 << UInt64(bit)
        if seen & mask != 0 { throw reader.shapeError("a key appears twice") }
        seen |= mask
    }

    private mutating func optionalString() throws(Failure) -> String? {
        try reader.consumeNull() ? nil : try reader.readString()
    }

    /// A string that recurs across records (see ``RecurringStrings``), or nil for null.
    private mutating func recurringString() throws(Failure) -> String? {
        try reader.consumeNull() ? nil : try reader.readString(sharing: &strings)
    }

    private mutating func optionalInt() throws(Failure) -> Int? {
        try reader.consumeNull() ? nil : try reader.readInt()
    }

    private mutating func optionalBool() throws(Failure) -> Bool? {
        try reader.consumeNull() ? nil : try reader.readBool()
    }

    private mutating func optionalStrings() throws(Failure) -> [String]? {
        try reader.consumeNull() ? nil : try list { (d: inout Self) throws(Failure) in try d.reader.readString() }
    }

    /// A list (not null) of elements read by `element`.
    private mutating func list<T>(_ element: (inout SessionFileDecoder) throws(Failure) -> T) throws(Failure) -> [T] {
        try reader.beginArray()
        var result: [T] = []
        var first = true
        while try reader.nextElement(&first) { result.append(try element(&self)) }
        return result
    }

    /// A list, or nil for null.
    private mutating func optionalList<T>(_ element: (inout SessionFileDecoder) throws(Failure) -> T) throws(Failure) -> [T]? {
        try reader.consumeNull() ? nil : try list(element)
    }

    // MARK: - Records and events

    /// Every field of the objects read by hand (speakers, mentions, cues, claims, origins and their
    /// sources); `type`, the record's kind, may come last.
    private struct RecordFields {
        var type: String?, id: String?, name: String?, kind: String?, aliases: [String]?, annotator: String?
        var anchor: TextAnchor?, speaker: String?, role: String?, sources: [String]?, mention: String?, cue: String?
        var form: String?, negated: Bool?, hedged: Bool?, origin: Origin?
        var rule: String?, attributes: [String: String]?, from: [Origin.Source]?, session: String?
        var speakers: [String]?, mentions: [String]?, addressees: [String]?

        // Each builder takes its fields out (`take()`): moved into the record, not copied.

        consuming func speaker(_ d: SessionFileDecoder) throws(Failure) -> Speaker {
            guard let id = id.take(), let name = name.take() else { throw d.missing("id, name") }
            return Speaker(
                id: id, name: name, kind: kind.take() ?? "person", aliases: aliases.take() ?? [], annotator: annotator.take() ?? "",
                origin: origin.take())
        }

        consuming func mention(_ d: SessionFileDecoder) throws(Failure) -> Mention {
            guard let id = id.take(), let anchor = anchor.take(), let speaker = speaker.take(), let annotator = annotator.take() else {
                throw d.missing("id, anchor, speaker, annotator")
            }
            return Mention(id: id, anchor: anchor, speaker: speaker, role: role.take(), annotator: annotator, sources: sources.take(), origin: origin.take())
        }

        consuming func cue(_ d: SessionFileDecoder) throws(Failure) -> Cue {
            guard let id = id.take(), let anchor = anchor.take(), let annotator = annotator.take() else { throw d.missing("id, anchor, annotator") }
            return Cue(id: id, anchor: anchor, annotator: annotator, sources: sources.take(), origin: origin.take())
        }

        consuming func claim(_ d: SessionFileDecoder) throws(Failure) -> Claim {
            guard let id = id.take(), let anchor = anchor.take() else { throw d.missing("id, anchor") }
            if speaker != nil, speakers != nil { throw d.reader.shapeError("a claim has either 'speaker' or 'speakers', not both") }
            if mention != nil, mentions != nil { throw d.reader.shapeError("a claim has either 'mention' or 'mentions', not both") }
            return Claim(
                id: id, anchor: anchor, speakers: speakers.take() ?? speaker.take().map { [$0] } ?? [],
                mentions: mentions.take() ?? mention.take().map { [$0] } ?? [], addressees: addressees.take() ?? [], cue: cue.take(),
                form: form.take(), negated: negated ?? false, hedged: hedged ?? false, annotator: annotator.take() ?? "",
                sources: sources.take(), origin: origin.take(), attributes: attributes.take())
        }

        consuming func origin(_ d: SessionFileDecoder) throws(Failure) -> Origin {
            guard let kind, let value = Origin.Kind(rawValue: kind) else { throw d.missing("kind: " + Origin.Kind.allCases.map(\.rawValue).joined(separator: ", ")) }
            return Origin(kind: value, rule: rule.take(), from: from.take())
        }

        consuming func originSource(_ d: SessionFileDecoder) throws(Failure) -> Origin.Source {
            guard let session = session.take(), let id = id.take() else { throw d.missing("session, id") }
            return Origin.Source(session: session, id: id)
        }
    }

    /// Reads an object's fields.
    private mutating func fields() throws(Failure) -> RecordFields {
        var f = RecordFields()
        try read(into: &f)
        return f
    }

    /// Reads an object's fields into `f` (null counts as absent); with `annotator`, an empty
    /// `annotator` field is given that one.
    private mutating func read(into f: inout RecordFields, stampingEmptyAnnotatorWith annotator: String? = nil) throws(Failure) {
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("anchor") { try once(&seen, 0); f.anchor = try reader.consumeNull() ? nil : try textAnchor() }
            else if key.is("id") { try once(&seen, 1); f.id = try optionalString() }
            else if key.is("type") { try once(&seen, 2); f.type = try optionalString() }
            else if key.is("annotator") { try once(&seen, 3); f.annotator = try recurringString() }
            else if key.is("speaker") { try once(&seen, 4); f.speaker = try recurringString() }
            else if key.is("form") { try once(&seen, 5); f.form = try recurringString() }
            else if key.is("negated") { try once(&seen, 6); f.negated = try optionalBool() }
            else if key.is("hedged") { try once(&seen, 7); f.hedged = try optionalBool() }
            else if key.is("mention") { try once(&seen, 8); f.mention = try optionalString() }
            else if key.is("cue") { try once(&seen, 9); f.cue = try optionalString() }
            else if key.is("sources") { try once(&seen, 10); f.sources = try optionalStrings() }
            else if key.is("role") { try once(&seen, 11); f.role = try recurringString() }
            else if key.is("name") { try once(&seen, 12); f.name = try optionalString() }
            else if key.is("kind") { try once(&seen, 13); f.kind = try recurringString() }
            else if key.is("aliases") { try once(&seen, 14); f.aliases = try optionalStrings() }
            else if key.is("origin") { try once(&seen, 27); f.origin = try reader.consumeNull() ? nil : try fields().origin(self) }
            else if key.is("rule") { try once(&seen, 28); f.rule = try recurringString() }
            else if key.is("attributes") { try once(&seen, 32); f.attributes = try reader.consumeNull() ? nil : try decoded([String: String].self) }
            else if key.is("speakers") { try once(&seen, 33); f.speakers = try optionalStrings() }
            else if key.is("mentions") { try once(&seen, 34); f.mentions = try optionalStrings() }
            else if key.is("addressees") { try once(&seen, 35); f.addressees = try optionalStrings() }
            else if key.is("from") { try once(&seen, 36); f.from = try optionalList { (d: inout Self) throws(Failure) in try d.fields().originSource(d) } }
            else if key.is("session") { try once(&seen, 37); f.session = try optionalString() }
            else { try reader.skipValue() }
        }
        if let annotator, f.annotator == "" { f.annotator = annotator }
    }

    /// A record; with `annotator`, one whose annotator is empty gets that one (see ``eventsForReplay``).
    mutating func record(stampingEmptyAnnotatorWith annotator: String? = nil) throws(Failure) -> Record {
        reader.skipWhitespace()
        let start = reader.position
        // Taken apart once: the fields of most records are moved into the record.
        var fields = RecordFields()
        try read(into: &fields, stampingEmptyAnnotatorWith: annotator)
        let type = fields.type
        switch type {
        case "claim": return .claim(try (consume fields).claim(self))
        case "mention": return .mention(try (consume fields).mention(self))
        case "cue": return .cue(try (consume fields).cue(self))
        case "speaker": return .speaker(try (consume fields).speaker(self))
        default:
            // The kinds that are few are decoded by their `Codable` conformance.
            guard let record = Self.codable(Record.self, Array(reader.bytes[start..<reader.position])) else { throw missing("type, or a field of its kind") }
            return record
        }
    }

    private mutating func segment() throws(Failure) -> SpanSegment {
        var start: Int?, end: Int?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("start") { try once(&seen, 0); start = try optionalInt() }
            else if key.is("end") { try once(&seen, 1); end = try optionalInt() }
            else { try reader.skipValue() }
        }
        guard let start, let end else { throw missing("start, end") }
        return SpanSegment(start: start, end: end)
    }

    private mutating func textAnchor() throws(Failure) -> TextAnchor {
        var document: String?, sentence: Int?, segments: [SpanSegment]?, text: String?
        var before: String?, after: String?, sentenceHash: String?, orphaned: Bool?
        try reader.beginObject()
        var first = true
        var seen: UInt64 = 0
        while let key = try reader.nextKey(&first) {
            if key.is("document") { try once(&seen, 0); document = try recurringString() }
            else if key.is("sentence") { try once(&seen, 1); sentence = try optionalInt() }
            else if key.is("segments") { try once(&seen, 2); segments = try optionalList { (d: inout Self) throws(Failure) in try d.segment() } }
            else if key.is("text") { try once(&seen, 3); text = try anchorText() }
            else if key.is("before") { try once(&seen, 4); before = try anchorText() }
            else if key.is("after") { try once(&seen, 5); after = try anchorText() }
            else if key.is("sentence_hash") { try once(&seen, 6); sentenceHash = try anchorsForExport ? anchorText() : recurringString() }
            else if key.is("orphaned") { try once(&seen, 7); orphaned = try optionalBool() }
            else { try reader.skipValue() }
        }
        guard let document, let sentence, let segments, let text else { throw missing("document, sentence, segments, text") }
        return TextAnchor(
            document: document, sentence: sentence, segments: segments, text: text, before: before ?? "", after: after ?? "",
            sentenceHash: sentenceHash ?? "", orphaned: orphaned ?? false)
    }

    /// An anchor's optional string; with ``anchorsForExport``, checked and left empty.
    private mutating func anchorText() throws(Failure) -> String? {
        guard anchorsForExport else { return try optionalString() }
        if try reader.consumeNull() { return nil }
        try reader.skipString()
        return ""
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
                record = try reader.consumeNull() ? nil : try self.record(stampingEmptyAnnotatorWith: stamp)
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
            else if key.is("review") { try once(&seen, 9); review = try reader.consumeNull() ? nil : try decoded(ReviewDecision.self) }
            else { try reader.skipValue() }
        }
        guard let seq, let time, let annotator, let action else { throw missing("seq, time, annotator, action") }
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
            guard let document, let sentence, let status, let parsed = SentenceStatus(rawValue: status) else { throw missing("document, sentence, status: " + SentenceStatus.allCases.map(\.rawValue).joined(separator: ", ")) }
            value = .setStatus(SentenceKey(document: document, sentence: sentence), parsed)
        case "review":
            guard let review else { throw missing("review") }
            value = .review(review)
        case "undo": value = .undo
        case "redo": value = .redo
        default: throw missing("action: add, replace, delete, status, review, undo or redo")
        }
        return Event(seq: seq, time: time, annotator: annotator, action: value, group: group)
    }
}

/// The fields a snapshot begins with: what opening needs before deciding how to read the rest.
/// `id`, `log` and `next` are decoded only for a file of this format in a version this build
/// reads, so that a foreign or newer file is said to be one before another field is found wrong.
struct SnapshotHead: Decodable {
    var format: String?
    var version: Int?
    var id: String?
    var log: LogReference?
    var next: [String: Int]?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: SessionFile.CodingKeys.self)
        format = try c.decodeIfPresent(String.self, forKey: .format)
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        guard format == SessionFile.formatName, let version, (1...SessionFile.currentVersion).contains(version) else { return }
        id = try c.decodeIfPresent(String.self, forKey: .id)
        log = try c.decodeIfPresent(LogReference.self, forKey: .log)
        next = try c.decodeIfPresent([String: Int].self, forKey: .next)
    }

    /// The part of the log this head names when it is in the format and version this build writes.
    var currentLog: LogReference? { format == SessionFile.formatName && version == SessionFile.currentVersion ? log : nil }

    /// The head of the snapshot `bytes` (nil when it is not a JSON object or a field has the wrong type).
    init?(_ bytes: Data) {
        let keys: Set<String> = ["format", "version", "id", "log", "next"]
        let head = bytes.withUnsafeBytes { try? SessionFileDecoder.head(of: $0.bindMemory(to: UInt8.self), keeping: keys, stoppingAfter: ["format", "version"]) }
        guard let head, let decoded = try? JSONDecoder().decode(Self.self, from: head) else { return nil }
        self = decoded
    }
}
