import Foundation

/// Writes a session file as ``SessionCodec/encode(_:)`` lays it out — compact JSON with sorted keys
/// (`JSONEncoder`'s bytes), each top-level field on a line of its own and each element of a
/// top-level list on one line (``SessionLayout``) — without building the whole file through
/// `JSONEncoder`: mentions, cues, claims, speakers, targets, stances, statuses, the events around
/// them and the corpus reference (a line per document) are written with ``CompactRecordEncoder``;
/// only notes, reviews, rejections, the schema and the cursor go through `JSONEncoder`, one value at a time.
/// For a session of 100 000 annotations this is the difference between seconds and a fraction of
/// one, which the annotator feels at every autosave. Tests compare its bytes with the old way's.
struct SessionFileWriter {
    private var out = CompactRecordEncoder(CompactRecordBytes())
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    /// The file's bytes, ending in a line break.
    static func bytes(of file: SessionFile) throws -> [UInt8] {
        var writer = SessionFileWriter()
        try writer.write(file)
        return writer.out.sink.bytes
    }

    private mutating func write(_ file: SessionFile) throws {
        out.raw("{\n  \"annotations\": ")
        try list(file.annotations) { writer, record in try writer.record(record) }
        field("annotator")
        out.string(file.annotator)
        field("corpus")
        corpus(file.corpus)
        field("created")
        out.string(file.created)
        if let cursor = file.cursor {
            field("cursor")
            try value(cursor)
        }
        if let derivedFrom = file.derivedFrom {
            field("derived_from")
            list(derivedFrom) { writer, path in writer.out.string(path) }
        }
        field("events")
        try list(file.events) { writer, event in try writer.event(event) }
        field("format")
        out.string(file.format)
        if let id = file.id {
            field("id")
            out.string(id)
        }
        field("notes")
        try list(file.notes) { writer, note in try writer.value(note) }
        if let rejections = file.rejections {
            field("rejections")
            try list(rejections) { writer, rejection in try writer.value(rejection) }
        }
        field("reviews")
        try list(file.reviews) { writer, review in try writer.value(review) }
        field("schema")
        try value(file.schema)
        if let settings = file.settings {
            field("settings")
            try value(settings)
        }
        field("speakers")
        list(file.speakers) { writer, speaker in writer.out.speaker(speaker, typed: false) }
        field("stances")
        list(file.stances) { writer, stance in writer.out.stance(stance, typed: false) }
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
        field("targets")
        list(file.targets) { writer, target in writer.out.target(target, typed: false) }
        field("updated")
        out.string(file.updated)
        field("version")
        out.integer(file.version)
        out.raw("\n}\n")
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
