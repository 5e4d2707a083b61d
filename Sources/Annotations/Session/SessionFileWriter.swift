import Foundation

/// Writes a session snapshot as ``SessionCodec/encode(_:)`` lays it out — each top-level field on a
/// line of its own, in a fixed order (the header fields `format`, `version`, `id`, `log`, `next` first, so
/// a reader that needs only them stops early), and each element of a top-level list on one line —
/// and the lines of a session log, without building them through `JSONEncoder`: mentions, cues, claims, speakers, targets, stances, statuses, the events around
/// them and the corpus reference (a line per document) are written with ``CompactRecordEncoder``;
/// only notes, reviews, rejections, the schema and the cursor go through `JSONEncoder`, one value at a time.
/// For a session of 100 000 annotations this is the difference between seconds and a fraction of
/// one, which the annotator feels at every autosave. Tests decode its bytes with `JSONDecoder` and compare.
struct SessionFileWriter {
    private var out = CompactRecordEncoder(CompactRecordBytes())
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    private init() {}

    private init(comparingWith expected: UnsafeBufferPointer<UInt8>, from start: Int) {
        out = CompactRecordEncoder(CompactRecordBytes(comparingWith: expected, from: start))
    }

    /// The file's bytes, ending in a line break.
    static func bytes(of file: SessionFile) throws -> [UInt8] {
        var writer = SessionFileWriter()
        try writer.write(file)
        return writer.out.sink.bytes
    }

    private mutating func write(_ file: SessionFile) throws {
        out.raw("{\n  \"format\": ")
        out.string(file.format)
        field("version")
        out.integer(file.version)
        if let id = file.id {
            field("id")
            out.string(id)
        }
        if let log = file.log {
            field("log")
            out.raw("{\"events\":")
            out.integer(log.events)
            out.raw(",\"bytes\":")
            out.integer(log.bytes)
            out.raw(",\"digest\":")
            out.string(log.digest)
            out.raw("}")
        }
        if let next = file.next, file.version >= 2 {
            field("next")
            out.raw("{")
            for (index, key) in next.keys.sorted().enumerated() {
                if index > 0 { out.raw(",") }
                out.string(key)
                out.raw(":")
                out.integer(next[key] ?? 1)
            }
            out.raw("}")
        }
        field("annotator")
        out.string(file.annotator)
        field("created")
        out.string(file.created)
        field("updated")
        out.string(file.updated)
        field("corpus")
        corpus(file.corpus)
        field("schema")
        try value(file.schema)
        if let derivedFrom = file.derivedFrom {
            field("derived_from")
            list(derivedFrom) { writer, path in writer.out.string(path) }
        }
        if let cursor = file.cursor {
            field("cursor")
            try value(cursor)
        }
        if let settings = file.settings {
            field("settings")
            try value(settings)
        }
        try records(file, part: nil)
    }

    /// Where the stored records begin in a snapshot: the top-level `speakers` field, on a line of
    /// its own (a JSON string cannot hold a raw line break, so this is never inside a value).
    static let recordsMarker = Array(",\n  \"speakers\": ".utf8)

    /// The stored records of `file` as the snapshot lays them out — from ``recordsMarker`` to the
    /// end of the file — so that a verifier compares a snapshot's records with a replayed state
    /// byte for byte, without decoding them.
    static func recordBytes(of file: SessionFile) throws -> [UInt8] {
        var writer = SessionFileWriter()
        try writer.records(file, part: nil)
        return writer.out.sink.bytes
    }

    /// Compares ``recordBytes(of:)`` — with `part`, only the part before annotation `split`
    /// (`first`) or the part from it on — with `snapshot` from byte `start` on, as they are written
    /// (so that two threads compare two parts at once, and the bytes are never all kept). The
    /// offset in `snapshot` where they end, or nil where they differ.
    static func recordsMatch(
        of file: SessionFile, part: (split: Int, first: Bool)? = nil, in snapshot: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        var writer = SessionFileWriter(comparingWith: snapshot, from: start)
        do { try writer.records(file, part: part) } catch { return nil }
        return writer.out.sink.endOfComparison()
    }

    /// The stored records: speakers, targets, annotations, stances, notes, statuses, reviews,
    /// rejections (and a format-1 file's events), then the end of the file; with `part`, only the
    /// part before annotation `split` (`first`) or the part from it on.
    private mutating func records(_ file: SessionFile, part: (split: Int, first: Bool)?) throws {
        if part?.first ?? true {
            field("speakers")
            list(file.speakers) { writer, speaker in writer.out.speaker(speaker, typed: false) }
            field("targets")
            list(file.targets) { writer, target in writer.out.target(target, typed: false) }
            field("annotations")
        }
        guard let part else {
            try list(file.annotations) { writer, record in try writer.record(record) }
            try recordsAfterAnnotations(file)
            return
        }
        if part.first {
            out.raw("[\n    ")
            for index in 0..<part.split {
                if index > 0 { out.raw(",\n    ") }
                try record(file.annotations[index])
            }
        } else {
            for index in part.split..<file.annotations.count {
                out.raw(",\n    ")
                try record(file.annotations[index])
            }
            out.raw("\n  ]")
            try recordsAfterAnnotations(file)
        }
    }

    private mutating func recordsAfterAnnotations(_ file: SessionFile) throws {
        field("stances")
        list(file.stances) { writer, stance in writer.out.stance(stance, typed: false) }
        field("notes")
        try list(file.notes) { writer, note in try writer.value(note) }
        field("statuses")
        list(file.statuses) { writer, status in
            writer.out.raw("{\"document\":")
            writer.out.string(status.document)
            writer.out.raw(",\"sentence\":")
            writer.out.integer(status.sentence)
            writer.out.raw(",\"status\":")
            writer.out.string(status.status.rawValue)
            writer.out.raw("}")
        }
        field("reviews")
        try list(file.reviews) { writer, review in try writer.value(review) }
        if let rejections = file.rejections {
            field("rejections")
            try list(rejections) { writer, rejection in try writer.value(rejection) }
        }
        if file.version < 2 {
            field("events")
            try list(file.events) { writer, event in try writer.event(event) }
        }
        out.raw("\n}\n")
    }

    /// The bytes of a whole log: its header line, then one `{"event":…}` line per event, then a
    /// `{"cursor":…}` line when there is a cursor.
    static func logBytes(header: LogHeader, events: [Event], cursor: SentenceKey?, settings: SessionSettings? = nil) throws -> [UInt8] {
        var writer = SessionFileWriter()
        try writer.header(header)
        writer.out.raw("\n")
        for event in events { try writer.eventLine(event) }
        if let cursor { try writer.entryLine(.cursor(cursor)) }
        if let settings, !settings.isDefault { try writer.entryLine(.settings(settings)) }
        return writer.out.sink.bytes
    }

    /// One log line for `entry` (an event, a cursor move, settings, a re-anchoring), line break
    /// included: what ``SessionLog`` appends and a second store keeps.
    static func entryLine(_ entry: JournalEntry) throws -> [UInt8] {
        var writer = SessionFileWriter()
        try writer.entryLine(entry)
        return writer.out.sink.bytes
    }

    private mutating func entryLine(_ entry: JournalEntry) throws {
        if case .event(let event) = entry { return try eventLine(event) }
        try value(entry)
        out.raw("\n")
    }

    /// The header line of a log, line break included.
    static func headerLine(_ header: LogHeader) throws -> [UInt8] {
        var writer = SessionFileWriter()
        try writer.header(header)
        writer.out.raw("\n")
        return writer.out.sink.bytes
    }

    /// One log line for `event`, line break included.
    static func eventLine(_ event: Event) throws -> [UInt8] {
        var writer = SessionFileWriter()
        try writer.eventLine(event)
        return writer.out.sink.bytes
    }

    /// The header: `format`, `version` and `session` first (its fields in the order it encodes
    /// them), the corpus and schema compact with sorted keys.
    private mutating func header(_ header: LogHeader) throws {
        out.raw("{\"format\":")
        out.string(header.format)
        out.raw(",\"version\":")
        out.integer(header.version)
        out.raw(",\"session\":")
        out.string(header.session)
        out.raw(",\"annotator\":")
        out.string(header.annotator)
        out.raw(",\"created\":")
        out.string(header.created)
        if let derivedFrom = header.derivedFrom {
            out.raw(",\"derived_from\":")
            out.strings(derivedFrom)
        }
        out.raw(",\"corpus\":")
        corpus(header.corpus)
        out.raw(",\"schema\":")
        try value(header.schema)
        out.raw("}")
    }

    private mutating func eventLine(_ event: Event) throws {
        out.raw("{\"event\":")
        try self.event(event)
        out.raw("}\n")
    }

    /// `,\n  "key": ` — a top-level field after the first.
    private mutating func field(_ key: StaticString) {
        out.raw(",\n  \"")
        out.raw(key)
        out.raw("\": ")
    }

    /// A top-level list: one element per line, `[]` when empty.
    private mutating func list<Element>(_ elements: [Element], _ element: (inout SessionFileWriter, Element) throws -> Void) rethrows {
        guard !elements.isEmpty else {
            out.raw("[]")
            return
        }
        out.raw("[\n    ")
        for (index, value) in elements.enumerated() {
            if index > 0 { out.raw(",\n    ") }
            try element(&self, value)
        }
        out.raw("\n  ]")
    }

    /// Any other value, compact, through `JSONEncoder`.
    private mutating func value<Value: Encodable>(_ value: Value) throws {
        let data = try encoder.encode(value)
        data.withUnsafeBytes { out.sink.append($0.bindMemory(to: UInt8.self)) }
    }

    /// The corpus reference, keys in sorted order (documents, paths, segmenter); it lists every
    /// document, so for a corpus of thousands it is worth writing directly.
    private mutating func corpus(_ corpus: CorpusReference) {
        out.raw("{\"documents\":[")
        for (index, document) in corpus.documents.enumerated() {
            out.raw(index == 0 ? "{\"fingerprint\":" : ",{\"fingerprint\":")
            out.string(document.fingerprint)
            out.raw(",\"id\":")
            out.string(document.id)
            out.raw(",\"sentences\":")
            out.integer(document.sentences)
            if let tokenization = document.tokenization {
                out.raw(",\"tokenization\":")
                out.string(tokenization)
            }
            out.raw("}")
        }
        out.raw("],\"paths\":")
        out.strings(corpus.paths)
        out.raw(",\"segmenter\":")
        out.string(corpus.segmenter)
        out.raw("}")
    }

    private mutating func record(_ record: Record) throws {
        if !out.encode(record) { try value(record) }
    }

    /// An event, keys in sorted order: action, annotator, document, group, id, record, review, sentence, seq, status, time.
    private mutating func event(_ event: Event) throws {
        out.raw("{\"action\":")
        out.string(event.action.name)
        out.raw(",\"annotator\":")
        out.string(event.annotator)
        if case .setStatus = event.action {} else { group(event) }
        switch event.action {
        case .add(let record), .replace(let record):
            out.raw(",\"record\":")
            try self.record(record)
            seqAndTime(event)
        case .delete(let id):
            out.raw(",\"id\":")
            out.string(id)
            seqAndTime(event)
        case .setStatus(let key, let status):
            out.raw(",\"document\":")
            out.string(key.document)
            group(event)
            out.raw(",\"sentence\":")
            out.integer(key.sentence)
            out.raw(",\"seq\":")
            out.integer(event.seq)
            out.raw(",\"status\":")
            out.string(status.rawValue)
            out.raw(",\"time\":")
            out.string(event.time)
            out.raw("}")
        case .review(let decision):
            out.raw(",\"review\":")
            try value(decision)
            seqAndTime(event)
        case .undo, .redo:
            seqAndTime(event)
        }
    }

    private mutating func group(_ event: Event) {
        guard let group = event.group else { return }
        out.raw(",\"group\":")
        out.integer(group)
    }

    private mutating func seqAndTime(_ event: Event) {
        out.raw(",\"seq\":")
        out.integer(event.seq)
        out.raw(",\"time\":")
        out.string(event.time)
        out.raw("}")
    }
}
