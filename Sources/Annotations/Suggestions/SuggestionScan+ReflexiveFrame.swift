extension SuggestionScan {
    /// The subject a reflexive frame's source stands for ("Der Bruder des Papstes, Georg Ratzinger,
    /// war nach eigenem Bekunden eingeweiht"): the noun phrase that opens the sentence before its
    /// finite verb (with a name apposition between commas), which the sentences after it continue.
    /// Nil when the source opens with no form of "eigen" or no such subject stands before it.
    func reflexiveFrameSubject(_ speakers: [[Int]]) -> [Int]? {
        guard speakers.count == 1, let first = speakers[0].first, Self.reflexiveFrameWords.contains(words[first].lower) else { return nil }
        let range = sentenceRanges[words[first].sentence]
        guard !range.isEmpty, isPhraseStart(range.lowerBound) else { return nil }
        let phrase = nounPhrase(from: range.lowerBound)
        guard let last = phrase.last, last < first, phrase.first == range.lowerBound else { return nil }
        var next = last + 1
        if next < first, words[next].text == ",", phrase.contains(where: { words[$0].text == "," }) { next += 1 }
        guard next < first, words[next].kind == .word, !words[next].capitalized, !Self.determiners.contains(words[next].lower) else { return nil }
        return phrase
    }

    /// Whether a frame's source names no one ("dem Vernehmen nach").
    func isImpersonalFrameSource(_ speakers: [[Int]]) -> Bool {
        speakers.count == 1 && speakers[0].contains { words[$0].lower == "vernehmen" }
    }

    /// Whether a frame's source is a pronominal adverb that stands for a source named before it
    /// ("Demnach …"): SpkAtt marks the adverb as that frame's source, but free indirect speech after
    /// it continues the attribution's speaker the adverb refers back to; with no such speaker before
    /// it, the adverb goes on as the source (as SpkAtt marks it then).
    func isReferringFrameSource(_ speakers: [[Int]]) -> Bool {
        speakers.count == 1 && speakers[0].count == 1 && Self.referringFrameAdverbs.contains(words[speakers[0][0]].lower)
    }

    /// Pronominal adverbs that are a frame's cue and source at once ("Demnach sind …").
    static let referringFrameAdverbs: Set<String> = ["demnach"]

    static let reflexiveFrameWords: Set<String> = ["eigenem", "eigenen", "eigener", "eigene"]
}
