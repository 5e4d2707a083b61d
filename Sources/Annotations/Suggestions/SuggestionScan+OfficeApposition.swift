extension SuggestionScan {
    /// The office phrase that opens the sentence before a name set off by a comma ("Ein Sprecher
    /// der Polizei, Kommissar Jörg Mäder, sagte", "Die Agrarexpertin des Verbands,
    /// Lena Brandt"): SpkAtt takes such an apposition into the speaker span. `phrase` must
    /// be a name (capitalised words, no title but a leading one) right after the comma; the office
    /// phrase must hold a title or office word and no further comma. Returns the office words and
    /// the comma, nil otherwise.
    func officeBefore(_ phrase: [Int], sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        guard let first = phrase.first, first - 1 > range.lowerBound, words[first - 1].text == ",", first - range.lowerBound <= 14,
            phrase.count <= 4,
            phrase.allSatisfy({ words[$0].kind == .word && words[$0].capitalized && !lexicon.stopwords.contains(words[$0].lower) }),
            phrase.dropFirst().allSatisfy({ !lexicon.isTitle(words[$0].lower) && !lexicon.isInstitution(words[$0].lower) }),
            let office = appositionSubject(from: range.lowerBound, to: first - 1, commas: 0),
            office.contains(where: { words[$0].capitalized && lexicon.isTitle(words[$0].lower) })
        else { return nil }
        return office + [first - 1]
    }

    /// Whether an office apposition after a name ends before the word after `last`: a preposition
    /// or adverb opening the rest of the clause ("sagte Paul Lindqvist, General und Kommandeur
    /// der Mission am Montag"), not a conjunction or a relative clause.
    func closesApposition(after last: Int, upper: Int) -> Bool {
        guard last + 1 < upper else { return true }
        let next = words[last + 1]
        return next.kind == .word && !next.capitalized && lexicon.stopwords.contains(next.lower)
            && !["und", "oder", "sowie", "der", "die", "das", "den", "dem", "des"].contains(next.lower)
    }
}
