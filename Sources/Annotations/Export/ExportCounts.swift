/// How many annotations of each kind an export holds.
public struct ExportCounts: Sendable, Hashable, CustomStringConvertible {
    public var mentions = 0
    public var cues = 0
    public var claims = 0
    public var stances = 0
    public var notes = 0
    public var speakers = 0
    public var targets = 0

    /// Creates zero counts.
    public init() {}

    /// Total of text-bound annotations plus stances.
    public var annotations: Int { mentions + cues + claims + stances }

    public var description: String {
        func item(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        return [
            item(mentions, "speaker mention", "speaker mentions"), item(cues, "cue", "cues"), item(claims, "claim", "claims"),
            item(stances, "stance", "stances"), item(notes, "note", "notes"), item(speakers, "speaker", "speakers"),
            item(targets, "target", "targets"),
        ].joined(separator: ", ")
    }
}
