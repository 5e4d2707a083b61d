import Annotations

/// Where the annotation shell's proposals come from: the suggestion engine, or a fixed list in tests.
protocol ProposalSource: Sendable {
    /// Every proposal for one document, ordered by claim start.
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion]
}

extension AttributionSuggester: ProposalSource {
    func proposals(for document: SegmentedDocument) -> [AttributionSuggestion] {
        suggestions(for: document)
    }
}
