extension SuggestionScan {
    /// Determiners that may open a dative object right after the verb.
    static let dativeOpenings: Set<String> = ["dem", "der", "einem", "einer", "den"]

    /// The dative object right after `verb` that ends right before `mark` or a word of the cue
    /// ("Schmid sagte der Zeitung: „…“", "Der Sprecher sagte dem Sender, …", "Er teilte der Presse
    /// mit, …"). Nil when the word after the verb opens no such phrase.
    func dativeAfterVerb(_ verb: Int, cue: [Int], endingBefore mark: String) -> [Int]? {
        let upper = sentenceRanges[words[verb].sentence].upperBound
        guard verb + 1 < upper, Self.dativeOpenings.contains(words[verb + 1].lower) else { return nil }
        let phrase = nounPhrase(from: verb + 1)
        guard let last = phrase.last, last + 1 < upper, words[last + 1].text == mark || cue.contains(last + 1) else { return nil }
        return phrase
    }
}
