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
}
