/// One thing annotators may disagree on: a text-bound annotation at one exact span (mention, cue,
/// claim) or a stance on one speaker × target item, with each annotator's version.
public struct AdjudicationUnit: Sendable {
    /// mention, cue, claim or stance.
    public var kind: String
    /// Identifies the unit across runs (kind and span, with the speakers when one span holds
    /// several units; or speaker and target).
    public var key: String
    /// The sentence, for text-bound units.
    public var sentence: SentenceKey?
    /// Each annotator's version (index = annotator), `nil` where the annotator has none.
    public var versions: [Record?]
    /// Each version's comparable attributes, as shown to the adjudicator (`form=direct speaker=Mark Rutte`).
    public var summaries: [String?]
    /// The speaker cluster the versions were paired by (mentions and claims), if any.
    var identity: Int? = nil

    /// True when every annotator has the unit with the same attributes.
    public var agreed: Bool {
        guard let first = summaries.first, first != nil else { return false }
        return summaries.allSatisfy { $0 == first }
    }

    /// The annotators whose version equals version `index`.
    public func agreeing(with index: Int) -> [Int] {
        summaries.indices.filter { summaries[$0] != nil && summaries[$0] == summaries[index] }
    }
}
