/// A sentence a pre-tokenized document brought with it: its id in the source (if it had one) and
/// its tokens as scalar ranges into the document text. A document with given sentences is never
/// re-segmented or re-tokenized: ``SegmentedDocument`` uses these sentences and tokens exactly.
public struct GivenSentence: Sendable, Hashable, Codable {
    /// The sentence's id in the source (`{"id": …, "tokens": …}`), kept for writing the corpus back.
    public var id: String?
    /// The tokens, in order, as scalar ranges into the document text (non-empty, non-overlapping).
    public var tokens: [SpanSegment]

    /// Creates a sentence.
    public init(id: String? = nil, tokens: [SpanSegment]) {
        self.id = id
        self.tokens = tokens
    }
}
