extension SuggestionScan {
    /// The speaker of free indirect speech whose attribution lies further back: the subject of the
    /// sentence right before, when that sentence holds no attribution and opens with a phrase that
    /// names a speaker ("Staatspräsidentin Mira Kovač ist besorgt. Die Lage sei ernst."). SpkAtt
    /// links such a continuation to the nearest fitting speaker, which is that subject far more
    /// often than the speaker of an attribution two or three sentences back. Nil otherwise.
    func previousSubject(of index: Int, sentence: Int) -> [Int]? {
        guard proposals[index].rule == "free-indirect.subjunctive-continuation", sentence > 0,
            !proposals.contains(where: { proposal in proposal.claim.contains { words[$0].sentence == sentence - 1 } }),
            let subject = sentenceSubject(sentence - 1), !insideQuote[subject[0]], looksLikeSpeaker(subject),
            !subject.contains(where: { lexicon.isReportingNoun(words[$0].text) }), namesSomeone(subject)
        else { return nil }
        return subject
    }

    /// Whether a subject names a person or a body, not a matter: it holds a title, office or
    /// institution of the lexicon or an abbreviation ("die SPD"), or it is a full name (two
    /// capitalised words or more, none of them looking like a common noun: "Kofi Annan").
    func namesSomeone(_ phrase: [Int]) -> Bool {
        let capitalized = phrase.filter { words[$0].kind == .word && words[$0].capitalized }
        if capitalized.contains(where: { lexicon.isTitle(words[$0].lower) || lexicon.isInstitution(words[$0].lower) }) { return true }
        if capitalized.contains(where: { index in
            let letters = words[index].text.unicodeScalars.filter { $0.properties.isAlphabetic }
            return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
        }) {
            return true
        }
        return capitalized.count >= 2 && capitalized.count == phrase.count
            && capitalized.allSatisfy { !looksLikeCommonNoun(words[$0].lower) && lexicon.verbForms[words[$0].lower] == nil }
    }
}
