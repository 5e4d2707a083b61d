extension SuggestionScan {
    /// Separable particles that close a clause before its colon ("Dabei griff sie den Minister an:").
    static let clauseFinalParticles: Set<String> = [
        "an", "aus", "ein", "fest", "hinzu", "vor", "zu", "zurück", "bei", "mit", "dar", "heraus", "hervor", "klar", "fort",
    ]

    /// The speaker of a quote announced by a colon that ends a clause opened by an adverbial or an
    /// object, the subject standing right after the finite verb ("Dabei griff sie den Präsidenten
    /// direkt an: „…“", "Hier sparte der Bundespräsident nicht mit Kritik: „…“"): that subject, a
    /// personal pronoun or a phrase naming someone; the cue is the finite verb with a reflexive
    /// right after it or the subject and a separated particle right before the colon. Nil when the
    /// clause opens with its subject (the plain colon rule's) or no such subject follows the verb.
    func colonInvertedSpeaker(colon: Int) -> (speaker: [Int], cue: [Int])? {
        guard colon > 0, words[colon].text == ":" else { return nil }
        let sentence = words[colon].sentence
        guard sentenceRanges[sentence].count <= Self.longestSentence, let clause = invertedClause(in: sentence),
            let last = clause.subject.last, last < colon, words[clause.subject[0]].lower != "man",
            !(sentenceRanges[sentence].lowerBound..<colon).contains(where: { insideQuote[$0] || claimed[$0] || words[$0].text == "," })
        else { return nil }
        // The words before the verb are an adverbial or an object, never a speaker of their own.
        let prefield = Array(sentenceRanges[sentence].lowerBound..<clause.finite)
        guard !prefield.contains(where: { words[$0].kind != .word && words[$0].kind != .number }),
            !prefield.contains(where: { words[$0].capitalized && (lexicon.isTitle(words[$0].lower) || lexicon.isInstitution(words[$0].lower)) })
        else { return nil }
        var cue = [clause.finite]
        if clause.finite + 1 < colon, words[clause.finite + 1].lower == "sich" { cue.append(clause.finite + 1) }
        if last + 1 < colon, words[last + 1].lower == "sich", !cue.contains(last + 1) { cue.append(last + 1) }
        if colon - 1 > last, Self.clauseFinalParticles.contains(words[colon - 1].lower) { cue.append(colon - 1) }
        return (clause.subject, cue)
    }
}
