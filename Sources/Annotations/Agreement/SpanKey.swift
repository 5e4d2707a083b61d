/// What makes two spans identical: the document and the exact segments.
struct SpanKey: Sendable, Hashable, Comparable {
    /// The document id.
    public var document: String
    /// The segments.
    public var segments: [SpanSegment]

    /// The key of an anchor.
    public init(_ anchor: TextAnchor) {
        document = anchor.document
        segments = anchor.segments
    }

    public static func < (lhs: SpanKey, rhs: SpanKey) -> Bool {
        if lhs.document != rhs.document { return lhs.document < rhs.document }
        return lhs.segments.lexicographicallyPrecedes(rhs.segments)
    }
}
