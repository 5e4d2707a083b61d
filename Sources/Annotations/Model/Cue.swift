/// A reporting expression ("sagte", "fügte … hinzu", "warf … vor"); may be discontinuous.
public struct Cue: Sendable, Hashable, Codable {
    /// Identifier such as `Q1`.
    public var id: String
    /// Where the cue is.
    public var anchor: TextAnchor
    /// Who made the annotation.
    public var annotator: String
    /// For adjudicated annotations: the annotators whose versions this one was taken from.
    public var sources: [String]?

    /// Creates a cue.
    public init(id: String, anchor: TextAnchor, annotator: String = "", sources: [String]? = nil) {
        self.id = id
        self.anchor = anchor
        self.annotator = annotator
        self.sources = sources
    }
}
