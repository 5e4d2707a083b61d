extension SuggestionScan {
    /// A subject with an apposition that opens the second clause of a sentence, between the comma
    /// after the first clause and the comma right before the verb ("Die Ministerin wies das zurück,
    /// die Sprecherin der Fraktion, Jana Kühn, erklärte: „…“"). The phrase runs from the word after
    /// the second comma back from `comma` to `comma`, holds one inner comma, names an office or
    /// institution of the lexicon, and the inner comma opens no relative clause. Nil otherwise.
    func appositionAfterClause(before comma: Int, sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        var commas: [Int] = []
        var position = comma - 1
        while position > range.lowerBound, commas.count < 2 {
            if words[position].text == "," { commas.append(position) }
            if commas.count < 2 { position -= 1 }
        }
        guard commas.count == 2, position > range.lowerBound, position + 1 < comma else { return nil }
        let start = position + 1
        let inner = commas[0]
        guard Self.determiners.contains(words[start].lower) || words[start].capitalized,
            inner + 1 < comma, !Self.relativePronouns.contains(words[inner + 1].lower),
            let phrase = appositionSubject(from: start, to: comma), looksLikeSpeaker(phrase),
            phrase.contains(where: { words[$0].capitalized && (lexicon.isTitle(words[$0].lower) || lexicon.isInstitution(words[$0].lower)) })
        else { return nil }
        return phrase
    }
}
