/// The outcome of a review so far: accepted, rejected and corrected annotations per kind (deletions
/// by the reviewer count as corrected) and the rejections with their reasons.
public struct ReviewSummary: Sendable, Hashable {
    /// Counts of one kind.
    public struct Counts: Sendable, Hashable {
        public var accepted = 0, rejected = 0, corrected = 0
    }

    /// Counts per kind name (mention, cue, claim, stance, …).
    public var byKind: [String: Counts] = [:]
    /// Rejected annotation ids with reasons, in id order.
    public var rejections: [(id: String, reason: String)] = []
    /// Annotations still without a verdict.
    public var open = 0

    /// Summarises the verdicts of `reviewer` in `state`, and deletions among `events`.
    public init(state: AnnotationState, events: [Event], reviewer: String, queue: ReviewQueue) {
        for (id, decision) in state.reviews.sorted(by: { AnnotationState.idOrder($0.key, $1.key) }) where decision.reviewer == reviewer {
            let kind = RecordKey.forID(id)?.kind ?? "annotation"
            switch decision.verdict {
            case .accepted: byKind[kind, default: Counts()].accepted += 1
            case .rejected:
                byKind[kind, default: Counts()].rejected += 1
                rejections.append((id: id, reason: decision.reason ?? ""))
            case .corrected: byKind[kind, default: Counts()].corrected += 1
            }
        }
        for event in events where event.annotator == reviewer {
            if case .delete(let id) = event.action, state.record(id: id) == nil {
                byKind[RecordKey.forID(id)?.kind ?? "annotation", default: Counts()].corrected += 1
            }
        }
        open = queue.ids.filter { state.reviews[$0] == nil && state.record(id: $0) != nil }.count
    }

    /// Readable lines: one per kind, then the rejections.
    public var lines: [String] {
        var lines: [String] = []
        let order = ["mention", "cue", "claim", "stance"]
        let kinds = order.filter { byKind[$0] != nil } + byKind.keys.filter { !order.contains($0) }.sorted()
        let total = byKind.values.reduce(into: Counts()) { sum, counts in
            sum.accepted += counts.accepted
            sum.rejected += counts.rejected
            sum.corrected += counts.corrected
        }
        lines.append("reviewed: \(total.accepted) accepted, \(total.rejected) rejected, \(total.corrected) corrected; \(open) open")
        for kind in kinds {
            guard let counts = byKind[kind] else { continue }
            lines.append("  \(kind): \(counts.accepted) accepted, \(counts.rejected) rejected, \(counts.corrected) corrected")
        }
        if !rejections.isEmpty {
            lines.append("rejections:")
            for rejection in rejections { lines.append("  \(rejection.id): \(rejection.reason)") }
        }
        return lines
    }

    public static func == (lhs: ReviewSummary, rhs: ReviewSummary) -> Bool { lhs.lines == rhs.lines }
    public func hash(into hasher: inout Hasher) { hasher.combine(lines) }
}
