extension SuggestionScan {
    /// Rules whose proposals may take the person or body the sentence right before is about as
    /// their speaker: free indirect speech that continues reported speech, and a quote standing alone.
    static let recentSpeakerRules: Set<String> = ["free-indirect.subjunctive-continuation", "direct.quote-previous-speaker"]

    /// The speaker of free indirect speech or of a lone quote whose attribution lies further back:
    /// the most salient person or body of the sentence right before, when that sentence holds no
    /// attribution. The subject that opens it comes first ("Staatsanwältin Jana Kühn ist besorgt.
    /// Die Lage sei ernst."), else the subject right after its finite verb when the sentence opens
    /// with an adverbial ("Besorgt äußerte sich die Ministerin über …. „…“"). Either must name
    /// someone (``namesSomeone(_:)``) and not be a matter or a speech act; a pronoun is left to the
    /// attribution before. SpkAtt links such a continuation to the nearest fitting speaker, which is
    /// that subject far more often than the speaker of an attribution two or three sentences back.
    /// Nil otherwise. `sentenceHoldsClaim` tells, per sentence, whether a proposal's claim has a word in it.
    func recentSpeaker(of index: Int, sentence: Int, sentenceHoldsClaim: [Bool]) -> [Int]? {
        guard looksBackForSpeaker(index, sentence: sentence), sentence > 0, !sentenceHoldsClaim[sentence - 1] else { return nil }
        return salientSubject(of: sentence - 1)
    }

    /// Whether the proposal at `index`, whose claim opens in `sentence`, may take a speaker from the
    /// sentences before it: free indirect speech that continues reported speech, or a quote that
    /// makes up its sentence from the start (a quote inside a sentence belongs to that sentence).
    func looksBackForSpeaker(_ index: Int, sentence: Int) -> Bool {
        guard Self.recentSpeakerRules.contains(proposals[index].rule) else { return false }
        return proposals[index].form != .direct || proposals[index].claim.min() == sentenceRanges[sentence].lowerBound
    }

    /// Whether a subject of the sentence before can be the speaker of what follows: outside quotes,
    /// shaped like a speaker, with no reporting noun, and naming a person or body by its head.
    func isRecentSpeaker(_ subject: [Int]) -> Bool {
        guard let first = subject.first, !insideQuote[first], looksLikeSpeaker(subject),
            !subject.contains(where: { lexicon.isReportingNoun(words[$0].text) })
        else { return false }
        return headNamesSomeone(subject)
    }

    /// Whether the head of a noun phrase names a person or body: the run of capitalised words that
    /// ends in the head noun ("Die Gesundheitsbehörde", "Staatsanwältin Jana Kühn", "der Iran-Beauftragte
    /// der UNO" up to "Iran-Beauftragte") holds a title, office, institution or abbreviation, or is a full
    /// name, or a surname named in full earlier. What follows the head ("die Fenster der BVG") does not count.
    func headNamesSomeone(_ phrase: [Int]) -> Bool {
        guard let start = phrase.firstIndex(where: { words[$0].kind == .word && words[$0].capitalized && !Self.determiners.contains(words[$0].lower) })
        else { return false }
        var end = start
        while end + 1 < phrase.count, phrase[end + 1] == phrase[end] + 1, words[phrase[end + 1]].kind == .word, words[phrase[end + 1]].capitalized {
            end += 1
        }
        let run = Array(phrase[start...end])
        if run.count == 1, phrase.count == 1 || start == phrase.count - 1 && Self.determiners.contains(words[phrase[0]].lower) {
            if isKnownSurname(run[0]) { return true }
        }
        return namesSomeone(run)
    }

    /// Whether a lowercase word can be the finite verb after an opening adverbial: an auxiliary, a
    /// modal, a reporting verb form, a weak past form ("äußerte") or a word without an adjective
    /// ending ("traf", "strebt"), and never a word right after an article or possessive ("ihren
    /// früheren", "die gesamte").
    func looksFinite(_ index: Int) -> Bool {
        let lower = words[index].lower
        if Self.auxiliaries.contains(lower) || Self.modals.contains(lower) || lexicon.verbForms[lower] != nil { return true }
        guard index > 0, !Self.determiners.contains(words[index - 1].lower), !lexicon.stopwords.contains(lower) else { return false }
        return lower.hasSuffix("te") || !looksLikeAdjective(words[index])
    }
}
