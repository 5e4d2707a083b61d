/// Any one thing the annotation state holds, addressed by a ``RecordKey``. Every change to the
/// state is a list of records before and after, which makes undo and redo exact.
public enum Record: Sendable, Hashable {
    case speaker(Speaker)
    case mention(Mention)
    case cue(Cue)
    case claim(Claim)
    case target(Target)
    case stance(Stance)
    case note(Note)
    case status(SentenceKey, SentenceStatus)
    case review(ReviewDecision)

    /// The key the record is stored under.
    public var key: RecordKey {
        switch self {
        case .speaker(let value): return .speaker(value.id)
        case .mention(let value): return .mention(value.id)
        case .cue(let value): return .cue(value.id)
        case .claim(let value): return .claim(value.id)
        case .target(let value): return .target(value.id)
        case .stance(let value): return .stance(value.id)
        case .note(let value): return .note(value.id)
        case .status(let key, _): return .status(key)
        case .review(let value): return .review(value.annotation)
        }
    }

    /// The record's kind name as used in JSON and messages.
    public var kind: String { key.kind }

    /// The anchor of a text-bound record.
    public var anchor: TextAnchor? {
        switch self {
        case .mention(let value): return value.anchor
        case .cue(let value): return value.anchor
        case .claim(let value): return value.anchor
        default: return nil
        }
    }
}

/// The address of a record in the state.
public enum RecordKey: Sendable, Hashable, CustomStringConvertible {
    case speaker(String)
    case mention(String)
    case cue(String)
    case claim(String)
    case target(String)
    case stance(String)
    case note(String)
    case status(SentenceKey)
    case review(String)

    /// The kind name: speaker, mention, cue, claim, target, stance, note, status, review.
    public var kind: String {
        switch self {
        case .speaker: return "speaker"
        case .mention: return "mention"
        case .cue: return "cue"
        case .claim: return "claim"
        case .target: return "target"
        case .stance: return "stance"
        case .note: return "note"
        case .status: return "status"
        case .review: return "review"
        }
    }

    public var description: String {
        switch self {
        case .speaker(let id), .mention(let id), .cue(let id), .claim(let id), .target(let id), .stance(let id), .note(let id):
            return id
        case .status(let key): return "status of \(key)"
        case .review(let id): return "review of \(id)"
        }
    }

    /// The key for an id by its prefix letter (S speaker, M mention, Q cue, C claim, T target, P stance, N note).
    public static func forID(_ id: String) -> RecordKey? {
        guard let prefix = id.first, id.count > 1, id.dropFirst().allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        switch prefix {
        case "S": return .speaker(id)
        case "M": return .mention(id)
        case "Q": return .cue(id)
        case "C": return .claim(id)
        case "T": return .target(id)
        case "P": return .stance(id)
        case "N": return .note(id)
        default: return nil
        }
    }

    /// The id prefix letter for kinds that have ids.
    public static func prefix(forKind kind: String) -> Character? {
        switch kind {
        case "speaker": return "S"
        case "mention": return "M"
        case "cue": return "Q"
        case "claim": return "C"
        case "target": return "T"
        case "stance": return "P"
        case "note": return "N"
        default: return nil
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
