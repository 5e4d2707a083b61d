extension SuggestionScan {
    /// Participles that, after "An X" at the start of a sentence, say whom what follows is said to
    /// ("An die Gewerkschaften gewandt sagte Köhler, …").
    static let turnedParticiples: Set<String> = ["gewandt", "gewendet", "gerichtet"]
    /// Personal pronouns in the dative that can stand before "gegenüber" ("ihm gegenüber sagte er").
    static let dativePronouns: Set<String> = ["ihm", "ihr", "ihnen", "mir", "uns", "euch"]
    /// Forms of "stehen" and "treten": with them "X gegenüber" is an attitude or a meeting, not the
    /// addressee of a statement ("steht dem Plan kritisch gegenüber").
    static let facingVerbForms: Set<String> = [
        "steht", "stehen", "stand", "standen", "stehe", "stünde", "stünden", "gestanden", "tritt", "treten", "trat", "traten",
        "getreten", "sitzt", "saß", "gegenübersteht", "gegenüberstehen",
    ]

    /// Addressees named before the reporting verb, where the rules after the verb do not look: a
    /// fronted "An X" with an "an"-verb ("An die Regierung appellierte sie, …", "An die Eltern wandte
    /// sich die Ministerin: …", "An die Gewerkschaften gewandt sagte Köhler, …"), and "X gegenüber"
    /// with the preposition after its phrase ("sagte er der Zeitung gegenüber", "Ihr gegenüber hat
    /// er angegeben, …"). SpkAtt marks the preposition with the phrase here
    /// ("An die Regierung Myanmars", "Ihr gegenüber"), unlike after the verb ("appellierte an X",
    /// "gegenüber X"), but not before "gewandt" ("An die Gewerkschaften gewandt": the phrase alone). Only for attributions whose addressee is still empty, not for frames,
    /// and only outside the claim, the speakers, the cue and quotes.
    mutating func frontedAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported
            && !Self.framedRules.contains(proposals[index].rule)
        {
            guard let cueWord = proposals[index].cue.min(), !proposals[index].claim.contains(cueWord) else { continue }
            let range = sentenceRanges[words[cueWord].sentence]
            let taken = Set(proposals[index].claim).union(proposals[index].speakers.joined()).union(proposals[index].cue)
            if let phrase = frontedAnAddressee(cue: Set(proposals[index].cue), range: range) ?? postpositionAddressee(range: range),
                !phrase.contains(where: { taken.contains($0) || insideQuote[$0] })
            {
                proposals[index].addressee = phrase
            }
        }
    }

    /// "An X" opening the sentence (with "An"), right before the cue's finite verb of an "an"-verb
    /// ("appellierte", "wandte sich", "richtete sich") or before "gewandt"/"gerichtet" and the cue.
    private func frontedAnAddressee(cue: Set<Int>, range: Range<Int>) -> [Int]? {
        let first = range.lowerBound
        guard range.count > 3, words[first].lower == "an", !insideQuote[first] else { return nil }
        let phrase = nounPhrase(from: first + 1)
        guard let last = phrase.last, last + 1 < range.upperBound, phrase.contains(where: { words[$0].capitalized }),
            !phrase.contains(where: { Self.pronouns.contains(words[$0].lower) })
        else { return nil }
        var verb = last + 1
        let turned = Self.turnedParticiples.contains(words[verb].lower)
        if turned { verb += 1 }
        guard verb < range.upperBound, cue.contains(verb) else { return nil }
        if turned { return phrase }
        let lower = words[verb].lower
        if lexicon.reportingVerbLemma(of: lower).map(Self.appealVerbs.contains) ?? false { return [first] + phrase }
        // "An die Eltern wandte sich die Ministerin": the reflexive follows in the clause.
        let reflexive = ((verb + 1)..<min(range.upperBound, verb + 6)).contains { words[$0].lower == "sich" }
        return Self.turningForms.contains(lower) && reflexive ? [first] + phrase : nil
    }

    /// "X gegenüber" in the sentence, the phrase with the preposition after it: a dative pronoun or a
    /// phrase that names someone, the word after it no start of another phrase, and no "stehen" or
    /// "treten" in the sentence.
    private func postpositionAddressee(range: Range<Int>) -> [Int]? {
        guard let position = range.first(where: { words[$0].lower == "gegenüber" && !insideQuote[$0] }), position > range.lowerBound
        else { return nil }
        if position + 1 < range.upperBound {
            let next = words[position + 1]
            guard next.kind == .punctuation || next.kind == .word && !next.capitalized && !Self.determiners.contains(next.lower)
                && !Self.genitiveDeterminers.contains(next.lower)
            else { return nil }
        }
        guard !range.contains(where: { Self.facingVerbForms.contains(words[$0].lower) }) else { return nil }
        let before = position - 1
        if Self.dativePronouns.contains(words[before].lower) { return [before, position] }
        let phrase = nounPhraseBackward(from: before, limit: range.lowerBound)
        guard let start = phrase.first, Self.determiners.contains(words[start].lower) || words[start].capitalized,
            start == range.lowerBound || !Self.caseGoverningPrepositions.contains(words[start - 1].lower),
            namesSomeone(phrase) || Self.personNounEndings.contains(where: { words[before].lower.hasSuffix($0) })
                || Self.mediaNouns.contains(where: { words[before].lower.hasSuffix($0) })
        else { return nil }
        return phrase + [position]
    }
}
