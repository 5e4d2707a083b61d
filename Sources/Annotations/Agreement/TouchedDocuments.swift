/// The documents an annotator worked on: those with an annotation or a sentence status in them.
/// Agreement and adjudication compare only the documents every annotator touched.
public enum TouchedDocuments {
    /// The documents `state` touched.
    public static func of(_ state: AnnotationState) -> Set<String> {
        var documents = Set(state.statuses.keys.map(\.document))
        for mention in state.mentions.values { documents.insert(mention.anchor.document) }
        for cue in state.cues.values { documents.insert(cue.anchor.document) }
        for claim in state.claims.values { documents.insert(claim.anchor.document) }
        return documents
    }

    /// The documents every one of `states` touched.
    public static func byEvery(_ states: [AnnotationState]) -> Set<String> {
        guard let first = states.first else { return [] }
        return states.dropFirst().reduce(of(first)) { $0.intersection(of($1)) }
    }
}
