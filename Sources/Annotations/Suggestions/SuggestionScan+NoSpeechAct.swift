extension SuggestionScan {
    /// Words that give a court's sentence its penalty or its charge ("zu zwei Jahren Haft", "zum
    /// Tode", "wegen Betrugs").
    static let sentencingWords: Set<String> = ["zu", "zum", "zur", "wegen"]

    /// Words that negate a disclosure ("gab die Behörde nicht bekannt", "nannte keine Einzelheiten").
    static let withholdingWords: Set<String> = ["nicht", "keine", "keinen", "keiner", "keinerlei"]

    /// Verbs that judge something given ("wies die Vorwürfe zurück", "verurteilte den Einsatz",
    /// "lobte die Mannschaft"): their object is the thing judged, not what was said about it. They
    /// report speech only with the judgement itself: "als" and what it is called ("wies die Vorwürfe
    /// als haltlos zurück"), a clause, or a colon before the words. "kritisieren" is not among them:
    /// "X kritisierte die Entscheidung" is reported speech as the suggestion rules define it, with
    /// or without the judgement (on SpkAtt's dev part it is seldom marked alone; the rules keep it).
    static let judgingLemmas: Set<String> = ["verurteilen", "zurückweisen", "loben"]

    /// Words that carry the content of a judgement in its sentence: the predicative "als", a
    /// dass-clause, a colon.
    static let judgementWords: Set<String> = ["als", "dass", ":"]

    /// Endings of nouns for a contest or a living that "bestreiten" takes in its other sense
    /// ("bestreitet sein zweites Gruppenspiel", "bestritt das Finale", "bestreitet seinen
    /// Lebensunterhalt"): it contests or pays for them, it does not deny them.
    static let contestNounEndings: [String] = ["spiel", "partie", "match", "finale", "rennen", "turnier", "wettkampf", "unterhalt", "lebensunterhalt"]

    /// Whether a reporting verb with a plain object reports no speech act in its sentence: a court
    /// sentencing someone ("hat den Mann zu einer Geldstrafe verurteilt", "wegen Betrugs
    /// verurteilt"; "verurteilte den Anschlag" is speech), a disclosure withheld ("Die Identität
    /// gab die Behörde nicht bekannt", "nannte keine Einzelheiten"): no one said anything there; a
    /// judgement without its content ("Die Opposition lobte den Haushalt", see
    /// ``judgingLemmas``), or "bestreiten" of a game ("bestreitet das Auftaktspiel").
    func reportsNoSpeechAct(_ cue: (words: [Int], verb: Int), speaker: [Int], sentence: Range<Int>) -> Bool {
        let verb = lexicon.verbs[cue.verb]
        let outside = { (index: Int) in !speaker.contains(index) && !self.insideQuote[index] }
        if Self.judgingLemmas.contains(verb.lemma) {
            let judged = sentence.contains { outside($0) && (Self.judgementWords.contains(words[$0].lower) || isSubjunctiveWord($0)) }
            if !judged { return true }
        }
        if verb.lemma == "bestreiten" {
            return sentence.contains { index in
                outside(index) && words[index].kind == .word && words[index].capitalized
                    && !words[index].lower.hasSuffix("beispiel") && Self.contestNounEndings.contains { words[index].lower.hasSuffix($0) }
            }
        }
        let markers: Set<String>
        if verb.lemma == "verurteilen" {
            markers = Self.sentencingWords
        } else if verb.lemma == "bekanntgeben" || verb.lemma == "nennen" && verb.particle == nil {
            markers = Self.withholdingWords
        } else {
            return false
        }
        return sentence.contains { outside($0) && markers.contains(words[$0].lower) }
    }
}
