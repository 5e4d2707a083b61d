extension SuggestionScan {
    /// Verbs whose object after "an" is the addressee ("appellierte an die Lehrkräfte, …").
    static let appealVerbs: Set<String> = ["appellieren"]

    /// The addressee after "an" of an appeal whose addressee is still empty: "Er appellierte an die
    /// Lehrkräfte, …", "Die Ministerin appellierte am Abend an alle Eltern: „…“". SpkAtt leaves the
    /// preposition out of both the addressee and the cue, so an "an" the cue took (the verb's
    /// preposition) goes back to the frame. Only after the verb, in its sentence, outside the claim,
    /// the speakers and quotes; the phrase must name someone (a capitalised word, no pronoun).
    mutating func appealAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported {
            guard let verb = proposals[index].cue.first(where: { lexicon.reportingVerbLemma(of: words[$0].lower).map(Self.appealVerbs.contains) ?? false }),
                !proposals[index].claim.contains(verb)
            else { continue }
            let range = sentenceRanges[words[verb].sentence]
            let claim = Set(proposals[index].claim), speakers = Set(proposals[index].speakers.joined())
            guard let preposition = ((verb + 1)..<range.upperBound).first(where: { words[$0].lower == "an" && !insideQuote[$0] }),
                !claim.contains(preposition), !speakers.contains(preposition)
            else { continue }
            let phrase = nounPhrase(from: preposition + 1)
            guard !phrase.isEmpty, phrase.contains(where: { words[$0].capitalized }),
                !phrase.contains(where: { claim.contains($0) || speakers.contains($0) || Self.pronouns.contains(words[$0].lower) })
            else { continue }
            proposals[index].addressee = phrase
            proposals[index].cue.removeAll { $0 == preposition }
        }
    }
}
