/// Agreement between annotators' sessions of one corpus, per layer, pairwise and for all annotators.
///
/// Only documents every annotator touched (an annotation or a sentence status in it) are scored;
/// the others are named in ``warnings``. Layers and measures:
/// - mentions, cues, claims: exact-match and overlap F1 (``SpanAgreement``); for all annotators the
///   mean of the pairs. Mentions: share of matched mentions naming the same speaker. Claims: Cohen's
///   κ of the form over matched claims (no form counts as `none`), Krippendorff's α of the form over
///   identical claim spans for all annotators, agreement on negated, hedged and the addressees
///   (the same addressee mentions, by span).
/// - attribution: of the matched claims, the share attributed to the same canonical speaker
///   (speakers matched across sessions by ``SpeakerClusters``; both unattributed counts as the same).
/// - stance: items are speaker × target (targets matched by case- and space-folded text). Cohen's κ
///   per pair over the items both labelled, Fleiss' κ (three or more annotators) over the items all
///   labelled, Krippendorff's α over all items with missing labels allowed.
/// - status: per sentence of the scored documents (open, done, skipped, flagged): share agreeing
///   and Cohen's κ per pair, α for all. Stance is not bound to documents and is left out of the
///   per-document breakdown.
/// An undefined value (no items, a single category, one annotator) is `nil`: `null` in JSON, `n/a` in tables.
public struct AgreementReport: Sendable {
    /// The annotators, in the order given.
    public var annotators: [String]
    /// The documents scored (touched by every annotator), in corpus order.
    public var documents: [String]
    /// Documents left out and other notes.
    public var warnings: [String]
    /// Speakers without a counterpart in every other session, as `annotator: name (id)`.
    public var unmatchedSpeakers: [String]
    /// Measures over all scored documents.
    var measures: [AgreementMeasure]
    /// Measures per scored document (stance left out).
    var byDocument: [(document: String, measures: [AgreementMeasure])]
    /// Every disagreement over the scored documents.
    var disagreements: [AgreementDisagreement]

    /// Compares `sessions` annotated by `annotators` (one name per session). `sentenceText` gives a
    /// sentence's text for the disagreement list when the corpus is at hand.
    public init(
        annotators: [String], sessions: [Session], sentenceText: (SentenceKey) -> String? = { _ in nil }
    ) throws(AgreementError) {
        guard sessions.count >= 2, annotators.count == sessions.count else { throw .tooFewSessions(sessions.count) }
        try Self.checkSameCorpus(annotators: annotators, sessions: sessions)
        let reference = sessions[0].corpus
        let states = sessions.map(\.state)
        let touched = states.map(TouchedDocuments.of)
        var scored: [String] = []
        var warnings: [String] = []
        for entry in reference.documents {
            let by = annotators.indices.filter { touched[$0].contains(entry.id) }
            if by.count == annotators.count {
                scored.append(entry.id)
            } else if !by.isEmpty {
                warnings.append("document \(entry.id) was annotated only by \(by.map { annotators[$0] }.joined(separator: ", ")); it is not scored")
            }
        }
        if scored.isEmpty { warnings.append("no document was annotated by every annotator; span and status agreement are n/a") }
        let scoredSet = Set(scored)
        for (index, state) in states.enumerated() {
            let anchors = state.mentions.values.map(\.anchor) + state.cues.values.map(\.anchor) + state.claims.values.map(\.anchor)
            let orphans = anchors.filter { $0.orphaned && scoredSet.contains($0.document) }.count
            if orphans > 0 {
                warnings.append("\(annotators[index]): \(orphans) orphaned annotation(s) not scored (their text was not found in the changed document; set their spans again or delete them)")
            }
        }
        let speakers = SpeakerClusters(states: states)
        let calculator = AgreementCalculator(names: annotators, states: states, corpus: reference, speakers: speakers)
        let all = Set(scored)
        self.annotators = annotators
        documents = scored
        self.warnings = warnings
        unmatchedSpeakers = speakers.unmatched.map { "\(annotators[$0.session]): \($0.speaker.name) (\($0.speaker.id))" }
        measures = calculator.measures(documents: all, includeStance: true)
        byDocument = scored.map { ($0, calculator.measures(documents: [$0], includeStance: false)) }
        disagreements = calculator.disagreements(documents: all).map { item in
            var item = item
            if let sentence = item.sentence { item.sentenceText = sentenceText(sentence) }
            return item
        }
    }

    /// Throws ``AgreementError/differentCorpora(first:second:detail:)`` unless every session records the
    /// same documents with the same fingerprints, split into as many sentences the same way
    /// (segmented or pre-tokenized), as the first.
    public static func checkSameCorpus(annotators: [String], sessions: [Session]) throws(AgreementError) {
        guard let reference = sessions.first?.corpus else { return }
        let expected = Dictionary(reference.documents.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        for (index, session) in sessions.enumerated().dropFirst() {
            let have = Dictionary(session.corpus.documents.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
            if let missing = expected.keys.sorted().first(where: { have[$0] == nil }) {
                throw .differentCorpora(first: annotators[0], second: annotators[index], detail: "document \(missing) is missing in the second")
            }
            if let extra = have.keys.sorted().first(where: { expected[$0] == nil }) {
                throw .differentCorpora(first: annotators[0], second: annotators[index], detail: "document \(extra) is missing in the first")
            }
            if let changed = expected.keys.sorted().first(where: { have[$0] != expected[$0] }) {
                throw .differentCorpora(first: annotators[0], second: annotators[index], detail: "document \(changed) has a different text (fingerprint)")
            }
            // The same text split into other sentences: statuses are kept by sentence number, so they
            // would be compared and merged across different sentences.
            let other = Dictionary(session.corpus.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in reference.documents {
                guard let theirs = other[entry.id] else { continue }
                if entry.tokenization != theirs.tokenization {
                    func how(_ e: CorpusReference.DocumentEntry) -> String { e.tokenization == CorpusReference.DocumentEntry.given ? "pre-tokenized" : "segmented" }
                    throw .differentCorpora(
                        first: annotators[0], second: annotators[index],
                        detail: "document \(entry.id) is \(how(entry)) in the first and \(how(theirs)) in the second, so its sentences differ")
                }
                if entry.sentences != theirs.sentences {
                    throw .differentCorpora(
                        first: annotators[0], second: annotators[index],
                        detail: "document \(entry.id) is split into \(entry.sentences) sentences in the first and \(theirs.sentences) in the second, "
                            + "by segmenters \(reference.segmenter) and \(session.corpus.segmenter): open the session made with the older one once "
                            + "with workbench annotate --session NAME, which splits it the current way")
                }
            }
        }
    }
}
