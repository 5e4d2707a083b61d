extension SuggestionScan {
    /// A subject that closes an enumeration opened before a comma ("Frankreich, Italien und Spanien
    /// forderten", "Die Organisationen Greenpeace, Campact und LobbyControl kritisierten"): the
    /// whole list from the sentence start, when the phrase holds "und" or "sowie" and the words
    /// before the comma are names or nouns only; nil otherwise.
    func enumerationBefore(_ phrase: [Int], sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        guard let first = phrase.first, first - 1 > range.lowerBound, words[first - 1].text == ",",
            phrase.contains(where: { ["und", "sowie"].contains(words[$0].lower) }),
            let list = appositionSubject(from: range.lowerBound, to: first - 1, commas: 0),
            list.allSatisfy({ words[$0].capitalized && words[$0].kind == .word || Self.determiners.contains(words[$0].lower) }),
            list.contains(where: { words[$0].capitalized })
        else { return nil }
        return list + [first - 1] + phrase
    }
}
