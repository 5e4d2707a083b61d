/// Turns a reviewer's instruction on one annotation into the events that record it: a review
/// verdict, a note, or a correction (replace or delete) followed by a `corrected` verdict.
public struct ReviewPlanner: Sendable {
    /// Why an instruction cannot be carried out on an annotation.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notApplicable(field: String, kind: String)
        case badValue(field: String, value: String, expected: String)
        case unknownAnnotation(String)

        public var description: String {
            switch self {
            case .notApplicable(let field, let kind): return "a \(kind) has no field '\(field)'"
            case .badValue(let field, let value, let expected): return "'\(value)' is not a valid \(field); expected \(expected)"
            case .unknownAnnotation(let id): return "no annotation \(id)"
            }
        }
    }

    /// Who reviews.
    public var reviewer: String

    /// Creates a planner for a reviewer.
    public init(reviewer: String) {
        self.reviewer = reviewer
    }

    /// The actions for `instruction` on annotation `id` in `state` (empty for skip, status, help, quit).
    public func actions(for instruction: ReviewInstruction, on id: String, in state: AnnotationState) throws(Failure) -> [EditAction] {
        guard let record = state.record(id: id) else { throw .unknownAnnotation(id) }
        switch instruction {
        case .accept:
            return [.review(ReviewDecision(annotation: id, verdict: .accepted, reviewer: reviewer))]
        case .reject(let reason):
            return [.review(ReviewDecision(annotation: id, verdict: .rejected, reason: reason, reviewer: reviewer))]
        case .note(let text):
            return [.add(.note(Note(id: state.nextID("N"), subject: .annotation(id), text: text, annotator: reviewer)))]
        case .delete:
            return [.delete(id)]
        case .correct(let field, let value):
            var corrected = try apply(field: field, value: value, to: record)
            var actions: [EditAction] = []
            if case .claim(var claim) = corrected, field == "by" {
                // As the REPL's `edit C1 by …`: the claim keeps the mentions of its new speakers
                // (in their order) and none of the others'.
                claim.mentions = claim.speakers.flatMap { speaker in claim.mentions.filter { state.mentions[$0]?.speaker == speaker } }
                corrected = .claim(claim)
                // A stance citing the claim for a speaker it no longer has loses that evidence, so
                // the session stays valid (the evidence of a stance is its speaker's claims).
                actions = state.stancesLosingEvidence(of: claim).map { .replace(.stance($0)) }
            }
            return [.replace(corrected)] + actions + [.review(ReviewDecision(annotation: id, verdict: .corrected, reason: "\(field) \(value)", reviewer: reviewer))]
        case .skip, .status, .help, .quit:
            return []
        }
    }

    private func apply(field: String, value: String, to record: Record) throws(Failure) -> Record {
        func flag(_ text: String) throws(Failure) -> Bool {
            switch text.lowercased() {
            case "yes", "true", "on", "ja": return true
            case "no", "false", "off", "nein": return false
            default: throw .badValue(field: field, value: text, expected: "yes or no")
            }
        }
        func optional(_ text: String) -> String? { ["-", "none"].contains(text.lowercased()) ? nil : text }
        func ids(_ text: String) -> [String] {
            optional(text).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        }
        switch (record, field) {
        case (.claim(var claim), "form"): claim.form = optional(value); return .claim(claim)
        case (.claim(var claim), "by"): claim.speakers = ids(value); return .claim(claim)
        case (.claim(var claim), "to"): claim.addressees = ids(value); return .claim(claim)
        case (.claim(var claim), "cue"): claim.cue = optional(value); return .claim(claim)
        case (.claim(var claim), "mention"): claim.mentions = ids(value); return .claim(claim)
        case (.claim(var claim), "negated"): claim.negated = try flag(value); return .claim(claim)
        case (.claim(var claim), "hedged"): claim.hedged = try flag(value); return .claim(claim)
        case (.mention(var mention), "by"): mention.speaker = value; return .mention(mention)
        case (.mention(var mention), "role"): mention.role = optional(value); return .mention(mention)
        case (.stance(var stance), "label"): stance.label = value; return .stance(stance)
        case (.stance(var stance), "by"): stance.speaker = value; return .stance(stance)
        case (.stance(var stance), "target"): stance.target = value; return .stance(stance)
        default: throw .notApplicable(field: field, kind: record.kind)
        }
    }
}
