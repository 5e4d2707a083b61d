extension SuggestionScan {
    /// Heads of organisations followed by their own name ("die Gewerkschaft Verdi", "der Konzern
    /// Siemens", "die Partei Linke"); authorities ("die Staatsanwaltschaft", "die Regierung") are
    /// followed by a place, so a bare name after them is someone else.
    static let selfNamingInstitutions: Set<String> = [
        "gewerkschaft", "partei", "verband", "organisation", "konzern", "unternehmen", "bank", "agentur", "zeitung", "sender", "institut", "union",
        "stiftung", "verein", "initiative", "bewegung", "gruppe",
    ]

    /// Verbs flagged for an addressee whose object may well be missing ("teilte X mit"): a run of
    /// names after them is left whole.
    static let optionalAddresseeVerbs: Set<String> = ["mitteilen", "versichern"]

    /// The speaker and addressee of a run of bare capitalised words after a verb that needs an
    /// object ("warf Anna Berger Russland vor", "forderte Minister Jan Kowalski Polen auf"): the
    /// subject's name and the object meet with no article between them, so the last word of a
    /// run of three or more names (after any titles) is the addressee. Nil when the run is shorter,
    /// holds anything but capitalised words, or does not end at the verb's particle or a comma. After
    /// an article and one noun ("fordern die Organisationen Bürger dazu auf") the word before the
    /// particle is the addressee too, unless the noun is a title or an organisation the word names
    /// ("die Gewerkschaft Verdi", ``selfNamingInstitutions``).
    func addresseeInNameRun(_ speaker: [Int], cue: [Int], finite: Int, verb: SuggestionLexicon.Verb) -> (speaker: [Int], addressee: [Int])? {
        guard verb.takesAddressee, !Self.optionalAddresseeVerbs.contains(verb.lemma), let first = speaker.first, let last = speaker.last, first > finite,
            last - first + 1 == speaker.count, last + 1 < words.count, cue.contains(last + 1) || words[last + 1].text == ","
        else { return nil }
        // "fordern die Organisationen Bürger dazu auf": an article and one noun are the whole subject, so
        // a bare capitalised word between it and the particle is the object (not after a title: "die Ministerin Berger";
        // nor after an organisation, whose name it is: "rief die Gewerkschaft Verdi dazu auf"; an authority's name is
        // its place, so a person after it is the object: "warf die Staatsanwaltschaft Berger vor").
        if speaker.count == 3, ["der", "die", "das"].contains(words[first].lower), cue.contains(last + 1),
            speaker.dropFirst().allSatisfy({ words[$0].kind == .word && words[$0].capitalized && !Self.determiners.contains(words[$0].lower) }),
            !lexicon.isTitle(words[speaker[1]].lower), !Self.selfNamingInstitutions.contains(where: { words[speaker[1]].lower.hasSuffix($0) })
        {
            return (Array(speaker.dropLast()), [last])
        }
        guard speaker.allSatisfy({ words[$0].kind == .word && words[$0].capitalized && !Self.determiners.contains(words[$0].lower) }) else { return nil }
        let names = speaker.drop { lexicon.isTitle(words[$0].lower) }
        guard names.count >= 3 else { return nil }
        return (Array(speaker.dropLast()), [last])
    }
}
