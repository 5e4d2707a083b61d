extension SuggestionScan {
    /// Where a speaker sits, attached to the noun phrase it follows: "in"/"aus" and a capitalised
    /// place ("die Regierung in Tallinn", "ein Sprecher des Landesamtes in Erfurt", "Helfer aus
    /// Tartu"), or "vor Ort" ("Die Behörden vor Ort"). The place must close the phrase: the
    /// sentence, a punctuation mark or a lowercase word (a verb, particle or adverb) follows it, so
    /// "in Berlin Journalisten" or "in der Nacht" are left out. Nil otherwise.
    func placeAttachment(at position: Int, after phrase: [Int], upper: Int) -> [Int]? {
        guard let last = phrase.last, position + 1 < upper, isGroupNoun(last) else { return nil }
        let word = words[position], next = words[position + 1]
        if word.lower == "vor", next.text == "Ort" { return [position, position + 1] }
        guard ["in", "aus"].contains(word.lower), next.kind == .word, next.capitalized, !lexicon.stopwords.contains(next.lower),
            !Self.timeNouns.contains(next.lower), !Self.months.contains(next.lower),
            // An abstract noun makes an idiom, no place ("in Erwägung", "aus Sorge").
            !["ung", "heit", "keit", "schaft", "nis", "sorge", "kraft", "haft", "sprache"].contains(where: { next.lower.hasSuffix($0) })
        else { return nil }
        let after = position + 2
        guard after >= upper || words[after].kind != .word
            || !words[after].capitalized && !Self.determiners.contains(words[after].lower) && !looksLikeAdjective(words[after])
        else { return nil }
        return [position, position + 1]
    }

    /// Whether the word ends a phrase naming a group, an office or an organisation rather than a
    /// person (a person's place is where the words were said, which SpkAtt leaves out: "sagte
    /// Kühn in Berlin"): a title or institution of the lexicon, a noun with an abstract or
    /// collective ending ("Regierung", "Behörden"), an abbreviation ("BKA", "( BKA )") or a
    /// closing quote after a name.
    func isGroupNoun(_ index: Int) -> Bool {
        let word = words[index]
        if word.text == ")" || word.kind == .quote { return true }
        guard word.kind == .word, word.capitalized else { return false }
        let letters = word.text.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2, letters.allSatisfy({ $0.properties.isUppercase }) { return true }
        if lexicon.isTitle(word.lower) || lexicon.isInstitution(word.lower) { return true }
        return ["ung", "ungen", "heit", "keit", "schaft", "ion", "tät", "amt", "amtes", "rat", "ium", "behörde", "behörden", "polizei", "sprecher", "ei"]
            .contains { word.lower.hasSuffix($0) }
    }
}
