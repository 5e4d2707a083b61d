/// A span of asserted content attributed to a speaker, with optional mention, cue, form and flags.
/// A claim may span several sentences; claims may overlap.
///
/// The fields live in one copy-on-write cell, so a claim is one reference wide and copying it is a
/// retain; it still behaves as a value.
public struct Claim: Sendable, Hashable, Codable {
    /// The stored fields; their JSON form is the claim's.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var anchor: TextAnchor
        var speaker: String?
        var mention: String?
        var cue: String?
        var form: String?
        var negated: Bool
        var hedged: Bool
        var annotator: String
        var sources: [String]?
        var origin: Origin?
        var attributes: [String: String]?

        init(
            id: String, anchor: TextAnchor, speaker: String?, mention: String?, cue: String?, form: String?, negated: Bool,
            hedged: Bool, annotator: String, sources: [String]?, origin: Origin?, attributes: [String: String]?
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
            self.origin = origin
            self.attributes = attributes
        }

        private enum CodingKeys: String, CodingKey {
            case id, anchor, speaker, mention, cue, form, negated, hedged, annotator, sources, origin, attributes
        }

        init(from decoder: any Decoder) throws {
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
            origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
            attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes)
        }
    }

    private var box: CopyOnWriteBox<Fields>

    /// Identifier such as `C1`.
    public var id: String {
        _read { yield box.value.id }
        set { CopyOnWriteBox.unique(&box); box.value.id = newValue }
    }
    /// Where the claim is.
    public var anchor: TextAnchor {
        _read { yield box.value.anchor }
        set { CopyOnWriteBox.unique(&box); box.value.anchor = newValue }
    }
    /// The canonical speaker it is attributed to, if known.
    public var speaker: String? {
        _read { yield box.value.speaker }
        set { CopyOnWriteBox.unique(&box); box.value.speaker = newValue }
    }
    /// The mention that names the speaker here, if any (the speaker may be named earlier).
    public var mention: String? {
        _read { yield box.value.mention }
        set { CopyOnWriteBox.unique(&box); box.value.mention = newValue }
    }
    /// The reporting cue, if any.
    public var cue: String? {
        _read { yield box.value.cue }
        set { CopyOnWriteBox.unique(&box); box.value.cue = newValue }
    }
    /// The form (a label of ``AnnotationSchema/claimForms``: direct, indirect, …), if set.
    public var form: String? {
        _read { yield box.value.form }
        set { CopyOnWriteBox.unique(&box); box.value.form = newValue }
    }
    /// The claim is negated.
    public var negated: Bool {
        _read { yield box.value.negated }
        set { CopyOnWriteBox.unique(&box); box.value.negated = newValue }
    }
    /// The claim is hedged.
    public var hedged: Bool {
        _read { yield box.value.hedged }
        set { CopyOnWriteBox.unique(&box); box.value.hedged = newValue }
    }
    /// Who made the annotation.
    public var annotator: String {
        _read { yield box.value.annotator }
        set { CopyOnWriteBox.unique(&box); box.value.annotator = newValue }
    }
    /// For adjudicated annotations: the annotators whose versions this one was taken from.
    public var sources: [String]? {
        _read { yield box.value.sources }
        set { CopyOnWriteBox.unique(&box); box.value.sources = newValue }
    }

    /// Where the annotation came from, when it was not typed (imported, suggested, adjudicated, reviewed).
    public var origin: Origin? {
        _read { yield box.value.origin }
        set { CopyOnWriteBox.unique(&box); box.value.origin = newValue }
    }

    /// Further attributes from an exchange format that the model has no field for (SpkAtt's
    /// `stwr`, `is_nested`, `has_nested`, `addressees`, `more_sources`, `frame`), as name → value; nil when none.
    public var attributes: [String: String]? {
        _read { yield box.value.attributes }
        set { CopyOnWriteBox.unique(&box); box.value.attributes = newValue }
    }

    /// Creates a claim.
    public init(
        id: String, anchor: TextAnchor, speaker: String? = nil, mention: String? = nil, cue: String? = nil,
        form: String? = nil, negated: Bool = false, hedged: Bool = false, annotator: String = "", sources: [String]? = nil,
        origin: Origin? = nil, attributes: [String: String]? = nil
    ) {
        box = CopyOnWriteBox(Fields(
            id: id, anchor: anchor, speaker: speaker, mention: mention, cue: cue, form: form, negated: negated,
            hedged: hedged, annotator: annotator, sources: sources, origin: origin, attributes: attributes))
    }

    public static func == (lhs: Claim, rhs: Claim) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }

    public func hash(into hasher: inout Hasher) {
        box.value.hash(into: &hasher)
    }

    public init(from decoder: any Decoder) throws {
        box = CopyOnWriteBox(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try box.value.encode(to: encoder)
    }
}
