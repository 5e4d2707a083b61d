extension SuggestionScan {
    /// Whether a comma clause is a relative clause on the noun before it, by word order: it opens
    /// with "der"/"die"/"das"/"dem"/"den" and its finite verb stands last — after a predicate
    /// adjective ("…, die fähig sind") or after one noun ("…, das Extremisten beobachtet") — where a
    /// message in verb-second order has more after its verb ("…, die Lage ist ernst") and a
    /// Konjunktiv I marks reported speech ("…, das Werk schließe"). Looks at the claim's first clause
    /// (up to a comma) of three words: the pronoun, one noun or adjective, the verb; the comma
    /// before it must follow a noun.
    func isVerbFinalRelativeClause(_ claim: [Int]) -> Bool {
        let clause = Array(claim.prefix { words[$0].text != "," })
        // The relative clause follows its noun: a capitalised word before the comma ("das Institut, das …"),
        // not the reporting verb ("sagte, die Polizei ermittelt, …").
        guard clause.count == 3, let first = clause.first, let last = clause.last, first >= 2, words[first - 1].text == ",",
            words[first - 2].capitalized, words[first - 2].kind == .word, ["der", "die", "das", "dem", "den"].contains(words[first].lower)
        else { return false }
        let verb = words[last]
        guard verb.kind == .word, !verb.capitalized, !insideQuote[last], !isSubjunctiveWord(last),
            !VerbMorphology.subjunctiveAuxiliaries.contains(verb.lower), !lexicon.stopwords.contains(verb.lower)
        else { return false }
        let middle = clause.dropFirst().dropLast()
        // One noun ("das Extremisten beobachtet"), or a predicate adjective before an auxiliary ("die fähig sind").
        if middle.count == 1, let only = middle.first {
            let word = words[only]
            if word.kind == .word, word.capitalized { return true }
            return word.kind == .word && looksLikePredicative(word.lower) && Self.auxiliaries.contains(verb.lower)
        }
        return false
    }

    /// A lowercase word with no inflection ending, as a predicate adjective stands ("fähig", "bereit").
    func looksLikePredicative(_ lower: String) -> Bool {
        !lexicon.stopwords.contains(lower) && !Self.determiners.contains(lower) && lexicon.verbForms[lower] == nil
            && !["e", "en", "er", "es", "em"].contains(where: { lower.hasSuffix($0) })
    }
}
