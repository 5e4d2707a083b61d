/// One contiguous piece of a span: Unicode-scalar offsets into the document text, end-exclusive.
public struct SpanSegment: Sendable, Hashable, Codable, Comparable {
    /// Start offset (scalars).
    public var start: Int
    /// End offset (scalars, exclusive).
    public var end: Int

    /// Creates a segment.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// The segment as a range.
    public var range: Range<Int> { start..<end }

    public static func < (lhs: SpanSegment, rhs: SpanSegment) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
