import Foundation

/// Writes a session snapshot — each top-level field on a line of its own, header fields first (so
/// a reader that needs only them stops early), each element of a top-level list on one line — and
/// the lines of a session log.
///
/// Mentions, cues, claims and speakers, most of a large snapshot, are written by hand as the exact
/// bytes `JSONEncoder` gives them (compact, keys sorted, slashes not escaped): for 100 000
/// annotations the difference between seconds and a fraction of one at every autosave. Everything
/// else goes through `JSONEncoder`. Tests decode the bytes with `JSONDecoder` and compare.
///
/// The bytes are kept, or handed on every 64 KiB: to a file (a snapshot is never whole in memory)
/// or to a comparison with a file's bytes (how the verifier compares a snapshot with a replay).
package struct SessionFileWriter {
    /// The bytes written (when handing them on: since they were last handed on).
    private(set) var bytes: [UInt8] = []
    /// Where the bytes go once ``handedOnAt`` of them are waiting.
    private var output = Output.kept
    /// How many bytes were handed on.
    private var handedOn = 0
    /// Set when handed-on bytes differed or could not be written.
    private var stopped = false
    /// Why handed-on bytes could not be written (an `errno`).
    private var writeError: Int32?
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()
    /// How many bytes are collected before they are handed on.
    private static let handedOnAt = 1 << 16

    /// Where a writer's bytes go.
    enum Output {
        /// Kept in ``bytes``.
        case kept
        /// Compared with `expected` from offset `start` on.
        case compared(expected: UnsafeBufferPointer<UInt8>, start: Int)
        /// Written to the file `fd` is open on.
        case written(fd: Int32, writer: FileWriting)
    }

    private init(_ output: Output = .kept) {
        self.output = output
        if case .kept = output { return }
        bytes.reserveCapacity(Self.handedOnAt + 4_096)
    }

    /// A new writer to `output` once `body` wrote `what` with it and the bytes were handed on; a
    /// value `JSONEncoder` refuses is a ``SessionError``.
    static func writing(
        _ what: String, to output: Output = .kept, _ body: (inout SessionFileWriter) throws -> Void
    ) throws(SessionError) -> SessionFileWriter {
        var writer = SessionFileWriter(output)
        do { try body(&writer) } catch { throw .io(path: "(session)", reason: "cannot encode \(what): \(error.localizedDescription)") }
        writer.handOn()
        return writer
    }

    /// Writes the snapshot `file` to `fd` with `writer`; the `errno` of a write that failed, or nil.
    static func write(_ file: SessionFile, to fd: Int32, with writer: FileWriting) throws(SessionError) -> Int32? {
        try writing("the session", to: .written(fd: fd, writer: writer)) { try $0.write(file) }.writeError
    }

    /// The header fields through `JSONEncoder` (compact), each on a line; the records by ``records(_:)``.
    mutating func write(_ file: SessionFile) throws {
        raw("{\n  \"format\": ")
        try value(file.format)
        try fields([("version", file.version), ("id", file.id)])
        if let log = file.log {
            // Not `LogReference`'s `Codable` form: the encoder would sort its keys.
            field("log")
            text("{\"events\":\(log.events),\"bytes\":\(log.bytes),\"digest\":")
            try value(log.digest)
            raw("}")
        }
        try fields([
            ("next", file.version >= 2 ? file.next : nil), ("annotator", file.annotator), ("created", file.created), ("updated", file.updated),
            ("corpus", file.corpus), ("schema", file.schema),
        ])
        if let derivedFrom = file.derivedFrom {
            field("derived_from")
            list(derivedFrom) { writer, path in writer.string(path) }
        }
        try fields([("cursor", file.cursor), ("settings", file.settings)])
        try records(file)
    }

    /// Top-level fields after the first, those that are not nil.
    private mutating func fields(_ fields: [(StaticString, (any Encodable)?)]) throws {
        for case let (key, value?) in fields {
            field(key)
            try self.value(value)
        }
    }

    /// Where the stored records begin in a snapshot (never inside a value: strings hold no raw line break).
    static let recordsMarker = Array(",\n  \"speakers\": ".utf8)

    /// Compares the stored records of `file` as written (from ``recordsMarker`` to the end) with
    /// `snapshot` from `start` on: where they end in `snapshot`, or nil where they differ. The
    /// annotations are compared in two halves on two cores, split where a record's line begins.
    static func recordsMatch(of file: SessionFile, in snapshot: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let half = file.annotations.count / 2, all = file.annotations.indices
        guard half > 0, let split = lineStart(ofAnnotation: half, in: snapshot, from: start) else { return matching(file, all, snapshot, start) }
        nonisolated(unsafe) let shared = snapshot
        let second = BackgroundValue { matching(file, half..<all.upperBound, shared, split) }
        let first = matching(file, 0..<half, snapshot, start)
        return first == split ? second.wait() ?? nil : nil
    }

    /// Where the records of `file` with `annotations` end when they match `snapshot` from `start` on.
    private static func matching(_ file: SessionFile, _ annotations: Range<Int>, _ snapshot: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        let writer = try? writing("the records", to: .compared(expected: snapshot, start: start)) { try $0.records(file, annotations: annotations) }
        guard let writer, !writer.stopped else { return nil }
        return start + writer.handedOn
    }

    /// Where annotation `index` begins in a snapshot laid out as written, from `start` on (nil when there is no such line).
    private static func lineStart(ofAnnotation index: Int, in snapshot: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        func lineAfter(_ offset: Int) -> Int? { SessionLogContents.lineBreak(in: snapshot, from: offset).map { $0 + 1 } }
        guard var line = lineAfter(start) else { return nil }
        while !SessionLogContents.starts(UnsafeBufferPointer(rebasing: snapshot[line...]), with: "  \"annotations\": [") {
            guard let next = lineAfter(line) else { return nil }
            line = next
        }
        for _ in 0...index {
            guard let next = lineAfter(line) else { return nil }
            line = next
        }
        return line + 4
    }

    /// The stored records (and a format-1 file's events), then the end of the file; with
    /// `annotations`, only those annotations and, at either end, what comes before or after them.
    private mutating func records(_ file: SessionFile, annotations part: Range<Int>? = nil) throws {
        let part = part ?? file.annotations.indices, last = part.upperBound == file.annotations.count
        if part.lowerBound == 0 {
            field("speakers")
            list(file.speakers) { writer, speaker in writer.speaker(speaker) }
            try values("targets", file.targets)
            field("annotations")
        }
        try list(file.annotations[part], opens: part.lowerBound == 0, closes: last) { writer, record in try writer.record(record) }
        guard last else { return }
        try values("stances", file.stances)
        try values("notes", file.notes)
        try values("statuses", file.statuses)
        try values("reviews", file.reviews)
        try values("rejections", file.rejections)
        try values("events", file.version < 2 ? file.events : nil)
        raw("\n}\n")
    }

    /// A top-level list of records that are few, through `JSONEncoder`; none when `elements` is nil.
    private mutating func values<Element: Encodable>(_ key: StaticString, _ elements: [Element]?) throws {
        guard let elements else { return }
        field(key)
        try list(elements) { writer, element in try writer.value(element) }
    }

    /// The bytes of a whole log: header, events, cursor and (unless the defaults) settings lines.
    static func logBytes(header: LogHeader, events: [Event], cursor: SentenceKey?, settings: SessionSettings? = nil) throws(SessionError) -> [UInt8] {
        try writing("the log") { writer in
            try writer.header(header)
            for event in events { try writer.line(.event(event)) }
            if let cursor { try writer.line(.cursor(cursor)) }
            if let settings, !settings.isDefault { try writer.line(.settings(settings)) }
        }.bytes
    }

    /// One log line for `entry`, line break included: what ``SessionLog`` appends and the team database keeps.
    package static func line(_ entry: JournalEntry) throws(SessionError) -> [UInt8] {
        try writing("a log entry") { try $0.line(entry) }.bytes
    }

    /// The header line of a log, line break included.
    package static func headerLine(_ header: LogHeader) throws(SessionError) -> [UInt8] {
        try writing("the log header") { try $0.header(header) }.bytes
    }

    private mutating func line(_ entry: JournalEntry) throws {
        try value(entry)
        raw("\n")
    }

    /// The header line: `format`, `version` and `session` first, the corpus and schema compact with sorted keys.
    private mutating func header(_ header: LogHeader) throws {
        let fields: [(StaticString, (any Encodable)?)] = [
            ("format", header.format), ("version", header.version), ("session", header.session), ("annotator", header.annotator),
            ("created", header.created), ("derived_from", header.derivedFrom), ("corpus", header.corpus), ("schema", header.schema),
        ]
        for case let (index, (key, value?)) in fields.enumerated() {
            raw(index == 0 ? "{\"" : ",\"")
            raw(key)
            raw("\":")
            try self.value(value)
        }
        raw("}\n")
    }

    /// `,\n  "key": ` — a top-level field after the first.
    private mutating func field(_ key: StaticString) {
        raw(",\n  \"")
        raw(key)
        raw("\": ")
    }

    /// A top-level list, one element per line (`[]` when empty); a part of one without its opening or its end.
    private mutating func list<Elements: Collection>(
        _ elements: Elements, opens: Bool = true, closes: Bool = true, _ element: (inout SessionFileWriter, Elements.Element) throws -> Void
    ) rethrows {
        guard !elements.isEmpty else { return raw("[]") }
        if opens { raw("[\n    ") }
        for index in elements.indices {
            if index > elements.startIndex { raw(",\n    ") }
            try element(&self, elements[index])
        }
        raw(closes ? "\n  ]" : ",\n    ")
    }

    /// Any other value, compact, through `JSONEncoder`.
    private mutating func value<Value: Encodable>(_ value: Value) throws {
        let data = try encoder.encode(value)
        data.withUnsafeBytes { append($0.bindMemory(to: UInt8.self)) }
    }

    // MARK: - Records

    /// A record with its `"type"`: mentions, cues and claims by hand, the other kinds through `JSONEncoder`.
    private mutating func record(_ record: Record) throws {
        // Read in place (`withFields`): copied, each anchor would cost six retains.
        switch record {
        case .mention(let mention):
            mention.withFields { mention in
                raw("{\"anchor\":")
                anchor(mention.anchor)
                field("annotator", mention.annotator)
                field("id", mention.id)
                if let origin = mention.origin { self.origin(origin) }
                if let role = mention.role { field("role", role) }
                if let sources = mention.sources { list("sources", sources) }
                field("speaker", mention.speaker)
                raw(",\"type\":\"mention\"}")
            }
        case .cue(let cue):
            cue.withFields { cue in
                raw("{\"anchor\":")
                anchor(cue.anchor)
                field("annotator", cue.annotator)
                field("id", cue.id)
                if let origin = cue.origin { self.origin(origin) }
                if let sources = cue.sources { list("sources", sources) }
                raw(",\"type\":\"cue\"}")
            }
        case .claim(let claim):
            try claim.withFields { claim in
                if claim.addressees.isEmpty {
                    raw("{\"anchor\":")
                } else {
                    raw("{\"addressees\":")
                    strings(claim.addressees)
                    raw(",\"anchor\":")
                }
                anchor(claim.anchor)
                field("annotator", claim.annotator)
                if let attributes = claim.attributes {
                    raw(",\"attributes\":")
                    try value(attributes)
                }
                if let cue = claim.cue { field("cue", cue) }
                if let form = claim.form { field("form", form) }
                raw(claim.hedged ? ",\"hedged\":true" : ",\"hedged\":false")
                field("id", claim.id)
                if claim.mentions.count == 1 { field("mention", claim.mentions[0]) } else if claim.mentions.count > 1 { list("mentions", claim.mentions) }
                raw(claim.negated ? ",\"negated\":true" : ",\"negated\":false")
                if let origin = claim.origin { self.origin(origin) }
                if let sources = claim.sources { list("sources", sources) }
                if claim.speakers.count == 1 { field("speaker", claim.speakers[0]) } else if claim.speakers.count > 1 { list("speakers", claim.speakers) }
                raw(",\"type\":\"claim\"}")
            }
        default: try value(record)
        }
    }

    /// A speaker: `{"aliases":[…],"annotator":…,"id":…,"kind":…,"name":…,"origin":…}` (origin if any).
    private mutating func speaker(_ speaker: Speaker) {
        raw("{\"aliases\":")
        strings(speaker.aliases)
        field("annotator", speaker.annotator)
        field("id", speaker.id)
        field("kind", speaker.kind)
        field("name", speaker.name)
        if let origin = speaker.origin { self.origin(origin) }
        raw("}")
    }

    /// `,"origin":{"from":[{"id":…,"session":…}],"kind":…,"rule":…}` (from and rule only when set).
    private mutating func origin(_ origin: Origin) {
        raw(",\"origin\":{")
        if let from = origin.from {
            raw("\"from\":[")
            for (index, source) in from.enumerated() {
                raw(index == 0 ? "{\"id\":" : ",{\"id\":")
                string(source.id)
                field("session", source.session)
                raw("}")
            }
            raw("],")
        }
        raw("\"kind\":")
        string(origin.kind.rawValue)
        if let rule = origin.rule { field("rule", rule) }
        raw("}")
    }

    fileprivate mutating func anchor(_ anchor: borrowing TextAnchor) {
        raw("{\"after\":")
        string(anchor.after)
        field("before", anchor.before)
        field("document", anchor.document)
        if anchor.orphaned { raw(",\"orphaned\":true") }
        raw(",\"segments\":[")
        var index = 0
        for segment in anchor.segments {
            raw(index == 0 ? "{\"end\":" : ",{\"end\":")
            index += 1
            integer(segment.end)
            raw(",\"start\":")
            integer(segment.start)
            raw("}")
        }
        raw("],\"sentence\":")
        integer(anchor.sentence)
        field("sentence_hash", anchor.sentenceHash)
        field("text", anchor.text)
        raw("}")
    }

    /// `,"key":"value"`.
    private mutating func field(_ key: StaticString, _ value: String) {
        raw(",\"")
        raw(key)
        raw("\":")
        string(value)
    }

    /// `,"key":["a","b"]`.
    private mutating func list(_ key: StaticString, _ values: [String]) {
        raw(",\"")
        raw(key)
        raw("\":")
        strings(values)
    }

    // MARK: - Bytes

    /// `["a","b"]`.
    private mutating func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    /// Writes `value` as a JSON string, escaped as `JSONEncoder` escapes it.
    private mutating func string(_ value: String) {
        JSONEncoderStringLiteral.append(value, to: &bytes)
        handOnIfFull()
    }

    /// Writes a decimal integer (as `String(value)` spells it, without making one).
    private mutating func integer(_ value: Int) {
        var magnitude = value.magnitude
        // 20 places: the 19 digits of `Int.min` and its sign.
        var places: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &places) { raw in
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                raw[index] = UInt8(ascii: "-")
            }
            append(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[index...]))
        }
    }

    /// Writes text as it is (no escaping).
    private mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Writes ASCII text as it is.
    private mutating func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func append(_ more: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: more)
        handOnIfFull()
    }

    /// Hands the bytes on once ``handedOnAt`` of them are waiting.
    private mutating func handOnIfFull() {
        if bytes.count >= Self.handedOnAt { handOn() }
    }

    /// Hands the bytes collected on (compares or writes them) and drops them; kept bytes stay.
    private mutating func handOn() {
        if case .kept = output { return }
        defer { bytes.removeAll(keepingCapacity: true) }
        guard !stopped else { return }
        switch output {
        case .kept: return
        case .compared(let expected, let start):
            guard let base = expected.baseAddress, bytes.count <= expected.count - start - handedOn,
                memcmp(base + start + handedOn, bytes, bytes.count) == 0
            else { return stopped = true }
        case .written(let fd, let writer):
            writeError = bytes.withUnsafeBytes { writer.writeAll($0, to: fd) }
            if writeError != nil { return stopped = true }
        }
        handedOn += bytes.count
    }
}
