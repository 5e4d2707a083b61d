extension SuggestionScan {
    /// Participles of verbs whose object is the addressee and stays one in the passive ("Ihm wird
    /// vorgeworfen, …", "Der Minister wurde aufgefordert, …").
    static let passiveAddresseeParticiples: Set<String> = [
        "vorgeworfen", "beschuldigt", "aufgefordert", "gebeten", "geraten", "angewiesen", "nachgesagt", "empfohlen",
        "untersagt", "verboten", "ermahnt", "gewarnt", "angeklagt", "bezichtigt",
    ]

    /// The addressee of a passive attribution with a participle of
    /// ``passiveAddresseeParticiples``, whose addressee is still empty: the noun phrase before the
    /// auxiliary that opens the sentence ("Dem Trainer wird vorgeworfen, …", "Die Männer werden
    /// beschuldigt, …"), or, after one adverb there, the phrase right after the auxiliary ("Darin
    /// wird der König aufgefordert, …").
    mutating func passiveAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported {
            let cue = proposals[index].cue.sorted()
            guard let participle = cue.first(where: { Self.passiveAddresseeParticiples.contains(words[$0].lower) }),
                let auxiliary = cue.first(where: { Self.passiveAuxiliaries.contains(words[$0].lower) }), auxiliary < participle
            else { continue }
            let range = sentenceRanges[words[auxiliary].sentence]
            let taken = Set(proposals[index].claim).union(proposals[index].speakers.joined())
            var phrase: [Int] = []
            if auxiliary == range.lowerBound + 1, Self.leadingAdverbs.contains(words[range.lowerBound].lower) {
                let after = nounPhrase(from: auxiliary + 1)
                if let last = after.last, last < participle { phrase = after }
            } else if auxiliary > range.lowerBound {
                let opening = nounPhrase(from: range.lowerBound)
                if let last = opening.last, last + 1 == auxiliary || last + 2 == auxiliary && words[last + 1].text == "," {
                    phrase = opening
                }
            }
            // "Zudem wurde die Stadt vom Verband aufgefordert": the agent is no part of the addressee.
            if let agent = phrase.firstIndex(where: { ["von", "vom", "durch"].contains(words[$0].lower) }) { phrase = Array(phrase[..<agent]) }
            guard !phrase.isEmpty, !phrase.contains(where: { taken.contains($0) || insideQuote[$0] }),
                phrase.contains(where: { words[$0].capitalized || Self.pronouns.contains(words[$0].lower) }),
                !["man", "es"].contains(words[phrase[0]].lower)
            else { continue }
            proposals[index].addressee = phrase
        }
    }

    /// Adverbs that may stand alone before the auxiliary of a passive with its addressee after it.
    static let leadingAdverbs: Set<String> = [
        "darin", "zudem", "außerdem", "dabei", "daher", "deshalb", "nun", "jetzt", "auch", "ferner", "zugleich", "heute", "gestern",
        "damals", "später", "bisher", "inzwischen", "mittlerweile", "erneut", "ebenfalls", "dort", "hier", "zuvor", "anschließend",
    ]
}
