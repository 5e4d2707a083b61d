extension SuggestionScan {
    /// Verbs whose addressee is a dative beside an accusative object ("jemandem etwas vorwerfen");
    /// where the addressee is the accusative ("informierte den Minister Müller") no object follows it.
    static let addresseeAndObjectVerbs: Set<String> = ["vorwerfen", "vorhalten", "unterstellen", "zusichern"]

    /// The addressee without the verb's object where the two meet ("warf dem Minister Wortbruch
    /// vor", "wirft Anna Berger Betrug vor", "werfen Bürgermeister Jonas Körner Verzögerung der
    /// Sanierung vor"): a verb that takes a dative addressee and an object needs the object, and when
    /// no clause after the cue can be it (the sentence ends there, or a clause of reason or time
    /// follows: "…, da er …"), the noun phrase that closes the addressee right before the cue is that
    /// object, not part of a name: its capitalised head with any genitive attributes after it ("der
    /// Sanierung") and adjectives before it. The addressee keeps everything before the object, which
    /// must end in a capitalised word (SpkAtt's Addressee is the whole phrase that names the one
    /// addressed, a name of several words included). Unchanged otherwise ("warf dem Minister Müller
    /// vor, er habe gelogen").
    func addresseeWithoutObject(_ addressee: [Int], cue: [Int], verb: SuggestionLexicon.Verb) -> [Int] {
        guard Self.addresseeAndObjectVerbs.contains(verb.lemma), addressee.count >= 2, let last = addressee.last,
            let cueEnd = cue.max(), cue.contains(last + 1)
        else { return addressee }
        let upper = sentenceRanges[words[last].sentence].upperBound
        let next = cueEnd + 1
        let noClauseObject = next >= upper || words[next].kind == .punctuation && words[next].text != "," && words[next].text != ":"
            || words[next].text == "," && next + 1 < upper && Self.adverbialSubordinators.contains(words[next + 1].lower)
                && !["und", "oder", "aber", "sondern", "ohne", "statt", "um"].contains(words[next + 1].lower)
        guard noClauseObject, let object = objectStart(closing: addressee), object > 0 else { return addressee }
        let kept = Array(addressee[..<object])
        guard let end = kept.last, words[end].kind == .word, words[end].capitalized, !Self.determiners.contains(words[end].lower) else { return addressee }
        return kept
    }

    /// Where the object noun phrase that closes `phrase` starts (a position in `phrase`): its
    /// capitalised last word, the nouns before it that it is a genitive attribute of ("Verzögerung
    /// der Sanierung"), and the attributive adjectives before the head ("mangelnde Sorgfalt"). Nil
    /// when the phrase does not end in a capitalised word or has gaps.
    func objectStart(closing phrase: [Int]) -> Int? {
        guard let last = phrase.last, words[last].kind == .word, words[last].capitalized, !Self.determiners.contains(words[last].lower),
            zip(phrase, phrase.dropFirst()).allSatisfy({ $0 + 1 == $1 })
        else { return nil }
        var start = phrase.count - 1
        while start >= 2, Self.genitiveDeterminers.contains(words[phrase[start - 1]].lower), words[phrase[start - 2]].capitalized,
            !Self.determiners.contains(words[phrase[start - 2]].lower)
        {
            start -= 2
        }
        while start >= 1, looksLikeAdjective(words[phrase[start - 1]]) { start -= 1 }
        return start
    }
}
