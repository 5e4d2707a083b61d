/// Two spans, one per annotator, paired for comparing their attributes.
struct SpanMatch: Sendable, Hashable {
    /// Index into the first annotator's spans.
    var first: Int
    /// Index into the second annotator's spans.
    var second: Int
    /// True when the spans are identical (same document and segments), false when they only overlap.
    var exact: Bool

    /// Creates a match.
    init(first: Int, second: Int, exact: Bool) {
        self.first = first
        self.second = second
        self.exact = exact
    }
}
