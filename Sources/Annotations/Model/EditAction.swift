/// What an event does to the annotation state.
public enum EditAction: Sendable, Hashable {
    /// Adds a new record; its id must be new.
    case add(Record)
    /// Replaces an existing record with the same key (edit, re-anchor, relabel).
    case replace(Record)
    /// Deletes the record with this id, and what depends on it (see ``AnnotationState``).
    case delete(String)
    /// Sets a sentence's status (`open` removes it).
    indirect case setStatus(SentenceKey, SentenceStatus)
    /// Records a reviewer's verdict on an annotation.
    indirect case review(ReviewDecision)
    /// Takes back the most recent change that is not yet undone.
    case undo
    /// Re-does the most recently undone change.
    case redo

    /// Short name used in JSON (`action`) and transcripts.
    public var name: String {
        switch self {
        case .add: return "add"
        case .replace: return "replace"
        case .delete: return "delete"
        case .setStatus: return "status"
        case .review: return "review"
        case .undo: return "undo"
        case .redo: return "redo"
        }
    }
}

extension EditAction {
    /// An `add` whose record names no annotator gets the event's annotator; other actions are unchanged.
    func stampingAnnotator(_ annotator: String) -> EditAction {
        guard case .add(let record) = self else { return self }
        return .add(record.stampingAnnotator(annotator))
    }
}
