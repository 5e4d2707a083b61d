/// Any one thing the annotation state holds, addressed by a ``RecordKey``. Every change to the
/// state is a list of records before and after, which makes undo and redo exact.
///
/// A record is one reference wide: mentions, cues and claims (the many) keep their fields in a
/// copy-on-write cell of their own, the other kinds are stored indirectly.
public enum Record: Sendable, Hashable {
    indirect case speaker(Speaker)
    case mention(Mention)
    case cue(Cue)
    case claim(Claim)
    indirect case target(Target)
    indirect case stance(Stance)
    indirect case note(Note)
    indirect case status(SentenceKey, SentenceStatus)
    indirect case review(ReviewDecision)
    /// A turned-down proposal of the suggestion engine.
    indirect case rejection(Rejection)

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
        case .rejection(let value): return .rejection(value.id)
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

extension Record {
    /// True for mentions, cues and claims.
    var isTextBound: Bool {
        switch self {
        case .mention, .cue, .claim: return true
        default: return false
        }
    }

    /// The record's own id (nil for statuses and reviews, which are keyed by what they are about).
    var id: String? {
        switch self {
        case .speaker(let value): return value.id
        case .mention(let value): return value.id
        case .cue(let value): return value.id
        case .claim(let value): return value.id
        case .target(let value): return value.id
        case .stance(let value): return value.id
        case .note(let value): return value.id
        case .rejection(let value): return value.id
        case .status, .review: return nil
        }
    }

    /// The record with `annotator` filled in when it names none; statuses and reviews are unchanged.
    func stampingAnnotator(_ annotator: String) -> Record {
        switch self {
        case .speaker(var value) where value.annotator.isEmpty: value.annotator = annotator; return .speaker(value)
        case .mention(var value) where value.annotator.isEmpty: value.annotator = annotator; return .mention(value)
        case .cue(var value) where value.annotator.isEmpty: value.annotator = annotator; return .cue(value)
        case .claim(var value) where value.annotator.isEmpty: value.annotator = annotator; return .claim(value)
        case .target(var value) where value.annotator.isEmpty: value.annotator = annotator; return .target(value)
        case .stance(var value) where value.annotator.isEmpty: value.annotator = annotator; return .stance(value)
        case .note(var value) where value.annotator.isEmpty: value.annotator = annotator; return .note(value)
        case .rejection(var value) where value.annotator.isEmpty: value.annotator = annotator; return .rejection(value)
        default: return self
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
    case rejection(String)

    /// The kind name: speaker, mention, cue, claim, target, stance, note, status, review, rejection.
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
        case .rejection: return "rejection"
        }
    }

    public var description: String {
        switch self {
        case .speaker(let id), .mention(let id), .cue(let id), .claim(let id), .target(let id), .stance(let id), .note(let id),
            .rejection(let id):
            return id
        case .status(let key): return "status of \(key)"
        case .review(let id): return "review of \(id)"
        }
    }

    /// The key for an id by its prefix letter (S speaker, M mention, Q cue, C claim, T target, P stance, N note,
    /// X rejection).
    public static func forID(_ id: String) -> RecordKey? {
        guard let (prefix, _) = parseID(id) else { return nil }
        switch prefix {
        case UInt8(ascii: "S"): return .speaker(id)
        case UInt8(ascii: "M"): return .mention(id)
        case UInt8(ascii: "Q"): return .cue(id)
        case UInt8(ascii: "C"): return .claim(id)
        case UInt8(ascii: "T"): return .target(id)
        case UInt8(ascii: "P"): return .stance(id)
        case UInt8(ascii: "N"): return .note(id)
        case UInt8(ascii: "X"): return .rejection(id)
        default: return nil
        }
    }

    /// The largest number an id can carry (18 digits, see ``parseID(_:)``).
    public static let largestIDNumber = 999_999_999_999_999_999

    /// Splits an id such as `C12` into its ASCII prefix letter and number; nil unless it is one
    /// ASCII letter followed by 1–18 digits.
    public static func parseID(_ id: String) -> (prefix: UInt8, number: Int)? {
        var utf8 = id.utf8.makeIterator()
        guard let prefix = utf8.next(), (65...90).contains(prefix) else { return nil }
        var number = 0
        var digits = 0
        while let byte = utf8.next() {
            guard byte >= 48, byte <= 57, digits < 18 else { return nil }
            number = number * 10 + Int(byte - 48)
            digits += 1
        }
        return digits > 0 ? (prefix, number) : nil
    }

    /// The id prefix letter of this key's kind, if the kind has ids.
    var prefixLetter: UInt8? {
        switch self {
        case .speaker: return UInt8(ascii: "S")
        case .mention: return UInt8(ascii: "M")
        case .cue: return UInt8(ascii: "Q")
        case .claim: return UInt8(ascii: "C")
        case .target: return UInt8(ascii: "T")
        case .stance: return UInt8(ascii: "P")
        case .note: return UInt8(ascii: "N")
        case .rejection: return UInt8(ascii: "X")
        case .status, .review: return nil
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
        case "rejection": return "X"
        default: return nil
        }
    }
}
