extension SuggestionScan {
    /// The clause in Konjunktiv I that opens a sentence and introduces its quote after a colon
    /// ("Wie die Ministerin erklärte, habe …. Sachsen sei den Nachbarn zu Dank verpflichtet: „…“"):
    /// SpkAtt's guidelines annotate a Konjunktiv sentence without a frame as free indirect speech
    /// even where another form of speech is nested in it, and where only part of the sentence is
    /// in Konjunktiv only that part, here the clause with its colon. The clause must hold no quote,
    /// no claimed word and no reporting verb of its own (then it is the quote's frame), and a
    /// subjunctive auxiliary; its words from the sentence start through the colon, else nil.
    func subjunctiveClauseBeforeColon(in sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        guard range.count >= 6, range.count <= Self.longestSentence,
            let colon = range.prefix(Self.window).first(where: { words[$0].text == ":" && !insideQuote[$0] }),
            colon - range.lowerBound >= 4, colon + 2 < range.upperBound, words[colon + 1].kind == .quote, insideQuote[colon + 2]
        else { return nil }
        let clause = Array(range.lowerBound..<colon)
        guard !clause.contains(where: { insideQuote[$0] || claimed[$0] || words[$0].kind == .quote }),
            clause.contains(where: { VerbMorphology.subjunctiveAuxiliaries.contains(words[$0].lower) }),
            !clause.contains(where: { verbCue(at: $0) != nil }), !addressesReader(range)
        else { return nil }
        return clause + [colon]
    }
}
