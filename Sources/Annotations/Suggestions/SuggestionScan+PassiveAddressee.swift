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
    /// wird der König aufgefordert, …"). In the active perfect the phrase right after the auxiliary,
    /// when the speaker stands before it ("Die Verbände haben der Ministerin vorgeworfen, …").
    mutating func passiveAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported {
            let cue = proposals[index].cue.sorted()
            guard let participle = cue.first(where: { Self.passiveAddresseeParticiples.contains(words[$0].lower) }) else { continue }
            let taken = Set(proposals[index].claim).union(proposals[index].speakers.joined())
            if let perfect = cue.first(where: { Self.perfectAuxiliaries.contains(words[$0].lower) }), perfect < participle {
                // "Die Verbände haben der Ministerin vorgeworfen, …": in the active perfect the object
                // follows the auxiliary when the speaker stands before it.
                guard let speakerEnd = proposals[index].speakers.joined().max(), speakerEnd < perfect else { continue }
                let phrase = nounPhrase(from: perfect + 1)
                if let last = phrase.last, last < participle, !phrase.contains(where: { taken.contains($0) || insideQuote[$0] }),
                    !((last + 1)..<participle).contains(where: { words[$0].kind != .word }),
                    phrase.contains(where: { words[$0].capitalized }), !Self.leadingAdverbs.contains(words[phrase[0]].lower)
                {
                    proposals[index].addressee = phrase
                }
                continue
            }
            guard let auxiliary = cue.first(where: { Self.passiveAuxiliaries.contains(words[$0].lower) }), auxiliary < participle else { continue }
            let range = sentenceRanges[words[auxiliary].sentence]
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

    /// Auxiliaries of the active perfect ("hat … aufgefordert").
    static let perfectAuxiliaries: Set<String> = ["hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten"]

    /// Adverbs that may stand alone before the auxiliary of a passive with its addressee after it.
    static let leadingAdverbs: Set<String> = [
        "darin", "zudem", "außerdem", "dabei", "daher", "deshalb", "nun", "jetzt", "auch", "ferner", "zugleich", "heute", "gestern",
        "damals", "später", "bisher", "inzwischen", "mittlerweile", "erneut", "ebenfalls", "dort", "hier", "zuvor", "anschließend",
    ]
}
