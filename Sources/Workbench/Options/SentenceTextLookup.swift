import Annotations
import Foundation

/// Sentence texts for reports, from the session's corpus when it can be read and still has the
/// fingerprints the session recorded; otherwise no texts (reports then show only the sentence key).
struct SentenceTextLookup {
    private var sentences: [SentenceKey: String] = [:]

    /// Loads the corpus a session refers to, quietly giving up when it is not there or has changed.
    init(corpus reference: CorpusReference, meter: ProgressMeter) {
        guard let corpus = try? CorpusOpening.load(paths: reference.paths, meter: meter) else { return }
        let segmented = CorpusOpening.segment(corpus, meter: meter)
        let fingerprints = Dictionary(reference.documents.map { ($0.id, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
        for document in segmented.documents where fingerprints[document.document.id] == document.document.fingerprint {
            for sentence in document.sentences {
                sentences[SentenceKey(document: sentence.documentID, sentence: sentence.index)] = sentence.collapsedText
            }
        }
    }

    /// The text of a sentence, if known.
    func text(_ key: SentenceKey) -> String? { sentences[key] }
}
