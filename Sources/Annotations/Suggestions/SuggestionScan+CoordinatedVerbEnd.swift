extension SuggestionScan {
    /// A message ends where a second finite reporting verb of the matrix subject joins on ("Der
    /// Minister sagte, dass die Hilfen reichten, und forderte die Länder auf, …", "…, dass die
    /// Lage ernst sei, betonte aber, …"): a finite verb right after "und", "sowie" or a comma (and
    /// a conjunction) cannot continue a verb-final dass-clause, and in the indicative it is no
    /// Konjunktiv message either, so it is the next main clause with a message of its own (a comma
    /// clause without "dass" only once a Konjunktiv marks it as reported). Returns
    /// the claim up to that conjunction; the claim unchanged when no such verb follows.
    func untilCoordinatedVerb(_ claim: [Int]) -> [Int] {
        guard claim.count > 4 else { return claim }
        // In an indicative main clause after the comma ("sagte, die Stadt plant … und fordert …") the
        // verb may be the message's own; a dass-clause or a Konjunktiv before it rules that out.
        let subordinate = Self.complementizers.contains(words[claim[0]].lower)
        for offset in 2..<(claim.count - 1) {
            let joint = claim[offset]
            guard !insideQuote[joint], Self.verbCoordinators.contains(words[joint].lower),
                subordinate || claim[..<offset].contains(where: { isSubjunctiveWord($0) && !insideQuote[$0] })
            else { continue }
            var verb = joint + 1
            if words[joint].text == ",", verb < words.count, Self.leadingConjunctions.contains(words[verb].lower) { verb += 1 }
            guard verb <= claim[claim.count - 1], isIndicativeReportingVerb(verb) else { continue }
            var kept = Array(claim[..<offset])
            while let last = kept.last, words[last].text == "," { kept.removeLast() }
            return kept.count >= 2 ? kept : claim
        }
        return untilCoordinatedClause(claim)
    }

    /// Whether the word is a finite form of a reporting verb, lowercase, outside quotes and not in
    /// the Konjunktiv ("forderte", "erklärte"; not "fordere", not the participle "gefordert").
    func isIndicativeReportingVerb(_ index: Int) -> Bool {
        let word = words[index]
        guard word.kind == .word, !word.capitalized, !insideQuote[index], !isSubjunctiveWord(index),
            let forms = lexicon.verbForms[word.lower], forms.contains(where: { $0.form.kind == .finite }), verbCue(at: index) != nil
        else { return false }
        return true
    }
}

extension SuggestionScan {
    /// Whether a second finite reporting verb joins on with "und"/"sowie" in the clause from
    /// `position` before its next punctuation ("bestritt die Vorwürfe nicht und erklärte, dass …"):
    /// the sentence's message is then that verb's, and the first verb makes no proposal of its own.
    func reportingVerbJoinsOn(from position: Int, sentence: Int) -> Bool {
        let upper = min(sentenceRanges[sentence].upperBound, position + Self.window)
        var index = position
        while index + 1 < upper, words[index].kind == .word || words[index].kind == .number {
            if ["und", "sowie"].contains(words[index].lower), isIndicativeReportingVerb(index + 1) { return true }
            index += 1
        }
        return false
    }
}
