/// Per-session preferences that are not annotations: kept with the session (saved in the file
/// under `settings`, journaled when changed) but never exported, compared or replayed as events.
public struct SessionSettings: Sendable, Hashable, Codable {
    /// Whether the annotation shell shows the suggestion engine's proposals (on by default).
    public var suggest: Bool

    /// The defaults: suggestions on.
    public init(suggest: Bool = true) {
        self.suggest = suggest
    }

    /// True when every setting has its default value (then the file leaves `settings` out).
    public var isDefault: Bool { self == SessionSettings() }

    private enum CodingKeys: String, CodingKey { case suggest }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        suggest = try c.decodeIfPresent(Bool.self, forKey: .suggest) ?? true
    }
}
