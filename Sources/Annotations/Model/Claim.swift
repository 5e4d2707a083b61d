/// A span of asserted content attributed to a speaker, with optional mention, cue, form and flags.
/// A claim may span several sentences; claims may overlap.
public struct Claim: Sendable, Hashable, Codable {
    /// Identifier such as `C1`.
    public var id: String
    /// Where the claim is.
    public var anchor: TextAnchor
    /// The canonical speaker it is attributed to, if known.
    public var speaker: String?
    /// The mention that names the speaker here, if any (the speaker may be named earlier).
    public var mention: String?
    /// The reporting cue, if any.
    public var cue: String?
    /// The form (a label of ``AnnotationSchema/claimForms``: direct, indirect, …), if set.
    public var form: String?
    /// The claim is negated.
    public var negated: Bool
    /// The claim is hedged.
    public var hedged: Bool
    /// Who made the annotation.
    public var annotator: String
    /// For adjudicated annotations: the annotators whose versions this one was taken from.
    public var sources: [String]?

    /// Creates a claim.
    public init(
        id: String, anchor: TextAnchor, speaker: String? = nil, mention: String? = nil, cue: String? = nil,
        form: String? = nil, negated: Bool = false, hedged: Bool = false, annotator: String = "", sources: [String]? = nil
    ) {
        self.id = id
        self.anchor = anchor
        self.speaker = speaker
        self.mention = mention
        self.cue = cue
        self.form = form
        self.negated = negated
        self.hedged = hedged
        self.annotator = annotator
        self.sources = sources
    }

    private enum CodingKeys: String, CodingKey {
        case id, anchor, speaker, mention, cue, form, negated, hedged, annotator, sources
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        anchor = try c.decode(TextAnchor.self, forKey: .anchor)
        speaker = try c.decodeIfPresent(String.self, forKey: .speaker)
        mention = try c.decodeIfPresent(String.self, forKey: .mention)
        cue = try c.decodeIfPresent(String.self, forKey: .cue)
        form = try c.decodeIfPresent(String.self, forKey: .form)
        negated = try c.decodeIfPresent(Bool.self, forKey: .negated) ?? false
        hedged = try c.decodeIfPresent(Bool.self, forKey: .hedged) ?? false
        annotator = try c.decodeIfPresent(String.self, forKey: .annotator) ?? ""
        sources = try c.decodeIfPresent([String].self, forKey: .sources)
    }
}
