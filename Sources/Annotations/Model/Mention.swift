/// A span of text that refers to a speaker, with the role or title used at that mention
/// ("russischer UN-Botschafter").
public struct Mention: Sendable, Hashable, Codable {
    /// Identifier such as `M1`.
    public var id: String
    /// Where the mention is.
    public var anchor: TextAnchor
    /// The speaker it refers to.
    public var speaker: String
    /// Role or title at this mention, if any.
    public var role: String?
    /// Who made the annotation.
    public var annotator: String
    /// For adjudicated annotations: the annotators whose versions this one was taken from.
    public var sources: [String]?

    /// Creates a mention.
    public init(id: String, anchor: TextAnchor, speaker: String, role: String? = nil, annotator: String = "", sources: [String]? = nil) {
        self.id = id
        self.anchor = anchor
        self.speaker = speaker
        self.role = role
        self.annotator = annotator
        self.sources = sources
    }
}
