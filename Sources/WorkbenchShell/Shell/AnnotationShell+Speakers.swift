import Annotations
import Foundation

extension AnnotationShell {
    /// `speaker merge S4 S1`: S4's mentions, claims, stances and notes move to S1, its name and aliases
    /// become S1's aliases, and S4 goes; one command, so one `undo` takes it all back.
    mutating func mergeSpeakers(_ fromID: String, into intoID: String) throws(CommandError) -> [StyledLine] {
        guard let from = state.speakers[fromID] else { throw .rejected("there is no speaker \(TerminalText.sanitize(fromID)); 'speakers' lists them") }
        guard var into = state.speakers[intoID] else { throw .rejected("there is no speaker \(TerminalText.sanitize(intoID)); 'speakers' lists them") }
        guard fromID != intoID else { throw .usage("merge two different speakers: speaker merge FROM INTO, e.g. speaker merge S4 S1") }
        // Stances of both on one target must agree first; the merged speaker keeps one per target.
        let intoStances = state.stances.values.filter { $0.speaker == intoID }
        var stanceMoves: [Stance] = []
        var stanceJoins: [(drop: Stance, keep: Stance)] = []
        for stance in AnnotationState.sortedByID(state.stances.filter { $0.value.speaker == fromID }) {
            if var kept = intoStances.first(where: { $0.target == stance.target }) {
                guard kept.label == stance.label else {
                    throw .rejected("\(fromID) and \(intoID) differ on \(stance.target) (\(stance.label) in \(stance.id), \(kept.label) in \(kept.id)); settle it first, e.g. edit \(stance.id) label \(kept.label) or delete \(stance.id)")
                }
                kept.evidence += stance.evidence.filter { !kept.evidence.contains($0) }
                stanceJoins.append((stance, kept))
            } else {
                var moved = stance
                moved.speaker = intoID
                stanceMoves.append(moved)
            }
        }
        var counts = (mentions: 0, claims: 0, notes: 0)
        for var mention in AnnotationState.sortedByID(state.mentions.filter { $0.value.speaker == fromID }) {
            mention.speaker = intoID
            try perform(.replace(.mention(mention)))
            counts.mentions += 1
        }
        for var claim in AnnotationState.sortedByID(state.claims.filter { $0.value.speakers.contains(fromID) }) {
            // A joint claim of both keeps the merged speaker once, in the earlier place.
            claim.speakers = claim.speakers.reduce(into: []) { list, id in
                let merged = id == fromID ? intoID : id
                if !list.contains(merged) { list.append(merged) }
            }
            try perform(.replace(.claim(claim)))
            counts.claims += 1
        }
        for stance in stanceMoves { try perform(.replace(.stance(stance))) }
        for (drop, keep) in stanceJoins {
            try perform(.replace(.stance(keep)))
            try perform(.delete(drop.id))
        }
        for var note in AnnotationState.sortedByID(state.notes.filter { $0.value.subject == .annotation(fromID) }) {
            note.subject = .annotation(intoID)
            try perform(.replace(.note(note)))
            counts.notes += 1
        }
        let known = Set(([into.name] + into.aliases).map { $0.lowercased() })
        var added: [String] = []
        for name in [from.name] + from.aliases where !known.contains(name.lowercased()) && !added.contains(name) {
            added.append(name)
        }
        if !added.isEmpty {
            into.aliases += added
            try perform(.replace(.speaker(into)))
        }
        try perform(.delete(fromID))
        var parts = ["\(counts.mentions) mention(s)", "\(counts.claims) claim(s)", "\(stanceMoves.count + stanceJoins.count) stance(s)"]
        if counts.notes > 0 { parts.append("\(counts.notes) note(s)") }
        var lines = [StyledLine("merged \(fromID) into \(intoID) \(TerminalText.sanitize(into.name)): " + parts.joined(separator: ", ") + " moved (undo takes it back)", .success)]
        if !added.isEmpty {
            lines.append(StyledLine("aliases of \(intoID) now include " + added.map { "„\(TerminalText.sanitize($0))“" }.joined(separator: ", "), .dim))
        }
        return lines + currentLine()
    }

    /// A note for a speaker left without mentions by an edit: say so and how to remove or merge it.
    func orphanNotice(_ speakerID: String, replacedBy other: String) -> StyledLine? {
        guard let speaker = state.speakers[speakerID], !state.mentions.values.contains(where: { $0.speaker == speakerID }) else { return nil }
        let claims = state.claims.values.filter { $0.speakers.contains(speakerID) }.count
        let stances = state.stances.values.filter { $0.speaker == speakerID }.count
        let keeps = claims + stances > 0 ? " (still named by \(claims) claim(s), \(stances) stance(s))" : ""
        return StyledLine(
            "\(speakerID) \(TerminalText.sanitize(speaker.name)) has no mentions left\(keeps); remove it: delete \(speakerID), or merge it: speaker merge \(speakerID) \(other)",
            .dim)
    }
}
