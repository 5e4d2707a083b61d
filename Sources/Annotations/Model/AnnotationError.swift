import Foundation

/// Why an edit cannot be applied. The state is unchanged when one is thrown.
public enum AnnotationError: Error, Sendable, Equatable, LocalizedError, CustomStringConvertible {
    /// An id is already in use.
    case duplicateID(String)
    /// No record has this id.
    case unknownID(String)
    /// An id does not have the form of its kind (e.g. `C12` for a claim).
    case malformedID(String, expected: String)
    /// A referenced speaker, mention, cue, claim or target does not exist.
    case unknownReference(kind: String, id: String, from: String)
    /// A claim lists the same speaker, mention or addressee twice (or a mention both as speaker and addressee).
    case listedTwice(id: String, role: String, in: String)
    /// A label is not in the session's schema.
    case labelNotInSchema(label: String, field: String, allowed: [String])
    /// A span is empty, unsorted, overlapping or has negative offsets.
    case malformedSpan(String)
    /// A required text is empty.
    case emptyText(String)
    /// A stance for the same speaker and target exists already.
    case duplicateStance(speaker: String, target: String, existing: String)
    /// Undo with nothing left to undo.
    case nothingToUndo
    /// Redo with nothing to redo.
    case nothingToRedo
    /// The event's sequence number is not the next one.
    case outOfSequence(expected: Int, got: Int)
    /// The event names a command group that starts after it.
    case groupAfterEvent(seq: Int, group: Int)
    /// A rejection needs a reason.
    case missingReason(String)
    /// Undo or redo needed the history before the snapshot a session was opened from, and the log
    /// could not give it.
    case historyUnavailable(String)

    public var description: String {
        switch self {
        case .duplicateID(let id): return "\(id) exists already"
        case .unknownID(let id): return "no annotation \(id) (it may have been deleted)"
        case .malformedID(let id, let expected): return "'\(id)' is not a valid id; expected \(expected)"
        case .unknownReference(let kind, let id, let from): return "\(from) refers to unknown \(kind) \(id)"
        case .listedTwice(let id, let role, let claim):
            return "\(claim) lists \(id) twice (again as \(role)); name each speaker, mention and addressee once"
        case .labelNotInSchema(let label, let field, let allowed):
            return "'\(label)' is not a \(field) in this session's schema; use one of: \(allowed.joined(separator: ", "))"
        case .malformedSpan(let reason): return "bad span: \(reason)"
        case .emptyText(let what): return "\(what) must not be empty"
        case .duplicateStance(let speaker, let target, let existing):
            return "\(speaker) already has stance \(existing) toward \(target); edit \(existing) instead"
        case .nothingToUndo: return "nothing to undo"
        case .nothingToRedo: return "nothing to redo"
        case .outOfSequence(let expected, let got): return "event \(got) is out of sequence; expected \(expected)"
        case .groupAfterEvent(let seq, let group):
            return "event \(seq) says its command began at event \(group), after it; a command's group is the seq of its first event (1 to \(seq))"
        case .missingReason(let id): return "rejecting \(id) needs a reason"
        case .historyUnavailable(let reason):
            return "cannot undo or redo: the history before the last save could not be read (\(reason)); run `workbench validate` on the session"
        }
    }

    public var errorDescription: String? { description }
}
