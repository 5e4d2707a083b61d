import Annotations

/// The corpus progress the header shows after every command: sentences done or skipped, of all
/// sentences. Counted once when the shell opens, then kept up to date from each change the shell
/// makes, so the header costs the same on a million sentences as on five articles.
struct ProgressCount: Sendable, Equatable {
    /// Sentences done or skipped (statuses of sentences no longer in the corpus included, as in `status`).
    private(set) var finished: Int
    /// All sentences of the corpus.
    let total: Int

    /// Counts `state`'s finished sentences and `corpus`'s sentences.
    init(state: AnnotationState, corpus: SegmentedCorpus) {
        finished = Self.finished(in: state)
        total = corpus.documents.reduce(0) { $0 + $1.sentences.count }
    }

    /// Sentences done or skipped in `state`, counted from scratch.
    static func finished(in state: AnnotationState) -> Int {
        state.statuses.values.reduce(0) { $0 + (isFinished($1) ? 1 : 0) }
    }

    private static func isFinished(_ status: SentenceStatus?) -> Bool { status == .done || status == .skipped }

    /// Takes in `event`, which was just applied to `state`: the change it made is on top of the undo
    /// stack, or of the redo stack for an undo (whose entries then ran from `after` back to `before`).
    mutating func record(_ event: Event, in state: AnnotationState) {
        let undone: Bool
        if case .undo = event.action { undone = true } else { undone = false }
        guard let change = undone ? state.redoStack.last : state.undoStack.last else { return }
        for entry in change.entries {
            guard case .status = entry.key else { continue }
            let before = Self.isFinished(Self.status(entry.before)), after = Self.isFinished(Self.status(entry.after))
            guard before != after else { continue }
            finished += (after != undone) ? 1 : -1
        }
    }

    private static func status(_ record: Record?) -> SentenceStatus? {
        if case .status(_, let status)? = record { return status }
        return nil
    }
}
