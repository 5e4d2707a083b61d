extension SuggestionScan {
    /// Prepositions that open the topic of a quote announced by a colon ("zum Thema", "nach der
    /// Pleite", "über die Pläne"). Not "von", "aus" or "in", which attach to a speaker ("Sprecherin
    /// von Greenpeace", "Bürgermeister aus Lindenfeld").
    static let topicPrepositions: Set<String> = [
        "zum", "zur", "zu", "über", "nach", "vor", "gegen", "bei", "beim", "im", "mit", "auf", "für", "um", "wegen",
    ]

    /// "Fraktionschefin Lena Maurer zum Thema: „…“", "Trainer Sommer nach Pleite: „…“": when the
    /// phrase before the colon follows a topic preposition, the speaker is the phrase that opens the
    /// clause before that preposition, if it names someone. Nil otherwise (`phrase` stays).
    func speakerBeforeTopic(_ phrase: [Int], clauseStart start: Int, sentence: Int) -> [Int]? {
        guard var preposition = phrase.first.map({ $0 - 1 }), preposition > start else { return nil }
        // "zur geplanten Reform", "über die Pläne": an article or adjectives between.
        while preposition > start, !Self.topicPrepositions.contains(words[preposition].lower),
            Self.determiners.contains(words[preposition].lower) || looksLikeAdjective(words[preposition])
        {
            preposition -= 1
        }
        guard Self.topicPrepositions.contains(words[preposition].lower), preposition - 1 >= start else { return nil }
        let owner = withNameBefore(nounPhraseBackward(from: preposition - 1, limit: start), sentence: sentence)
        guard owner.first == start, looksLikeSpeaker(owner) else { return nil }
        return owner
    }
}
