/// A proposal of the suggestion engine that the annotator turned down, so it is not proposed again
/// (also after reopening the session). It is state like any annotation: added by an event, undone
/// by `undo`, stored in the session file under `rejections`.
///
/// A proposal is identified by where it is, not by its wording: the document, the claim's segments
/// and the cue's segments (Unicode-scalar offsets into the document text, end-exclusive). The rule
/// and the speaker segments are kept for statistics and for reading the file.
public struct Rejection: Sendable, Hashable, Codable {
    /// Identifier such as `X1`.
    public var id: String
    /// The document the proposal is in.
    public var document: String
    /// Index of the sentence holding the claim's start.
    public var sentence: Int
    /// The name of the rule that made the proposal.
    public var rule: String
    /// The proposed claim's segments.
    public var claimSegments: [SpanSegment]
    /// The proposed cue's segments (empty when the proposal had no cue).
    public var cueSegments: [SpanSegment]
    /// The proposed speakers' segments, all speakers together (empty when it named none).
    public var speakerSegments: [SpanSegment]
    /// Who rejected it.
    public var annotator: String

    /// Creates a rejection.
    public init(
        id: String, document: String, sentence: Int, rule: String, claimSegments: [SpanSegment], cueSegments: [SpanSegment] = [],
        speakerSegments: [SpanSegment] = [], annotator: String = ""
    ) {
        self.id = id
        self.document = document
        self.sentence = sentence
        self.rule = rule
        self.claimSegments = claimSegments
        self.cueSegments = cueSegments
        self.speakerSegments = speakerSegments
        self.annotator = annotator
    }

    /// True when this rejection is about the proposal with these claim and cue segments in `document`.
    public func matches(document: String, claim: [SpanSegment], cue: [SpanSegment]) -> Bool {
        self.document == document && claimSegments == claim && cueSegments == cue
    }

    private enum CodingKeys: String, CodingKey {
        case id, document, sentence, rule, annotator
        case claimSegments = "claim_segments", cueSegments = "cue_segments", speakerSegments = "speaker_segments"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        document = try c.decode(String.self, forKey: .document)
        sentence = try c.decode(Int.self, forKey: .sentence)
        rule = try c.decode(String.self, forKey: .rule)
        claimSegments = try c.decode([SpanSegment].self, forKey: .claimSegments)
        cueSegments = try c.decodeIfPresent([SpanSegment].self, forKey: .cueSegments) ?? []
        speakerSegments = try c.decodeIfPresent([SpanSegment].self, forKey: .speakerSegments) ?? []
        annotator = try c.decodeIfPresent(String.self, forKey: .annotator) ?? ""
    }
}
