@testable import Annotations

/// Runs the suggester on hand-made text and reads spans back as text.
struct SuggestionProbe {
    let document: Document
    let proposals: [AttributionSuggestion]

    init(_ text: String, suggester: AttributionSuggester = AttributionSuggester()) {
        document = Document(id: "probe", rawText: text)
        proposals = suggester.suggestions(for: SegmentedDocument(document))
    }

    func text(_ segments: [SpanSegment]) -> String {
        let scalars = Array(document.text.unicodeScalars)
        return segments.map { segment in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[segment.start..<segment.end])
            return String(view)
        }.joined(separator: " … ")
    }

    /// The first proposal whose claim text contains `fragment`.
    func proposal(claiming fragment: String) -> AttributionSuggestion? {
        proposals.first { text($0.claim).contains(fragment) }
    }

    func speaker(_ proposal: AttributionSuggestion?) -> String { proposal.map { text($0.speakerSegments) } ?? "<none>" }
    func cue(_ proposal: AttributionSuggestion?) -> String { proposal.map { text($0.cue) } ?? "<none>" }
    func claim(_ proposal: AttributionSuggestion?) -> String { proposal.map { text($0.claim) } ?? "<none>" }
}
