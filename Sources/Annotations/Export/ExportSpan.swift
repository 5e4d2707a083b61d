/// One text-bound annotation (speaker mention, cue or claim) prepared for export: its session,
/// document, sentence, scalar segments and the attributes exporters need.
public struct ExportSpan: Sendable, Hashable {
    /// The three span layers.
    public enum Kind: Int, Sendable, Hashable, CaseIterable, Comparable {
        case speaker, cue, claim

        /// Label used in brat and JSON (`Speaker`, `Cue`, `Claim`).
        public var label: String {
            switch self {
            case .speaker: return "Speaker"
            case .cue: return "Cue"
            case .claim: return "Claim"
            }
        }

        /// Lower-case role name (`speaker`, `cue`, `claim`).
        public var role: String {
            switch self {
            case .speaker: return "speaker"
            case .cue: return "cue"
            case .claim: return "claim"
            }
        }

        /// Upper-case tag for IOB and span labels (`SPEAKER`, `CUE`, `CLAIM`).
        public var tag: String {
            switch self {
            case .speaker: return "SPEAKER"
            case .cue: return "CUE"
            case .claim: return "CLAIM"
            }
        }

        /// The kind for a role or label, case-insensitively.
        public init?(name: String) {
            switch name.lowercased() {
            case "speaker", "mention": self = .speaker
            case "cue": self = .cue
            case "claim": self = .claim
            default: return nil
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Which layer.
    public var kind: Kind
    /// The annotation id in its session (`M1`, `Q1`, `C1`).
    public var id: String
    /// Index of the session in ``ExportBundle/sessions``.
    public var session: Int
    /// Index of the document in ``ExportBundle/documents``.
    public var document: Int
    /// Index of the sentence the span starts in (recomputed from the offsets).
    public var sentence: Int
    /// Scalar segments, sorted, end-exclusive.
    public var segments: [SpanSegment]
    /// Who made it.
    public var annotator: String
    /// Mentions: the speaker referred to; claims: the speaker the claim is attributed to.
    public var speaker: String?
    /// Claims: the mention naming the speaker (only when it is exported too).
    public var mention: String?
    /// Claims: every speaker, main first (``speaker`` is the first); mentions: their one speaker.
    public var speakers: [String] = []
    /// Claims: the mentions naming the speakers, main first (only those exported too; ``mention`` is the first).
    public var mentions: [String] = []
    /// Claims: the mentions the claim is addressed to (only those exported too).
    public var addressees: [String] = []
    /// Claims: the cue (only when it is exported too).
    public var cue: String?
    /// Claims: the form.
    public var form: String?
    /// Claims: negated.
    public var negated: Bool
    /// Claims: hedged.
    public var hedged: Bool
    /// Mentions: role or title at this mention.
    public var role: String?

    /// Creates a span.
    public init(
        kind: Kind, id: String, session: Int, document: Int, sentence: Int, segments: [SpanSegment], annotator: String,
        speaker: String? = nil, mention: String? = nil, cue: String? = nil, form: String? = nil, negated: Bool = false,
        hedged: Bool = false, role: String? = nil
    ) {
        self.kind = kind
        self.id = id
        self.session = session
        self.document = document
        self.sentence = sentence
        self.segments = segments
        self.annotator = annotator
        self.speaker = speaker
        self.mention = mention
        self.cue = cue
        self.form = form
        self.negated = negated
        self.hedged = hedged
        self.role = role
    }

    /// Start of the first segment.
    public var start: Int { segments.first?.start ?? 0 }
    /// End of the last segment.
    public var end: Int { segments.last?.end ?? 0 }

    /// Export order: start, longer first, layer, session, id.
    public static func precedes(_ lhs: ExportSpan, _ rhs: ExportSpan) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        if lhs.end != rhs.end { return lhs.end > rhs.end }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.session != rhs.session { return lhs.session < rhs.session }
        return AnnotationState.idOrder(lhs.id, rhs.id)
    }
}
