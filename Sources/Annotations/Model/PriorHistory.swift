import Foundation

/// The undo and redo history of the events before a state that was built from records (a
/// snapshot's), made only when first needed: by replaying those events once through
/// ``AnnotationState/apply(_:)`` — the one path every state change takes — and kept.
///
/// An event does not carry what it overwrote (a `delete` names only an id, and cascades), so the
/// changes that `undo` takes back can only come from the log. Opening from a snapshot does not
/// pay for that replay; the first `undo` or `redo` (or a look at the stacks) does, once.
final class PriorHistory: @unchecked Sendable {
    /// The undo and redo stacks after the events, and whether replaying them gave the records the
    /// state was built from.
    struct Stacks: Sendable {
        var undo: [Change]
        var redo: [Change]
        var agrees: Bool
    }

    /// The state as built from the records (its own stacks empty): what the replay must give.
    let opened: AnnotationState
    private let events: @Sendable () throws(AnnotationError) -> [Event]
    private let lock = NSLock()
    // Guarded by `lock`: made once, then only read.
    private var made: Result<Stacks, AnnotationError>?

    /// The history of the events `events()` gives (read only when first needed), which must lead
    /// to `opened`.
    init(opened: AnnotationState, events: @escaping @Sendable () throws(AnnotationError) -> [Event]) {
        self.opened = opened
        self.events = events
    }

    /// The stacks, made by replaying the events on the first call.
    func stacks() -> Result<Stacks, AnnotationError> {
        lock.withLock {
            if let made { return made }
            let result = Result { () throws(AnnotationError) -> Stacks in
                let events = try self.events()
                var replayed = AnnotationState(schema: opened.schema)
                if let failure = replayed.apply(contentsOf: events) {
                    throw .historyUnavailable("event \(events[failure.index].seq) of the log cannot be replayed: \(failure.error.description)")
                }
                let agrees = replayed.lastSeq == opened.lastSeq && replayed.hasSameRecords(as: opened)
                return Stacks(undo: replayed.undoStack, redo: replayed.redoStack, agrees: agrees)
            }
            made = result
            return result
        }
    }
}
