import Annotations

/// The proposals of each document, computed the first time a sentence of the document is shown and
/// kept for the rest of the run (the engine is pure: the same text gives the same proposals). Shared
/// by copies of the shell, like the completion snapshot; the engine itself is built on first use.
///
/// A document of up to ``wholeDocumentSentences`` sentences (every news article) is run through the
/// engine as a whole, as `workbench suggest` runs it. A longer one is run in parts of
/// ``partSentences`` sentences, each with ``contextBefore`` sentences before it and
/// ``contextAfter`` after it as context (an earlier speaker, a quote that closes later), when a
/// sentence of the part is first shown: opening a document of one 2 MB line ran the engine over the
/// whole of it (about 34 s in a debug build) before the first prompt. Parts are fixed, so a
/// sentence's proposals and letters stay the same for the run and when the session is reopened.
public final class ProposalCache {
    /// Documents of at most this many sentences are run whole.
    static let wholeDocumentSentences = 300
    /// Sentences per part of a longer document.
    static let partSentences = 64
    /// Sentences before a part given to the engine as context.
    static let contextBefore = 16
    /// Sentences after a part given to the engine as context.
    static let contextAfter = 8

    private let makeSource: @Sendable () -> any ProposalSource
    private var source: (any ProposalSource)?
    /// Proposals per document id and part, grouped by the sentence holding the claim's start.
    private var byPart: [PartKey: [Int: [AttributionSuggestion]]] = [:]

    /// A document and one of its parts (0 for a document run whole).
    private struct PartKey: Hashable {
        var document: String
        var part: Int
    }

    /// A cache over the source that `makeSource` builds when first needed.
    init(_ makeSource: @escaping @Sendable () -> any ProposalSource) {
        self.makeSource = makeSource
    }

    /// A cache over the suggestion engine.
    public convenience init() { self.init { AttributionSuggester() } }

    /// A cache over the suggestion engine, whose lexicon (a few thousand verb forms made by the
    /// morphology rules, about 2.5 ms) is built on another thread from now on: the REPL starts it
    /// before loading the corpus and opening the session, so the first sentence's proposals do not
    /// wait for it.
    public static func buildingEngine() -> ProposalCache {
        let engine = BackgroundValue<any ProposalSource> { AttributionSuggester() }
        return ProposalCache { engine.wait() ?? AttributionSuggester() }
    }

    /// The sentences (indices into the document) of the part holding `sentence`.
    static func part(holding sentence: Int, of count: Int) -> Range<Int> {
        guard count > wholeDocumentSentences else { return 0..<count }
        let lower = sentence / partSentences * partSentences
        return lower..<min(count, lower + partSentences)
    }

    /// Whether the proposals of `sentence` of `document` are computed already (asking for them
    /// costs nothing).
    func isComputed(_ document: SegmentedDocument, sentence: Int) -> Bool {
        let part = Self.part(holding: sentence, of: document.sentences.count)
        return byPart[PartKey(document: document.document.id, part: part.lowerBound)] != nil
    }

    /// The proposals whose claim starts in sentence `sentence` of `document`, in the engine's order.
    func proposals(in document: SegmentedDocument, sentence: Int) -> [AttributionSuggestion] {
        let count = document.sentences.count
        let part = Self.part(holding: sentence, of: count)
        let key = PartKey(document: document.document.id, part: part.lowerBound)
        if let cached = byPart[key] { return cached[sentence] ?? [] }
        let engine = source ?? makeSource()
        source = engine
        var grouped: [Int: [AttributionSuggestion]] = [:]
        if part.count == count {
            for proposal in engine.proposals(for: document) where !proposal.claim.isEmpty {
                grouped[proposal.sentence, default: []].append(proposal)
            }
        } else {
            let first = max(0, part.lowerBound - Self.contextBefore)
            var excerpt = document
            excerpt.sentences = Array(document.sentences[first..<min(count, part.upperBound + Self.contextAfter)])
            for var proposal in engine.proposals(for: excerpt) {
                // The sentence of the claim's start, counted in the document (the excerpt counts from its first).
                guard let start = proposal.claim.first?.start else { continue }
                proposal.sentence = first + min(excerpt.firstSentence(endingAfter: start), excerpt.sentences.count - 1)
                guard part.contains(proposal.sentence) else { continue }
                grouped[proposal.sentence, default: []].append(proposal)
            }
        }
        byPart[key] = grouped
        return grouped[sentence] ?? []
    }
}
