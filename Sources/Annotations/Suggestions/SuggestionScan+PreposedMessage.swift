extension SuggestionScan {
    /// Whether the words before ", sagte er" are a noun phrase and no clause: capitalised words,
    /// numbers, articles, attributive adjectives (a lowercase word with an adjective ending right
    /// before a noun or another adjective), prepositions and conjunctions joining nouns, and the
    /// commas of an apposition ("Der Vorsitzende des Vereins, Anton Pichler"). A preposed message
    /// is a clause (with a finite verb) or a quote, so such words are the subject of the verb, not
    /// what it reports.
    func isVerblessPhrase(_ claim: [Int]) -> Bool {
        guard let first = claim.first, isPhraseStart(first) else { return false }
        for (offset, index) in claim.enumerated() {
            let word = words[index]
            if word.capitalized || word.kind == .number || word.text == "," || word.text == "-" { continue }
            guard word.kind == .word else { return false }
            let lower = word.lower
            if Self.determiners.contains(lower) || Self.genitiveDeterminers.contains(lower) || Self.phraseJoiners.contains(lower) { continue }
            if isAttributiveAdjective(at: offset, in: claim) { continue }
            return false
        }
        return true
    }

    /// Prepositions, "und" and genitive articles inside a noun phrase ("der Botschafter bei den
    /// Vereinten Nationen", "Der Botschafter bei den Vereinten Nationen, Anna Berg,"): the place
    /// prepositions but "auf" (which opens an adverbial before a verb more often: "auf Nachfrage"),
    /// "für", "und", "der", "des".
    static let phraseJoiners: Set<String> = placePrepositions.subtracting(["auf"]).union(["und", "für", "der", "des"])
}


extension SuggestionScan {
    /// Whether the word at `offset` of `words` is an attributive adjective: an adjective ending,
    /// before a noun or another adjective, and after an article, a preposition or adverb, a number,
    /// another adjective or a comma, or first ("der neue Leiter", "mit großer Mehrheit"). After a
    /// noun such a word is a finite verb ("Die Behörden prüfen Vorwürfe").
    func isAttributiveAdjective(at offset: Int, in phrase: [Int]) -> Bool {
        let word = words[phrase[offset]]
        guard looksLikeAdjective(word), offset + 1 < phrase.count else { return false }
        let next = words[phrase[offset + 1]]
        guard next.capitalized && next.kind == .word || looksLikeAdjective(next) else { return false }
        guard offset > 0 else { return true }
        let before = words[phrase[offset - 1]]
        return Self.determiners.contains(before.lower) || Self.genitiveDeterminers.contains(before.lower) || lexicon.stopwords.contains(before.lower)
            || Self.phraseJoiners.contains(before.lower) || before.kind == .number || before.text == "," || looksLikeAdjective(before)
    }
}
