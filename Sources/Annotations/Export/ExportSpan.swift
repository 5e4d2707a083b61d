/// One text-bound annotation (speaker mention, cue or claim) prepared for export: its session,
/// document, sentence, scalar segments and the attributes exporters need.
struct ExportSpan: Sendable, Hashable {
    /// The three span layers.
    enum Kind: Int, Sendable, Hashable, CaseIterable, Comparable {
        case speaker, cue, claim

        /// Label used in brat and JSON (`Speaker`, `Cue`, `Claim`), as a fixed string that holds
        /// nothing JSON escapes (written as it is by ``ExportPrettyJSON/plain(_:)``).
        var staticLabel: StaticString {
            switch self {
            case .speaker: return "Speaker"
            case .cue: return "Cue"
            case .claim: return "Claim"
            }
        }

        /// Label used in brat and JSON (`Speaker`, `Cue`, `Claim`): ``staticLabel`` as a `String`.
        var label: String { staticLabel.description }

        /// Lower-case role name (`speaker`, `cue`, `claim`).
        var role: String {
            switch self {
            case .speaker: return "speaker"
            case .cue: return "cue"
            case .claim: return "claim"
            }
        }

        /// Upper-case tag for IOB and span labels (`SPEAKER`, `CUE`, `CLAIM`).
        var tag: String {
            switch self {
            case .speaker: return "SPEAKER"
            case .cue: return "CUE"
            case .claim: return "CLAIM"
            }
        }

        /// The kind for a role or label, case-insensitively.
        init?(name: String) {
            switch name.lowercased() {
            case "speaker", "mention": self = .speaker
            case "cue": self = .cue
            case "claim": self = .claim
            default: return nil
            }
        }

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Which layer.
    var kind: Kind
    /// Index of the session in ``ExportBundle/sessions``.
    var session: Int
    /// Index of the document in ``ExportBundle/documents``.
    var document: Int
    /// Index of the sentence the span starts in (recomputed from the offsets).
    var sentence: Int
    /// Claims: negated.
    var negated: Bool
    /// Claims: hedged.
    var hedged: Bool
    /// Start of the first segment.
    private(set) var start: Int
    /// End of the last segment.
    private(set) var end: Int
    /// The reference-counted fields, shared between copies until one of them changes: exporters
    /// copy spans out of the bundle millions of times, and a copy then costs one retain instead
    /// of one per string and array.
    private var shared: SharedFields

    /// The annotation id in its session (`M1`, `Q1`, `C1`).
    var id: String {
        get { shared.id }
        set { unique().id = newValue }
    }
    /// Scalar segments, sorted, end-exclusive.
    var segments: [SpanSegment] {
        get { shared.segments }
        set {
            start = newValue.first?.start ?? 0
            end = newValue.last?.end ?? 0
            unique().segments = newValue
        }
    }
    /// Who made it.
    var annotator: String {
        get { shared.annotator }
        set { unique().annotator = newValue }
    }
    /// Mentions: the speaker referred to; claims: the speaker the claim is attributed to.
    var speaker: String? {
        get { shared.speaker }
        set { unique().speaker = newValue }
    }
    /// Claims: the mention naming the speaker (only when it is exported too).
    var mention: String? {
        get { shared.mention }
        set { unique().mention = newValue }
    }
    /// Claims: every speaker, main first (``speaker`` is the first); mentions: their one speaker.
    var speakers: [String] {
        get { shared.speakers }
        set { unique().speakers = newValue }
    }
    /// Claims: the mentions naming the speakers, main first (only those exported too; ``mention`` is the first).
    var mentions: [String] {
        get { shared.mentions }
        set { unique().mentions = newValue }
    }
    /// Claims: the mentions the claim is addressed to (only those exported too).
    var addressees: [String] {
        get { shared.addressees }
        set { unique().addressees = newValue }
    }
    /// Claims: the cue (only when it is exported too).
    var cue: String? {
        get { shared.cue }
        set { unique().cue = newValue }
    }
    /// Claims: the form.
    var form: String? {
        get { shared.form }
        set { unique().form = newValue }
    }
    /// Mentions: role or title at this mention.
    var role: String? {
        get { shared.role }
        set { unique().role = newValue }
    }
    /// Claims: their attributes (SpkAtt's `stwr`, …), carried so that an exporter that writes them
    /// needs no session state holding the claims.
    var attributes: [String: String]? {
        get { shared.attributes }
        set { unique().attributes = newValue }
    }

    /// Creates a span.
    init(
        kind: Kind, id: String, session: Int, document: Int, sentence: Int, segments: [SpanSegment], annotator: String,
        speaker: String? = nil, mention: String? = nil, cue: String? = nil, form: String? = nil, negated: Bool = false,
        hedged: Bool = false, role: String? = nil
    ) {
        self.kind = kind
        self.session = session
        self.document = document
        self.sentence = sentence
        self.negated = negated
        self.hedged = hedged
        self.start = segments.first?.start ?? 0
        self.end = segments.last?.end ?? 0
        self.shared = SharedFields(
            id: id, segments: segments, annotator: annotator, speaker: speaker, mention: mention, cue: cue, form: form, role: role)
    }

    /// The shared fields, copied first when another span still holds them.
    private mutating func unique() -> SharedFields {
        if !isKnownUniquelyReferenced(&shared) { shared = shared.copy() }
        return shared
    }

    static func == (lhs: ExportSpan, rhs: ExportSpan) -> Bool {
        lhs.kind == rhs.kind && lhs.session == rhs.session && lhs.document == rhs.document && lhs.sentence == rhs.sentence
            && lhs.negated == rhs.negated && lhs.hedged == rhs.hedged && (lhs.shared === rhs.shared || lhs.shared.same(as: rhs.shared))
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(session)
        hasher.combine(document)
        hasher.combine(sentence)
        hasher.combine(negated)
        hasher.combine(hedged)
        shared.hash(into: &hasher)
    }

    /// The reference-counted fields of a span. Changed only through ``ExportSpan/unique()``, i.e.
    /// only while one span holds them, so sharing them between threads is safe.
    private final class SharedFields: @unchecked Sendable {
        var id: String
        var segments: [SpanSegment]
        var annotator: String
        var speaker: String?
        var mention: String?
        var speakers: [String] = []
        var mentions: [String] = []
        var addressees: [String] = []
        var cue: String?
        var form: String?
        var role: String?
        var attributes: [String: String]?

        init(
            id: String, segments: [SpanSegment], annotator: String, speaker: String?, mention: String?, cue: String?, form: String?,
            role: String?
        ) {
            self.id = id
            self.segments = segments
            self.annotator = annotator
            self.speaker = speaker
            self.mention = mention
            self.cue = cue
            self.form = form
            self.role = role
        }

        func copy() -> SharedFields {
            let copy = SharedFields(
                id: id, segments: segments, annotator: annotator, speaker: speaker, mention: mention, cue: cue, form: form, role: role)
            copy.speakers = speakers
            copy.mentions = mentions
            copy.addressees = addressees
            copy.attributes = attributes
            return copy
        }

        func same(as other: SharedFields) -> Bool {
            id == other.id && segments == other.segments && annotator == other.annotator && speaker == other.speaker
                && mention == other.mention && speakers == other.speakers && mentions == other.mentions
                && addressees == other.addressees && cue == other.cue && form == other.form && role == other.role
                && attributes == other.attributes
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(segments)
            hasher.combine(annotator)
            hasher.combine(speaker)
            hasher.combine(mention)
            hasher.combine(speakers)
            hasher.combine(mentions)
            hasher.combine(addressees)
            hasher.combine(cue)
            hasher.combine(form)
            hasher.combine(role)
            hasher.combine(attributes)
        }
    }

    /// Export order: start, longer first, layer, session, id.
    static func precedes(_ lhs: ExportSpan, _ rhs: ExportSpan) -> Bool {
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        if lhs.end != rhs.end { return lhs.end > rhs.end }
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.session != rhs.session { return lhs.session < rhs.session }
        return AnnotationState.idOrder(lhs.id, rhs.id)
    }
}
