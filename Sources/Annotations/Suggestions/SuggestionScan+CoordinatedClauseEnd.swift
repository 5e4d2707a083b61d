extension SuggestionScan {
    /// Conjunctions after a comma that open a main clause with the finite verb second ("…, und
    /// Anfang des Jahres erklärte die Regierung, …").
    static let mainClauseConjunctions: Set<String> = ["und", "aber", "doch", "sondern"]
    /// Subordinators after a comma that open a clause with the finite verb last ("…, während der
    /// Botschafter rief: …").
    static let verbFinalSubordinators: Set<String> = ["während", "als", "nachdem", "weil", "da", "wobei"]
    /// Plural modals, which ``modals`` leaves out.
    static let pluralModals: Set<String> = ["können", "konnten", "müssen", "sollen", "sollten", "wollen", "dürfen", "durften"]
    /// Most words between the conjunction and the verb of a joined clause.
    static let joinedClauseReach = 6

    /// A message ends before a clause joined by a comma and a conjunction that has a finite
    /// reporting verb of its own: verb second after a short prefield ("…, und im Mai erklärte
    /// die Stadt, …") or verb last after a subordinator ("…, während die Sprecherin rief: …").
    /// Such a clause reports someone's words itself and is no part of the message before it.
    /// Returns the claim up to the comma; the claim unchanged when no such clause follows.
    func untilCoordinatedClause(_ claim: [Int]) -> [Int] {
        guard claim.count > 4 else { return claim }
        for offset in 2..<(claim.count - 2) {
            let comma = claim[offset]
            guard words[comma].text == ",", !insideQuote[comma] else { continue }
            let conjunction = claim[offset + 1]
            let lower = words[conjunction].lower
            let verbSecond = Self.mainClauseConjunctions.contains(lower)
            guard verbSecond || Self.verbFinalSubordinators.contains(lower), let verb = joinedClauseVerb(after: conjunction, verbSecond: verbSecond),
                verb <= claim[claim.count - 1]
            else { continue }
            var kept = Array(claim[..<offset])
            while let last = kept.last, words[last].text == "," { kept.removeLast() }
            return kept.count >= 2 ? kept : claim
        }
        return claim
    }

    /// The finite reporting verb of the clause opened at `conjunction`: after one to
    /// ``joinedClauseReach`` words for a verb-second clause (before any auxiliary or modal), or
    /// closing a verb-final clause of as many words before punctuation. Nil for a clause opened by
    /// "dass", "ob" or a w-word after the conjunction (a second clause of the message).
    func joinedClauseVerb(after conjunction: Int, verbSecond: Bool) -> Int? {
        let sentence = sentenceRanges[words[conjunction].sentence]
        let start = conjunction + 1
        guard start < sentence.upperBound, !Self.complementizers.contains(words[start].lower) else { return nil }
        var index = start
        while index < min(sentence.upperBound, start + Self.joinedClauseReach + 1), words[index].kind == .word || words[index].kind == .number {
            // Another finite verb first ("…, aber Sie können sich … entscheiden"): the clause's verb is not a reporting one.
            if index > start, verbSecond, Self.auxiliaries.contains(words[index].lower) || Self.modals.contains(words[index].lower)
                || Self.pluralModals.contains(words[index].lower)
            {
                return nil
            }
            if index > start, isIndicativeReportingVerb(index) {
                if verbSecond { return index }
                let next = index + 1
                if next >= sentence.upperBound || words[next].kind == .punctuation { return index }
                return nil
            }
            index += 1
        }
        return nil
    }
}
