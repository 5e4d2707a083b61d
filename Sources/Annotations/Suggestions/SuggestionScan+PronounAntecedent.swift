extension SuggestionScan {
    /// The person or body a speaker pronoun ("er", "sie") of a proposal points back to, for every
    /// proposal whose speaker is one: the most recent candidate before it that the pronoun can refer
    /// to (``pronoun(_:canReferTo:)``). Candidates are the named speakers of earlier proposals and the
    /// salient subjects of the sentences between that hold no proposal ("Landrat Klaus Hofmann zeigte
    /// sich zuversichtlich. Er gehe davon aus, …": "Er" is the Landrat, not the speaker of an
    /// attribution two sentences back). No antecedent when no candidate fits: the annotator links the
    /// pronoun, rather than a proposal linking it to the wrong person.
    mutating func linkPronouns() {
        let order = proposals.indices.sorted { (proposals[$0].cue.first ?? proposals[$0].claim.first ?? 0) < (proposals[$1].cue.first ?? proposals[$1].claim.first ?? 0) }
        var sentenceHoldsProposal = Array(repeating: false, count: sentenceRanges.count)
        for proposal in proposals {
            for word in proposal.speakers.joined() { sentenceHoldsProposal[words[word].sentence] = true }
            for word in proposal.cue { sentenceHoldsProposal[words[word].sentence] = true }
        }
        var candidates: [[Int]] = []
        var nextSentence = 0
        for index in order {
            let speakers = proposals[index].speakers
            let sentence = (proposals[index].cue.first ?? proposals[index].claim.first).map { words[$0].sentence } ?? 0
            while nextSentence < sentence {
                if !sentenceHoldsProposal[nextSentence], let subject = salientSubject(of: nextSentence), !isSpeakerPronoun(subject), ageDescriptionPronoun(subject) == nil {
                    candidates.append(subject)
                }
                nextSentence += 1
            }
            if speakers.count == 1, let pronoun = isSpeakerPronoun(speakers[0]) ? words[speakers[0][0]].lower : ageDescriptionPronoun(speakers[0]) {
                let plural = pronoun == "sie" && cueIsPlural(proposals[index].cue)
                proposals[index].antecedent = candidates.last { self.pronoun(pronoun, canReferTo: $0) && (!plural || canBePlural($0)) } ?? []
            } else if let first = speakers.first, !first.isEmpty, !namesATextOrPlace(first) {
                // A text or an event ("in der Erklärung", "Angaben des Ministeriums") says nothing
                // itself: "er" in the next sentence is still the person before it.
                candidates.append(first)
            }
        }
    }

    /// The pronoun that stands for a speaker named by age alone, the way news refers back to a person
    /// it has just named ("…, sagte der 47-Jährige", "die 31-Jährige"): "er" after "der", "sie" after
    /// "die". Nil for any other phrase.
    func ageDescriptionPronoun(_ phrase: [Int]) -> String? {
        guard phrase.count == 2 else { return nil }
        let noun = words[phrase[1]].text
        guard let hyphen = noun.firstIndex(of: "-"), hyphen > noun.startIndex, noun[..<hyphen].allSatisfy(\.isASCII), noun[..<hyphen].allSatisfy(\.isNumber),
            ["Jährige", "Jähriger"].contains(noun[noun.index(after: hyphen)...])
        else { return nil }
        switch words[phrase[0]].lower {
        case "der": return "er"
        case "die": return "sie"
        default: return nil
        }
    }

    /// The person or body a sentence is about, when it names one: the subject that opens it, else
    /// the subject right after its finite verb when it opens with an adverbial ("Am Abend traf die
    /// Ministerin ein."), either shaped like a speaker and naming someone by its head
    /// (``isRecentSpeaker(_:)``; an object that opens a sentence, "Dem Minister wurde …", is no speaker).
    func salientSubject(of sentence: Int) -> [Int]? {
        if let subject = sentenceSubject(sentence) {
            return isRecentSpeaker(subject) ? subject : nil
        }
        guard let clause = invertedClause(in: sentence), looksFinite(clause.finite), isRecentSpeaker(clause.subject) else { return nil }
        return clause.subject
    }

    /// Whether a speaker pronoun can refer to a noun phrase, as far as its words tell the
    /// phrase's gender and number: "er" not to "die Polizei", "eine Sprecherin" or
    /// "Ministerin Jana Kühn"; "sie" (she or they) not to "der Verband", "das Amt" or "Landrat Uwe
    /// Brandt". A phrase whose words tell nothing (a name alone) fits both.
    func pronoun(_ pronoun: String, canReferTo phrase: [Int]) -> Bool {
        guard let first = phrase.first else { return false }
        let article = words[first].lower
        let titles = phrase.filter { words[$0].kind == .word && words[$0].capitalized && lexicon.isTitle(words[$0].lower) }.map { words[$0].lower }
        let feminineOrPlural = titles.contains { $0.hasSuffix("in") || $0.hasSuffix("innen") }
        switch pronoun {
        case "er":
            return !["die", "eine", "diese"].contains(article) && !feminineOrPlural
        case "sie":
            if ["der", "ein", "das", "dieser", "dieses"].contains(article) { return false }
            return feminineOrPlural || titles.isEmpty || ["die", "diese"].contains(article)
        default:
            return true
        }
    }

    /// Whether the finite verb that opens a cue is plural ("forderten", "erklärten", "sind"), so a
    /// "sie" beside it means "they". A cue whose first word tells nothing (a particle, "hat") is not.
    func cueIsPlural(_ cue: [Int]) -> Bool {
        guard let first = cue.min(), words[first].kind == .word else { return false }
        let lower = words[first].lower
        return lower == "sind" || lower.hasSuffix("en") || lower.hasSuffix("ern") || lower.hasSuffix("eln")
    }

    /// Whether a noun phrase can be what a plural "sie" refers to: not one person's name ("Berg",
    /// "Trainer Thomas Berg"), not a phrase opened by a singular article ("der Verband", "eine
    /// Sprecherin") and not a feminine singular title ("Ministerin"); a coordination of two
    /// ("Frankreich und Italien") always can.
    func canBePlural(_ phrase: [Int]) -> Bool {
        guard let first = phrase.first else { return false }
        if phrase.contains(where: { words[$0].lower == "und" || words[$0].lower == "sowie" }) { return true }
        if ["der", "das", "ein", "eine", "einer", "eines", "dieser", "dieses"].contains(words[first].lower) { return false }
        let capitalized = phrase.filter { words[$0].kind == .word && words[$0].capitalized }
        if capitalized.contains(where: { lexicon.isTitle(words[$0].lower) && words[$0].lower.hasSuffix("in") }) { return false }
        let nameWords = capitalized.filter {
            !lexicon.isTitle(words[$0].lower) && !lexicon.isInstitution(words[$0].lower) && !looksLikeCommonNoun(words[$0].lower)
                && !Self.determiners.contains(words[$0].lower)
        }
        return !(nameWords.count >= 2 || nameWords.count == 1 && isKnownSurname(nameWords[0]))
    }
}
