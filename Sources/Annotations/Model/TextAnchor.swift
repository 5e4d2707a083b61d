/// Where a text-bound annotation sits: document, first sentence, scalar segments (several for
/// discontinuous spans such as "fügte … hinzu"), the exact quoted text and a little context, so the
/// annotation can be verified and re-anchored when the corpus changes.
public struct TextAnchor: Sendable, Hashable, Codable {
    /// The document id.
    public var document: String
    /// Index of the sentence the span starts in.
    public var sentence: Int
    /// The span's pieces, sorted, non-overlapping, non-empty.
    public var segments: [SpanSegment]
    /// The exact text: the segments' texts joined by ``TextAnchor/gapMarker``.
    public var text: String
    /// Up to ``TextAnchor/contextLength`` scalars before the first segment.
    public var before: String
    /// Up to ``TextAnchor/contextLength`` scalars after the last segment.
    public var after: String
    /// Content hash of the sentence the span starts in, when it was made (see ``Sentence/contentHash``).
    public var sentenceHash: String
    /// True when re-anchoring could not find the text in a changed corpus; the offsets are then stale.
    public var orphaned: Bool

    /// Separator between the texts of discontinuous segments.
    public static let gapMarker = " … "
    /// How many scalars of context are kept on each side.
    public static let contextLength = 24

    /// Creates an anchor from its parts.
    public init(
        document: String, sentence: Int, segments: [SpanSegment], text: String, before: String, after: String,
        sentenceHash: String, orphaned: Bool = false
    ) {
        self.document = document
        self.sentence = sentence
        self.segments = segments
        self.text = text
        self.before = before
        self.after = after
        self.sentenceHash = sentenceHash
        self.orphaned = orphaned
    }

    /// Start of the first segment.
    public var start: Int { segments.first?.start ?? 0 }
    /// End of the last segment.
    public var end: Int { segments.last?.end ?? 0 }

    /// True when the segments are non-empty, each non-empty, sorted and non-overlapping, and offsets are non-negative.
    public var hasWellFormedSegments: Bool {
        guard let first = segments.first, first.start >= 0 else { return false }
        var previousEnd = -1
        for segment in segments {
            if segment.start >= segment.end || segment.start < previousEnd { return false }
            previousEnd = segment.end
        }
        return true
    }

    /// What makes the anchor unusable in a state (segments not well formed, no document, a
    /// negative sentence), worded to follow the annotation's id; nil when it is usable. Read as a
    /// member of the stored anchor (`mention.anchor.problem`), it does not copy the anchor.
    var problem: String? {
        guard hasWellFormedSegments else { return "needs non-empty, sorted, non-overlapping segments with offsets ≥ 0" }
        if document.isEmpty { return "names no document" }
        if sentence < 0 { return "names sentence \(sentence)" }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case document, sentence, segments, text, before, after, sentenceHash = "sentence_hash", orphaned
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decode(String.self, forKey: .document)
        sentence = try container.decode(Int.self, forKey: .sentence)
        segments = try container.decode([SpanSegment].self, forKey: .segments)
        text = try container.decode(String.self, forKey: .text)
        before = try container.decodeIfPresent(String.self, forKey: .before) ?? ""
        after = try container.decodeIfPresent(String.self, forKey: .after) ?? ""
        sentenceHash = try container.decodeIfPresent(String.self, forKey: .sentenceHash) ?? ""
        orphaned = try container.decodeIfPresent(Bool.self, forKey: .orphaned) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(document, forKey: .document)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(segments, forKey: .segments)
        try container.encode(text, forKey: .text)
        try container.encode(before, forKey: .before)
        try container.encode(after, forKey: .after)
        try container.encode(sentenceHash, forKey: .sentenceHash)
        if orphaned { try container.encode(true, forKey: .orphaned) }
    }
}
