import Annotations

/// Which proposals of a document are no longer pending: rejected ones, and those whose claim
/// overlaps a claim the session already holds (accepted, or typed by hand).
struct ProposalFilter: Sendable {
    /// Claim and cue segments of the document's rejections.
    private var rejected: Set<[[SpanSegment]]> = []
    /// The segments of the document's claims, sorted by start.
    private var claimed: [SpanSegment] = []

    init(state: AnnotationState, document: String) {
        for rejection in state.rejections.values where rejection.document == document {
            rejected.insert([rejection.claimSegments, rejection.cueSegments])
        }
        for claim in state.claims.values where claim.anchor.document == document { claimed += claim.anchor.segments }
        claimed.sort()
    }

    /// True when `proposal` is still to be decided.
    func isPending(_ proposal: AttributionSuggestion) -> Bool {
        if rejected.contains([proposal.claim, proposal.cue]) { return false }
        for segment in proposal.claim {
            // The claimed segments that start before this one ends; any of them ending after its start overlaps.
            var low = 0, high = claimed.count
            while low < high {
                let middle = (low + high) / 2
                if claimed[middle].start < segment.end { low = middle + 1 } else { high = middle }
            }
            if claimed[..<low].contains(where: { $0.end > segment.start }) { return false }
        }
        return true
    }
}
