extension SuggestionScan {
    /// How many sentences back free indirect speech takes the speaker of the last attribution
    /// when the sentences between bring in no one new (``continuesSpeaker(from:to:)``).
    static let guardedSpeakerReach = 3

    /// Whether free indirect speech in `sentence` still continues the attribution whose speaker
    /// was last carried in `speakerSentence`, two or three sentences back: every sentence between
    /// holds no attribution and brings in no new person as its subject, neither at its start nor
    /// right after its finite verb ("Die Ministerin warnte, …. Dabei verwies sie auf …. Die Lage
    /// sei ernst."; not "…. Der Bürgermeister besuchte das Lager. Die Lage sei ernst.").
    func continuesSpeaker(from speakerSentence: Int, to sentence: Int) -> Bool {
        guard speakerSentence >= 0, sentence - speakerSentence > 1, sentence - speakerSentence <= Self.guardedSpeakerReach else { return false }
        for between in (speakerSentence + 1)..<sentence {
            let range = sentenceRanges[between]
            guard !range.isEmpty, !range.contains(where: { claimed[$0] || insideQuote[$0] }) else { return false }
            if let subject = sentenceSubject(between), !isSpeakerPronoun(subject) { return false }
            if let inverted = invertedSubject(in: between), !isSpeakerPronoun(inverted) { return false }
        }
        return true
    }

    /// Whether a phrase is the pronoun "er" or "sie" alone, which refers back and names no one new.
    func isSpeakerPronoun(_ phrase: [Int]) -> Bool {
        phrase.count == 1 && Self.speakerPronouns.contains(words[phrase[0]].lower)
    }

    /// The phrase right after the finite verb of a sentence that opens with an adverbial or an
    /// object ("Dabei verwies sie …", "Am Abend traf der Minister …"): a pronoun, or a noun phrase
    /// that names someone. Nil when the sentence opens with its subject or none is found.
    func invertedSubject(in sentence: Int) -> [Int]? {
        invertedClause(in: sentence)?.subject
    }

    /// The finite verb of a sentence that opens with an adverbial or an object and the subject right
    /// after it (``invertedSubject(in:)``). Nil when the sentence opens with its subject or none is found.
    func invertedClause(in sentence: Int) -> (finite: Int, subject: [Int])? {
        let range = sentenceRanges[sentence]
        let limit = min(range.upperBound, range.lowerBound + 8)
        guard let finite = (range.lowerBound..<limit).dropFirst().first(where: {
            let word = words[$0]
            return word.kind == .word && !word.capitalized && (Self.auxiliaries.contains(word.lower) || Self.modals.contains(word.lower)
                || lexicon.verbForms[word.lower] != nil || !lexicon.stopwords.contains(word.lower) && !Self.determiners.contains(word.lower))
        }) else { return nil }
        let start = ClauseSubjectFinder.subjectStart(in: self, after: finite + 1, upper: range.upperBound, limit: finite + 6)
        guard start < range.upperBound else { return nil }
        if Self.pronouns.contains(words[start].lower) { return (finite, [start]) }
        let phrase = nounPhrase(from: start)
        guard !phrase.isEmpty, namesSomeone(phrase) else { return nil }
        return (finite, phrase)
    }
}
