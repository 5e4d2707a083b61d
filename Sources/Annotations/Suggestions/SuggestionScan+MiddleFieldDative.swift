extension SuggestionScan {
    /// Determiners whose phrase can only be a dative ("dem", "einem", "seinem", "ihrem", …).
    static let dativeOnlyDeterminers: Set<String> = [
        "dem", "einem", "seinem", "ihrem", "diesem", "jedem", "keinem", "unserem", "meinem", "deinem", "eurem",
    ]
    /// Determiners that open a dative plural when the noun after them ends in "n" ("den Mitarbeitern",
    /// "allen Beteiligten", "seinen Anhängern"); before another noun they are accusatives ("den Rücktritt").
    static let dativePluralDeterminers: Set<String> = ["den", "allen", "seinen", "ihren", "diesen", "unseren"]
    /// Prepositions that govern a dative or accusative: a phrase after one is no object of the verb
    /// ("Nach dem Treffen sagte er", "hat mit den Mitarbeitern gesprochen").
    static let caseGoverningPrepositions: Set<String> = [
        "nach", "mit", "von", "vom", "bei", "beim", "aus", "zu", "zum", "zur", "seit", "gegenüber", "in", "im", "an", "am", "auf",
        "unter", "vor", "hinter", "neben", "über", "zwischen", "entgegen", "gemäß", "laut", "außer", "ab", "samt", "nebst", "für",
        "gegen", "durch", "ohne", "um", "wegen", "trotz", "während", "dank", "binnen", "mitsamt",
    ]

    /// The addressee named by a dative object right before a reporting verb at the end of its
    /// clause, where German puts the objects of the verb (the middle field): "Der Präsident hat in
    /// einem Brief den Abgeordneten mitgeteilt, dass …", "…, indem er seinem früheren Arbeitgeber
    /// vorwarf, …", "Am Freitag hatte der Verlagsleiter den 18 Mitarbeitern erklärt, …". The case
    /// tells it: the phrase opens with a determiner that only a dative has ("dem", "einem",
    /// "seinem"), or with "den"/"allen" before a noun in "-n" (a dative plural); a phrase after a
    /// preposition ("mit dem Minister gesprochen") is no object, nor is one that names a matter
    /// ("einem solchen Einsatz zustimmen": the head must name a person or body). Only for attributions with a cue
    /// whose addressee is still empty, not for frames, and only outside the claim, the speakers
    /// and quotes.
    mutating func middleFieldDativeAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported
            && !Self.framedRules.contains(proposals[index].rule)
        {
            let proposal = proposals[index]
            guard let first = proposal.cue.min() else { continue }
            let lower = sentenceRanges[words[first].sentence].lowerBound
            let taken = Set(proposal.claim).union(proposal.speakers.joined()).union(proposal.cue)
            for verb in proposal.cue.sorted() where verb - 1 >= lower && !taken.contains(verb - 1) && lexicon.verbForms[words[verb].lower] != nil {
                guard let phrase = dativePhrase(endingAt: verb - 1, lower: lower), !phrase.contains(where: { taken.contains($0) || insideQuote[$0] })
                else { continue }
                proposals[index].addressee = phrase
                break
            }
        }
    }

    /// The dative noun phrase that ends at `end` (a capitalised word), reaching back no further than
    /// `lower`: a determiner of the dative, then adjectives, numbers and capitalised words. Nil when
    /// the phrase opens otherwise or follows a preposition.
    func dativePhrase(endingAt end: Int, lower: Int) -> [Int]? {
        guard words[end].kind == .word, words[end].capitalized, !Self.determiners.contains(words[end].lower) else { return nil }
        var position = end
        while position > lower, end - position < 6 {
            let word = words[position - 1]
            if Self.dativeOnlyDeterminers.contains(word.lower) || Self.dativePluralDeterminers.contains(word.lower) { break }
            let number = word.kind == .number
            let adjective = word.kind == .word && !word.capitalized && ["e", "en", "em", "er"].contains { word.lower.hasSuffix($0) }
                && lexicon.verbForms[word.lower] == nil && !lexicon.stopwords.contains(word.lower) && !Self.determiners.contains(word.lower)
                && !Self.genitiveDeterminers.contains(word.lower)
            guard number || word.kind == .word && (word.capitalized && !Self.determiners.contains(word.lower) || adjective) else { return nil }
            position -= 1
        }
        guard position > lower else { return nil }
        let determiner = position - 1
        let article = words[determiner].lower
        if determiner > lower, Self.caseGoverningPrepositions.contains(words[determiner - 1].lower) { return nil }
        if Self.dativePluralDeterminers.contains(article) {
            // The first noun after the determiner carries the plural dative "-n" ("den 18 Mitarbeitern").
            guard let noun = (position...end).first(where: { words[$0].capitalized }), words[noun].lower.hasSuffix("n") else { return nil }
        } else if !Self.dativeOnlyDeterminers.contains(article) {
            return nil
        }
        let phrase = Array(determiner...end)
        return namesSomeone(phrase) || Self.personNounEndings.contains(where: { words[end].lower.hasSuffix($0) }) ? phrase : nil
    }

    /// Endings of nouns for persons and groups of them ("Mitarbeitern", "Arbeitgeber", "Journalisten",
    /// "Ministerin"): a dative object of a reporting verb that names a matter ("einem solchen Einsatz
    /// zugestimmt", "dem Vorschlag widersprochen") is no addressee.
    static let personNounEndings: [String] = ["er", "ern", "in", "innen", "ten", "isten", "enten"]
}
