extension SuggestionScan {
    /// "Wie eine Studie ergab, trinken viele Kinder …", "Die Kosten steigen, wie aus dem Bericht
    /// hervorgeht.": a wie-clause closed by one of the lexicon's wie-frame verbs (`wieframe.txt`:
    /// they report nothing elsewhere, "Die Suche ergab nichts") or by "bekannt wurde" is the
    /// frame of the clause after it (at the sentence start) or before it (at the sentence end);
    /// "wie" and the verb are the cue, the noun phrase in the clause, after "sich", "es" and a
    /// preposition, the source ("Wie bekannt wurde" has none). Whether a proposal was made.
    mutating func wieFrame(at wie: Int, sentence: Int) -> Bool {
        let range = sentenceRanges[sentence]
        let opening = wie == range.lowerBound
        guard opening || wie - 1 > range.lowerBound && words[wie - 1].text == "," else { return false }
        // The clause ends at the first comma (or, after a comma, at the sentence end) within 14 words.
        var end = wie + 1
        let limit = min(range.upperBound, wie + 15)
        while end < limit, words[end].kind != .punctuation || words[end].text == "(" || words[end].text == ")" { end += 1 }
        guard end < limit, end - 1 > wie else { return false }
        let closingComma = words[end].text == ","
        guard opening ? closingComma : end == range.upperBound - 1 && [".", "!"].contains(words[end].text) else { return false }
        let verb = end - 1
        var cue = [wie, verb]
        if ["wurde", "wird"].contains(words[verb].lower), verb - 1 > wie, words[verb - 1].lower == "bekannt" {
            cue = [wie, verb - 1, verb]
        } else if !lexicon.wieFrameVerbs.contains(words[verb].lower) {
            return false
        }
        var position = wie + 1
        while position < verb, ["sich", "es"].contains(words[position].lower) || lexicon.stopwords.contains(words[position].lower) {
            if words[position].lower == "sich" { cue.append(position) }
            position += 1
        }
        let phrase = position < verb ? nounPhrase(from: position).filter { $0 < verb } : []
        let claim: [Int]
        if opening {
            claim = trimmedEnd(Array((end + 1)..<range.upperBound), sentence: sentence)
        } else {
            claim = Array(range.lowerBound..<(wie - 1))
        }
        guard claim.count >= 3, let first = claim.first, words[first].kind != .quote, !insideQuote[wie] else { return false }
        cue.sort()
        add(Proposal(speakers: phrase.isEmpty ? [] : [phrase], cue: cue, claim: claim, frame: frame(cue: cue, claim: claim), form: .indirect,
            confidence: 0.6, rule: "indirect.wie-frame"))
        return true
    }
}
