/// One point where annotators disagree, with where it is.
struct AgreementDisagreement: Sendable, Hashable {
    /// The layer: mentions, cues, claims, attribution, stance, status.
    public var layer: String
    /// The sentence, for text-bound layers.
    public var sentence: SentenceKey?
    /// The annotated text or item (span text, `speaker → target`).
    public var text: String
    /// What differs, per annotator.
    public var detail: String
    /// The sentence's text, when the corpus was at hand.
    public var sentenceText: String?

    /// Creates a disagreement.
    public init(layer: String, sentence: SentenceKey?, text: String, detail: String, sentenceText: String? = nil) {
        self.sentenceText = sentenceText
        self.layer = layer
        self.sentence = sentence
        self.text = text
        self.detail = detail
    }
}
