extension SuggestionScan {
    /// Nouns of holding a view that make a reporting phrase with "sein", "vertreten" or "teilen"
    /// ("ist der Meinung", "vertritt die Auffassung", "sind der gegenteiligen Ansicht").
    static let opinionNouns: Set<String> = ["meinung", "ansicht", "auffassung", "überzeugung"]
    /// Finite forms of the verbs that make a reporting phrase with an opinion noun.
    static let opinionVerbs: Set<String> = [
        "ist", "sind", "war", "waren", "bin", "vertritt", "vertreten", "vertrat", "vertraten", "teilt", "teilen", "teilte", "teilten",
    ]

    /// Whether a lowercased word is one of ``opinionVerbs``; the first byte and the length rule out
    /// almost every word before the set is asked, as this runs on every word of the text.
    static func isOpinionVerb(_ word: String) -> Bool {
        let bytes = word.utf8
        guard bytes.count >= 3, bytes.count <= 9, let first = bytes.first,
            first == UInt8(ascii: "i") || first == UInt8(ascii: "s") || first == UInt8(ascii: "w") || first == UInt8(ascii: "b")
                || first == UInt8(ascii: "v") || first == UInt8(ascii: "t")
        else { return false }
        return opinionVerbs.contains(word)
    }

    /// "Die Gewerkschaft ist der Meinung, dass …", "Nun vertritt der Verband die Auffassung, …":
    /// the verb, the article, an adjective and the opinion noun are the cue, the comma clause after
    /// the noun is the message, and the subject before the verb (or right after it) the source.
    mutating func opinionPhrase(at verb: Int, sentence: Int) {
        let range = sentenceRanges[sentence]
        guard !insideQuote[verb], verb > range.lowerBound else { return }
        // The speaker may stand between the verb and the article ("Daher ist die Regierung der Meinung").
        var article = verb + 1
        let limit = min(range.upperBound - 1, verb + 10)
        var noun: Int?
        while article < limit, words[article].kind == .word {
            if words[article].lower == "der" || words[article].lower == "die" {
                var position = article + 1
                while position < min(limit, article + 3), words[position].kind == .word, !words[position].capitalized { position += 1 }
                if position < range.upperBound, Self.opinionNouns.contains(words[position].lower) {
                    noun = position
                    break
                }
            }
            article += 1
        }
        guard let noun, noun + 1 < range.upperBound, words[noun + 1].text == ",",
            let claim = messageAfter(noun + 1, sentence: sentence, strict: false), let first = claim.first,
            !Self.adverbialSubordinators.contains(words[first].lower), !["deren", "dessen", "denen", "welche", "welcher", "welches"].contains(words[first].lower)
        else { return }
        // "…, dass sie der Meinung sind": a verb-final clause is not this shape.
        let start = clauseStart(before: verb, sentence: sentence)
        guard start < verb, !Self.complementizers.contains(words[start].lower), !Self.relativePronouns.contains(words[start].lower) || start == range.lowerBound
        else { return }
        var speaker: [Int] = []
        if article > verb + 1 {
            let phrase = nounPhrase(from: verb + 1)
            if phrase.last == article - 1 { speaker = phrase }
        }
        // Else the prefield ("Die Schutzvereinigung ( DSW ) ist …", "37 Prozent sind jedoch …", "Einige vertreten …").
        if speaker.isEmpty, isPhraseStart(start) || words[start].kind == .number || Self.determiners.contains(words[start].lower),
            !isObjectCase(start), verb - start <= 15,
            !(start..<verb).contains(where: { words[$0].kind == .punctuation && !["(", ")"].contains(words[$0].text) })
        {
            speaker = Array(start..<verb)
        }
        guard !speaker.isEmpty, looksLikeSpeaker(speaker) || Self.pronouns.contains(words[speaker[0]].lower) else { return }
        let cue = [verb] + Array(article...noun)
        let form: AttributionForm = claim.contains(where: { insideQuote[$0] }) ? .mixed : .indirect
        add(Proposal(speakers: splitSpeakers(speaker), cue: cue, claim: claim, frame: frame(cue: cue, claim: claim), form: form,
            confidence: 0.7, rule: "indirect.opinion-phrase"))
    }
}
