extension SuggestionScan {
    /// "Die Brücke bleibt gesperrt, heißt es in der Mitteilung der Stadt.": an impersonal "heißt
    /// es" after a comma and before a place reports the clause before it; the place after "es" is
    /// the source. Quotes before the comma are the quote rules', and a clause with no place after
    /// "es" is left to free indirect speech, which may continue the speaker before ("…. Die Betten
    /// seien knapp, hieß es.").
    mutating func impersonalAfterClause(at index: Int, sentence: Int) {
        let range = sentenceRanges[sentence]
        let claim = Array(range.lowerBound..<(index - 1))
        guard claim.count >= 3, words[claim[0]].kind != .quote, !insideQuote[claim[0]], words[index - 2].kind != .quote,
            !claim.contains(where: { claimed[$0] })
        else { return }
        let place = ClauseSubjectFinder.impersonalSource(in: self, afterEs: index + 1, upper: range.upperBound)
        // "…, heißt es darin": the text named before is the source; the annotator names it.
        guard place != nil || index + 2 < range.upperBound && Self.referringBackPlaces.contains(words[index + 2].lower) else { return }
        let cue = [index, index + 1]
        add(Proposal(speakers: place.map { [$0] } ?? [], cue: cue, claim: claim, frame: frame(cue: cue, claim: claim), form: .indirect,
            confidence: 0.6, rule: "indirect.clause-heisst-es"))
    }

    /// Adverbs after "heißt es" that point back to a text named before ("heißt es darin").
    static let referringBackPlaces: Set<String> = ["darin", "dort"]

    /// Forms of "lassen" that make "verlauten" a cue of the subject ("Der Investor ließ verlauten, …").
    static let formsOfLassen: Set<String> = ["ließ", "ließen", "lässt", "lasse", "lassen", "ließe", "gelassen"]

    /// Prepositions whose phrase opening a sentence names where an impersonal verb's news comes
    /// from ("Aus Kreisen der Regierung verlautete, …").
    static let impersonalOpenings: Set<String> = ["aus", "von", "vom", "bei", "beim"]

    /// The source of an impersonal reporting verb ("verlauten") with no subject: the sentence's
    /// opening prepositional phrase, preposition included, as SpkAtt marks it ("Aus Kreisen der
    /// Regierung verlautete, …"). Nil when the sentence opens otherwise.
    func impersonalOpening(before head: Int, sentence: Int) -> [Int]? {
        let range = sentenceRanges[sentence]
        let first = range.lowerBound
        guard head - first >= 2, head - first <= 12, Self.impersonalOpenings.contains(words[first].lower),
            !(first..<head).contains(where: { words[$0].kind == .punctuation || words[$0].kind == .quote })
        else { return nil }
        return Array(first..<head)
    }
}
