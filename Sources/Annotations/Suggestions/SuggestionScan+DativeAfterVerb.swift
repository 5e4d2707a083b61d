extension SuggestionScan {
    /// Determiners that may open a dative object right after the verb.
    static let dativeOpenings: Set<String> = ["dem", "der", "einem", "einer", "den"]

    /// Audience nouns whose bare form is a dative plural ("sagte Reportern", "erklärte Journalisten");
    /// "Presse", "Medien", "Parlament" and "Publikum" need an article to be one.
    static let bareAudienceNouns = audienceNouns.subtracting(["presse", "medien", "parlament", "publikum"])

    /// The dative object right after `verb` that ends right before `mark` or a word of the cue
    /// ("Schmid sagte der Zeitung: „…“", "Der Sprecher sagte dem Sender, …", "Er teilte der Presse
    /// mit, …"). After "den" the phrase must be a dative plural naming people or a body ("sagte den
    /// Reportern"): "wies den Vorwurf zurück", "bezifferte den Schaden auf …" have an accusative
    /// object, no addressee. Nil when the word after the verb opens no such phrase.
    func dativeAfterVerb(_ verb: Int, cue: [Int], endingBefore mark: String) -> [Int]? {
        let upper = sentenceRanges[words[verb].sentence].upperBound
        guard verb + 1 < upper, Self.dativeOpenings.contains(words[verb + 1].lower) else { return nil }
        let phrase = nounPhrase(from: verb + 1)
        guard let last = phrase.last, last + 1 < upper, words[last + 1].text == mark || cue.contains(last + 1) else { return nil }
        if words[verb + 1].lower == "den" {
            guard let noun = phrase.first(where: { words[$0].kind == .word && words[$0].capitalized }), words[noun].lower.hasSuffix("n"),
                namesSomeone(Array(phrase[...(phrase.firstIndex(of: noun) ?? 0)])) || Self.personNounEndings.contains(where: { words[noun].lower.hasSuffix($0) })
            else { return nil }
        }
        return phrase
    }

    /// An addressee without article right after `verb` that ends right before `mark`: an audience
    /// in the dative plural ("Der Minister sagte Reportern, …", "sagte US-Journalisten: „…“") or a
    /// medium's name in capitals ("Ein Sprecher sagte SPIEGEL ONLINE, …", "sagte AFP, …"). Only for
    /// a speaker before the verb: after it such a word may be the subject. Nil otherwise.
    func bareAddresseeAfterVerb(_ verb: Int, endingBefore mark: String) -> [Int]? {
        let upper = sentenceRanges[words[verb].sentence].upperBound
        guard verb + 1 < upper else { return nil }
        let first = words[verb + 1]
        guard first.kind == .word, first.capitalized else { return nil }
        let audience = Self.bareAudienceNouns.contains { first.lower == $0 || first.lower.hasSuffix("-" + $0) }
        if audience, verb + 2 < upper, words[verb + 2].text == mark { return [verb + 1] }
        // One to three words in capitals, each of two letters or more ("AFP", "SPIEGEL ONLINE").
        var end = verb + 1
        while end < upper, end - verb <= 3, isCapitalsName(words[end]) { end += 1 }
        guard end > verb + 1, end < upper, words[end].text == mark else { return nil }
        return Array((verb + 1)..<end)
    }

    /// A word in capitals only, of two letters or more ("AFP", "ONLINE", "N-TV").
    private func isCapitalsName(_ word: Word) -> Bool {
        guard word.kind == .word else { return false }
        let letters = word.text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
            && word.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" }
    }
}
