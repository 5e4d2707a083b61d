import Foundation

/// Where a session file laid out by ``SessionLayout`` (each top-level field on a line of its own,
/// indented by two spaces) has its event list and its schema, found without parsing it.
///
/// These are guesses: a line break is never part of a JSON string, but a file written by hand may
/// be laid out differently. Whoever uses them confirms them while parsing the file from the start.
struct SessionFileLandmarks {
    /// Offset of the `[` that opens the event list.
    var events: Int
    /// Offset of the `{` that opens the schema.
    var schema: Int
    /// Offset of an annotation near the middle of the annotation list (files of 1 MB or more).
    var annotationsMiddle: Int?

    /// The landmarks of `bytes`, or nil when the layout is not the usual one.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let events = Self.firstValue(of: "events", opening: "[", in: bytes),
            let schema = Self.lastValue(of: "schema", opening: "{", in: bytes)
        else { return nil }
        self.events = events
        self.schema = schema
        annotationsMiddle = events >= (1 << 20) ? EventListSplit.likelyElementStart(in: bytes, from: events / 2) : nil
        if let middle = annotationsMiddle, middle >= events { annotationsMiddle = nil }
    }

    /// The schema decoded where it was found (to be checked against the file's once it is read).
    func schema(in bytes: UnsafeBufferPointer<UInt8>) -> AnnotationSchema? {
        var decoder = SessionFileDecoder(bytes, at: schema)
        return try? decoder.annotationSchema()
    }

    /// The start of an event about `share` of the way through the event list (which is taken to end
    /// where the schema follows it), or nil when the list is shorter than `minimumSize` bytes.
    func likelyEventStart(at share: Double, in bytes: UnsafeBufferPointer<UInt8>, minimumSize: Int) -> Int? {
        let listEnd = schema > events ? schema : bytes.count
        guard listEnd - events >= minimumSize else { return nil }
        return EventListSplit.likelyElementStart(in: bytes, from: events + Int(Double(listEnd - events) * share))
    }

    /// The line `  "<key>": ` followed by `opening`: the offset of `opening` at its first occurrence.
    static func firstValue(of key: String, opening: Character, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let needle = Array("\n  \"\(key)\": ".utf8)
        guard let base = bytes.baseAddress else { return nil }
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            let line = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if let offset = value(at: line, needle: needle, opening: opening, in: bytes) { return offset }
            start = line + 1
        }
        return nil
    }

    /// The same at the last line starting with `  "<key>": `, searching from the end.
    private static func lastValue(of key: String, opening: Character, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let needle = Array("\n  \"\(key)\": ".utf8)
        var line = bytes.count - 1
        while line >= 0 {
            if bytes[line] == 0x0A, let offset = value(at: line, needle: needle, opening: opening, in: bytes) { return offset }
            line -= 1
        }
        return nil
    }

    /// The offset of `opening` when the bytes at `line` are `needle` followed by it.
    private static func value(at line: Int, needle: [UInt8], opening: Character, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let offset = line + needle.count
        guard offset < bytes.count, let base = bytes.baseAddress, memcmp(base + line, needle, needle.count) == 0,
            bytes[offset] == opening.asciiValue
        else { return nil }
        return offset
    }
}
