/// Proposes attributions for German news text by rules over tokens: quotes and their cues,
/// reporting verbs with their clauses, "laut"/"zufolge"/"nach Angaben" frames, reported speech and
/// free indirect speech that continues an earlier attribution.
///
/// Pure and deterministic: the same document always gives the same proposals in the same order
/// (by claim start). Every rule looks at a bounded window around a token, so the cost grows
/// linearly with the length of a sentence and of a document. Build it once (the lexicon is parsed
/// and the verb forms generated in `init`) and share it; it is `Sendable`.
///
///     let suggester = AttributionSuggester()
///     for proposal in suggester.suggestions(for: SegmentedDocument(document)) { … }
public struct AttributionSuggester: Sendable {
    /// The confidence floor users get (`workbench suggest`, the REPL, the benchmark): proposals below
    /// it are left out.
    public static let defaultMinimumConfidence = 0.0

    /// The word lists in use.
    public let lexicon: SuggestionLexicon
    /// Proposals whose confidence is below this are left out (0 keeps every proposal).
    public var minimumConfidence: Double

    /// A suggester with the compiled-in lexicon, or another one, and a confidence floor.
    public init(lexicon: SuggestionLexicon = SuggestionLexicon(), minimumConfidence: Double = Self.defaultMinimumConfidence) {
        self.lexicon = lexicon
        self.minimumConfidence = minimumConfidence
    }

    /// The proposals for one segmented document at or above the confidence floor, ordered by claim
    /// start, then rule name.
    public func suggestions(for document: SegmentedDocument) -> [AttributionSuggestion] {
        var scan = SuggestionScan(document: document, lexicon: lexicon)
        let floor = minimumConfidence
        return scan.run().filter { $0.confidence >= floor }
    }

    /// The proposals whose claim starts in the sentence with the given index (for the REPL, which
    /// shows one sentence at a time). Runs the rules on the whole document, since a quote or a
    /// speaker can lie in an earlier sentence.
    public func suggestions(for document: SegmentedDocument, sentence: Int) -> [AttributionSuggestion] {
        suggestions(for: document).filter { $0.sentence == sentence }
    }
}
