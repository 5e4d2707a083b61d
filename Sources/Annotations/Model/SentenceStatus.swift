/// Where a sentence stands in the annotation work.
public enum SentenceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not yet decided (the default).
    case open
    /// Annotated completely.
    case done
    /// Deliberately left out (boilerplate, captions).
    case skipped
    /// Needs a second look.
    case flagged
}
