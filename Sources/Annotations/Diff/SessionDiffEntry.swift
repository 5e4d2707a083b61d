/// One difference between two sessions: an annotation only in one of them, or changed.
struct SessionDiffEntry: Sendable, Hashable {
    /// Which side the annotation is on.
    enum Side: String, Sendable, Hashable {
        /// Only in the first session.
        case onlyFirst = "-"
        /// Only in the second session.
        case onlySecond = "+"
        /// In both, with different attributes.
        case changed = "~"
    }

    /// Only in A, only in B, or changed.
    var side: Side
    /// The record kind: speaker, mention, cue, claim, target, stance, status.
    var kind: String
    /// The sentence, for text-bound annotations and statuses.
    var sentence: SentenceKey?
    /// What the annotation is: quoted text, speaker name, `speaker → target`.
    var label: String
    /// The ids, `C1` or `C1 → C4` when the two sessions number it differently.
    var ids: String
    /// For changed annotations: what changed, as `field: old → new`.
    var changes: [String]

    /// Creates an entry.
    init(side: Side, kind: String, sentence: SentenceKey?, label: String, ids: String, changes: [String] = []) {
        self.side = side
        self.kind = kind
        self.sentence = sentence
        self.label = label
        self.ids = ids
        self.changes = changes
    }
}
