extension SuggestionScan {
    /// The person a free indirect sentence opens with after "Für" ("Für den Theologen Hans Küng
    /// sei der Rücktritt verständlich"): whose view the sentence gives, when the phrase names
    /// someone and a subjunctive finite verb follows it right away. Nil otherwise.
    func fuerPerson(of sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        guard range.count > 3, words[range.lowerBound].lower == "für" else { return nil }
        let phrase = nounPhrase(from: range.lowerBound + 1)
        guard let last = phrase.last, phrase.first == range.lowerBound + 1, last + 1 < range.upperBound,
            !phrase.contains(where: { insideQuote[$0] }), !Self.possessives.contains(words[phrase[0]].lower),
            namesSomeone(phrase) || endsInFullName(phrase)
        else { return nil }
        let verb = last + 1
        guard isSubjunctiveWord(verb) else { return nil }
        return phrase
    }

    /// Whether a phrase ends in a full name: two capitalised words, neither looking like a common
    /// noun or a verb form ("den Theologen Hans Küng").
    func endsInFullName(_ phrase: [Int]) -> Bool {
        guard phrase.count >= 2 else { return false }
        return phrase.suffix(2).allSatisfy {
            words[$0].kind == .word && words[$0].capitalized && !looksLikeCommonNoun(words[$0].lower) && lexicon.verbForms[words[$0].lower] == nil
                && !lexicon.stopwords.contains(words[$0].lower)
        }
    }
}

extension SuggestionScan {
    /// A quote with no cue of its own in a sentence that opens with a "Für" person before a
    /// subjunctive verb, Konjunktiv I or II ("Für die Ministerin könnte der Plan „zu neuen
    /// Spannungen führen“"): the quote gives that person's view, so the person is its speaker, not
    /// the speaker of an attribution before, and it takes no cue from there.
    mutating func fuerPersonQuotes() {
        for index in proposals.indices where proposals[index].form == .direct && proposals[index].rule == "direct.quote-previous-speaker" {
            guard let first = proposals[index].claim.min(), let person = fuerPerson(of: words[first].sentence) else { continue }
            proposals[index].speakers = [person]
            proposals[index].antecedent = []
            proposals[index].cue = []
            proposals[index].frame = []
        }
    }
}
