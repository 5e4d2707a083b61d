extension SuggestionScan {
    /// Subordinators that open an adverbial clause put before the main clause ("Nachdem er … hat,
    /// habe er …", "Weil die Stadt … erklärte, wurde …").
    static let frontedSubordinators: Set<String> = [
        "nachdem", "weil", "als", "wenn", "obwohl", "da", "während", "bevor", "seit", "seitdem", "sobald", "falls", "sofern", "obgleich",
    ]

    /// Whether the main clause after a fronted adverbial clause is taken for the message of that
    /// clause's verb: the cue's clause opens the sentence with a subordinator and ends in a finite
    /// auxiliary or modal right after the verb (an event told as done, "Nachdem die
    /// Stadt die Polizei informiert hatte", "Falls die Art als bedroht eingestuft wird"), and the
    /// words after its comma open with a finite auxiliary or modal, the main clause's verb in second
    /// place. Such a main clause reports nothing of the subordinate clause's verb. A verb in a simple
    /// tense is left alone ("Obwohl der Minister mit mehr Steuern rechnet, sei man …": SpkAtt takes
    /// the main clause as his).
    func isMainClauseAfterFrontedClause(_ claim: [Int], clauseStart start: Int, finite: Int, sentence: Int) -> Bool {
        guard start == sentenceRanges[sentence].lowerBound, Self.frontedSubordinators.contains(words[start].lower),
            let first = claim.first, first >= finite + 2, first <= finite + 3, words[first - 1].text == ",", isFiniteAuxiliary(words[first - 2].lower)
        else { return false }
        return isFiniteAuxiliary(words[first].lower)
    }

    /// Whether a lowercased word is a finite auxiliary or modal, indicative or subjunctive.
    private func isFiniteAuxiliary(_ lower: String) -> Bool {
        Self.auxiliaries.contains(lower) || Self.modals.contains(lower) || VerbMorphology.subjunctiveAuxiliaries.contains(lower)
    }
}
