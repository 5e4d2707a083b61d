extension SuggestionScan {
    /// The addressee named by a dative that opens the sentence, right before the reporting verb
    /// whose speaker follows it: "Dem Sender sagte er: „…“", "Einem Reporter erklärte die
    /// Ministerin, …", "Der Nachrichtenagentur dpa sagte ein Sprecher, …" ("der" only before a
    /// feminine medium: "Der Sprecher sagte" opens with its subject). Only for attributions whose
    /// addressee is still empty, and not for frames ("Dem Bericht zufolge").
    mutating func initialDativeAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported
            && !Self.framedRules.contains(proposals[index].rule)
        {
            guard let cueWord = proposals[index].cue.min(), lexicon.verbForms[words[cueWord].lower] != nil,
                let speaker = proposals[index].speakers.joined().min(), speaker > cueWord
            else { continue }
            let start = sentenceRanges[words[cueWord].sentence].lowerBound
            let article = words[start].lower
            guard start < cueWord, Self.dativeArticles.contains(article) || isFeminineMediumDative(from: start, to: cueWord), !insideQuote[start]
            else { continue }
            let phrase = nounPhrase(from: start)
            guard phrase.last == cueWord - 1, phrase.count >= 2, !phrase.contains(where: { proposals[index].claim.contains($0) }) else { continue }
            proposals[index].addressee = phrase
        }
    }

    /// Articles that open a dative noun phrase only.
    static let dativeArticles: Set<String> = ["dem", "einem"]

    /// Whether the words `first..<head` before a finite verb open with "der"/"einer" and a
    /// feminine medium as their first noun ("Der Zeitung", "Der Nachrichtenagentur dpa", "Einer
    /// Tageszeitung"): a dative, since a nominative would read "Die Zeitung". "Der Chef der
    /// Zeitung" opens with another noun and is the subject.
    func isFeminineMediumDative(from first: Int, to head: Int) -> Bool {
        guard ["der", "einer"].contains(words[first].lower), head - first <= 5,
            let noun = (first + 1..<head).first(where: { words[$0].kind == .word && words[$0].capitalized })
        else { return false }
        let lower = words[noun].lower
        return Self.feminineMediaNouns.contains { lower.hasSuffix($0) }
    }

    /// Media whose noun is feminine (also at the end of a compound: "Nachrichtenagentur", "Tageszeitung").
    static let feminineMediaNouns: [String] = ["zeitung", "agentur", "presse", "zeitschrift", "redaktion", "illustrierte", "website", "webseite"]
}
