extension SuggestionScan {
    /// Words and word pairs that open a list of examples of what was named before the comma.
    static let exampleOpenings: Set<String> = ["insbesondere", "besonders", "beispielsweise", "darunter", "vor allem", "zum beispiel"]

    /// Whether the words after a reporting verb's comma can be its message when no "dass" or
    /// Konjunktiv marks them: a clause, which has a finite verb, and one of its own. Not a second
    /// verb of the same subject or a preposed frame ("äußerte sich nicht, erklärte aber, …",
    /// "kündigte … an, berichtete die Zeitung": a finite verb first), and not a phrase without any
    /// word that could be a verb ("äußerte sich am Dienstag, 3. Mai, während der Sitzung": only
    /// numbers, nouns, articles, prepositions and attributive adjectives, with a number or a
    /// preposition among them: a date or an adverbial).
    func isCommaClauseMessage(_ claim: [Int]) -> Bool {
        guard let first = claim.first else { return false }
        let opening = words[first]
        // A clause of consequence or reason ("…, so dass die Produktion ruhte", "…, denn der Zug kam
        // zu spät") gives the circumstances, not what was said.
        if opening.lower == "denn" || opening.lower == "so" && claim.count > 1 && words[claim[1]].lower == "dass" { return false }
        // Words that single out examples ("warnte vor Gewalt, insbesondere gegen Kinder", "lobte die
        // Nachbarn, vor allem Polen") go on with the object before the comma: no message of their own.
        if Self.exampleOpenings.contains(opening.lower) || claim.count > 1 && Self.exampleOpenings.contains(opening.lower + " " + words[claim[1]].lower) {
            return false
        }
        if opening.kind == .word, !opening.capitalized,
            verbCue(at: first) != nil || Self.auxiliaries.contains(opening.lower) || Self.modals.contains(opening.lower)
        {
            return false
        }
        // Names alone may be a message cut short by the sentence splitter ("sagte, Ludwig XIV. „war …“").
        guard claim.contains(where: { words[$0].kind == .number || lexicon.stopwords.contains(words[$0].lower) }) else { return true }
        // A partial quote that opens at the clause's finite verb after its subject ("…, Karl V. „war ein
        // König für alle“"): the verb stands inside the quote, so the loop below, which skips quoted
        // words, would find none.
        for (offset, index) in claim.enumerated() where offset >= 2 && words[claim[offset - 1]].kind == .quote {
            let subject = words[claim[offset - 2]]
            if !words[index].capitalized, isVerbWord(words[index]), subject.capitalized || subject.text == "." { return true }
        }
        for (offset, index) in claim.enumerated() {
            let word = words[index]
            guard word.kind == .word, !word.capitalized, !insideQuote[index] else { continue }
            let lower = word.lower
            if lexicon.stopwords.contains(lower) || Self.determiners.contains(lower) || Self.genitiveDeterminers.contains(lower) { continue }
            if isAttributiveAdjective(at: offset, in: claim) { continue }
            return true
        }
        return false
    }
}
