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

    /// These counts with only the text-bound annotations (mentions, cues, claims) and the kinds
    /// given kept; the rest are 0.
    public func keeping(stances keepStances: Bool = false, notes keptNotes: Int? = nil, speakers keepSpeakers: Bool = false, targets keepTargets: Bool = false) -> ExportCounts {
        var kept = ExportCounts()
        kept.mentions = mentions
        kept.cues = cues
        kept.claims = claims
        if keepStances { kept.stances = stances }
        kept.notes = keptNotes ?? 0
        if keepSpeakers { kept.speakers = speakers }
        if keepTargets { kept.targets = targets }
        return kept
    }

    /// What `written` lacks of these counts (`2 notes, 1 stance`), empty when nothing.
    public func missing(from written: ExportCounts) -> String {
        func item(_ count: Int, _ one: String, _ many: String) -> String? { count > 0 ? "\(count) \(count == 1 ? one : many)" : nil }
        return [
            item(mentions - written.mentions, "speaker mention", "speaker mentions"), item(cues - written.cues, "cue", "cues"),
            item(claims - written.claims, "claim", "claims"), item(stances - written.stances, "stance", "stances"),
            item(notes - written.notes, "note", "notes"), item(speakers - written.speakers, "speaker", "speakers"),
            item(targets - written.targets, "target", "targets"),
        ].compactMap { $0 }.joined(separator: ", ")
    }

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
