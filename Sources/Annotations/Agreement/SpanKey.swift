/// What makes two spans identical: the document and the exact segments.
struct SpanKey: Sendable, Hashable, Comparable {
    /// The document id.
    var document: String
    /// The segments.
    var segments: [SpanSegment]

    /// The key of an anchor.
    init(_ anchor: TextAnchor) {
        document = anchor.document
        segments = anchor.segments
    }

    static func < (lhs: SpanKey, rhs: SpanKey) -> Bool {
        if lhs.document != rhs.document { return lhs.document < rhs.document }
        return lhs.segments.lexicographicallyPrecedes(rhs.segments)
    }
}
