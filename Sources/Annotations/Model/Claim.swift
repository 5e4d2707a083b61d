/// A span of asserted content attributed to one or more speakers, with their mentions, addressees, cue, form and flags.
/// A claim may span several sentences; claims may overlap.
///
/// The fields live in one copy-on-write cell, so a claim is one reference wide and copying it is a
/// retain; it still behaves as a value.
public struct Claim: Sendable, Hashable, Codable {
    /// The stored fields; their JSON form is the claim's.
    ///
    /// JSON: a claim with one speaker writes `speaker`, one with several writes `speakers` (in order, the
    /// main speaker first) instead; likewise `mention` / `mentions`. `addressees` is written only when the
    /// claim has any. So a file whose claims have one speaker and no addressee reads as before.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var anchor: TextAnchor
        var speakers: [String]
        var mentions: [String]
        var addressees: [String]
        var cue: String?
        var form: String?
        var negated: Bool
        var hedged: Bool
        var annotator: String
        var sources: [String]?
        var origin: Origin?
        var attributes: [String: String]?

        init(
            id: String, anchor: TextAnchor, speakers: [String], mentions: [String], addressees: [String], cue: String?, form: String?,
            negated: Bool, hedged: Bool, annotator: String, sources: [String]?, origin: Origin?, attributes: [String: String]?
        ) {
            self.id = id
            self.anchor = anchor
            self.speakers = speakers
            self.mentions = mentions
            self.addressees = addressees
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
            case id, anchor, speaker, speakers, mention, mentions, addressees, cue, form, negated, hedged, annotator, sources, origin, attributes
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            anchor = try c.decode(TextAnchor.self, forKey: .anchor)
            speakers = try Self.list(c, one: .speaker, many: .speakers)
            mentions = try Self.list(c, one: .mention, many: .mentions)
            addressees = try c.decodeIfPresent([String].self, forKey: .addressees) ?? []
            cue = try c.decodeIfPresent(String.self, forKey: .cue)
            form = try c.decodeIfPresent(String.self, forKey: .form)
            negated = try c.decodeIfPresent(Bool.self, forKey: .negated) ?? false
            hedged = try c.decodeIfPresent(Bool.self, forKey: .hedged) ?? false
            annotator = try c.decodeIfPresent(String.self, forKey: .annotator) ?? ""
            sources = try c.decodeIfPresent([String].self, forKey: .sources)
            origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
            attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes)
        }

        /// The single key (`speaker`) or the list key (`speakers`); both at once is an error.
        private static func list(_ c: KeyedDecodingContainer<CodingKeys>, one: CodingKeys, many: CodingKeys) throws -> [String] {
            let single = try c.decodeIfPresent(String.self, forKey: one)
            let list = try c.decodeIfPresent([String].self, forKey: many)
            if single != nil, list != nil {
                throw DecodingError.dataCorruptedError(
                    forKey: many, in: c, debugDescription: "a claim has either '\(one.rawValue)' or '\(many.rawValue)', not both")
            }
            return list ?? single.map { [$0] } ?? []
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(anchor, forKey: .anchor)
            if speakers.count == 1 { try c.encode(speakers[0], forKey: .speaker) } else if speakers.count > 1 { try c.encode(speakers, forKey: .speakers) }
            if mentions.count == 1 { try c.encode(mentions[0], forKey: .mention) } else if mentions.count > 1 { try c.encode(mentions, forKey: .mentions) }
            if !addressees.isEmpty { try c.encode(addressees, forKey: .addressees) }
            try c.encodeIfPresent(cue, forKey: .cue)
            try c.encodeIfPresent(form, forKey: .form)
            try c.encode(negated, forKey: .negated)
            try c.encode(hedged, forKey: .hedged)
            try c.encode(annotator, forKey: .annotator)
            try c.encodeIfPresent(sources, forKey: .sources)
            try c.encodeIfPresent(origin, forKey: .origin)
            try c.encodeIfPresent(attributes, forKey: .attributes)
        }
    }

    private var box: CopyOnWriteBox<Fields>

    /// Identifier such as `C1`.
    public var id: String {
        _read { yield box.value.id }
        set { CopyOnWriteBox.update(&box) { $0.id = newValue } }
    }
    /// Where the claim is.
    public var anchor: TextAnchor {
        _read { yield box.value.anchor }
        set { CopyOnWriteBox.update(&box) { $0.anchor = newValue } }
    }
    /// The canonical speakers it is attributed to, in order: the first is the main speaker ("Die Vereinigten
    /// Staaten und Südkorea forderten …" has two). Empty when unknown; never lists a speaker twice.
    public var speakers: [String] {
        _read { yield box.value.speakers }
        set { CopyOnWriteBox.update(&box) { $0.speakers = newValue } }
    }
    /// The mentions that name its speakers here, main speaker's first (a speaker may be named earlier and have none).
    public var mentions: [String] {
        _read { yield box.value.mentions }
        set { CopyOnWriteBox.update(&box) { $0.mentions = newValue } }
    }
    /// The mentions the claim is addressed to ("warf *Washington* vor"), in order; empty when none.
    public var addressees: [String] {
        _read { yield box.value.addressees }
        set { CopyOnWriteBox.update(&box) { $0.addressees = newValue } }
    }
    /// The main speaker, if known. Setting it replaces the main speaker (dropping the new one from
    /// the further speakers); setting nil removes every speaker.
    public var speaker: String? {
        get { box.value.speakers.first }
        set { speakers = Self.replacingFirst(speakers, with: newValue) }
    }
    /// The mention of the main speaker, if any. Setting it replaces the first mention; nil removes every mention.
    public var mention: String? {
        get { box.value.mentions.first }
        set { mentions = Self.replacingFirst(mentions, with: newValue) }
    }

    /// `list` with its first element replaced by `value` (and `value` not repeated later); empty for nil.
    static func replacingFirst(_ list: [String], with value: String?) -> [String] {
        guard let value else { return [] }
        return [value] + list.dropFirst().filter { $0 != value }
    }

    /// Whether the claim has more than one speaker.
    public var hasSeveralSpeakers: Bool { box.value.speakers.count > 1 }

    /// The reporting cue, if any.
    public var cue: String? {
        _read { yield box.value.cue }
        set { CopyOnWriteBox.update(&box) { $0.cue = newValue } }
    }
    /// The form (a label of ``AnnotationSchema/claimForms``: direct, indirect, …), if set.
    public var form: String? {
        _read { yield box.value.form }
        set { CopyOnWriteBox.update(&box) { $0.form = newValue } }
    }
    /// The claim is negated.
    public var negated: Bool {
        _read { yield box.value.negated }
        set { CopyOnWriteBox.update(&box) { $0.negated = newValue } }
    }
    /// The claim is hedged.
    public var hedged: Bool {
        _read { yield box.value.hedged }
        set { CopyOnWriteBox.update(&box) { $0.hedged = newValue } }
    }
    /// Who made the annotation.
    public var annotator: String {
        _read { yield box.value.annotator }
        set { CopyOnWriteBox.update(&box) { $0.annotator = newValue } }
    }
    /// For adjudicated annotations: the annotators whose versions this one was taken from.
    public var sources: [String]? {
        _read { yield box.value.sources }
        set { CopyOnWriteBox.update(&box) { $0.sources = newValue } }
    }

    /// Where the annotation came from, when it was not typed (imported, suggested, adjudicated, reviewed).
    public var origin: Origin? {
        _read { yield box.value.origin }
        set { CopyOnWriteBox.update(&box) { $0.origin = newValue } }
    }

    /// Further attributes from an exchange format that the model has no field for (SpkAtt's
    /// `stwr`, `is_nested`, `has_nested`, `frame`), as name → value; nil when none.
    public var attributes: [String: String]? {
        _read { yield box.value.attributes }
        set { CopyOnWriteBox.update(&box) { $0.attributes = newValue } }
    }

    /// Creates a claim with at most one speaker and mention.
    public init(
        id: String, anchor: TextAnchor, speaker: String? = nil, mention: String? = nil, cue: String? = nil,
        form: String? = nil, negated: Bool = false, hedged: Bool = false, annotator: String = "", sources: [String]? = nil,
        origin: Origin? = nil, attributes: [String: String]? = nil
    ) {
        box = CopyOnWriteBox(Fields(
            id: id, anchor: anchor, speakers: speaker.map { [$0] } ?? [], mentions: mention.map { [$0] } ?? [], addressees: [],
            cue: cue, form: form, negated: negated, hedged: hedged, annotator: annotator, sources: sources, origin: origin,
            attributes: attributes))
    }

    /// Creates a claim with any number of speakers (main first), their mentions and addressees.
    public init(
        id: String, anchor: TextAnchor, speakers: [String], mentions: [String] = [], addressees: [String] = [], cue: String? = nil,
        form: String? = nil, negated: Bool = false, hedged: Bool = false, annotator: String = "", sources: [String]? = nil,
        origin: Origin? = nil, attributes: [String: String]? = nil
    ) {
        box = CopyOnWriteBox(Fields(
            id: id, anchor: anchor, speakers: speakers, mentions: mentions, addressees: addressees, cue: cue, form: form,
            negated: negated, hedged: hedged, annotator: annotator, sources: sources, origin: origin, attributes: attributes))
    }

    /// Calls `body` with the stored fields, borrowed: nothing is copied (reading `anchor` copies
    /// its six references), which matters where every record is read, as in writing a snapshot.
    func withFields<T>(_ body: (borrowing Fields) throws -> T) rethrows -> T {
        try body(box.value)
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
