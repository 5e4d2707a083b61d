/// What to include in an export.
public struct ExportOptions: Sendable, Hashable {
    /// Only these documents (nil: all), by id.
    public var documents: [String]?
    /// Only annotations whose review verdict is accepted or corrected.
    public var reviewedOnly: Bool

    /// Creates options; the default exports everything.
    public init(documents: [String]? = nil, reviewedOnly: Bool = false) {
        self.documents = documents
        self.reviewedOnly = reviewedOnly
    }
}
