/// The order in which a review walks through a session's annotations: the annotated sentences in
/// corpus order and, within a sentence, mentions, cues and claims by position; stances last.
public struct ReviewQueue: Sendable {
    /// Annotation ids in review order.
    public let ids: [String]

    /// The queue for a state; `documentOrder` is the corpus order of document ids.
    public init(state: AnnotationState, documentOrder: [String]) {
        var rank: [String: Int] = [:]
        for (index, id) in documentOrder.enumerated() where rank[id] == nil { rank[id] = index }
        var anchored: [(key: (Int, String, Int, Int, Int), id: String)] = []
        func add(_ id: String, _ anchor: TextAnchor, _ kindRank: Int) {
            let document = rank[anchor.document] ?? Int.max
            anchored.append((key: (document, anchor.document, anchor.sentence, anchor.start, kindRank), id: id))
        }
        for mention in state.mentions.values { add(mention.id, mention.anchor, 0) }
        for cue in state.cues.values { add(cue.id, cue.anchor, 1) }
        for claim in state.claims.values { add(claim.id, claim.anchor, 2) }
        anchored.sort { $0.key != $1.key ? $0.key < $1.key : AnnotationState.idOrder($0.id, $1.id) }
        ids = anchored.map(\.id) + AnnotationState.sortedByID(state.stances).map(\.id)
    }

    /// The first annotation without a review verdict, skipping `skipped`, at or after `position`.
    public func firstUnreviewed(in state: AnnotationState, from position: Int = 0, skipping skipped: Set<String> = []) -> Int? {
        guard position < ids.count else { return nil }
        return ids[max(0, position)...].firstIndex { state.reviews[$0] == nil && !skipped.contains($0) && state.record(id: $0) != nil }
    }
}
