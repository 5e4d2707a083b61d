extension SuggestionScan {
    /// Nouns for the audience of a statement made "vor" it ("vor der Presse", "vor Journalisten").
    static let audienceNouns: Set<String> = [
        "presse", "journalisten", "journalistinnen", "reportern", "reporterinnen", "medienvertretern", "pressevertretern",
        "medien", "abgeordneten", "studenten", "schülern", "anhängern", "delegierten", "parlament", "publikum",
    ]

    /// The addressee named by a preposition in the frame of an attribution whose addressee is still
    /// empty: "sagte er gegenüber der Zeitung", "Gegenüber dem Sender erklärte sie: „…“", "sagte sie
    /// vor der Presse", "sagte er zur Nachrichtenagentur X", "sagte sie in einem Interview mit dem
    /// Sender". The addressee is the noun phrase after the preposition (SpkAtt mostly leaves the
    /// preposition out). Only words of the cue's sentence outside the claim, the speakers, the cue
    /// and quotes count; "vor" and "zur"/"zum" only before an audience or a medium.
    mutating func prepositionalAddressees() {
        for index in proposals.indices where proposals[index].addressee.isEmpty && proposals[index].form != .reported
            && !Self.framedRules.contains(proposals[index].rule)
        {
            guard let cueWord = proposals[index].cue.min(), !proposals[index].claim.contains(cueWord) else { continue }
            let sentence = words[cueWord].sentence
            let range = sentenceRanges[sentence]
            // Most sentences hold none of the prepositions: look for one before building any set.
            guard range.contains(where: { Self.addresseePrepositions.contains(words[$0].lower) }) else { continue }
            let taken = Set(proposals[index].claim).union(proposals[index].speakers.joined()).union(proposals[index].cue)
            for position in range where Self.addresseePrepositions.contains(words[position].lower) && !taken.contains(position) && !insideQuote[position] {
                guard let phrase = addresseeAfterPreposition(position, upper: range.upperBound)
                    ?? addresseeOfVerbPreposition(position, proposal: proposals[index], upper: range.upperBound),
                    !phrase.contains(where: { taken.contains($0) })
                else { continue }
                proposals[index].addressee = phrase
                break
            }
        }
    }

    /// The prepositions ``addresseeAfterPreposition(_:upper:)`` reads.
    static let addresseePrepositions: Set<String> = ["gegenüber", "vor", "zur", "zum", "mit", "an", "von", "vom", "zu"]

    /// Rules whose cue is a frame or a partial quote's: a preposition in their sentence belongs to
    /// the reporting clause around them ("nach Angaben der Polizei sagte er gegenüber der Presse")
    /// or to the quote's context ("„aggressiv“ gegenüber den Helfern").
    static let framedRules: Set<String> = [
        "direct.partial-quote", "direct.partial-quote-in-frame", "indirect.laut", "indirect.nach-angaben", "indirect.noun-nach",
        "indirect.noun-wonach", "indirect.zufolge", "indirect.aus-sicht", "indirect.demnach", "indirect.opinion-phrase",
        "indirect.relative-frame", "indirect.wie-frame",
    ]

    /// The noun phrase after the preposition at `position` when the two name an addressee.
    private func addresseeAfterPreposition(_ position: Int, upper: Int) -> [Int]? {
        let preposition = words[position].lower
        guard position + 1 < upper else { return nil }
        let phrase: [Int]
        switch preposition {
        case "gegenüber":
            phrase = nounPhrase(from: position + 1)
        case "vor", "zur", "zum":
            phrase = nounPhrase(from: position + 1)
            // A noun of the phrase names an audience ("vor der Presse") or a medium ("zur Nachrichtenagentur X").
            let named = phrase.contains { index in
                let lower = words[index].lower
                guard words[index].kind == .word, words[index].capitalized else { return false }
                return preposition == "vor" ? Self.audienceNouns.contains(lower) : Self.mediaNouns.contains { lower == $0 || lower.hasSuffix($0) }
            }
            guard named else { return nil }
        case "mit":
            guard position > 0, ["interview", "gespräch"].contains(words[position - 1].lower) else { return nil }
            phrase = nounPhrase(from: position + 1)
        case "an":
            // "in einem Brief an sechs Bundesminister", "In einem Schreiben an die Mitarbeiter".
            guard position > 0, Self.letterNouns.contains(words[position - 1].lower) else { return nil }
            phrase = nounPhrase(from: position + 1)
        default:
            return nil
        }
        guard !phrase.isEmpty, phrase.contains(where: { words[$0].capitalized || words[$0].kind == .quote }),
            !phrase.contains(where: { Self.pronouns.contains(words[$0].lower) })
        else { return nil }
        return phrase
    }

    /// Nouns of a letter or an appeal whose "an" names its addressee ("in einem offenen Brief an X").
    static let letterNouns: Set<String> = [
        "brief", "briefes", "schreiben", "schreibens", "rundschreiben", "rundbrief", "appell", "appells", "aufruf", "aufrufs",
        "mail", "e-mail", "botschaft", "petition", "antwortschreiben",
    ]

    /// Reporting verbs whose "von X" names the addressee of a demand ("forderte von der Regierung
    /// Aufklärung", "verlangte von der Stadt, …").
    static let demandVerbs: Set<String> = ["fordern", "verlangen"]

    /// Nouns that are no person after "zu" ("sagte zu Beginn", "zu Recht", "zu Protokoll").
    static let nonPersonAfterZu: Set<String> = ["beginn", "recht", "protokoll", "hause", "gast", "fuß", "tisch", "besuch", "anfang", "gunsten", "lasten"]

    /// The addressee named by a preposition that belongs to the cue's verb: "forderte (er) von X",
    /// "verlangte vom Verband" (the agent of a passive is a speaker, never this), and "sagte zu X",
    /// "soll zu X gesagt haben" with an audience or a bare name after "zu" (not "zu den Vorwürfen").
    /// The preposition must touch the verb, or the speaker right after it.
    private func addresseeOfVerbPreposition(_ position: Int, proposal: Proposal, upper: Int) -> [Int]? {
        let preposition = words[position].lower
        guard ["von", "vom", "zu"].contains(preposition), position > 0, position + 1 < upper else { return nil }
        let cue = Set(proposal.cue), speakers = Set(proposal.speakers.joined())
        let lemma = { (index: Int) in self.lexicon.reportingVerbLemma(of: self.words[index].lower) }
        // The verb right before, or before a speaker right before ("forderte er vom Ausschuss").
        var before = position - 1
        while before > 0, speakers.contains(before), !cue.contains(before) { before -= 1 }
        let verbBefore = cue.contains(before) ? lemma(before) : nil
        let phrase = nounPhrase(from: position + 1)
        guard let first = phrase.first, let last = phrase.last, phrase.contains(where: { words[$0].capitalized }),
            !phrase.contains(where: { Self.pronouns.contains(words[$0].lower) })
        else { return nil }
        if preposition == "zu" {
            let verbAfter = last + 1 < upper && cue.contains(last + 1) ? lemma(last + 1) : nil
            guard verbBefore == "sagen" || verbAfter == "sagen" else { return nil }
            let head = phrase.last { words[$0].kind == .word && words[$0].capitalized } ?? first
            let audience = Self.audienceNouns.contains(words[head].lower)
            // A bare name: one or two capitalised words that look like no common noun.
            let name = phrase.count <= 2 && phrase.allSatisfy { words[$0].kind == .word && words[$0].capitalized }
                && !phrase.contains { looksLikeCommonNoun(words[$0].lower) || Self.nonPersonAfterZu.contains(words[$0].lower) }
            return audience || name ? phrase : nil
        }
        guard let verb = verbBefore, Self.demandVerbs.contains(verb),
            !proposal.cue.contains(where: { Self.passiveAuxiliaries.contains(words[$0].lower) || words[$0].lower == "worden" })
        else { return nil }
        // What is demanded may follow the addressee at once ("von der Regierung Aufklärung"): after
        // an article, a common noun followed by another one ends the addressee.
        if Self.determiners.contains(words[first].lower) || Self.genitiveDeterminers.contains(words[first].lower),
            let noun = phrase.firstIndex(where: { words[$0].capitalized && words[$0].kind == .word }), noun + 1 < phrase.count,
            phrase[noun + 1] == phrase[noun] + 1, words[phrase[noun + 1]].capitalized, looksLikeCommonNoun(words[phrase[noun]].lower),
            looksLikeCommonNoun(words[phrase[noun + 1]].lower)
        {
            return Array(phrase[...noun])
        }
        return phrase
    }
}
