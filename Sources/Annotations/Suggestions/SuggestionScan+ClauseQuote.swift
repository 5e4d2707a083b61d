extension SuggestionScan {
    /// Whether the word at `index` opens a quote whose first word is lowercase: a partial quote that
    /// goes on with the clause's verb ("der Papst „ist und bleibt …“"), never a quoted name ("die
    /// Zeitung „Die Welt“"). A name or office right before such a quote is the subject of that clause,
    /// so no noun phrase before it takes it in as an apposition.
    func opensClauseQuote(_ index: Int) -> Bool {
        guard index + 1 < words.count, words[index].kind == .quote, insideQuote[index + 1], index == 0 || !insideQuote[index - 1] else {
            return false
        }
        let first = words[index + 1]
        return first.kind == .word && !first.capitalized && first.sentence == words[index].sentence
    }
}
