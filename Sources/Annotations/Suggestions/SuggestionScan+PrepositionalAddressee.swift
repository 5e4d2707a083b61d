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
                guard let phrase = addresseeAfterPreposition(position, upper: range.upperBound),
                    !phrase.contains(where: { taken.contains($0) })
                else { continue }
                proposals[index].addressee = phrase
                break
            }
        }
    }

    /// The prepositions ``addresseeAfterPreposition(_:upper:)`` reads.
    static let addresseePrepositions: Set<String> = ["gegenüber", "vor", "zur", "zum", "mit"]

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
        default:
            return nil
        }
        guard !phrase.isEmpty, phrase.contains(where: { words[$0].capitalized || words[$0].kind == .quote }),
            !phrase.contains(where: { Self.pronouns.contains(words[$0].lower) })
        else { return nil }
        return phrase
    }
}
