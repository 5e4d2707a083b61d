extension SuggestionScan {
    /// Nouns of plans and rules that "nach" opening a clause makes a frame of as it does a reporting
    /// noun ("Nach den Planungen der Behörde …", "Nach der Verfassung muss …"; inside a clause
    /// "nach dem Gesetz" is as often part of the message): only the dative forms, so that a
    /// genitive after a temporal "nach" ("Nach Inkrafttreten des Gesetzes") is no frame. Matched
    /// as the end of a compound ("Landesverfassung", "Meldegesetz").
    static let nachFrameNouns: [String] = ["plan", "plänen", "planungen", "verfassung", "gesetz", "idee"]

    /// Whether the word after a clause-initial "nach" names a plan or a rule as its source.
    func isNachFrameNoun(_ index: Int) -> Bool {
        let word = words[index]
        guard word.kind == .word, word.capitalized else { return false }
        return Self.nachFrameNouns.contains { word.lower.hasSuffix($0) }
    }

    /// Reporting nouns that, after "nach" and a definite article, name an event the clause follows in
    /// time ("Nach der Veröffentlichung der Studie stieg …", "Nach der Nachricht vom Rücktritt …",
    /// "Nach den ersten Auszählungen gab die Kommission …"), not the source of what it says; with the
    /// indefinite article or none they are one ("Nach einer Veröffentlichung im Fachblatt …").
    static let nachEventNouns: Set<String> = ["veröffentlichung", "nachricht", "auszählung", "auszählungen", "zählung", "zählungen"]

    /// Whether the reporting noun at `noun` after "nach" at `preposition` names an event in time: one
    /// of ``nachEventNouns`` after a definite article right after "nach" (adjectives may stand between).
    func isEventAfterNach(_ preposition: Int, noun: Int) -> Bool {
        guard noun > preposition + 1, ["der", "dem", "den"].contains(words[preposition + 1].lower) else { return false }
        return Self.nachEventNouns.contains(words[noun].lower)
    }
}
