extension SuggestionScan {
    /// Forms of "wenden" and "richten", which with "sich an X" say whom a statement is made to
    /// ("wandte sich an die Anwohner", "richtete sich in einer Ansprache an die Nation").
    static let turningForms: Set<String> = [
        "wandte", "wandten", "wendet", "wenden", "wendete", "wendeten", "gewandt", "gewendet",
        "richtete", "richteten", "richtet", "richten", "gerichtet",
    ]

    /// A clause "X wandte sich [adverbials] an Y" before the colon of a quote ("Die Ministerin
    /// wandte sich am Abend an die Eltern: „…“", "Dann richtete sich der Trainer an die Fans: „…“"):
    /// the cue is the verb, "sich" and "an" (as SpkAtt marks "wandte sich an"), the addressee the
    /// noun phrase after "an" up to the colon, and the speaker the subject of the verb; without the
    /// rule the phrase before the colon, the addressee, was taken for the speaker. Nil when the
    /// clause before `colon` (from `clauseStart`) is no such clause or the phrase after "an" does not
    /// reach the colon or names no one (a capitalised word, no pronoun).
    func turnedToAddressee(colon: Int, clauseStart start: Int) -> (cue: [Int], speaker: [Int], addressee: [Int])? {
        guard let verb = (start..<colon).first(where: { Self.turningForms.contains(words[$0].lower) && !insideQuote[$0] }),
            let reflexive = ((verb + 1)..<min(colon, verb + 8)).first(where: { words[$0].lower == "sich" }),
            let preposition = ((reflexive + 1)..<colon).last(where: { words[$0].lower == "an" }),
            !((verb + 1)..<colon).contains(where: { words[$0].kind == .punctuation || words[$0].kind == .quote && !insideQuote[$0] })
        else { return nil }
        let addressee = nounPhrase(from: preposition + 1)
        guard addressee.last == colon - 1, addressee.contains(where: { words[$0].capitalized }),
            !addressee.contains(where: { Self.pronouns.contains(words[$0].lower) }),
            let anyVerb = lexicon.verbForms["sagte"]?.first?.verb
        else { return nil }
        let cue = [verb, reflexive, preposition]
        // "Danach richtete sich der Trainer an …": a phrase in the nominative between "sich" and
        // "an" is the subject; else the subject of the verb as for any cue.
        let inverted = reflexive + 1 < preposition && ClauseSubjectFinder.nominativeDeterminers.contains(words[reflexive + 1].lower)
            ? nounPhrase(from: reflexive + 1) : []
        let speaker = !inverted.isEmpty && inverted.allSatisfy({ $0 < preposition }) && looksLikeSpeaker(inverted)
            ? inverted : subject(ofCue: [verb], finite: verb, verb: anyVerb).filter { $0 < preposition && $0 != reflexive }
        return (cue, speaker, addressee)
    }
}
