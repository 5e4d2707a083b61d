/// One-line, human-readable descriptions of events for transcripts and review screens:
/// `add claim C3 by S1 "Wir müssen handeln."`, `undo (takes back #12: add cue Q2 "sagte")`.
///
/// Descriptions quote annotation text as it is stored; callers that write to a terminal sanitise them.
public enum EventDescription {
    /// Longest quote shown before it is shortened with `…`.
    public static let quoteLimit = 60

    /// Describes `event` as applied to `before` (the state just before it), which supplies what
    /// undo/redo take back and what a delete or edit removed or changed.
    public static func describe(_ event: Event, before: AnnotationState) -> String {
        switch event.action {
        case .undo:
            guard let change = before.undoStack.last else { return "undo (nothing to undo)" }
            return "undo (takes back #\(change.seq): \(summary(of: change)))"
        case .redo:
            guard let change = before.redoStack.last else { return "redo (nothing to redo)" }
            return "redo (re-does #\(change.seq): \(summary(of: change)))"
        case .replace(let record):
            return describe(event.action, previous: before.record(record.key))
        case .delete(let id):
            return describe(event.action, previous: before.record(id: id))
        default:
            return describe(event.action, previous: nil)
        }
    }

    /// Describes an action; `previous` is the record it replaces or deletes, when known.
    public static func describe(_ action: EditAction, previous: Record?) -> String {
        switch action {
        case .add(let record):
            return "add " + summary(record)
        case .replace(let record):
            guard let previous else { return "edit " + summary(record) }
            let changed = changedFields(previous, record)
            return "edit " + summary(record) + (changed.isEmpty ? "" : " (" + changed.joined(separator: ", ") + ")")
        case .delete(let id):
            return "delete " + (previous.map(summary) ?? id)
        case .setStatus(let key, let status):
            return "mark \(key) \(status.rawValue)"
        case .review(let decision):
            return "review \(decision.annotation): \(decision.verdict.rawValue)" + (decision.reason.map { " (\(quote($0)))" } ?? "")
        case .undo:
            return "undo"
        case .redo:
            return "redo"
        }
    }

    /// `kind ID details "text"` for any record.
    public static func summary(_ record: Record) -> String {
        switch record {
        case .speaker(let value): return "speaker \(value.id) \(quote(value.name)) (\(value.kind))"
        case .mention(let value):
            return "mention \(value.id) of \(value.speaker) \(quote(value.anchor.text))" + (value.role.map { " as \(quote($0))" } ?? "")
        case .cue(let value): return "cue \(value.id) \(quote(value.anchor.text))"
        case .claim(let value):
            var text = "claim \(value.id)"
            if !value.speakers.isEmpty { text += " by " + value.speakers.joined(separator: ",") }
            if !value.addressees.isEmpty { text += " to " + value.addressees.joined(separator: ",") }
            if let cue = value.cue { text += " via \(cue)" }
            if let form = value.form { text += " [\(form)]" }
            if value.negated { text += " negated" }
            if value.hedged { text += " hedged" }
            return text + " " + quote(value.anchor.text)
        case .target(let value): return "target \(value.id) \(quote(value.text))"
        case .stance(let value):
            let evidence = value.evidence.isEmpty ? "" : " (evidence \(value.evidence.joined(separator: ", ")))"
            return "stance \(value.id) \(value.speaker) \(value.label) \(value.target)" + evidence
        case .note(let value):
            let subject: String
            switch value.subject {
            case .annotation(let id): subject = id
            case .sentence(let key): subject = key.description
            }
            return "note \(value.id) on \(subject) \(quote(value.text))"
        case .status(let key, let status): return "status of \(key): \(status.rawValue)"
        case .review(let value):
            return "review of \(value.annotation): \(value.verdict.rawValue)" + (value.reason.map { " (\(quote($0)))" } ?? "")
        case .rejection(let value):
            let claim = value.claimSegments.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
            return "rejection \(value.id) of a proposal by \(quote(value.rule)) in \(value.document) sentence \(value.sentence + 1) (claim \(claim))"
        }
    }

    /// The text in „…“-free straight quotes, shortened to ``quoteLimit`` characters, on one line.
    public static func quote(_ text: String) -> String {
        var flat = text.replacingOccurrences(of: "\n", with: " ")
        if flat.count > quoteLimit { flat = String(flat.prefix(quoteLimit - 1)) + "…" }
        return "\"" + flat + "\""
    }

    /// What the first record of a change was about, as its event would read.
    static func summary(of change: Change) -> String {
        guard let entry = change.entries.first else { return "no change" }
        switch (entry.before, entry.after) {
        case (nil, let after?):
            if case .status(let key, let status) = after { return "mark \(key) \(status.rawValue)" }
            return "add " + summary(after)
        case (let before?, nil):
            if case .status(let key, _) = before { return "mark \(key) open" }
            return "delete " + summary(before)
        case (let before?, let after?):
            if case .status(let key, let status) = after { return "mark \(key) \(status.rawValue)" }
            if case .review(let decision) = after { return describe(.review(decision), previous: nil) }
            return describe(.replace(after), previous: before)
        case (nil, nil):
            return "no change"
        }
    }

    /// How a stored record differs from the one its log gives, for `validate` and `replay --verify`:
    /// both summaries and the fields that differ (`stored claim C1 by S1 "…", log gives claim C1 by
    /// S2 "…" (speakers: [S1] → [S2])`).
    static func difference(stored: Record, log: Record) -> String {
        let fields = changedFields(stored, log)
        return "stored \(summary(stored)), log gives \(summary(log))" + (fields.isEmpty ? "" : " (" + fields.joined(separator: ", ") + ")")
    }

    /// Names of the fields that differ between two versions of a record, as `field: old → new`.
    static func changedFields(_ old: Record, _ new: Record) -> [String] {
        let oldValue = payload(old), newValue = payload(new)
        var result: [String] = []
        let oldChildren = Mirror(reflecting: oldValue).children.map { ($0.label ?? "?", flat($0.value)) }
        let newChildren = Mirror(reflecting: newValue).children.map { ($0.label ?? "?", flat($0.value)) }
        for (index, (label, value)) in newChildren.enumerated() where index < oldChildren.count {
            let before = oldChildren[index].1
            guard before != value else { continue }
            result.append("\(label): \(before) → \(value)")
        }
        return result
    }

    /// The record's value whose stored properties are its fields (a mention, cue or claim keeps
    /// them in a shared box: its fields, not the box).
    private static func payload(_ record: Record) -> Any {
        switch record {
        case .speaker(let value): return value
        case .mention(let value): return value.withFields { copy $0 }
        case .cue(let value): return value.withFields { copy $0 }
        case .claim(let value): return value.withFields { copy $0 }
        case .target(let value): return value
        case .stance(let value): return value
        case .note(let value): return value
        case .status(_, let value): return value
        case .review(let value): return value
        case .rejection(let value): return value
        }
    }

    private static func flat(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let child = mirror.children.first else { return "–" }
            return flat(child.value)
        }
        if let text = value as? String { return quote(text) }
        if let list = value as? [String] { return "[" + list.joined(separator: ", ") + "]" }
        if let anchor = value as? TextAnchor { return "\(anchor.document)@\(anchor.segments.map { "\($0.start)-\($0.end)" }.joined(separator: ","))" }
        return "\(value)"
    }
}
