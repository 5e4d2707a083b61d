/// A canonical speaker: one entity however it is referred to ("Mark Rutte", "Rutte", "Herr Rutte").
/// Titles and roles belong to mentions, not to the speaker.
public struct Speaker: Sendable, Hashable, Codable {
    /// Identifier such as `S1`.
    public var id: String
    /// The canonical name.
    public var name: String
    /// The kind (a label of ``AnnotationSchema/speakerKinds``, e.g. `person`).
    public var kind: String
    /// Other names that resolve to this speaker.
    public var aliases: [String]
    /// Who created the speaker.
    public var annotator: String
    /// Where the speaker came from, when it was not typed (imported, suggested, adjudicated, reviewed).
    public var origin: Origin?

    /// Creates a speaker.
    public init(id: String, name: String, kind: String = "person", aliases: [String] = [], annotator: String = "", origin: Origin? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.annotator = annotator
        self.origin = origin
    }

    private enum CodingKeys: String, CodingKey { case id, name, kind, aliases, annotator, origin }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? "person"
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        annotator = try c.decodeIfPresent(String.self, forKey: .annotator) ?? ""
        origin = try c.decodeIfPresent(Origin.self, forKey: .origin)
    }
}
