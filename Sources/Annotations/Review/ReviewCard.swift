/// What a reviewer sees for one annotation: the annotation, its attribution (speaker, mention, cue),
/// its stance links, its notes and any earlier verdict, as plain lines (sanitise before printing).
public enum ReviewCard {
    /// The detail lines for annotation `id` in `state`.
    public static func lines(for id: String, in state: AnnotationState) -> [String] {
        guard let record = state.record(id: id) else { return ["\(id) no longer exists"] }
        var lines = [EventDescription.summary(record)]
        func speaker(_ id: String?) -> String {
            guard let id else { return "none" }
            guard let value = state.speakers[id] else { return "\(id) (unknown)" }
            return "\(id) \(EventDescription.quote(value.name)) (\(value.kind))"
        }
        switch record {
        case .claim(let claim):
            if claim.speakers.count > 1 {
                for id in claim.speakers { lines.append("speaker: " + speaker(id)) }
            } else {
                lines.append("speaker: " + speaker(claim.speaker))
            }
            for mention in claim.mentions.compactMap({ state.mentions[$0] }) {
                lines.append("mention: \(mention.id) \(EventDescription.quote(mention.anchor.text))" + (mention.role.map { " as \(EventDescription.quote($0))" } ?? ""))
            }
            for mention in claim.addressees.compactMap({ state.mentions[$0] }) {
                lines.append("addressee: \(mention.id) \(EventDescription.quote(mention.anchor.text)) (\(speaker(mention.speaker)))")
            }
            if let cue = claim.cue.flatMap({ state.cues[$0] }) { lines.append("cue: \(cue.id) \(EventDescription.quote(cue.anchor.text))") }
            lines.append("form: \(claim.form ?? "–")" + (claim.negated ? ", negated" : "") + (claim.hedged ? ", hedged" : ""))
            for stance in AnnotationState.sortedByID(state.stances) where stance.evidence.contains(claim.id) {
                lines.append("evidence for: " + stanceLine(stance, state))
            }
        case .mention(let mention):
            lines.append("speaker: " + speaker(mention.speaker))
            let claims = AnnotationState.sortedByID(state.claims).filter { $0.mentions.contains(mention.id) }.map(\.id)
            if !claims.isEmpty { lines.append("names the speaker of: " + claims.joined(separator: ", ")) }
        case .cue(let cue):
            let claims = AnnotationState.sortedByID(state.claims).filter { $0.cue == cue.id }.map(\.id)
            lines.append("introduces: " + (claims.isEmpty ? "no claim" : claims.joined(separator: ", ")))
        case .stance(let stance):
            lines.append(stanceLine(stance, state))
            for claim in stance.evidence.compactMap({ state.claims[$0] }) {
                lines.append("evidence: \(claim.id) \(EventDescription.quote(claim.anchor.text))")
            }
        default:
            break
        }
        for note in AnnotationState.sortedByID(state.notes) where note.subject == .annotation(id) {
            lines.append("note \(note.id) by \(note.annotator): \(EventDescription.quote(note.text))")
        }
        if let review = state.reviews[id] {
            lines.append("verdict: \(review.verdict.rawValue) by \(review.reviewer)" + (review.reason.map { " (\($0))" } ?? ""))
        }
        return lines
    }

    private static func stanceLine(_ stance: Stance, _ state: AnnotationState) -> String {
        let speaker = state.speakers[stance.speaker].map { EventDescription.quote($0.name) } ?? stance.speaker
        let target = state.targets[stance.target].map { EventDescription.quote($0.text) } ?? stance.target
        return "\(stance.id): \(speaker) is \(stance.label) \(stance.target) \(target)"
    }
}
