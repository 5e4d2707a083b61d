import Annotations

/// The proposals of each document, computed the first time a sentence of the document is shown and
/// kept for the rest of the run (the engine is pure: the same text gives the same proposals). Shared
/// by copies of the shell, like the completion snapshot; the engine itself is built on first use.
public final class ProposalCache {
    private let makeSource: @Sendable () -> any ProposalSource
    private var source: (any ProposalSource)?
    /// Proposals per document id, grouped by the sentence holding the claim's start.
    private var byDocument: [String: [Int: [AttributionSuggestion]]] = [:]

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

    /// The proposals whose claim starts in sentence `sentence` of `document`, in the engine's order.
    func proposals(in document: SegmentedDocument, sentence: Int) -> [AttributionSuggestion] {
        if let cached = byDocument[document.document.id] { return cached[sentence] ?? [] }
        let engine = source ?? makeSource()
        source = engine
        var grouped: [Int: [AttributionSuggestion]] = [:]
        for proposal in engine.proposals(for: document) where !proposal.claim.isEmpty {
            grouped[proposal.sentence, default: []].append(proposal)
        }
        byDocument[document.document.id] = grouped
        return grouped[sentence] ?? []
    }
}
