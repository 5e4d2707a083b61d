/// One point where annotators disagree, with where it is.
struct AgreementDisagreement: Sendable, Hashable {
    /// The layer: mentions, cues, claims, attribution, stance, status.
    var layer: String
    /// The sentence, for text-bound layers.
    var sentence: SentenceKey?
    /// The annotated text or item (span text, `speaker → target`).
    var text: String
    /// What differs, per annotator.
    var detail: String
    /// The sentence's text, when the corpus was at hand.
    var sentenceText: String?

    /// Creates a disagreement.
    init(layer: String, sentence: SentenceKey?, text: String, detail: String, sentenceText: String? = nil) {
        self.sentenceText = sentenceText
        self.layer = layer
        self.sentence = sentence
        self.text = text
        self.detail = detail
    }
}
