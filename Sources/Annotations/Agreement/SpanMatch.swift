/// Two spans, one per annotator, paired for comparing their attributes.
struct SpanMatch: Sendable, Hashable {
    /// Index into the first annotator's spans.
    public var first: Int
    /// Index into the second annotator's spans.
    public var second: Int
    /// True when the spans are identical (same document and segments), false when they only overlap.
    public var exact: Bool

    /// Creates a match.
    public init(first: Int, second: Int, exact: Bool) {
        self.first = first
        self.second = second
        self.exact = exact
    }
}
