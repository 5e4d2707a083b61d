extension SuggestionScan {
    /// Words that give a court's sentence its penalty or its charge ("zu zwei Jahren Haft", "zum
    /// Tode", "wegen Betrugs").
    static let sentencingWords: Set<String> = ["zu", "zum", "zur", "wegen"]

    /// Words that negate a disclosure ("gab die Behörde nicht bekannt", "nannte keine Einzelheiten").
    static let withholdingWords: Set<String> = ["nicht", "keine", "keinen", "keiner", "keinerlei"]

    /// Whether a reporting verb with a plain object reports no speech act in its sentence: a court
    /// sentencing someone ("hat den Mann zu einer Geldstrafe verurteilt", "wegen Betrugs
    /// verurteilt"; "verurteilte den Anschlag" is speech), or a disclosure withheld ("Die Identität
    /// gab die Behörde nicht bekannt", "nannte keine Einzelheiten"): no one said anything there.
    func reportsNoSpeechAct(_ cue: (words: [Int], verb: Int), speaker: [Int], sentence: Range<Int>) -> Bool {
        let verb = lexicon.verbs[cue.verb]
        let markers: Set<String>
        if verb.lemma == "verurteilen" {
            markers = Self.sentencingWords
        } else if verb.lemma == "bekanntgeben" || verb.lemma == "nennen" && verb.particle == nil {
            markers = Self.withholdingWords
        } else {
            return false
        }
        return sentence.contains { !speaker.contains($0) && !insideQuote[$0] && markers.contains(words[$0].lower) }
    }
}
