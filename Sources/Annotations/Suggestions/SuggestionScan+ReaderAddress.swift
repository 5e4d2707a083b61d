extension SuggestionScan {
    /// Whether a sentence speaks to the reader with "du" or "ihr" ("Das könnte dir auch gefallen",
    /// "Lies auch deine Nachrichten"): outside quotes a news text addresses no one that way except
    /// its reader, so the sentence is the writer's own words (a page's boilerplate), not speech
    /// reported from someone mentioned before. Looks at the first ``window`` words only.
    func addressesReader(_ range: Range<Int>) -> Bool {
        range.prefix(Self.window).contains { index in
            !insideQuote[index] && words[index].kind == .word && Self.readerPronouns.contains(words[index].lower)
        }
    }

    /// Second-person pronouns and possessives of the familiar address.
    static let readerPronouns: Set<String> = ["du", "dir", "dich", "dein", "deine", "deinen", "deinem", "deiner", "deines", "euch", "euer", "eure", "euren", "eurem"]
}
