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
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form == .reported {
            if let phrase = reportedPerfectObject(proposals[index]) { proposals[index].addressee = phrase }
        }
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
            var opens = false
            if auxiliary == range.lowerBound + 1, Self.leadingAdverbs.contains(words[range.lowerBound].lower) {
                let after = nounPhrase(from: auxiliary + 1)
                if let last = after.last, last < participle { phrase = after }
                // "Zudem wurde die Stadt vom Verband aufgefordert": the agent is no part of the addressee.
                if let agent = phrase.firstIndex(where: { ["von", "vom", "durch"].contains(words[$0].lower) }) { phrase = Array(phrase[..<agent]) }
            } else if auxiliary > range.lowerBound {
                let opening = openingPhrase(before: auxiliary, sentenceStart: range.lowerBound)
                if let last = opening.last, last + 1 == auxiliary || last + 2 == auxiliary && words[last + 1].text == "," {
                    phrase = opening
                    opens = true
                }
            }
            // The phrase that opens a passive is its object, never its speaker ("Dem Berater X, einem
            // früheren Minister, wird vorgeworfen", "Der Regierung unter der Führung von X wird
            // vorgeworfen"): speakers found inside it give way to the addressee.
            let speakers = proposals[index].speakers.joined()
            let speakersInside = opens && !speakers.isEmpty && speakers.allSatisfy { phrase.contains($0) }
            let blocked = speakersInside ? Set(proposals[index].claim) : taken
            // A quote wholly inside the phrase is part of a name ("Der „Tricolore“ wurde vorgeworfen").
            let quoteInside = phrase.filter { words[$0].kind == .quote }.count >= 2
            guard !phrase.isEmpty, !phrase.contains(where: { blocked.contains($0) || insideQuote[$0] && !quoteInside }),
                phrase.contains(where: { words[$0].capitalized || Self.pronouns.contains(words[$0].lower) }),
                !["man", "es"].contains(words[phrase[0]].lower)
            else { continue }
            proposals[index].addressee = phrase
            if speakersInside {
                proposals[index].speakers = []
                proposals[index].antecedent = []
            }
        }
    }

    /// The addressee of reported speech in the active perfect ("Die Union hat die Regierung von
    /// Myanmar zur Kooperation aufgefordert", "Zapatero hat Deutschland Versagen vorgeworfen"):
    /// reported speech has no cue, so the auxiliary right after the speaker and a participle of
    /// ``passiveAddresseeParticiples`` later in the sentence are looked up here; the noun phrase
    /// right after the auxiliary, ending before the participle, is the addressee.
    func reportedPerfectObject(_ proposal: Proposal) -> [Int]? {
        guard let speakerEnd = proposal.speakers.joined().max(), speakerEnd + 2 < words.count else { return nil }
        let auxiliary = speakerEnd + 1
        let range = sentenceRanges[words[auxiliary].sentence]
        guard range.contains(auxiliary), Self.perfectAuxiliaries.contains(words[auxiliary].lower),
            let participle = ((auxiliary + 2)..<range.upperBound).first(where: { Self.passiveAddresseeParticiples.contains(words[$0].lower) })
        else { return nil }
        let phrase = nounPhrase(from: auxiliary + 1)
        guard let last = phrase.last, last < participle, phrase.contains(where: { words[$0].capitalized }),
            !phrase.contains(where: { insideQuote[$0] || Self.pronouns.contains(words[$0].lower) }),
            !Self.leadingAdverbs.contains(words[phrase[0]].lower)
        else { return nil }
        return phrase
    }

    /// Auxiliaries of the active perfect ("hat … aufgefordert").
    static let perfectAuxiliaries: Set<String> = ["hat", "haben", "hatte", "hatten", "habe", "hätte", "hätten"]

    /// Adverbs that may stand alone before the auxiliary of a passive with its addressee after it.
    static let leadingAdverbs: Set<String> = [
        "darin", "zudem", "außerdem", "dabei", "daher", "deshalb", "nun", "jetzt", "auch", "ferner", "zugleich", "heute", "gestern",
        "damals", "später", "bisher", "inzwischen", "mittlerweile", "erneut", "ebenfalls", "dort", "hier", "zuvor", "anschließend",
    ]

    /// The noun phrase that opens a sentence and runs up to the passive auxiliary at `auxiliary`:
    /// the plain noun phrase, or, when that stops at an apposition in commas or an attribute with
    /// "unter", "mit" or "von", the words up to the auxiliary when they hold no verb form and no
    /// clause ("Dem Berater X, einem früheren Minister, wird …", "Der Regierung unter der Führung
    /// von X wird …", "Menschen mit Atemproblemen wurde geraten").
    private func openingPhrase(before auxiliary: Int, sentenceStart: Int) -> [Int] {
        let plain = nounPhrase(from: sentenceStart)
        guard let last = plain.last, last + 1 < auxiliary, auxiliary - sentenceStart <= 14 else { return plain }
        let rest = (last + 1)..<auxiliary
        let linking: Set<String> = [",", "unter", "mit", "von", "vom", "aus", "in", "der", "des"]
        guard linking.contains(words[last + 1].lower),
            !rest.contains(where: { position in
                let word = words[position]
                return word.kind == .punctuation && word.text != "," || lexicon.verbForms[word.lower] != nil && !linking.contains(word.lower)
                    || Self.pronouns.contains(word.lower) || Self.adverbialSubordinators.contains(word.lower)
                    || ["und", "oder", "der", "die", "das"].contains(word.lower) && position > last + 1 && words[position - 1].text == ","
            })
        else { return plain }
        // Up to the comma right before the auxiliary, if any.
        let end = words[auxiliary - 1].text == "," ? auxiliary - 1 : auxiliary
        return Array(sentenceStart..<end)
    }
}
