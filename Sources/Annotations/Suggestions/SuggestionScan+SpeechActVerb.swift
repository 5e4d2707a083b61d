extension SuggestionScan {
    /// Whether the cue's verb names a speech act with a plain object, so that its sentence is
    /// reported speech ("Die Gewerkschaft kritisierte die Pläne"): the lexicon's `report` flag,
    /// and for a verb flagged `reportprep` its preposition in the cue ("sprach von einem Erfolg";
    /// "sprach mit der Presse", "sprechen für Romney" name no content). Verbs that only take a
    /// stance on something given ("würdigte", "bedauerte", "bestätigte den Vorfall", "lehnte den
    /// Antrag ab") carry no flag: they report a clause, not a plain object.
    func namesSpeechAct(_ cue: (words: [Int], verb: Int)) -> Bool {
        let verb = lexicon.verbs[cue.verb]
        guard verb.reports else { return false }
        guard verb.reportsOnlyWithPreposition else { return true }
        guard let preposition = verb.preposition else { return false }
        return cue.words.contains { words[$0].lower == preposition }
    }
}
