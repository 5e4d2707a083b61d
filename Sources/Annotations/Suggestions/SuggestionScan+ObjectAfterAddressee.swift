extension SuggestionScan {
    /// Verbs whose addressee is a dative beside an accusative object ("jemandem etwas vorwerfen");
    /// where the addressee is the accusative ("informierte den Minister Müller") no object follows it.
    static let addresseeAndObjectVerbs: Set<String> = ["vorwerfen", "vorhalten", "unterstellen", "zusichern"]

    /// The addressee without the verb's object where the two meet ("warf dem Minister Wortbruch
    /// vor", "wirft Anna Berger Betrug vor"): a verb that takes a dative addressee and an object needs
    /// the object, and when no clause after the cue can be it (the sentence ends there, or a clause
    /// of reason or time follows: "…, da er …"), the capitalised word that closes the addressee
    /// right before the cue is that object, not part of a name. The addressee keeps everything
    /// before it, which must hold a capitalised word too. Unchanged otherwise ("warf dem Minister
    /// Müller vor, er habe gelogen").
    func addresseeWithoutObject(_ addressee: [Int], cue: [Int], verb: SuggestionLexicon.Verb) -> [Int] {
        guard Self.addresseeAndObjectVerbs.contains(verb.lemma), addressee.count >= 2, let last = addressee.last,
            let cueEnd = cue.max(), cue.contains(last + 1)
        else { return addressee }
        let before = addressee[addressee.count - 2]
        guard before == last - 1, words[last].kind == .word, words[last].capitalized, words[before].kind == .word, words[before].capitalized,
            !Self.determiners.contains(words[last].lower)
        else { return addressee }
        let upper = sentenceRanges[words[last].sentence].upperBound
        let next = cueEnd + 1
        let noClauseObject = next >= upper || words[next].kind == .punctuation && words[next].text != "," && words[next].text != ":"
            || words[next].text == "," && next + 1 < upper && Self.adverbialSubordinators.contains(words[next + 1].lower)
                && !["und", "oder", "aber", "sondern", "ohne", "statt", "um"].contains(words[next + 1].lower)
        guard noClauseObject else { return addressee }
        return Array(addressee.dropLast())
    }
}
