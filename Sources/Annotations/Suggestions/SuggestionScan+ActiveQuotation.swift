extension SuggestionScan {
    /// Active "zitieren" names two people: its subject quotes, its accusative object is quoted
    /// ("Die Agentur zitierte den Bürgermeister, Otto Brandl, mit den Worten, er habe …", "…,
    /// zitierte die Zeitung Frau Lenz."). Both are speakers of the one frame, each a phrase of its
    /// own; "mit den Worten" belongs to the cue and the object is neither part of the quoter nor of
    /// the message. The message is a preposed clause before ", zitierte …" or the dass-, Konjunktiv-
    /// or zu-clause after the object. Whether a proposal was made; without an object, or in the
    /// passive ("wird … zitiert", the subject is the quoted one), the general rules apply.
    mutating func activeQuotation(cue: (words: [Int], verb: Int), finite: Int, sentence: Int) -> Bool {
        guard lexicon.verbs[cue.verb].lemma == "zitieren",
            !cue.words.contains(where: { Self.passiveAuxiliaries.contains(words[$0].lower) || words[$0].lower == "worden" })
        else { return false }
        let range = sentenceRanges[sentence]
        let head = cue.words.min() ?? finite
        var quoter = subject(ofCue: cue.words, finite: finite, verb: cue.verb)
        guard let quoterFirst = quoter.first else { return false }
        var quoted: [Int] = []
        // After the verb the two phrases may run together ("zitierte die Zeitung Frau Lenz").
        if quoterFirst > head, let cut = quoter.indices.dropFirst().first(where: { opensQuotedPerson(quoter[$0], after: quoter[$0 - 1]) }) {
            quoted = Array(quoter[cut...])
            quoter = Array(quoter[..<cut])
        }
        var end = max(cue.words.max() ?? head, quoter.max() ?? head)
        if quoted.isEmpty, end + 1 < range.upperBound, isObjectCase(end + 1) || opensQuotedPerson(end + 1, after: end) {
            let phrase = nounPhrase(from: end + 1)
            if phrase.first == end + 1, looksLikeSpeaker(Array(phrase.dropFirst())) || phrase.count == 1 { quoted = phrase }
        }
        guard let quotedLast = quoted.last, !quoted.contains(where: { insideQuote[$0] }) else { return false }
        end = max(end, quotedLast)
        var cueWords = cue.words
        // ", mit den Worten, …": the words that announce the message are part of the cue.
        var position = end + 1
        if position < range.upperBound, words[position].text == "," { position += 1 }
        if position + 2 < range.upperBound, words[position].lower == "mit", ["den", "folgenden"].contains(words[position + 1].lower),
            words[position + 2].lower == "worten"
        {
            cueWords += [position, position + 1, position + 2]
            end = position + 2
        }
        let speakers = [quoter, quoted].filter { !$0.isEmpty }
        let start = clauseStart(before: head, sentence: sentence)
        if start == head, head - 1 > range.lowerBound, words[head - 1].text == "," {
            // "…, zitierte die Zeitung Frau Lenz."
            let claim = Array(range.lowerBound..<(head - 1))
            guard claim.count >= 3, words[head - 2].kind != .quote, !insideQuote[claim[0]], words[claim[0]].kind != .quote else { return false }
            add(Proposal(speakers: speakers, cue: cueWords, claim: claim, frame: frame(cue: cueWords, claim: claim), form: .indirect,
                confidence: 0.7, rule: "indirect.clause-then-cue"))
            return true
        }
        guard let claim = messageAfter(end + 1, sentence: sentence, strict: true) else { return false }
        let form: AttributionForm = claim.contains(where: { insideQuote[$0] }) ? .mixed : .indirect
        add(Proposal(speakers: speakers, cue: cueWords, claim: claim, frame: frame(cue: cueWords, claim: claim), form: form,
            confidence: 0.75, rule: "indirect.verb-clause"))
        return true
    }

    /// Whether the word at `index` opens a second noun phrase after the word at `previous`: an
    /// accusative or dative article, or a form of address or a title after a name ("Frau Lenz").
    func opensQuotedPerson(_ index: Int, after previous: Int) -> Bool {
        let word = words[index]
        if isObjectCase(index) { return true }
        guard word.kind == .word, word.capitalized, words[previous].kind == .word || words[previous].kind == .quote, words[previous].capitalized,
            !Self.determiners.contains(words[previous].lower)
        else { return false }
        return Self.formsOfAddress.contains(word.lower) || lexicon.isTitle(word.lower) && !lexicon.isTitle(words[previous].lower)
    }

    /// Forms of address before a family name.
    static let formsOfAddress: Set<String> = ["frau", "herr", "herrn"]
}
