extension SuggestionScan {
    /// The subject of a verb joined by "und"/"sowie" right before it to an earlier verb of its
    /// clause ("Der Minister bestellte den Botschafter ein und forderte ihn auf, …"): the words
    /// before such a verb are the first conjunct with its object, not a subject; both verbs share
    /// the subject that opens the clause at `first` (``openingSubject(from:upper:)``). Nil when no
    /// such subject opens it.
    func firstConjunctSubject(from first: Int, before coordinator: Int) -> [Int]? {
        guard coordinator > first, Self.verbCoordinators.contains(words[coordinator].lower), words[coordinator].text != "," else { return nil }
        guard let subject = openingSubject(from: first, upper: coordinator), let last = subject.last, last + 1 < coordinator else { return nil }
        return subject
    }

    /// The subject that opens a clause at `first` and is followed by its finite verb (a lowercase
    /// word that is no article) before `upper`: a subject with a name apposition between commas
    /// ("Die Botschafterin bei den Vereinten Nationen, Ada Lind, bekräftigte …") or a noun phrase.
    func openingSubject(from first: Int, upper: Int) -> [Int]? {
        guard first < upper, isPhraseStart(first) else { return nil }
        let subject: [Int]
        // Where the finite verb must stand: after the subject, or after the apposition's closing comma.
        let verb: Int
        if let comma = (first..<min(upper, first + 16)).dropFirst().first(where: { words[$0].text == "," }),
            let close = nameAppositionEnd(startingAt: comma, upper: upper), let phrase = appositionSubject(from: first, to: close)
        {
            subject = phrase
            verb = close + 1
        } else {
            // An article and any number of attributive adjectives before the noun ("Der erste
            // stellvertretende Außenminister …"), then the noun phrase from the noun on.
            var noun = first
            if Self.determiners.contains(words[noun].lower) { noun += 1 }
            while noun < upper, looksLikeAdjective(words[noun]) { noun += 1 }
            let tail = noun > first && noun < upper ? nounPhrase(from: noun) : []
            subject = tail.first == noun ? Array(first..<noun) + tail : nounPhrase(from: first)
            verb = (subject.last ?? upper) + 1
        }
        guard subject.first == first, verb < upper else { return nil }
        let next = words[verb]
        guard next.kind == .word, !next.capitalized, !Self.determiners.contains(next.lower) else { return nil }
        return subject
    }
}
