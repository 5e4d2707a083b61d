/// Which mentions, cues and claims lie in which sentence, kept up to date step by step while a log
/// is replayed, so that showing a sentence after each step does not search every record of the
/// state (for a log of a million events that search made a transcript take hours).
///
/// A record is filed under the sentences ``BracketRenderer/sentences(touchedBy:)`` gives, so a
/// sentence's records are exactly what ``BracketRenderer/annotations(on:in:)`` finds.
public struct SentenceRecordIndex: Sendable {
    private let renderer: BracketRenderer
    private var sentencesOf: [RecordKey: [SentenceKey]] = [:]
    private var recordsIn: [SentenceKey: Set<RecordKey>] = [:]

    /// An empty index for records shown by `renderer` (whose corpus decides which sentences a span covers).
    public init(renderer: BracketRenderer) {
        self.renderer = renderer
    }

    /// Takes in the records `keys` (those a step touched, see ``ReplayStep/touched``) as they are in `state`.
    public mutating func update(_ keys: [RecordKey], in state: AnnotationState) {
        for key in keys {
            if let old = sentencesOf.removeValue(forKey: key) {
                for sentence in old { recordsIn[sentence]?.remove(key) }
            }
            guard let anchor = state.record(key)?.anchor else { continue }
            let sentences = renderer.sentences(touchedBy: anchor)
            sentencesOf[key] = sentences
            for sentence in sentences { recordsIn[sentence, default: []].insert(key) }
        }
    }

    /// The mentions, cues and claims in the sentence, as they are in `state` (the state of the last update).
    public func records(in sentence: SentenceKey, state: AnnotationState) -> [Record] {
        guard let keys = recordsIn[sentence] else { return [] }
        return keys.compactMap { state.record($0) }
    }
}
