import Foundation

/// Writes a mention, cue or claim (and speakers, targets and stances) as the exact bytes ``SessionCodec/encode(_:)`` gives it inside a
/// session file (compact JSON, keys sorted, slashes not escaped), so a stored annotation can be
/// compared with a record byte for byte instead of being decoded.
///
/// Strings are escaped as `JSONEncoder` escapes them (`\"`, `\\`, `\n`, `\t`, `\r`, `\b`, `\f`,
/// other control characters as `\u00xx`; everything else as it is). Equal bytes therefore mean an
/// equal record; different bytes mean nothing by themselves (the stored file may have been written
/// another way), and the caller then compares the decoded record.
struct CompactRecordEncoder<Sink: CompactRecordSink> {
    /// Where the bytes go.
    var sink: Sink

    /// An encoder writing to `sink`.
    init(_ sink: Sink) {
        self.sink = sink
    }

    /// Writes `record` to the sink; false for the kinds it does not write (notes, statuses, reviews).
    mutating func encode(_ record: Record) -> Bool {
        switch record {
        case .mention(let mention):
            raw("{\"anchor\":")
            mention.anchor.writeCompact(to: &self)
            field("annotator", mention.annotator)
            field("id", mention.id)
            if let origin = mention.origin { self.origin(origin) }
            if let role = mention.role { field("role", role) }
            if let sources = mention.sources { list("sources", sources) }
            field("speaker", mention.speaker)
            raw(",\"type\":\"mention\"}")
        case .cue(let cue):
            raw("{\"anchor\":")
            cue.anchor.writeCompact(to: &self)
            field("annotator", cue.annotator)
            field("id", cue.id)
            if let origin = cue.origin { self.origin(origin) }
            if let sources = cue.sources { list("sources", sources) }
            raw(",\"type\":\"cue\"}")
        case .claim(let claim):
            if claim.addressees.isEmpty {
                raw("{\"anchor\":")
            } else {
                raw("{\"addressees\":")
                strings(claim.addressees)
                raw(",\"anchor\":")
            }
            claim.anchor.writeCompact(to: &self)
            field("annotator", claim.annotator)
            if let attributes = claim.attributes { self.attributes(attributes) }
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
        case .speaker(let speaker): self.speaker(speaker, typed: true)
        case .target(let target): self.target(target, typed: true)
        case .stance(let stance): self.stance(stance, typed: true)
        default:
            return false
        }
        return true
    }

    /// A speaker: `{"aliases":[…],"annotator":…,"id":…,"kind":…,"name":…,"origin":…}` (origin if any), with `"type"` as a record.
    mutating func speaker(_ speaker: Speaker, typed: Bool) {
        raw("{\"aliases\":")
        strings(speaker.aliases)
        field("annotator", speaker.annotator)
        field("id", speaker.id)
        field("kind", speaker.kind)
        field("name", speaker.name)
        if let origin = speaker.origin { self.origin(origin) }
        raw(typed ? ",\"type\":\"speaker\"}" : "}")
    }

    /// A target: `{"annotator":…,"id":…,"origin":…,"text":…}` (origin if any), with `"type"` as a record.
    mutating func target(_ target: Target, typed: Bool) {
        raw("{\"annotator\":")
        string(target.annotator)
        field("id", target.id)
        if let origin = target.origin { self.origin(origin) }
        field("text", target.text)
        raw(typed ? ",\"type\":\"target\"}" : "}")
    }

    /// A stance: annotator, evidence, id, label, origin and sources (if any), speaker, target, and `"type"` as a record.
    mutating func stance(_ stance: Stance, typed: Bool) {
        raw("{\"annotator\":")
        string(stance.annotator)
        list("evidence", stance.evidence)
        field("id", stance.id)
        field("label", stance.label)
        if let origin = stance.origin { self.origin(origin) }
        if let sources = stance.sources { list("sources", sources) }
        field("speaker", stance.speaker)
        field("target", stance.target)
        raw(typed ? ",\"type\":\"stance\"}" : "}")
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
        raw(",\"before\":")
        string(anchor.before)
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

    /// `,"attributes":{"a":"b",…}` with the keys sorted as `JSONEncoder` sorts them.
    private mutating func attributes(_ values: [String: String]) {
        raw(",\"attributes\":{")
        for (index, key) in values.keys.sorted().enumerated() {
            if index > 0 { raw(",") }
            string(key)
            raw(":")
            string(values[key] ?? "")
        }
        raw("}")
    }

    /// `,"key":["a","b"]`.
    private mutating func list(_ key: StaticString, _ values: [String]) {
        raw(",\"")
        raw(key)
        raw("\":")
        strings(values)
    }

    /// `["a","b"]`.
    mutating func strings(_ values: [String]) {
        raw("[")
        for (index, value) in values.enumerated() {
            if index > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    /// Writes `value` as a JSON string, escaped as `JSONEncoder` escapes it.
    mutating func string(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ utf8 in string(utf8: utf8) }) == nil {
            var copy = value
            copy.withUTF8 { string(utf8: $0) }
        }
    }

    private mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        sink.append(UInt8(ascii: "\""))
        var plain = 0
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            sink.append(UnsafeBufferPointer(rebasing: utf8[plain..<index]))
            plain = index + 1
            sink.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): sink.append(byte)
            case 0x08: sink.append(UInt8(ascii: "b"))
            case 0x09: sink.append(UInt8(ascii: "t"))
            case 0x0A: sink.append(UInt8(ascii: "n"))
            case 0x0C: sink.append(UInt8(ascii: "f"))
            case 0x0D: sink.append(UInt8(ascii: "r"))
            default:
                let hex: StaticString = "0123456789abcdef"
                raw("u00")
                sink.append(hex.utf8Start[Int(byte >> 4)])
                sink.append(hex.utf8Start[Int(byte & 15)])
            }
        }
        sink.append(UnsafeBufferPointer(rebasing: utf8[plain...]))
        sink.append(UInt8(ascii: "\""))
    }

    /// Writes a decimal integer.
    mutating func integer(_ value: Int) {
        if value < 0 { sink.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { sink.append(buffer[index]) }
        }
    }

    /// Writes ASCII text as it is.
    mutating func raw(_ text: StaticString) {
        sink.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}

/// Where ``CompactRecordEncoder`` writes.
protocol CompactRecordSink {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// Collects the bytes; or, made with ``init(comparingWith:from:)``, compares them with the bytes of
/// a file from an offset on as they are written, keeping at most about 64 KiB of them at a time.
struct CompactRecordBytes: CompactRecordSink {
    /// The bytes written so far (when comparing: since the last comparison).
    var bytes: [UInt8] = []
    private var expected: UnsafeBufferPointer<UInt8>?
    private var position = 0
    private var differs = false
    /// How many bytes are collected before they are compared.
    private static let comparedAtOnce = 1 << 16

    /// A sink that keeps every byte.
    init() {}

    /// A sink that compares the bytes with `expected` from offset `start` on and drops them.
    init(comparingWith expected: UnsafeBufferPointer<UInt8>, from start: Int) {
        self.expected = expected
        position = start
        bytes.reserveCapacity(Self.comparedAtOnce + 4_096)
    }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes.append(contentsOf: bytes)
        if expected != nil, self.bytes.count >= Self.comparedAtOnce { compare() }
    }

    private mutating func compare() {
        defer { bytes.removeAll(keepingCapacity: true) }
        guard let expected, let base = expected.baseAddress, !differs else { return }
        guard bytes.count <= expected.count - position, memcmp(base + position, bytes, bytes.count) == 0 else {
            differs = true
            return
        }
        position += bytes.count
    }

    /// When comparing: the offset in the expected bytes where the bytes written end, or nil when
    /// they differ from the expected ones (or run past their end).
    mutating func endOfComparison() -> Int? {
        compare()
        return differs ? nil : position
    }
}

extension TextAnchor {
    /// Writes the anchor with `encoder`. Called as a member of the stored anchor
    /// (`mention.anchor.writeCompact(to:)`), it does not copy the anchor, which passing
    /// `mention.anchor` as an argument did (six retains and releases per record).
    fileprivate func writeCompact<Sink: CompactRecordSink>(to encoder: inout CompactRecordEncoder<Sink>) {
        encoder.anchor(self)
    }
}
