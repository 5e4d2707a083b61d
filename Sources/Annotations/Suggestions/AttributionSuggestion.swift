/// One proposed attribution: who (speaker) said what (claim) with which words (cue), to whom
/// (addressee), in which form. A proposal is never an annotation until the annotator accepts it.
///
/// Every span is a list of ``SpanSegment``s (Unicode-scalar offsets into the document's normalised
/// text, end-exclusive), sorted and non-overlapping, so that discontinuous spans ("fügte … hinzu")
/// and claims that cross sentences are one value. An absent role is an empty list.
public struct AttributionSuggestion: Sendable, Hashable, Codable {
    /// The corpus document id.
    public var documentID: String
    /// 0-based index of the sentence that holds the claim's start.
    public var sentence: Int
    /// The speaker mentions: one entry per speaker ("A und B forderten" gives two), each a span.
    public var speakers: [[SpanSegment]]
    /// For a pronoun speaker ("er", "sie"): the span of the most recent fitting named speaker the
    /// pronoun refers to; empty when the speaker is a name or nothing fits.
    public var antecedent: [SpanSegment]
    /// The cue, possibly discontinuous ("teilte … mit"); empty for reported and free indirect speech.
    public var cue: [SpanSegment]
    /// The claim (SpkAtt's Message); may be discontinuous and may cross sentences.
    public var claim: [SpanSegment]
    /// The addressee when the text names one ("warf Washington vor"); empty otherwise.
    public var addressee: [SpanSegment]
    /// The reporting frame as SpkAtt's guidelines define it: the rest of the cue's clause that is not
    /// the claim; empty when there is no cue.
    public var frame: [SpanSegment]
    /// The form of the reported speech.
    public var form: AttributionForm
    /// How sure the rule is, 0–1.
    public var confidence: Double
    /// The name of the rule that made the proposal, e.g. `direct.quote-then-cue`.
    public var rule: String

    /// Creates a proposal.
    public init(
        documentID: String, sentence: Int, speakers: [[SpanSegment]], antecedent: [SpanSegment] = [], cue: [SpanSegment],
        claim: [SpanSegment], addressee: [SpanSegment] = [], frame: [SpanSegment] = [], form: AttributionForm,
        confidence: Double, rule: String
    ) {
        self.documentID = documentID
        self.sentence = sentence
        self.speakers = speakers
        self.antecedent = antecedent
        self.cue = cue
        self.claim = claim
        self.addressee = addressee
        self.frame = frame
        self.form = form
        self.confidence = confidence
        self.rule = rule
    }

    /// All speaker segments in one sorted list.
    public var speakerSegments: [SpanSegment] { speakers.flatMap { $0 }.sorted() }
}

/// The form of reported speech, as in SpkAtt's guidelines.
public enum AttributionForm: String, Sendable, Hashable, Codable, CaseIterable {
    /// A quotation in quote marks.
    case direct
    /// Reported in a dependent clause or Konjunktiv I ("Er sagte, die Lage sei ernst").
    case indirect
    /// Konjunktiv I or "soll" without its own cue, continuing earlier reported speech.
    case freeIndirect = "free indirect"
    /// Speech act named but not rendered ("X kritisierte die Entscheidung").
    case reported
    /// Indirect speech with a quoted part.
    case mixed
}
