/// A span of text that refers to a speaker, with the role or title used at that mention
/// ("russischer UN-Botschafter").
///
/// The fields live in one copy-on-write cell, so a mention is one reference wide and copying it is a
/// retain; it still behaves as a value.
public struct Mention: Sendable, Hashable, Codable {
    /// The stored fields; their JSON form is the mention's.
    struct Fields: Sendable, Hashable, Codable {
        var id: String
        var anchor: TextAnchor
        var speaker: String
        var role: String?
        var annotator: String
        var sources: [String]?
        var origin: Origin?
    }

    private var box: CopyOnWriteBox<Fields>

    /// Identifier such as `M1`.
    public var id: String {
        _read { yield box.value.id }
        set { CopyOnWriteBox.unique(&box); box.value.id = newValue }
    }
    /// Where the mention is.
    public var anchor: TextAnchor {
        _read { yield box.value.anchor }
        set { CopyOnWriteBox.unique(&box); box.value.anchor = newValue }
    }
    /// The speaker it refers to.
    public var speaker: String {
        _read { yield box.value.speaker }
        set { CopyOnWriteBox.unique(&box); box.value.speaker = newValue }
    }
    /// Role or title at this mention, if any.
    public var role: String? {
        _read { yield box.value.role }
        set { CopyOnWriteBox.unique(&box); box.value.role = newValue }
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

    /// Creates a mention.
    public init(
        id: String, anchor: TextAnchor, speaker: String, role: String? = nil, annotator: String = "", sources: [String]? = nil,
        origin: Origin? = nil
    ) {
        box = CopyOnWriteBox(Fields(id: id, anchor: anchor, speaker: speaker, role: role, annotator: annotator, sources: sources, origin: origin))
    }

    public static func == (lhs: Mention, rhs: Mention) -> Bool {
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
