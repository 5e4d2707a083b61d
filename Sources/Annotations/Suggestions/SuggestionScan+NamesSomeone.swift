extension SuggestionScan {
    /// Whether a subject names a person or a body, not a matter: it holds a title, office or
    /// institution of the lexicon or an abbreviation ("die SPD"), or it is a full name (two
    /// capitalised words or more, none of them looking like a common noun: "Kofi Annan"), or the
    /// surname alone of a full name named earlier ("Hanna Lindqvist …. Lindqvist reiste …").
    func namesSomeone(_ phrase: [Int]) -> Bool {
        let capitalized = phrase.filter { words[$0].kind == .word && words[$0].capitalized }
        if capitalized.contains(where: { lexicon.isTitle(words[$0].lower) || lexicon.isInstitution(words[$0].lower) }) { return true }
        if capitalized.contains(where: { index in
            let letters = words[index].text.unicodeScalars.filter { $0.properties.isAlphabetic }
            return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
        }) {
            return true
        }
        if phrase.count == 1, capitalized.count == 1, isKnownSurname(phrase[0]) { return true }
        return capitalized.count >= 2 && capitalized.count == phrase.count
            && capitalized.allSatisfy { !looksLikeCommonNoun(words[$0].lower) && lexicon.verbForms[words[$0].lower] == nil }
    }
}

extension SuggestionScan {
    /// Whether a capitalised word stood earlier in the document as the last part of a full name
    /// ("Javier Solana …. Solana will …"): right after another capitalised word, neither of them
    /// opening a sentence or looking like a common noun; or right after a title and a given name
    /// (``surnamesAfterTitles``: "Vorstandsmitglied Heike Brandner …. Brandner zeigte sich …"), where
    /// a surname that ends like a common noun ("-er", "-e": Brandner, Lange) is a name too.
    func isKnownSurname(_ index: Int) -> Bool {
        let text = words[index].text
        guard words[index].kind == .word, lexicon.verbForms[words[index].lower] == nil, !lexicon.stopwords.contains(words[index].lower)
        else { return false }
        if let first = surnamesAfterTitles[text], first < index { return true }
        guard !looksLikeCommonNoun(words[index].lower) else { return false }
        var position = 1
        while position < index {
            defer { position += 1 }
            guard words[position].text == text else { continue }
            let before = words[position - 1]
            if before.kind == .word, before.capitalized, before.sentence == words[position].sentence,
                !lexicon.stopwords.contains(before.lower), !looksLikeCommonNoun(before.lower) || lexicon.isTitle(before.lower)
            {
                return true
            }
        }
        return false
    }
}
