extension SuggestionScan {
    /// The addressee named by a dative that opens the sentence, right before the reporting verb
    /// whose speaker follows it: "Dem Sender sagte er: „…“", "Einem Reporter erklärte die
    /// Ministerin, …" ("dem" and "einem" only: "Der Sprecher sagte" opens with its subject). Only
    /// for attributions whose addressee is still empty, and not for frames ("Dem Bericht zufolge").
    mutating func initialDativeAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported
            && !Self.framedRules.contains(proposals[index].rule)
        {
            guard let cueWord = proposals[index].cue.min(), lexicon.verbForms[words[cueWord].lower] != nil,
                let speaker = proposals[index].speakers.joined().min(), speaker > cueWord
            else { continue }
            let start = sentenceRanges[words[cueWord].sentence].lowerBound
            let article = words[start].lower
            guard start < cueWord, Self.dativeArticles.contains(article), !insideQuote[start] else { continue }
            let phrase = nounPhrase(from: start)
            guard phrase.last == cueWord - 1, phrase.count >= 2, !phrase.contains(where: { proposals[index].claim.contains($0) }) else { continue }
            proposals[index].addressee = phrase
        }
    }

    /// Articles that open a dative noun phrase only.
    static let dativeArticles: Set<String> = ["dem", "einem"]
}
