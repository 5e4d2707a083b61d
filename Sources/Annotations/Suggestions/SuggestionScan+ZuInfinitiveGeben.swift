extension SuggestionScan {
    /// "geben" with the zu-infinitive of a verb of understanding is a reporting expression ("Die
    /// Stadt gab zu verstehen, dass …", "Der Trainer gab zu bedenken, die Saison sei lang"): the
    /// finite "geben" and "zu" with its infinitive are the cue, the subject of "geben" the speaker
    /// and the dass-, Konjunktiv- or zu-clause after the infinitive the message. `index` is the
    /// infinitive; the form of "geben" stands before it in the sentence (main clause) or right
    /// after it (verb-final). Whether a proposal was made.
    /// The rule at a "zu" (its infinitive follows) or at a form of "geben" with "zu" and such an
    /// infinitive later in its clause ("gab dem Rat zu verstehen"), before "zu geben" is taken
    /// for "zugeben". Whether a proposal was made.
    mutating func zuInfinitiveGeben(near index: Int, sentence: Int) -> Bool {
        let range = sentenceRanges[sentence]
        if words[index].lower == "zu" { return index + 1 < range.upperBound && zuInfinitiveGeben(at: index + 1, sentence: sentence) }
        var position = index + 1
        while position + 1 < min(range.upperBound, index + Self.window), words[position].text != ":", words[position].kind != .quote {
            if words[position].lower == "zu", Self.givenToUnderstand.contains(words[position + 1].lower) {
                return zuInfinitiveGeben(at: position + 1, sentence: sentence)
            }
            position += 1
        }
        return false
    }

    @discardableResult
    mutating func zuInfinitiveGeben(at index: Int, sentence: Int) -> Bool {
        let range = sentenceRanges[sentence]
        guard Self.givenToUnderstand.contains(words[index].lower), index - 1 > range.lowerBound, words[index - 1].lower == "zu",
            let verb = lexicon.verbForms["gab"]?.first?.verb
        else { return false }
        let lower = max(range.lowerBound, index - Self.window)
        let finite: Int
        if index + 1 < range.upperBound, Self.formsOfGeben.contains(words[index + 1].lower) {
            finite = index + 1
        } else if let before = (lower..<(index - 1)).last(where: { Self.formsOfGeben.contains(words[$0].lower) && !insideQuote[$0] }) {
            finite = before
        } else {
            return false
        }
        guard !((min(finite, index) + 1)..<max(finite, index - 1)).contains(where: { [":", ";"].contains(words[$0].text) || words[$0].kind == .quote }) else {
            return false
        }
        var cue = [finite, index - 1, index].sorted()
        let last = cue.max() ?? index
        guard let claim = messageAfter(last + 1, sentence: sentence, strict: true) else { return false }
        var head = finite
        // "hat zu verstehen gegeben": the auxiliary before is the finite verb.
        if finite > index, let auxiliary = (clauseStart(before: index, sentence: sentence)..<(index - 1)).last(where: { Self.auxiliaries.contains(words[$0].lower) }) {
            head = auxiliary
            cue.insert(auxiliary, at: 0)
        }
        let speaker = head < index ? subject(ofCue: cue, finite: head, verb: verb) : []
        add(Proposal(speakers: splitSpeakers(speaker), cue: cue, claim: claim, frame: frame(cue: cue, claim: claim), form: .indirect,
            confidence: 0.7, rule: "indirect.zu-infinitive-geben"))
        return true
    }

    /// Infinitives that "zu … geben" makes a way of saying something.
    static let givenToUnderstand: Set<String> = ["verstehen", "bedenken", "erkennen"]
    /// Finite forms of "geben" (and its participle).
    static let formsOfGeben: Set<String> = ["gibt", "gab", "gaben", "geben", "gebe", "gäbe", "gäben", "gegeben", "gabst", "gibst"]
}
