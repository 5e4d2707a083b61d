extension SuggestionScan {
    /// Whether the cue's verb names a speech act with a plain object, so that its sentence is
    /// reported speech ("Die Gewerkschaft forderte höhere Löhne"): the lexicon's `report` flag,
    /// and for a verb flagged `reportprep` its preposition in the cue ("sprach von einem Erfolg";
    /// "sprach mit der Presse", "sprechen für Romney" name no content). Verbs that only take a
    /// stance on something given ("würdigte", "bedauerte", "bestätigte den Vorfall", "lehnte den
    /// Antrag ab") carry no flag: they report a clause, not a plain object.
    func namesSpeechAct(_ cue: (words: [Int], verb: Int)) -> Bool {
        let verb = lexicon.verbs[cue.verb]
        guard verb.reports else { return false }
        guard verb.reportsOnlyWithPreposition else { return true }
        guard let preposition = verb.preposition, let position = cue.words.first(where: { words[$0].lower == preposition }) else { return false }
        // "für" names a judgement only before a predicative adjective, which the cue then holds
        // ("hält X für wahrscheinlich"); before an attributive one or a numeral it is a duration or a
        // purpose ("hält für zwei Minuten", "hält für kurze Zeit"). "plädieren für" takes a noun phrase.
        if preposition == "für", verb.lemma == "halten" {
            guard cue.words.contains(position + 1) else { return false }
            let next = position + 2
            let sentence = sentenceRanges[words[position].sentence]
            if next < sentence.upperBound, words[next].kind == .word, words[next].capitalized { return false }
        }
        return true
    }
}
