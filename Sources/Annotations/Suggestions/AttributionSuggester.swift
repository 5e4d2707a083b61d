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
    /// The word lists in use.
    public let lexicon: SuggestionLexicon

    /// A suggester with the compiled-in lexicon, or another one.
    public init(lexicon: SuggestionLexicon = SuggestionLexicon()) {
        self.lexicon = lexicon
    }

    /// The proposals for one segmented document, ordered by claim start, then rule name.
    public func suggestions(for document: SegmentedDocument) -> [AttributionSuggestion] {
        var scan = SuggestionScan(document: document, lexicon: lexicon)
        return scan.run()
    }

    /// The proposals whose claim starts in the sentence with the given index (for the REPL, which
    /// shows one sentence at a time). Runs the rules on the whole document, since a quote or a
    /// speaker can lie in an earlier sentence.
    public func suggestions(for document: SegmentedDocument, sentence: Int) -> [AttributionSuggestion] {
        suggestions(for: document).filter { $0.sentence == sentence }
    }
}
