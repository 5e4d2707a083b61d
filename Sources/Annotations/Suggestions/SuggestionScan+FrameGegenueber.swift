extension SuggestionScan {
    /// Frames whose source follows their cue ("laut X", "nach Angaben X").
    static let sourceAfterCueFrames: Set<String> = ["indirect.laut", "indirect.nach-angaben"]

    /// "Nach Angaben der Sprecherin gegenüber der Zeitung ist …", "…, wurden nach Angaben eines
    /// Helfers gegenüber dem „Kurier“ angewiesen, …": a "gegenüber X" right after the source of a
    /// "laut"/"nach Angaben" frame says to whom the source spoke. X is the frame's addressee (without
    /// "gegenüber", as SpkAtt marks it after a source) and the phrase leaves the message, which the
    /// frame's rule ran from the source on. X must name someone (a capitalised word or a quoted name,
    /// no pronoun).
    mutating func frameGegenueberAddressees() {
        for index in proposals.indices where Self.sourceAfterCueFrames.contains(proposals[index].rule) && proposals[index].addressee.isEmpty {
            guard let end = proposals[index].speakers.joined().max(), end + 2 < words.count, words[end + 1].lower == "gegenüber",
                words[end + 1].sentence == words[end].sentence, !insideQuote[end + 1]
            else { continue }
            var phrase = nounPhrase(from: end + 2)
            // A quoted medium ends the phrase: a "von" after it is the agent of a passive ("dem „Kurier“ von der Polizei angewiesen").
            if let cut = phrase.indices.first(where: { $0 > 0 && ["von", "vom"].contains(words[phrase[$0]].lower) && words[phrase[$0 - 1]].kind == .quote }) {
                phrase = Array(phrase[..<cut])
            }
            guard let last = phrase.last, words[last].sentence == words[end].sentence,
                phrase.contains(where: { words[$0].capitalized || words[$0].kind == .quote }),
                !phrase.contains(where: { Self.pronouns.contains(words[$0].lower) })
            else { continue }
            let taken = Set((end + 1)...last)
            let claim = proposals[index].claim.filter { !taken.contains($0) }
            guard !claim.isEmpty else { continue }
            proposals[index].addressee = phrase
            if claim.count != proposals[index].claim.count {
                proposals[index].claim = claim
                if !proposals[index].frame.isEmpty { proposals[index].frame = frame(cue: proposals[index].cue, claim: claim) }
            }
        }
    }
}
