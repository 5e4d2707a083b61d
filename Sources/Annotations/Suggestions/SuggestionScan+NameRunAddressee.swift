extension SuggestionScan {
    /// Verbs flagged for an addressee whose object may well be missing ("teilte X mit"): a run of
    /// names after them is left whole.
    static let optionalAddresseeVerbs: Set<String> = ["mitteilen", "versichern"]

    /// The speaker and addressee of a run of bare capitalised words after a verb that needs an
    /// object ("warf Anna Berger Russland vor", "forderte Minister Jan Kowalski Polen auf"): the
    /// subject's name and the object meet with no article between them, so the last word of a
    /// run of three or more names (after any titles) is the addressee. Nil when the run is shorter,
    /// holds anything but capitalised words, or does not end at the verb's particle or a comma. After
    /// an article and one noun ("fordern die Organisationen Bürger dazu auf") the word before the
    /// particle is the addressee too, unless the noun is a title or an institution the word names
    /// ("die Gewerkschaft Verdi").
    func addresseeInNameRun(_ speaker: [Int], cue: [Int], finite: Int, verb: SuggestionLexicon.Verb) -> (speaker: [Int], addressee: [Int])? {
        guard verb.takesAddressee, !Self.optionalAddresseeVerbs.contains(verb.lemma), let first = speaker.first, let last = speaker.last, first > finite,
            last - first + 1 == speaker.count, last + 1 < words.count, cue.contains(last + 1) || words[last + 1].text == ","
        else { return nil }
        // "fordern die Organisationen Bürger dazu auf": an article and one noun are the whole subject, so
        // a bare capitalised word between it and the particle is the object (not after a title: "die Ministerin Berger";
        // nor after an institution, whose name it is: "rief die Gewerkschaft Verdi dazu auf").
        if speaker.count == 3, ["der", "die", "das"].contains(words[first].lower), cue.contains(last + 1),
            speaker.dropFirst().allSatisfy({ words[$0].kind == .word && words[$0].capitalized && !Self.determiners.contains(words[$0].lower) }),
            !lexicon.isTitle(words[speaker[1]].lower), !lexicon.isInstitution(words[speaker[1]].lower)
        {
            return (Array(speaker.dropLast()), [last])
        }
        guard speaker.allSatisfy({ words[$0].kind == .word && words[$0].capitalized && !Self.determiners.contains(words[$0].lower) }) else { return nil }
        let names = speaker.drop { lexicon.isTitle(words[$0].lower) }
        guard names.count >= 3 else { return nil }
        return (Array(speaker.dropLast()), [last])
    }
}
