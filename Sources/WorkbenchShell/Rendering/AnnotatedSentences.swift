import Annotations

/// The spans of the text-bound annotations (mentions, cues, claims) grouped by document, so that
/// `nu` can tell whether a sentence is touched without looking at every annotation for every
/// sentence it passes. Touching means what ``BracketRenderer/records(touching:in:)`` finds.
struct AnnotatedSentences {
    private var segments: [String: [SpanSegment]] = [:]

    /// Groups the spans of `state`'s mentions, cues and claims.
    init(state: AnnotationState) {
        // An orphaned anchor touches no sentence (its offsets point into the document's old text).
        for mention in state.mentions.values where !mention.anchor.orphaned { segments[mention.anchor.document, default: []] += mention.anchor.segments }
        for cue in state.cues.values where !cue.anchor.orphaned { segments[cue.anchor.document, default: []] += cue.anchor.segments }
        for claim in state.claims.values where !claim.anchor.orphaned { segments[claim.anchor.document, default: []] += claim.anchor.segments }
    }

    /// True when some span overlaps `sentence`.
    func touches(_ sentence: Sentence) -> Bool {
        guard let spans = segments[sentence.documentID] else { return false }
        return spans.contains { $0.start < sentence.end && $0.end > sentence.start }
    }
}
