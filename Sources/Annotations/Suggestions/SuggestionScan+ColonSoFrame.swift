extension SuggestionScan {
    /// Adverbs that may follow the speaker of a "so" frame before a colon ("so Müller weiter:").
    static let soFrameAdverbs: Set<String> = ["weiter", "zudem", "außerdem", "abschließend", "ferner", "auch", "dazu"]

    /// The speaker of a "so" frame that ends at a colon ("…, so der Minister weiter: „…“"): the clause
    /// before the colon opens with "so" after a comma or dash, and holds one noun phrase and at most
    /// adverbs after it. Nil otherwise.
    func colonSoSpeaker(colon: Int, clauseStart start: Int) -> [Int]? {
        guard start > sentenceRanges[words[colon].sentence].lowerBound, start + 1 < colon, words[start].lower == "so",
            [",", "–"].contains(words[start - 1].text)
        else { return nil }
        let speaker = nounPhrase(from: start + 1)
        guard let last = speaker.last, speaker.first == start + 1, last < colon,
            ((last + 1)..<colon).allSatisfy({ Self.soFrameAdverbs.contains(words[$0].lower) })
        else { return nil }
        return speaker
    }
}
