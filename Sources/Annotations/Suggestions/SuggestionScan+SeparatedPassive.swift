extension SuggestionScan {
    /// The agent of a passive whose auxiliary stands apart from the participle cue ("Seine Werke
    /// werden von Kennern als „…“ bezeichnet"): the noun phrase after "von"/"vom"/"durch" between a
    /// passive auxiliary of the clause and the cue. Nil when the cue is no lone word, no passive
    /// auxiliary stands before it in its clause, or no agent follows the auxiliary.
    func separatedPassiveAgent(cue: [Int], verb: Int, sentence: Int) -> [Int]? {
        guard cue.count == 1, let participle = cue.first, lexicon.verbs[verb].lemma != "zitieren" else { return nil }
        let start = clauseStart(before: participle, sentence: sentence)
        guard let auxiliary = (start..<participle).last(where: { Self.passiveAuxiliaries.contains(words[$0].lower) && !insideQuote[$0] }) else {
            return nil
        }
        for position in (auxiliary + 1)..<participle where Self.agentPrepositions.contains(words[position].lower) && !insideQuote[position] {
            let phrase = nounPhrase(from: position + 1)
            if !phrase.isEmpty, phrase.allSatisfy({ $0 < participle && !insideQuote[$0] }) { return phrase }
        }
        return nil
    }
}
