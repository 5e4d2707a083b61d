extension SuggestionScan {
    /// Words that open a clause about a zu-infinitive message, not part of it: a relative on the
    /// whole clause ("…, was er bestreitet") and adverbial subordinators ("…, nachdem …").
    static let infinitiveFollowers: Set<String> = ["was", "wobei", "weshalb", "weswegen", "woraufhin", "nachdem", "weil", "obwohl", "obgleich"]

    /// Whether the word is an infinitive with "zu": after a separate "zu" ("zu sammeln", "zu haben")
    /// or with "zu" after its particle ("zurückzuholen", "abzuziehen").
    func isZuInfinitive(_ index: Int) -> Bool {
        let word = words[index]
        guard word.kind == .word, !word.capitalized, word.lower.hasSuffix("n") else { return false }
        if index > 0, words[index - 1].lower == "zu" { return true }
        return word.lower.count > 6 && word.lower.dropFirst(2).dropLast(3).contains("zu") && lexicon.verbForms[word.lower] == nil
    }

    /// A comma-clause message that is a zu-infinitive ends with it ("warf ihm vor, Gelder erhalten
    /// zu haben, was er bestreitet", "forderte sie auf, das Gebiet zu verlassen – die Hälfte …"):
    /// before a comma opening a relative on the whole clause or an adverbial clause, or before a
    /// semicolon or a dash. The claim unchanged when no such end is found.
    func untilInfinitiveEnd(_ claim: [Int]) -> [Int] {
        guard claim.count > 3 else { return claim }
        for offset in 2..<(claim.count - 1) {
            let boundary = claim[offset]
            let text = words[boundary].text
            guard !insideQuote[boundary], [",", ";", "–", "-"].contains(text), isZuInfinitive(claim[offset - 1]) else { continue }
            if text == "," && !Self.infinitiveFollowers.contains(words[claim[offset + 1]].lower) { continue }
            return Array(claim[..<offset])
        }
        return claim
    }
}
