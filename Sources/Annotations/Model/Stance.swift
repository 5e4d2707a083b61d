/// Where a speaker stands toward a target (a label of ``AnnotationSchema/stanceLabels``:
/// favor, against, none), with the claims that are its evidence. One stance per speaker and target.
public struct Stance: Sendable, Hashable, Codable {
    /// Identifier such as `P1`.
    public var id: String
    /// The canonical speaker.
    public var speaker: String
    /// The target.
    public var target: String
    /// The label.
    public var label: String
    /// Claim ids that support the stance.
    public var evidence: [String]
    /// Who made the annotation.
    public var annotator: String
    /// For adjudicated annotations: the annotators whose versions this one was taken from.
    public var sources: [String]?
    /// Where the annotation came from, when it was not typed (imported, suggested, adjudicated, reviewed).
    public var origin: Origin?

    /// Creates a stance.
    public init(
        id: String, speaker: String, target: String, label: String, evidence: [String] = [], annotator: String = "", sources: [String]? = nil,
        origin: Origin? = nil
    ) {
        self.id = id
        self.speaker = speaker
        self.target = target
        self.label = label
        self.evidence = evidence
        self.annotator = annotator
        self.sources = sources
        self.origin = origin
    }
}
