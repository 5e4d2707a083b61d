/// A span address resolved against a sentence: scalar segments into the document text and the last
/// sentence the span reaches.
public struct ResolvedSpan: Sendable, Hashable {
    /// The segments (sorted, merged, non-empty).
    public var segments: [SpanSegment]
    /// The sentence the span starts in (0-based).
    public var sentence: Int
    /// The sentence the span ends in (0-based; equal to ``sentence`` for one-sentence spans).
    public var lastSentence: Int

    /// Creates a resolved span.
    public init(segments: [SpanSegment], sentence: Int, lastSentence: Int) {
        self.segments = segments
        self.sentence = sentence
        self.lastSentence = lastSentence
    }

    /// True when the span runs on past its first sentence.
    public var crossesSentences: Bool { lastSentence > sentence }
}
